using Microsoft.EntityFrameworkCore;
using OpenKP.Certificates;
using OpenKP.Data;
using OpenKP.Notifications;
using OpenKP.Shared;
using OpenKP.Statistics;

namespace OpenKP.Shipments;

/// <summary>
/// The declared US$/ct beside the origin's recent range in the participant's own certificates (the
/// last <see cref="ApplicationReviewer.PriceHistoryDays"/> days): the 10th, 50th and 90th percentiles.
/// <see cref="Outside"/> when there are at least <see cref="ApplicationReviewer.PriceHistoryMinimum"/>
/// certificates and the declared price falls outside p10–p90 (a prompt to look, not a rule).
/// </summary>
public sealed record PriceCheck(string Origin, decimal? DeclaredUsdPerCarat, int Certificates, decimal? P10, decimal? Median, decimal? P90, bool Outside);

/// <summary>
/// What an officer sees before deciding: every rule the certificate would break today, the price check,
/// and each line against its origin's footprint (<see cref="FootprintChecker"/>: warnings, never a block).
/// </summary>
public sealed record ApplicationReview(ExportApplication Application, IReadOnlyList<Violation> Violations, PriceCheck Price, bool NeedsTwoApprovals, FootprintCheck Footprint);

/// <summary>
/// The authority's review of export applications: the check, then approve (the certificate is issued
/// by <see cref="CertificateIssuer"/> in the same transaction), reject with a reason, or send back for
/// changes. Four eyes per <see cref="ShipmentSettings"/>; nobody approves an application they prepared.
/// </summary>
public sealed class ApplicationReviewer(
    OpenKpDb db, CertificateIssuer issuer, ShipmentOpener opener, ShipmentSettingsStore settings, Notifier notifier, FootprintChecker footprints, TimeProvider clock,
    WriteGate? gate = null)
{
    public const int PriceHistoryDays = 365;
    public const int PriceHistoryMinimum = 5;

    public async Task<Outcome<ApplicationReview>> ReviewAsync(ShipmentActor actor, long id, CancellationToken ct)
    {
        var application = await db.ExportApplications.AsNoTracking().Include(a => a.Lines).Include(a => a.Attachments).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || !(actor.IsSecretariat || (actor.IsAuthorityOfficer && actor.Participant == application.ParticipantCode)))
        {
            return Outcome<ApplicationReview>.NotFound(NotFound(id));
        }

        var violations = await issuer.CheckAsync(Officer(actor, application), Draft(application), ct);
        var price = await PriceCheckAsync(application, ct);
        var footprint = await footprints.CheckAsync(application.Origin, application.OriginZone,
            [.. application.Lines.Select(l => new FootprintLine(l.Position, l.HsCode, l.CaratsHundredths, l.UsdCents))], ct);
        var rules = await settings.GetAsync(application.ParticipantCode, ct);
        return Outcome<ApplicationReview>.Success(new ApplicationReview(application, violations, price, ShipmentRules.NeedsTwoApprovals(application.TotalUsdCents, rules), footprint));
    }

    /// <summary>
    /// Approves: below the four-eyes threshold (or as the second approver) the certificate is issued and
    /// the application marked issued, in one transaction; above it, a first approval is recorded and
    /// another officer is asked.
    /// </summary>
    public async Task<Outcome<(ExportApplication Application, Certificate? Certificate)>> ApproveAsync(ShipmentActor actor, long id, Guid? version, CancellationToken ct)
    {
        using var turn = gate is not null ? await gate.EnterAsync(db, ct) : null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockAuditChainAsync(ct);
        var found = await DecidableAsync(actor, id, version, ct);
        if (!found.Succeeded)
        {
            return Outcome<(ExportApplication, Certificate?)>.From(found);
        }

        var application = found.Value!;
        var rules = await settings.GetAsync(application.ParticipantCode, ct);
        var violations = ShipmentRules.CheckApproval(application, actor.UserName, rules);
        if (violations.Count > 0)
        {
            return Outcome<(ExportApplication, Certificate?)>.Invalid(violations);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (ShipmentRules.NeedsTwoApprovals(application.TotalUsdCents, rules) && application.FirstApprovedBy is null)
        {
            application.FirstApprovedBy = actor.UserName;
            application.FirstApprovedAt = now;
            application.Status = ApplicationStatus.AwaitingSecondApproval;
            application.UpdatedAt = now;
            notifier.Publish(new Notice(NoticeTypes.ApplicationNeedsSecondApproval,
                $"Export application {id} needs a second approval",
                $"{actor.UserName} approved application {id} (US${application.TotalUsdCents / 100m:N2}); above the four-eyes threshold another officer must approve.",
                $"/applications/{id}", [Audience.Authority(application.ParticipantCode)],
                new Dictionary<string, object?> { ["applicationId"] = id, ["participant"] = application.ParticipantCode, ["firstApprovedBy"] = actor.UserName }));
            var first = await ApplicationRows.SaveAsync(db, application, ct);
            if (first.Succeeded)
            {
                await transaction.CommitAsync(ct);
            }

            return first.Succeeded ? Outcome<(ExportApplication, Certificate?)>.Success((application, null)) : Outcome<(ExportApplication, Certificate?)>.From(first);
        }

        opener.ForApplication(application);
        var issued = await issuer.IssueAsync(Officer(actor, application), Draft(application), ct);
        if (!issued.Succeeded)
        {
            return Outcome<(ExportApplication, Certificate?)>.From(issued);
        }

        var certificate = issued.Value!;
        application.Status = ApplicationStatus.Issued;
        application.CertificateNumber = certificate.Number;
        application.DecidedBy = actor.UserName;
        application.DecidedAt = now;
        application.UpdatedAt = now;
        notifier.Publish(new Notice(NoticeTypes.ApplicationApproved,
            $"Export application {id} approved: certificate {certificate.Number}",
            $"Your application {id} was approved and certificate {certificate.Number} issued.",
            $"/applications/{id}", [Audience.Operator(application.OperatorId)],
            ShipmentNotices.Data(certificate.Number, certificate.IssuingParticipant, certificate.ImportingParticipant, ("applicationId", id))));
        var saved = await ApplicationRows.SaveAsync(db, application, ct);
        if (!saved.Succeeded)
        {
            return Outcome<(ExportApplication, Certificate?)>.From(saved);
        }

        await transaction.CommitAsync(ct);
        return Outcome<(ExportApplication, Certificate?)>.Success((application, certificate));
    }

    /// <summary>Rejects with a reason the operator sees; the application is closed.</summary>
    public Task<Outcome<ExportApplication>> RejectAsync(ShipmentActor actor, long id, Guid? version, string reason, CancellationToken ct)
        => DecideAsync(actor, id, version, reason, ApplicationStatus.Rejected, NoticeTypes.ApplicationRejected, "rejected", ct);

    /// <summary>Sends back for changes with a reason: the operator edits and submits again.</summary>
    public Task<Outcome<ExportApplication>> SendBackAsync(ShipmentActor actor, long id, Guid? version, string reason, CancellationToken ct)
        => DecideAsync(actor, id, version, reason, ApplicationStatus.SentBack, NoticeTypes.ApplicationSentBack, "sent back for changes", ct);

    private async Task<Outcome<ExportApplication>> DecideAsync(
        ShipmentActor actor, long id, Guid? version, string reason, ApplicationStatus status, string noticeType, string verb, CancellationToken ct)
    {
        var found = await DecidableAsync(actor, id, version, ct);
        if (!found.Succeeded)
        {
            return found;
        }

        var application = found.Value!;
        var now = clock.GetUtcNow().UtcDateTime;
        application.Status = status;
        application.DecisionNote = reason;
        application.DecidedBy = actor.UserName;
        application.DecidedAt = now;
        application.UpdatedAt = now;
        application.FirstApprovedBy = null;
        application.FirstApprovedAt = null;
        notifier.Publish(new Notice(noticeType,
            $"Export application {id} {verb}",
            $"Your application {id} was {verb}: {reason}",
            $"/applications/{id}", [Audience.Operator(application.OperatorId)],
            new Dictionary<string, object?> { ["applicationId"] = id, ["participant"] = application.ParticipantCode, ["reason"] = reason }));
        return await ApplicationRows.SaveAsync(db, application, ct);
    }

    private async Task<Outcome<ExportApplication>> DecidableAsync(ShipmentActor actor, long id, Guid? version, CancellationToken ct)
    {
        var application = await ApplicationRows.LoadAsync(db, id, ct);
        if (application is null || !actor.IsAuthorityOfficer || actor.Participant != application.ParticipantCode)
        {
            return Outcome<ExportApplication>.NotFound(NotFound(id));
        }

        if (!application.AwaitingDecision)
        {
            return Outcome<ExportApplication>.Conflict(new(ShipmentCodes.ApplicationNotSubmitted,
                $"Application {id} is {Input.Kebab(application.Status)}: officers decide on submitted applications only.", "id"));
        }

        if (ApplicationRows.Stale(application, version) is { } stale)
        {
            return Outcome<ExportApplication>.Conflict(stale);
        }

        return Outcome<ExportApplication>.Success(application);
    }


    private async Task<PriceCheck> PriceCheckAsync(ExportApplication a, CancellationToken ct)
    {
        decimal? declared = a.TotalCaratsHundredths > 0 ? Math.Round((decimal)a.TotalUsdCents / a.TotalCaratsHundredths, 2) : null;
        var since = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-PriceHistoryDays);
        var history = await db.Certificates.AsNoTracking()
            .Where(c => c.IssuingParticipant == a.ParticipantCode && c.Origin == a.Origin && c.Status == CertificateStatus.Issued && c.IssuedOn >= since && c.TotalCaratsHundredths > 0)
            .Select(c => new { c.TotalUsdCents, c.TotalCaratsHundredths }).ToListAsync(ct);
        var prices = history.Select(h => (decimal)h.TotalUsdCents / h.TotalCaratsHundredths).Order().ToList();
        if (prices.Count == 0)
        {
            return new PriceCheck(a.Origin, declared, 0, null, null, null, false);
        }

        var p10 = Percentiles.Inclusive(prices, 0.10m);
        var median = Percentiles.Inclusive(prices, 0.50m);
        var p90 = Percentiles.Inclusive(prices, 0.90m);
        var outside = prices.Count >= PriceHistoryMinimum && declared is { } d && (d < p10 || d > p90);
        return new PriceCheck(a.Origin, declared, prices.Count, p10, median, p90, outside);
    }

    private static IssuingOfficer Officer(ShipmentActor actor, ExportApplication a) => new(a.ParticipantCode, actor.UserName, actor.CreateKeyOnFirstUse);

    /// <summary>The certificate the application asks for.</summary>
    internal static CertificateDraft Draft(ExportApplication a) => new(
        a.ImportingParticipant, a.ExporterLicence, a.ImporterName, a.ImporterAddress, a.ImporterLicence, a.Origin, a.Provenance, a.OriginZone,
        [.. a.Lines.OrderBy(l => l.Position).Select(l => new CertificateLine(l.HsCode, l.CaratsHundredths / 100m, l.UsdCents / 100m))],
        a.Parcels, null, a.SealNumbers, a.ContainerNumbers, a.QualityNotes);

    private static Violation NotFound(long id) => new(ShipmentCodes.ApplicationNotFound, $"You have no application {id} to review.", "id");
}
