using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using OpenKP.Audit;
using OpenKP.Certificates;
using OpenKP.Data;
using OpenKP.Registry;
using OpenKP.Shared;

namespace OpenKP.Statistics.Synthetic;

/// <summary>
/// Fills a database with a realistic, deterministic trade network for statistics work and benchmarks
/// (<c>openkp demo generate</c>, the demo's first start): certificates with their lines, import
/// confirmations and accepted arrival checks, production returns, and planted anomalies. Everything is
/// written in one transaction with bulk inserts (prepared commands on SQLite, binary COPY on
/// PostgreSQL), ids assigned here, the certificate sequences moved on, and one audit row for the run.
/// </summary>
public sealed class SyntheticDataGenerator(OpenKpDb db, TimeProvider clock)
{
    /// <summary>The key id every synthetic certificate and confirmation carries instead of a real signing key's: they are not signed.</summary>
    public const string KeyId = SyntheticTables.KeyId;

    /// <summary>Whether the database already holds synthetic data (a run writes into a database once).</summary>
    public static Task<bool> ExistsAsync(OpenKpDb db, CancellationToken ct) => db.Certificates.AnyAsync(c => c.KeyId == KeyId, ct);

    public async Task<Outcome<SyntheticResult>> GenerateAsync(SyntheticRequest request, IProgress<SyntheticProgress>? progress, CancellationToken ct)
    {
        var violations = new List<Violation>();
        if (request.Years is < 1 or > SyntheticRequest.MaxYears)
        {
            violations.Add(new(SyntheticCodes.YearsOutOfRange, $"Years are 1 to {SyntheticRequest.MaxYears}, not {request.Years}.", "years"));
        }

        if (request.CertificatesPerYear is < SyntheticRequest.MinCertificatesPerYear or > SyntheticRequest.MaxCertificatesPerYear)
        {
            violations.Add(new(SyntheticCodes.SizeOutOfRange,
                $"Certificates per year are {SyntheticRequest.MinCertificatesPerYear:N0} to {SyntheticRequest.MaxCertificatesPerYear:N0}, not {request.CertificatesPerYear:N0}.", "certificatesPerYear"));
        }

        if (violations.Count > 0)
        {
            return Outcome<SyntheticResult>.Invalid(violations);
        }

        if (await ExistsAsync(db, ct))
        {
            return Outcome<SyntheticResult>.Conflict(new(SyntheticCodes.AlreadyGenerated,
                "This database already holds synthetic data: generate into a fresh database (synthetic rows are never mixed twice into one)."));
        }

        var registry = await new ParticipantDirectory(db).SnapshotAsync(ct);
        if (!registry.Participants.Any())
        {
            return Outcome<SyntheticResult>.Invalid(new Violation(SyntheticCodes.RegistryEmpty, "The registry is empty: load the reference data first."));
        }

        var watch = Stopwatch.StartNew();
        var now = clock.GetUtcNow().UtcDateTime;
        var planner = new SyntheticPlanner(request, registry, await ParticipantsAsync(registry, ct), await StartAsync(ct), now);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        var restoreSynchronous = await PrepareBulkLoadAsync(ct);
        try
        {
            var totals = new long[5];
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                await using (ISyntheticWriter writer = db.IsPostgres
                    ? new PostgresSyntheticWriter((NpgsqlConnection)connection)
                    : new SqliteSyntheticWriter((SqliteConnection)connection, transaction.GetDbTransaction()))
                {
                    await WriteYearsAsync(planner, writer, totals, progress, ct);
                }

                await MoveSequencesAsync(planner, ct);
                await AppendAuditAsync(request, planner, totals, ct);
                await transaction.CommitAsync(ct);
            }

            // Fresh statistics for the planner: the tables just grew by orders of magnitude.
            await db.Database.ExecuteSqlRawAsync(db.IsPostgres
                ? "ANALYZE certificates, certificate_lines, import_confirmations, arrival_checks, production_returns, production_lines"
                : "PRAGMA optimize", ct);
            return Outcome<SyntheticResult>.Success(new SyntheticResult(
                request, planner.FirstYear, planner.LastYear, planner.CompleteYears, totals[0], totals[1], totals[2], totals[2], totals[3], planner.Planted, watch.Elapsed));
        }
        finally
        {
            if (restoreSynchronous is { } level)
            {
                await db.Database.ExecuteSqlRawAsync(
                    level switch { 0 => "PRAGMA synchronous=OFF;", 1 => "PRAGMA synchronous=NORMAL;", 3 => "PRAGMA synchronous=EXTRA;", _ => "PRAGMA synchronous=FULL;" }, CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Builds years on one thread while the previous one is written on another: generation is
    /// sequential (so deterministic) and never more than one year ahead of the writer.
    /// </summary>
    private static async Task WriteYearsAsync(SyntheticPlanner planner, ISyntheticWriter writer, long[] totals, IProgress<SyntheticProgress>? progress, CancellationToken ct)
    {
        var channel = Channel.CreateBounded<SyntheticYear>(1);
        var build = Task.Run(async () =>
        {
            try
            {
                for (var year = planner.FirstYear; year <= planner.LastYear; year++)
                {
                    await channel.Writer.WriteAsync(planner.BuildYear(year), ct);
                }

                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, ct);

        var expected = planner.ExpectedCertificates;
        await foreach (var year in channel.Reader.ReadAllAsync(ct))
        {
            progress?.Report(new SyntheticProgress(year.Year, totals[0], expected));
            var confirmed = year.Certificates.Where(c => c.Arrival is not null).ToList();
            await writer.WriteAsync(SyntheticTables.Certificates, year.Certificates, ct);
            await writer.WriteAsync(SyntheticTables.CertificateLines, SyntheticTables.LinesOf(year), ct);
            await writer.WriteAsync(SyntheticTables.ImportConfirmations, confirmed, ct);
            await writer.WriteAsync(SyntheticTables.ArrivalChecks, confirmed, ct);
            await writer.WriteAsync(SyntheticTables.ProductionReturns, year.Returns, ct);
            await writer.WriteAsync(SyntheticTables.ProductionLines, SyntheticTables.LinesOf(year.Returns, year.FirstProductionLineId), ct);
            totals[0] += year.Certificates.Count;
            totals[1] += year.Lines;
            totals[2] += confirmed.Count;
            totals[3] += year.Returns.Count;
            progress?.Report(new SyntheticProgress(year.Year, totals[0], expected));
        }

        await build;
    }

    /// <summary>SQLite: a bulk load needs no fsync per page and a large cache; the setting is restored afterwards.</summary>
    private async Task<int?> PrepareBulkLoadAsync(CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            return null;
        }

        var level = await db.Database.SqlQueryRaw<int>("SELECT synchronous AS \"Value\" FROM pragma_synchronous").SingleAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF; PRAGMA cache_size=-200000; PRAGMA temp_store=MEMORY;", ct);
        return level;
    }

    private async Task<IReadOnlyDictionary<string, SyntheticParticipant>> ParticipantsAsync(RegistrySnapshot registry, CancellationToken ct)
    {
        var authorities = (await db.Authorities.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.ParticipantCode, a.Name }).ToListAsync(ct))
            .GroupBy(a => a.ParticipantCode).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        return SyntheticNetwork.Participants
            .Select(registry.Find)
            .OfType<Participant>()
            .ToDictionary(
                p => p.Code,
                p => new SyntheticParticipant(p.Code, authorities.GetValueOrDefault(p.Code) ?? $"Kimberley Process Authority of {p.NameEn}",
                    CertificateNumberFormat.OrDefault(p.CertificateNumberFormat), Math.Clamp(p.MaxCertificateValidityDays, 1, CertificateSettings.MaxValidityLimit)),
                StringComparer.Ordinal);
    }

    private async Task<SyntheticStart> StartAsync(CancellationToken ct)
    {
        var sequences = await db.CertificateSequences.AsNoTracking().ToDictionaryAsync(s => (s.ParticipantCode, s.Period), s => s.Last, ct);
        return new SyntheticStart(
            await db.Certificates.MaxAsync(c => (long?)c.Id, ct) ?? 0,
            await db.CertificateLines.MaxAsync(c => (long?)c.Id, ct) ?? 0,
            await db.ImportConfirmations.MaxAsync(c => (long?)c.Id, ct) ?? 0,
            await db.ArrivalChecks.MaxAsync(c => (long?)c.Id, ct) ?? 0,
            await db.ProductionReturns.MaxAsync(c => (long?)c.Id, ct) ?? 0,
            await db.ProductionLines.MaxAsync(c => (long?)c.Id, ct) ?? 0,
            sequences);
    }

    /// <summary>
    /// The participants' certificate sequences move past the numbers written, so the next real
    /// certificate gets the next number; PostgreSQL's identity sequences move past the ids written.
    /// </summary>
    private async Task MoveSequencesAsync(SyntheticPlanner planner, CancellationToken ct)
    {
        foreach (var ((participant, period), last) in planner.Sequences)
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO certificate_sequences (\"ParticipantCode\", \"Period\", \"Last\") VALUES ({participant}, {period}, {last}) ON CONFLICT (\"ParticipantCode\", \"Period\") DO UPDATE SET \"Last\" = excluded.\"Last\"", ct);
        }

        if (db.IsPostgres)
        {
            foreach (var table in SyntheticTables.WithIds)
            {
#pragma warning disable EF1002 // The table names are constants of SyntheticTables, not input.
                await db.Database.ExecuteSqlRawAsync(
                    $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), GREATEST((SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table}\"), 1))", ct);
#pragma warning restore EF1002
            }
        }
    }

    /// <summary>One audit row for the whole run (not one per certificate), chained like every other.</summary>
    private async Task AppendAuditAsync(SyntheticRequest request, SyntheticPlanner planner, long[] totals, CancellationToken ct)
    {
        await db.LockAuditChainAsync(ct);
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Select(a => new { a.Id, a.Hash }).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = new AuditEntry
        {
            Id = (last?.Id ?? 0) + 1,
            At = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc),
            UserName = db.AuditActor.UserName,
            Role = db.AuditActor.Role,
            Participant = db.AuditActor.Participant,
            Action = "added",
            Entity = "SyntheticDataSet",
            EntityKey = $"seed-{request.Seed}",
            After = JsonSerializer.Serialize(new
            {
                request.Years,
                request.CertificatesPerYear,
                request.Seed,
                planner.FirstYear,
                planner.LastYear,
                Certificates = totals[0],
                CertificateLines = totals[1],
                ImportConfirmations = totals[2],
                ProductionReturns = totals[3],
                Planted = planner.Planted.Select(p => $"{p.Kind} {p.Participant} {p.Year}{(p.Quarter is { } q ? $"-Q{q}" : string.Empty)}"),
            }),
            PreviousHash = last?.Hash ?? AuditChain.Genesis,
            Hash = string.Empty,
        };
        entry.Hash = AuditChain.ComputeHash(entry);
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        db.Entry(entry).State = EntityState.Detached;
    }
}
