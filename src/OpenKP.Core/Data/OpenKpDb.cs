using System.Text.Json;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using OpenKP.Accounts;
using OpenKP.Audit;
using OpenKP.Certificates;
using OpenKP.Compliance;
using OpenKP.Notifications;
using OpenKP.Registry;
using OpenKP.Shipments;
using OpenKP.Statistics;

namespace OpenKP.Data;

/// <summary>
/// The one database context. Each module adds its entity configurations in <see cref="OnModelCreating"/>.
/// Every save writes audit rows for what it changed, in the same transaction, chained by hash.
/// A certificate's lines have no rows of their own: they never change after issuance, and the
/// certificate's row records them in its signed QR text.
/// </summary>
public sealed class OpenKpDb(
    DbContextOptions<OpenKpDb> options, IAuditActor? actor = null, TimeProvider? clock = null, RegistryCache? registryCache = null, RecipientCache? recipientCache = null)
    : IdentityDbContext<OpenKpUser>(options)
{
    private static readonly HashSet<string> Redacted = new(StringComparer.Ordinal)
    {
        nameof(OpenKpUser.PasswordHash), nameof(OpenKpUser.SecurityStamp), nameof(OpenKpUser.ConcurrencyStamp), "Value", nameof(WebhookSubscription.ProtectedSecret),
    };

    private static readonly HashSet<string> RegistryEntities = new(StringComparer.Ordinal)
    {
        nameof(Participant), nameof(StatusEvent), nameof(Zone), nameof(EuMembership), nameof(Embargo),
    };

    /// <summary>What a notice's recipients are read from: accounts, their roles, webhook subscriptions.</summary>
    private static readonly HashSet<string> RecipientEntities = new(StringComparer.Ordinal)
    {
        nameof(OpenKpUser), "IdentityUserRole`1", nameof(WebhookSubscription),
    };

    private readonly IAuditActor _actor = actor ?? new SystemActor();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Who this context's changes are attributed to (for audit rows written outside <see cref="SaveChangesAsync(bool, CancellationToken)"/>).</summary>
    internal IAuditActor AuditActor => _actor;

    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<StatusEvent> StatusEvents => Set<StatusEvent>();
    public DbSet<Embargo> Embargoes => Set<Embargo>();
    public DbSet<Zone> Zones => Set<Zone>();
    public DbSet<EuMembership> EuMemberships => Set<EuMembership>();
    public DbSet<Authority> Authorities => Set<Authority>();
    public DbSet<Operator> Operators => Set<Operator>();
    public DbSet<Observer> Observers => Set<Observer>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<CertificateLineRow> CertificateLines => Set<CertificateLineRow>();
    public DbSet<CertificateSequence> CertificateSequences => Set<CertificateSequence>();
    public DbSet<ReportedNumber> ReportedNumbers => Set<ReportedNumber>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<AlertAcknowledgement> AlertAcknowledgements => Set<AlertAcknowledgement>();
    public DbSet<ExportApplication> ExportApplications => Set<ExportApplication>();
    public DbSet<ApplicationLine> ApplicationLines => Set<ApplicationLine>();
    public DbSet<ApplicationAttachment> ApplicationAttachments => Set<ApplicationAttachment>();
    public DbSet<Shipment> Shipments => Set<Shipment>();
    public DbSet<ArrivalCheck> ArrivalChecks => Set<ArrivalCheck>();
    public DbSet<ImportConfirmation> ImportConfirmations => Set<ImportConfirmation>();
    public DbSet<DetentionCase> DetentionCases => Set<DetentionCase>();
    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();
    public DbSet<TransitRecord> TransitRecords => Set<TransitRecord>();
    public DbSet<ShipmentSettings> ShipmentSettings => Set<ShipmentSettings>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<OutboxEvent> OutboxEvents => Set<OutboxEvent>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<InboxAudience> InboxAudiences => Set<InboxAudience>();
    public DbSet<InboxRead> InboxReads => Set<InboxRead>();
    public DbSet<EmailMessage> EmailMessages => Set<EmailMessage>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();
    public DbSet<ProductionReturn> ProductionReturns => Set<ProductionReturn>();
    public DbSet<ProductionLine> ProductionLines => Set<ProductionLine>();
    public DbSet<TradeSubmission> TradeSubmissions => Set<TradeSubmission>();
    public DbSet<SubmittedFigure> SubmittedFigures => Set<SubmittedFigure>();
    public DbSet<SubmittedRecord> SubmittedRecords => Set<SubmittedRecord>();
    public DbSet<StatisticsVintage> StatisticsVintages => Set<StatisticsVintage>();
    public DbSet<VintageRow> VintageRows => Set<VintageRow>();
    public DbSet<FootprintRun> FootprintRuns => Set<FootprintRun>();
    public DbSet<Footprint> Footprints => Set<Footprint>();
    public DbSet<Anomaly> Anomalies => Set<Anomaly>();
    public DbSet<AnomalySettings> AnomalySettings => Set<AnomalySettings>();
    public DbSet<Questionnaire> Questionnaires => Set<Questionnaire>();
    public DbSet<QuestionnaireQuestion> QuestionnaireQuestions => Set<QuestionnaireQuestion>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<DecisionEffect> DecisionEffects => Set<DecisionEffect>();
    public DbSet<Chairmanship> Chairmanships => Set<Chairmanship>();
    public DbSet<BodyMembership> BodyMemberships => Set<BodyMembership>();
    public DbSet<BodyOutcome> BodyOutcomes => Set<BodyOutcome>();
    public DbSet<AdmissionApplication> AdmissionApplications => Set<AdmissionApplication>();
    public DbSet<AdmissionChecklistItem> AdmissionChecklistItems => Set<AdmissionChecklistItem>();
    public DbSet<AdmissionDocument> AdmissionDocuments => Set<AdmissionDocument>();
    public DbSet<AnnualReport> AnnualReports => Set<AnnualReport>();
    public DbSet<PeerReview> PeerReviews => Set<PeerReview>();
    public DbSet<ReviewTeamMember> ReviewTeamMembers => Set<ReviewTeamMember>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<RecommendationUpdate> RecommendationUpdates => Set<RecommendationUpdate>();
    public DbSet<ComplianceCase> ComplianceCases => Set<ComplianceCase>();
    public DbSet<ComplianceCaseStep> ComplianceCaseSteps => Set<ComplianceCaseStep>();
    public DbSet<WorkPlanItem> WorkPlanItems => Set<WorkPlanItem>();
    public DbSet<ChairReport> ChairReports => Set<ChairReport>();
    public DbSet<ChairReportSection> ChairReportSections => Set<ChairReportSection>();
    public DbSet<DeadlineReminder> DeadlineReminders => Set<DeadlineReminder>();

    public bool IsPostgres => Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ConfigureRegistry();
        builder.ConfigureAudit();
        builder.ConfigureCertificates();
        builder.ConfigureShipments();
        builder.ConfigureNotifications();
        builder.ConfigureStatistics();
        builder.ConfigureFootprints();
        builder.ConfigureAnomalies();
        builder.ConfigureCompliance();
        builder.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("idempotency_records");
            e.Property(x => x.UserName).HasMaxLength(256);
            e.Property(x => x.Key).HasMaxLength(128);
            e.Property(x => x.RequestHash).HasMaxLength(64);
            e.Property(x => x.ContentType).HasMaxLength(128);
            e.Property(x => x.Location).HasMaxLength(1000);
            e.HasIndex(x => new { x.UserName, x.Key }).IsUnique();
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Store every DateTime as UTC and read it back as UTC, on SQLite as on PostgreSQL.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
        => SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var changes = ChangeTracker.Entries()
            .Where(e => e.Entity is not (AuditEntry or IdempotencyRecord or CertificateLineRow or INotificationRow or IStatisticsDetailRow) && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(Capture)
            .ToList();
        if (changes.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var registryChanged = changes.Any(c => RegistryEntities.Contains(c.Entity));
        var recipientsChanged = changes.Any(c => RecipientEntities.Contains(c.Entity));

        IDbContextTransaction? owned = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            await LockAuditChainAsync(cancellationToken);
            int written;
            if (changes.All(c => c.KeyKnown))
            {
                // Every key is known before saving: the changes and their audit rows go in one round trip.
                await AppendAuditAsync(changes, cancellationToken);
                written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken) - changes.Count;
            }
            else
            {
                written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                await AppendAuditAsync(changes, cancellationToken);
                await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            if (owned is not null)
            {
                await owned.CommitAsync(cancellationToken);
            }

            return written;
        }
        finally
        {
            if (registryChanged)
            {
                registryCache?.Invalidate();
            }

            if (recipientsChanged)
            {
                recipientCache?.Invalidate();
            }

            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Serialises writers of the audit chain. PostgreSQL: a transaction-scoped advisory lock.
    /// SQLite: one writer at a time already; the first write of the transaction takes the lock.
    /// </summary>
    internal async Task LockAuditChainAsync(CancellationToken ct)
    {
        if (IsPostgres)
        {
            await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7213001)", ct);
        }
    }

    private async Task AppendAuditAsync(List<PendingChange> changes, CancellationToken ct)
    {
        var last = await AuditEntries.AsNoTracking().OrderByDescending(a => a.Id)
            .Select(a => new { a.Id, a.Hash }).FirstOrDefaultAsync(ct);
        var previous = last?.Hash ?? AuditChain.Genesis;
        var id = last?.Id ?? 0;
        var now = _clock.GetUtcNow().UtcDateTime;
        var at = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        foreach (var change in changes)
        {
            var entry = new AuditEntry
            {
                Id = checked(++id),
                At = at,
                UserName = _actor.UserName,
                Role = _actor.Role,
                Participant = _actor.Participant,
                Action = change.Action,
                Entity = change.Entity,
                EntityKey = change.Key(),
                Before = change.Before,
                After = change.After(),
                PreviousHash = previous,
                Hash = string.Empty,
            };
            entry.Hash = AuditChain.ComputeHash(entry);
            previous = entry.Hash;
            AuditEntries.Add(entry);
        }
    }

    private PendingChange Capture(EntityEntry entry)
    {
        if (entry.State == EntityState.Modified && entry.Metadata.FindProperty("Version") is { } version && version.IsConcurrencyToken)
        {
            entry.Property("Version").CurrentValue = Guid.NewGuid();
        }

        // Database-generated values not yet known (an id) are left out of the record; the key names the row.
        var properties = entry.Properties.Where(p => !p.IsTemporary).ToList();
        var changed = entry.State == EntityState.Modified ? properties.Where(p => p.IsModified).ToList() : properties;
        string? before = entry.State == EntityState.Added ? null : Json(changed.ToDictionary(p => p.Metadata.Name, p => Value(p, p.OriginalValue)));
        var keyProperties = entry.Metadata.FindPrimaryKey()?.Properties ?? [];
        var state = entry.State;
        var keyed = entry.Entity as IAuditKeyed;
        var keyKnown = keyed is not null || !keyProperties.Any(k => entry.Property(k.Name).IsTemporary);
        return new PendingChange(
            state switch { EntityState.Added => "added", EntityState.Deleted => "deleted", _ => "modified" },
            entry.Metadata.ClrType.Name,
            before,
            keyKnown,
            () => keyed?.AuditKey ?? string.Join('/', keyProperties.Select(k => Convert.ToString(entry.Property(k.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture))),
            () => state == EntityState.Deleted ? null : Json(changed.ToDictionary(p => p.Metadata.Name, p => Value(p, p.CurrentValue))));
    }

    private static object? Value(PropertyEntry p, object? value) => Redacted.Contains(p.Metadata.Name) && value is not null ? "[redacted]" : value;

    private static string Json(Dictionary<string, object?> values) => JsonSerializer.Serialize(values, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private sealed record PendingChange(string Action, string Entity, string? Before, bool KeyKnown, Func<string> Key, Func<string?> After);
}
