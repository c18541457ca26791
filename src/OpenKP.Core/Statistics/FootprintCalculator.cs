using Microsoft.EntityFrameworkCore;
using OpenKP.Certificates;
using OpenKP.Data;
using OpenKP.Shared;

namespace OpenKP.Statistics;

/// <summary>
/// Recomputes every footprint from the history window (<see cref="FootprintSettings.WindowYears"/>):
/// the lines of issued certificates (not voided; origin <c>mixed</c> left out: it is no origin) by
/// issue date, and the export records uploaded by participants running their own national systems
/// (latest revision of each quarter; their stone counts give the mean stone size). Where a participant
/// uploaded a quarter, its certificates of that quarter are not read again, as in
/// <see cref="TradeStatistics"/>. One set-based projection streams the lines; the percentiles are
/// computed here with <see cref="Percentiles.Inclusive"/>; the footprints are replaced in one
/// transaction with an audited <see cref="FootprintRun"/>, so a reader sees the old set or the new one.
/// </summary>
public sealed class FootprintCalculator(OpenKpDb db, FootprintSettings settings, FootprintGate gate, TimeProvider clock)
{
    /// <summary>The percentiles a footprint holds, in the order of its columns.</summary>
    public static readonly IReadOnlyList<decimal> Levels = [0.01m, 0.05m, 0.10m, 0.25m, 0.50m, 0.75m, 0.90m, 0.95m, 0.99m];

    public async Task<Outcome<FootprintRun>> RecomputeAsync(string computedBy, CancellationToken ct)
    {
        if (!await gate.TryEnterAsync(ct))
        {
            return Outcome<FootprintRun>.Conflict(new(FootprintCodes.RecomputeRunning, "Footprints are being recomputed right now: the new ones are in place within moments."));
        }

        try
        {
            return Outcome<FootprintRun>.Success(await RecomputeOnceAsync(computedBy, ct));
        }
        finally
        {
            gate.Leave();
        }
    }

    private async Task<FootprintRun> RecomputeOnceAsync(string computedBy, CancellationToken ct)
    {
        var rules = settings.Checked();
        var now = clock.GetUtcNow().UtcDateTime;
        var to = DateOnly.FromDateTime(now);
        var since = to.AddYears(-rules.WindowYears).AddDays(1);
        var samples = new Dictionary<(string Origin, string Zone, string HsCode), Sample>();
        var read = 0;

        void Add(string origin, string? zone, string hsCode, DateOnly day, long carats, long usd, int? stones)
        {
            read++;
            Into((origin, Footprint.AllZones, hsCode)).Add(day, carats, usd, stones);
            if (!string.IsNullOrWhiteSpace(zone))
            {
                Into((origin, zone.Trim(), hsCode)).Add(day, carats, usd, stones);
            }
        }

        Sample Into((string, string, string) key)
        {
            if (!samples.TryGetValue(key, out var sample))
            {
                sample = new Sample();
                samples[key] = sample;
            }

            return sample;
        }

        var uploads = await LatestUploadsAsync(since, to, ct);
        var covered = uploads.Select(u => (u.ParticipantCode, u.Year, u.QuarterNumber)).ToHashSet();

        var lines =
            from c in db.Certificates.AsNoTracking()
            where c.Status == CertificateStatus.Issued && c.IssuedOn >= since && c.IssuedOn <= to && c.Origin != CertificateContent.Mixed
            join l in db.CertificateLines.AsNoTracking() on c.Id equals l.CertificateId
            where l.CaratsHundredths > 0
            select new { c.IssuingParticipant, c.IssuedOn, c.Origin, c.OriginZone, l.HsCode, l.CaratsHundredths, l.UsdCents };
        await foreach (var l in lines.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (covered.Count == 0 || !covered.Contains((l.IssuingParticipant, l.IssuedOn.Year, ((l.IssuedOn.Month - 1) / 3) + 1)))
            {
                Add(l.Origin, l.OriginZone, l.HsCode, l.IssuedOn, l.CaratsHundredths, l.UsdCents, null);
            }
        }

        if (uploads.Count > 0)
        {
            var ids = uploads.Select(u => u.Id).ToList();
            var records = db.SubmittedRecords.AsNoTracking()
                .Where(r => ids.Contains(r.TradeSubmissionId) && r.Flow == TradeFlow.Export && r.Origin != null && r.Origin != CertificateContent.Mixed
                    && r.CaratsHundredths > 0 && r.Date >= since && r.Date <= to)
                .Select(r => new { r.Origin, r.HsCode, r.Date, r.CaratsHundredths, r.UsdCents, r.Stones });
            await foreach (var r in records.AsAsyncEnumerable().WithCancellation(ct))
            {
                Add(r.Origin!, null, r.HsCode, r.Date, r.CaratsHundredths, r.UsdCents, r.Stones);
            }
        }

        var run = new FootprintRun
        {
            ComputedAt = now,
            ComputedBy = computedBy,
            From = since,
            To = to,
            MinimumSample = rules.MinimumSample,
            Lines = read,
            Rows = [.. samples.OrderBy(s => s.Key.Origin, StringComparer.Ordinal).ThenBy(s => s.Key.Zone, StringComparer.Ordinal).ThenBy(s => s.Key.HsCode, StringComparer.Ordinal)
                .Select(s => s.Value.ToFootprint(s.Key.Origin, s.Key.Zone, s.Key.HsCode, rules.MinimumSample))],
        };
        run.Footprints = run.Rows.Count;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockAuditChainAsync(ct);
        await db.Footprints.ExecuteDeleteAsync(ct);
        db.FootprintRuns.Add(run);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return run;
    }

    /// <summary>The latest revision of every quarter uploaded in the window's years (ids and quarters only).</summary>
    private async Task<List<UploadedQuarter>> LatestUploadsAsync(DateOnly since, DateOnly to, CancellationToken ct)
        => await db.TradeSubmissions.AsNoTracking()
            .Where(s => s.Year >= since.Year && s.Year <= to.Year)
            .Where(s => s.Revision == db.TradeSubmissions.Where(o => o.ParticipantCode == s.ParticipantCode && o.Year == s.Year && o.QuarterNumber == s.QuarterNumber).Max(o => o.Revision))
            .Select(s => new UploadedQuarter(s.Id, s.ParticipantCode, s.Year, s.QuarterNumber))
            .ToListAsync(ct);

    private sealed record UploadedQuarter(long Id, string ParticipantCode, int Year, int QuarterNumber);

    /// <summary>The lines seen for one footprint: their US$/ct, totals, dates and declared stones.</summary>
    private sealed class Sample
    {
        private readonly List<decimal> _prices = [];
        private long _carats;
        private long _usd;
        private long _stoneCarats;
        private long _stones;
        private DateOnly _first = DateOnly.MaxValue;
        private DateOnly _last = DateOnly.MinValue;

        public void Add(DateOnly day, long carats, long usd, int? stones)
        {
            _prices.Add((decimal)usd / carats);
            _carats = checked(_carats + carats);
            _usd = checked(_usd + usd);
            if (stones is { } n && n > 0)
            {
                _stoneCarats = checked(_stoneCarats + carats);
                _stones = checked(_stones + n);
            }

            _first = day < _first ? day : _first;
            _last = day > _last ? day : _last;
        }

        public Footprint ToFootprint(string origin, string zone, string hsCode, int minimumSample)
        {
            _prices.Sort();
            var band = _prices.Count >= minimumSample ? Levels.Select(p => (long?)Cents(Percentiles.Inclusive(_prices, p))).ToArray() : new long?[Levels.Count];
            return new Footprint
            {
                Origin = origin,
                Zone = zone,
                HsCode = hsCode,
                Lines = _prices.Count,
                CaratsHundredths = _carats,
                UsdCents = _usd,
                FirstDate = _first,
                LastDate = _last,
                P1 = band[0],
                P5 = band[1],
                P10 = band[2],
                P25 = band[3],
                P50 = band[4],
                P75 = band[5],
                P90 = band[6],
                P95 = band[7],
                P99 = band[8],
                StoneCaratsHundredths = _stoneCarats,
                Stones = _stones,
            };
        }

        private static long Cents(decimal usdPerCarat) => checked((long)(usdPerCarat * 100m));
    }
}

/// <summary>
/// One footprint recomputation at a time per app (the schedule and the secretariat's button may meet):
/// a second one is refused at once with <see cref="FootprintCodes.RecomputeRunning"/> rather than
/// queued, since it would compute the same. One per app (a singleton), not per process.
/// </summary>
public sealed class FootprintGate : IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);

    public Task<bool> TryEnterAsync(CancellationToken ct) => _one.WaitAsync(TimeSpan.Zero, ct);

    public void Leave() => _one.Release();

    public void Dispose() => _one.Dispose();
}
