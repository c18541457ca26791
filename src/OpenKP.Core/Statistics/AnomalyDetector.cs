using Microsoft.EntityFrameworkCore;
using OpenKP.Certificates;
using OpenKP.Data;
using OpenKP.Registry;
using OpenKP.Shared;

namespace OpenKP.Statistics;

/// <summary>What one detection run did: anomalies found for the year, and how many were new, changed or no longer hold.</summary>
public sealed record DetectionResult(int Year, int Found, int Added, int Changed, int Resolved);

/// <summary>
/// Runs every anomaly rule of <see cref="AnomalyRules"/> over a year and stores what it finds. The figures
/// come from a handful of grouped queries (certificates by participant × quarter × HS code, by origin,
/// import confirmations, the latest uploads and production returns), never one query per certificate, so a
/// year of 100,000 certificates is a few aggregate reads. Only periods that have ended on the day of the
/// run are judged. Detecting again is idempotent: an anomaly is identified by kind, participant, period and
/// subject; one found again is updated (or left alone when nothing changed), one no longer found is marked
/// <see cref="AnomalyStatus.Resolved"/> and kept (its questionnaire still points at it), and one found again
/// after it was resolved is reopened.
/// </summary>
public sealed class AnomalyDetector(OpenKpDb db, TradeStatistics trade, AnnualFigures annual, ParticipantDirectory directory, AnomalySettingsStore settings, StatisticsCalendar calendar, TimeProvider clock)
{
    public async Task<Outcome<DetectionResult>> DetectAsync(int year, CancellationToken ct)
    {
        var found = (await FindAsync(year, ct)).DistinctBy(d => (d.Kind, d.Participant, d.Period, d.Subject)).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = await db.Anomalies.Where(a => a.Year == year).ToListAsync(ct);
        var byKey = stored.ToDictionary(a => (a.Kind, a.ParticipantCode, a.Period, a.Subject));
        var seen = new HashSet<long>();
        int added = 0, changed = 0, resolved = 0;
        foreach (var d in found)
        {
            if (byKey.TryGetValue((d.Kind, d.Participant, d.Period, d.Subject), out var a))
            {
                seen.Add(a.Id);
                var before = (a.Status, a.Unit, a.Measured, a.ExpectedLow, a.ExpectedHigh, a.Details);
                if (a.Status == AnomalyStatus.Resolved)
                {
                    a.Status = AnomalyStatus.Open;
                    a.ResolvedAt = null;
                    a.DetectedAt = now;
                }

                (a.Unit, a.Measured, a.ExpectedLow, a.ExpectedHigh, a.Details) = (d.Unit, d.Measured, d.Low, d.High, d.Details);
                if (before != (a.Status, a.Unit, a.Measured, a.ExpectedLow, a.ExpectedHigh, a.Details))
                {
                    changed++;
                }
            }
            else
            {
                db.Anomalies.Add(new Anomaly
                {
                    Kind = d.Kind,
                    ParticipantCode = d.Participant,
                    Year = d.Year,
                    Period = d.Period,
                    Subject = d.Subject,
                    Unit = d.Unit,
                    Measured = d.Measured,
                    ExpectedLow = d.Low,
                    ExpectedHigh = d.High,
                    Details = d.Details,
                    Status = AnomalyStatus.Open,
                    DetectedAt = now,
                });
                added++;
            }
        }

        foreach (var gone in stored.Where(a => a.Status == AnomalyStatus.Open && !seen.Contains(a.Id)))
        {
            gone.Status = AnomalyStatus.Resolved;
            gone.ResolvedAt = now;
            resolved++;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Outcome<DetectionResult>.Conflict(new(AnomalyCodes.DetectionConflict, $"Another detection of {year} ran at the same time: run it again.", "year"));
        }

        return Outcome<DetectionResult>.Success(new DetectionResult(year, found.Count, added, changed, resolved));
    }

    /// <summary>Every anomaly the rules find for <paramref name="year"/> on the day of the clock, without storing anything.</summary>
    public async Task<IReadOnlyList<DetectedAnomaly>> FindAsync(int year, CancellationToken ct)
    {
        var s = await settings.GetAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var quarters = Enumerable.Range(1, 4).Select(n => new Quarter(year, n)).Where(q => LastDay(q) < today).ToList();
        var halves = new[] { new HalfYear(year, 1), new HalfYear(year, 2) }.Where(h => h.Last < today).ToList();
        var found = new List<DetectedAnomaly>();

        // Prices against the participant's own history, per HS code and quarter.
        var firstOfWindow = Enumerable.Range(0, s.OwnBandQuarters).Aggregate(new Quarter(year, 1), (q, _) => AnomalyRules.Previous(q));
        var prices = await ExportVolumesAsync(firstOfWindow, new Quarter(year, 4), ct);
        foreach (var q in quarters)
        {
            var window = Enumerable.Range(1, s.OwnBandQuarters).Select(back => Enumerable.Range(0, back).Aggregate(q, (x, _) => AnomalyRules.Previous(x))).ToHashSet();
            foreach (var ((participant, hs), byQuarter) in prices)
            {
                if (byQuarter.TryGetValue(q, out var current)
                    && AnomalyRules.PriceOutsideOwnBand(participant, hs, q, current, [.. byQuarter.Where(kv => window.Contains(kv.Key)).OrderBy(kv => kv.Key).Select(kv => kv.Value)], s) is { } a)
                {
                    found.Add(a);
                }
            }
        }

        // Prices against the peers exporting the same origin, over the year (once the year has ended).
        if (quarters.Count == 4)
        {
            found.AddRange(await PeerBandAsync(year, s, ct));
        }

        // Quarter on quarter: carats, US$ and certificates, each way.
        var totals = await QuarterTotalsAsync(year, ct);
        foreach (var q in quarters)
        {
            var before = AnomalyRules.Previous(q);
            foreach (var (participant, flow) in totals.Keys.Where(k => k.Quarter == q || k.Quarter == before).Select(k => (k.Participant, k.Flow)).Distinct().Order())
            {
                var now = totals.GetValueOrDefault((participant, flow, q));
                var then = totals.GetValueOrDefault((participant, flow, before));
                var name = flow == TradeFlow.Export ? "export" : "import";
                found.AddRange(new[]
                {
                    AnomalyRules.PeriodChange(participant, year, q.ToString(), before.ToString(), $"{name} carats", AnomalyUnit.CaratsHundredths, now.Carats, then.Carats, s),
                    AnomalyRules.PeriodChange(participant, year, q.ToString(), before.ToString(), $"{name} usd", AnomalyUnit.UsdCents, now.Usd, then.Usd, s),
                    AnomalyRules.CertificateCountJump(participant, q, name, now.Certificates, then.Certificates, s),
                }.OfType<DetectedAnomaly>());
            }
        }

        // Production half on half, and returns missing or late.
        var registry = await directory.SnapshotAsync(ct);
        var members = AnnualFigures.MembersIn(registry, year);
        var returns = await ProductionAsync(year, ct);
        foreach (var h in halves)
        {
            var before = AnomalyRules.Previous(h);
            foreach (var participant in members)
            {
                var current = returns.GetValueOrDefault((participant, h.Year, h.Number));
                found.AddIfNotNull(AnomalyRules.Submission(participant, year, h.ToString(), "production return", calendar.DueOn(h), current?.FirstSubmittedOn, today));
                if (current is not null && returns.GetValueOrDefault((participant, before.Year, before.Number)) is { } previous)
                {
                    found.AddIfNotNull(AnomalyRules.PeriodChange(participant, year, h.ToString(), before.ToString(), "production carats", AnomalyUnit.CaratsHundredths, current.Carats, previous.Carats, s));
                    found.AddIfNotNull(AnomalyRules.PeriodChange(participant, year, h.ToString(), before.ToString(), "production usd", AnomalyUnit.UsdCents, current.Usd, previous.Usd, s));
                }
            }
        }

        // Quarterly uploads of the participants that run their own national systems.
        var uploaders = await TradeStatistics.UploadersIn(db.TradeSubmissions.AsNoTracking(), year).ToListAsync(ct);
        var uploads = (await db.TradeSubmissions.AsNoTracking().Where(t => t.Year == year)
            .GroupBy(t => new { t.ParticipantCode, t.QuarterNumber })
            .Select(g => new { g.Key.ParticipantCode, g.Key.QuarterNumber, First = g.Min(t => t.SubmittedAt) })
            .ToListAsync(ct)).ToDictionary(u => (u.ParticipantCode, u.QuarterNumber), u => DateOnly.FromDateTime(u.First));
        foreach (var q in quarters)
        {
            foreach (var participant in uploaders.Order(StringComparer.Ordinal))
            {
                found.AddIfNotNull(AnomalyRules.Submission(participant, year, q.ToString(), "quarterly trade upload", calendar.DueOn(q),
                    uploads.TryGetValue((participant, q.Number), out var first) ? first : null, today));
            }
        }

        // Exports above production plus imports, once the year has ended.
        if (quarters.Count == 4)
        {
            foreach (var p in await annual.ForYearAsync(year, ct))
            {
                found.AddIfNotNull(AnomalyRules.ExportsExceedSupply(p.Participant, year, p.ExportCaratsHundredths, p.ProductionCaratsHundredths, p.ImportCaratsHundredths, s));
            }
        }

        return found;
    }

    private static DateOnly LastDay(Quarter q) => new DateOnly(q.Year, q.Number * 3, 1).AddMonths(1).AddDays(-1);

    private static (DateOnly From, DateOnly To) Bounds(Quarter from, Quarter to) => (new DateOnly(from.Year, ((from.Number - 1) * 3) + 1, 1), LastDay(to));

    /// <summary>Exports per participant and HS code, per quarter from <paramref name="from"/> to <paramref name="to"/>; uploaded quarters replace derived ones.</summary>
    private async Task<Dictionary<(string Participant, string HsCode), Dictionary<Quarter, Volume>>> ExportVolumesAsync(Quarter from, Quarter to, CancellationToken ct)
    {
        var (first, last) = Bounds(from, to);
        var rows = await (
            from c in db.Certificates.AsNoTracking().Where(c => c.Status == CertificateStatus.Issued && c.IssuedOn >= first && c.IssuedOn <= last)
            join l in db.CertificateLines.AsNoTracking() on c.Id equals l.CertificateId
            group l by new { c.IssuingParticipant, c.IssuedOn.Year, Quarter = ((c.IssuedOn.Month - 1) / 3) + 1, l.HsCode } into g
            select new { g.Key.IssuingParticipant, g.Key.Year, g.Key.Quarter, g.Key.HsCode, Carats = g.Sum(x => x.CaratsHundredths), Usd = g.Sum(x => x.UsdCents) })
            .ToListAsync(ct);

        var submitted = new List<TradeSubmission>();
        for (var y = from.Year; y <= to.Year; y++)
        {
            submitted.AddRange(await trade.LatestSubmissionsAsync(y, null, ct));
        }

        var covered = submitted.Select(t => (t.ParticipantCode, t.Quarter)).ToHashSet();
        var volumes = new Dictionary<(string, string), Dictionary<Quarter, Volume>>();
        void Add(string participant, string hs, Quarter q, Volume v)
        {
            if (!volumes.TryGetValue((participant, hs), out var byQuarter))
            {
                volumes[(participant, hs)] = byQuarter = [];
            }

            var had = byQuarter.GetValueOrDefault(q);
            byQuarter[q] = new(checked(had.Carats + v.Carats), checked(had.Usd + v.Usd));
        }

        foreach (var r in rows.Where(r => !covered.Contains((r.IssuingParticipant, new Quarter(r.Year, r.Quarter)))))
        {
            Add(r.IssuingParticipant, r.HsCode, new Quarter(r.Year, r.Quarter), new(r.Carats, r.Usd));
        }

        foreach (var f in submitted.SelectMany(TradeStatistics.FiguresOf).Where(f => f.Flow == TradeFlow.Export))
        {
            Add(f.Participant, f.HsCode, f.Quarter, new(f.CaratsHundredths, f.UsdCents));
        }

        return volumes;
    }

    /// <summary>The year's exports per participant, origin and HS code from the certificates (uploads carry no origin), each judged against the other exporters of that origin.</summary>
    private async Task<IEnumerable<DetectedAnomaly>> PeerBandAsync(int year, AnomalySettings s, CancellationToken ct)
    {
        var (first, last) = Bounds(new Quarter(year, 1), new Quarter(year, 4));
        var rows = await (
            from c in db.Certificates.AsNoTracking().Where(c => c.Status == CertificateStatus.Issued && c.IssuedOn >= first && c.IssuedOn <= last && c.Origin != "mixed")
            join l in db.CertificateLines.AsNoTracking() on c.Id equals l.CertificateId
            group l by new { c.IssuingParticipant, c.Origin, l.HsCode } into g
            select new { g.Key.IssuingParticipant, g.Key.Origin, g.Key.HsCode, Carats = g.Sum(x => x.CaratsHundredths), Usd = g.Sum(x => x.UsdCents) })
            .ToListAsync(ct);
        return rows.GroupBy(r => (r.Origin, r.HsCode)).OrderBy(g => g.Key)
            .SelectMany(g => g.OrderBy(r => r.IssuingParticipant, StringComparer.Ordinal).Select(r => AnomalyRules.PriceOutsidePeerBand(
                r.IssuingParticipant, g.Key.Origin, g.Key.HsCode, year, new(r.Carats, r.Usd),
                [.. g.Where(o => o.IssuingParticipant != r.IssuingParticipant).Select(o => new Volume(o.Carats, o.Usd))], s)))
            .OfType<DetectedAnomaly>()
            .ToList();
    }

    /// <summary>Per participant, flow and quarter (the year and the quarter before it): carats, US$ and certificates, as <see cref="TradeStatistics.TotalsForYearAsync"/> counts them.</summary>
    private async Task<Dictionary<(string Participant, TradeFlow Flow, Quarter Quarter), TradeTotal>> QuarterTotalsAsync(int year, CancellationToken ct)
    {
        var (first, last) = Bounds(new Quarter(year - 1, 4), new Quarter(year, 4));
        var exports = await db.Certificates.AsNoTracking()
            .Where(c => c.Status == CertificateStatus.Issued && c.IssuedOn >= first && c.IssuedOn <= last)
            .GroupBy(c => new { c.IssuingParticipant, c.IssuedOn.Year, Quarter = ((c.IssuedOn.Month - 1) / 3) + 1 })
            .Select(g => new { Participant = g.Key.IssuingParticipant, g.Key.Year, g.Key.Quarter, Carats = g.Sum(c => c.TotalCaratsHundredths), Usd = g.Sum(c => c.TotalUsdCents), Count = g.Count() })
            .ToListAsync(ct);
        var imports = await (
            from i in db.ImportConfirmations.AsNoTracking().Where(x => x.ReceivedOn >= first && x.ReceivedOn <= last)
            join c in db.Certificates.AsNoTracking() on i.CertificateNumber equals c.Number
            group c by new { i.ImportingParticipant, i.ReceivedOn.Year, Quarter = ((i.ReceivedOn.Month - 1) / 3) + 1 } into g
            select new { Participant = g.Key.ImportingParticipant, g.Key.Year, g.Key.Quarter, Carats = g.Sum(c => c.TotalCaratsHundredths), Usd = g.Sum(c => c.TotalUsdCents), Count = g.Count() })
            .ToListAsync(ct);

        var submitted = (await trade.LatestSubmissionsAsync(year - 1, null, ct)).Where(t => t.QuarterNumber == 4).Concat(await trade.LatestSubmissionsAsync(year, null, ct)).ToList();
        var covered = submitted.Select(t => (t.ParticipantCode, t.Quarter)).ToHashSet();
        var totals = new Dictionary<(string, TradeFlow, Quarter), TradeTotal>();
        void Add(string participant, TradeFlow flow, Quarter q, TradeTotal t) => totals[(participant, flow, q)] = totals.GetValueOrDefault((participant, flow, q)) + t;

        foreach (var e in exports.Where(e => !covered.Contains((e.Participant, new Quarter(e.Year, e.Quarter)))))
        {
            Add(e.Participant, TradeFlow.Export, new Quarter(e.Year, e.Quarter), new(e.Carats, e.Usd, e.Count));
        }

        foreach (var i in imports.Where(i => !covered.Contains((i.Participant, new Quarter(i.Year, i.Quarter)))))
        {
            Add(i.Participant, TradeFlow.Import, new Quarter(i.Year, i.Quarter), new(i.Carats, i.Usd, i.Count));
        }

        foreach (var t in submitted)
        {
            foreach (var flow in new[] { TradeFlow.Export, TradeFlow.Import })
            {
                var figures = TradeStatistics.FiguresOf(t).Where(f => f.Flow == flow).ToList();
                var certificates = t.Kind == SubmissionKind.QuarterlyFigures
                    ? figures.Sum(f => f.Certificates)
                    : t.Records.Where(r => r.Flow == flow).Select(r => r.CertificateNumber).Distinct(StringComparer.Ordinal).Count();
                Add(t.ParticipantCode, flow, t.Quarter, new(figures.Sum(f => f.CaratsHundredths), figures.Sum(f => f.UsdCents), certificates));
            }
        }

        return totals;
    }

    private sealed record HalfReturn(long Carats, long Usd, DateOnly FirstSubmittedOn);

    /// <summary>Per participant and half (the year and the half before it): the latest revision's sums, and when the first revision came.</summary>
    private async Task<Dictionary<(string Participant, int Year, int Half), HalfReturn>> ProductionAsync(int year, CancellationToken ct)
    {
        var returns = db.ProductionReturns.AsNoTracking().Where(r => r.Year == year || (r.Year == year - 1 && r.Half == 2));
        var firsts = await returns.GroupBy(r => new { r.ParticipantCode, r.Year, r.Half })
            .Select(g => new { g.Key.ParticipantCode, g.Key.Year, g.Key.Half, First = g.Min(r => r.SubmittedAt) })
            .ToListAsync(ct);
        var latest = returns.Where(r => r.Revision == db.ProductionReturns.Where(o => o.ParticipantCode == r.ParticipantCode && o.Year == r.Year && o.Half == r.Half).Max(o => o.Revision));
        var sums = await (
            from r in latest
            join l in db.ProductionLines.AsNoTracking() on r.Id equals l.ProductionReturnId into lines
            from l in lines.DefaultIfEmpty()
            group new { Carats = l == null ? 0 : l.CaratsHundredths, Usd = l == null ? 0 : l.UsdCents } by new { r.ParticipantCode, r.Year, r.Half } into g
            select new { g.Key.ParticipantCode, g.Key.Year, g.Key.Half, Carats = g.Sum(x => x.Carats), Usd = g.Sum(x => x.Usd) })
            .ToListAsync(ct);
        var sent = firsts.ToDictionary(f => (f.ParticipantCode, f.Year, f.Half), f => DateOnly.FromDateTime(f.First));
        return sums.ToDictionary(x => (x.ParticipantCode, x.Year, x.Half), x => new HalfReturn(x.Carats, x.Usd, sent[(x.ParticipantCode, x.Year, x.Half)]));
    }
}

internal static class DetectedAnomalyList
{
    public static void AddIfNotNull(this List<DetectedAnomaly> list, DetectedAnomaly? anomaly)
    {
        if (anomaly is not null)
        {
            list.Add(anomaly);
        }
    }
}
