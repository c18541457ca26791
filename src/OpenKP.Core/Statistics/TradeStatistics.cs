using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenKP.Certificates;
using OpenKP.Data;

namespace OpenKP.Statistics;

/// <summary>Which way rough diamonds crossed: out of the participant (its certificates) or into it (its import confirmations).</summary>
public enum TradeFlow
{
    Export,
    Import,
}

/// <summary>A calendar quarter: <see cref="Year"/> and <see cref="Number"/> 1–4, written <c>2026-Q1</c>.</summary>
public readonly record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    public static Quarter Of(DateOnly day) => new(day.Year, ((day.Month - 1) / 3) + 1);

    public int CompareTo(Quarter other) => Year != other.Year ? Year.CompareTo(other.Year) : Number.CompareTo(other.Number);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Number}");

    public static bool operator <(Quarter left, Quarter right) => left.CompareTo(right) < 0;

    public static bool operator <=(Quarter left, Quarter right) => left.CompareTo(right) <= 0;

    public static bool operator >(Quarter left, Quarter right) => left.CompareTo(right) > 0;

    public static bool operator >=(Quarter left, Quarter right) => left.CompareTo(right) >= 0;
}

/// <summary>
/// One cell of the KP trade statistics: a participant's exports to (or imports from) one partner in
/// one quarter under one HS code — carats in hundredths, US$ in cents, and the number of certificates.
/// </summary>
public sealed record TradeFigure(string Participant, TradeFlow Flow, Quarter Quarter, string Partner, string HsCode, long CaratsHundredths, long UsdCents, int Certificates);

/// <summary>A participant's trade in one direction over a period: carats in hundredths, US$ in cents, distinct certificates.</summary>
public readonly record struct TradeTotal(long Carats, long Usd, int Certificates)
{
    public static TradeTotal operator +(TradeTotal a, TradeTotal b) => new(a.Carats + b.Carats, a.Usd + b.Usd, a.Certificates + b.Certificates);
}

/// <summary>
/// Derives the trade statistics from the certificates themselves. Exports: the lines of the
/// participant's certificates not voided, by issue date. Imports: the lines of the certificates the
/// participant confirmed receiving, by date of receipt (the values are the certified ones: a
/// confirmation states parcels and carats, not a value per HS code). Where a participant running its
/// own national system uploaded a quarter (<see cref="TradeSubmission"/>), the latest revision of the
/// upload replaces the derived figures of that participant and quarter.
/// </summary>
public sealed class TradeStatistics(OpenKpDb db)
{
    /// <summary>Every figure of <paramref name="year"/>, for one participant or all; ordered by participant, flow, quarter, partner, HS code.</summary>
    public async Task<IReadOnlyList<TradeFigure>> ForYearAsync(int year, string? participant, CancellationToken ct)
    {
        var (from, to) = YearBounds(year);

        var certificates = db.Certificates.AsNoTracking().Where(c => c.Status == CertificateStatus.Issued && c.IssuedOn >= from && c.IssuedOn <= to);
        if (participant is not null)
        {
            certificates = certificates.Where(c => c.IssuingParticipant == participant);
        }

        var exports = await (
            from c in certificates
            join l in db.CertificateLines.AsNoTracking() on c.Id equals l.CertificateId
            group new { c.Id, l.CaratsHundredths, l.UsdCents } by new { c.IssuingParticipant, Quarter = ((c.IssuedOn.Month - 1) / 3) + 1, c.ImportingParticipant, l.HsCode } into g
            select new
            {
                g.Key.IssuingParticipant,
                g.Key.Quarter,
                g.Key.ImportingParticipant,
                g.Key.HsCode,
                Carats = g.Sum(x => x.CaratsHundredths),
                Usd = g.Sum(x => x.UsdCents),
                Count = g.Select(x => x.Id).Distinct().Count(),
            }).ToListAsync(ct);

        var confirmations = db.ImportConfirmations.AsNoTracking().Where(i => i.ReceivedOn >= from && i.ReceivedOn <= to);
        if (participant is not null)
        {
            confirmations = confirmations.Where(i => i.ImportingParticipant == participant);
        }

        var imports = await (
            from i in confirmations
            join c in db.Certificates.AsNoTracking() on i.CertificateNumber equals c.Number
            join l in db.CertificateLines.AsNoTracking() on c.Id equals l.CertificateId
            group new { c.Id, l.CaratsHundredths, l.UsdCents } by new { i.ImportingParticipant, Quarter = ((i.ReceivedOn.Month - 1) / 3) + 1, c.IssuingParticipant, l.HsCode } into g
            select new
            {
                g.Key.ImportingParticipant,
                g.Key.Quarter,
                g.Key.IssuingParticipant,
                g.Key.HsCode,
                Carats = g.Sum(x => x.CaratsHundredths),
                Usd = g.Sum(x => x.UsdCents),
                Count = g.Select(x => x.Id).Distinct().Count(),
            }).ToListAsync(ct);

        var submitted = await LatestSubmissionsAsync(year, participant, ct);
        var covered = submitted.Select(s => (s.ParticipantCode, s.QuarterNumber)).ToHashSet();

        return [.. exports.Where(e => !covered.Contains((e.IssuingParticipant, e.Quarter)))
            .Select(e => new TradeFigure(e.IssuingParticipant, TradeFlow.Export, new Quarter(year, e.Quarter), e.ImportingParticipant, e.HsCode, e.Carats, e.Usd, e.Count))
            .Concat(imports.Where(i => !covered.Contains((i.ImportingParticipant, i.Quarter)))
                .Select(i => new TradeFigure(i.ImportingParticipant, TradeFlow.Import, new Quarter(year, i.Quarter), i.IssuingParticipant, i.HsCode, i.Carats, i.Usd, i.Count)))
            .Concat(submitted.SelectMany(FiguresOf))
            .OrderBy(f => f.Participant, StringComparer.Ordinal).ThenBy(f => f.Flow).ThenBy(f => f.Quarter).ThenBy(f => f.Partner, StringComparer.Ordinal).ThenBy(f => f.HsCode, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Each participant's year in each direction, summed over partners and HS codes, with distinct
    /// certificates: the numbers of the public summary. Reads the certificates' totals, not their lines.
    /// </summary>
    public async Task<IReadOnlyDictionary<(string Participant, TradeFlow Flow), TradeTotal>> TotalsForYearAsync(int year, CancellationToken ct)
    {
        var (first, last) = YearBounds(year);
        var exports = await db.Certificates.AsNoTracking()
            .Where(c => c.Status == CertificateStatus.Issued && c.IssuedOn >= first && c.IssuedOn <= last)
            .GroupBy(c => new { c.IssuingParticipant, Quarter = ((c.IssuedOn.Month - 1) / 3) + 1 })
            .Select(g => new { Participant = g.Key.IssuingParticipant, g.Key.Quarter, Carats = g.Sum(c => c.TotalCaratsHundredths), Usd = g.Sum(c => c.TotalUsdCents), Count = g.Count() })
            .ToListAsync(ct);
        var imports = await (
            from i in db.ImportConfirmations.AsNoTracking().Where(x => x.ReceivedOn >= first && x.ReceivedOn <= last)
            join c in db.Certificates.AsNoTracking() on i.CertificateNumber equals c.Number
            group c by new { i.ImportingParticipant, Quarter = ((i.ReceivedOn.Month - 1) / 3) + 1 } into g
            select new { Participant = g.Key.ImportingParticipant, g.Key.Quarter, Carats = g.Sum(c => c.TotalCaratsHundredths), Usd = g.Sum(c => c.TotalUsdCents), Count = g.Count() })
            .ToListAsync(ct);

        var submitted = await LatestSubmissionsAsync(year, null, ct);
        var covered = submitted.Select(s => (s.ParticipantCode, s.QuarterNumber)).ToHashSet();

        var totals = new Dictionary<(string, TradeFlow), TradeTotal>();
        void Add(string participant, TradeFlow flow, TradeTotal total)
            => totals[(participant, flow)] = totals.GetValueOrDefault((participant, flow)) + total;

        foreach (var e in exports.Where(e => !covered.Contains((e.Participant, e.Quarter))))
        {
            Add(e.Participant, TradeFlow.Export, new(e.Carats, e.Usd, e.Count));
        }

        foreach (var i in imports.Where(i => !covered.Contains((i.Participant, i.Quarter))))
        {
            Add(i.Participant, TradeFlow.Import, new(i.Carats, i.Usd, i.Count));
        }

        foreach (var s in submitted)
        {
            foreach (var flow in new[] { TradeFlow.Export, TradeFlow.Import })
            {
                Add(s.ParticipantCode, flow, s.Kind == SubmissionKind.QuarterlyFigures
                    ? new(s.Figures.Where(f => f.Flow == flow).Sum(f => f.CaratsHundredths), s.Figures.Where(f => f.Flow == flow).Sum(f => f.UsdCents), s.Figures.Where(f => f.Flow == flow).Sum(f => f.Certificates))
                    : new(s.Records.Where(r => r.Flow == flow).Sum(r => r.CaratsHundredths), s.Records.Where(r => r.Flow == flow).Sum(r => r.UsdCents), s.Records.Where(r => r.Flow == flow).Select(r => r.CertificateNumber).Distinct(StringComparer.Ordinal).Count()));
            }
        }

        return totals;
    }

    /// <summary>The latest revision of every uploaded quarter of <paramref name="year"/>, with its figures or records.</summary>
    public async Task<IReadOnlyList<TradeSubmission>> LatestSubmissionsAsync(int year, string? participant, CancellationToken ct)
    {
        var query = db.TradeSubmissions.AsNoTracking().Where(s => s.Year == year);
        if (participant is not null)
        {
            query = query.Where(s => s.ParticipantCode == participant);
        }

        return await query
            .Where(s => s.Revision == db.TradeSubmissions.Where(o => o.ParticipantCode == s.ParticipantCode && o.Year == s.Year && o.QuarterNumber == s.QuarterNumber).Max(o => o.Revision))
            .Include(s => s.Figures).Include(s => s.Records)
            .AsSplitQuery()
            .ToListAsync(ct);
    }

    /// <summary>
    /// The participants that owe quarterly uploads in <paramref name="year"/>: those that uploaded a quarter of
    /// that year or the year before (running a national system). One that went back to OpenKP's certificates
    /// owes nothing from the second year on. The status board and the anomaly rules both ask this.
    /// </summary>
    public static IQueryable<string> UploadersIn(IQueryable<TradeSubmission> submissions, int year)
        => submissions.Where(s => s.Year == year || s.Year == year - 1).Select(s => s.ParticipantCode).Distinct();

    /// <summary>A submission's figures: as sent for quarterly figures, summed per flow, partner and HS code for certificate records.</summary>
    public static IEnumerable<TradeFigure> FiguresOf(TradeSubmission s) => s.Kind == SubmissionKind.QuarterlyFigures
        ? s.Figures.Select(f => new TradeFigure(s.ParticipantCode, f.Flow, s.Quarter, f.Partner, f.HsCode, f.CaratsHundredths, f.UsdCents, f.Certificates))
        : s.Records.GroupBy(r => (r.Flow, r.Partner, r.HsCode))
            .Select(g => new TradeFigure(s.ParticipantCode, g.Key.Flow, s.Quarter, g.Key.Partner, g.Key.HsCode, g.Sum(r => r.CaratsHundredths), g.Sum(r => r.UsdCents), g.Select(r => r.CertificateNumber).Distinct(StringComparer.Ordinal).Count()));

    private static (DateOnly From, DateOnly To) YearBounds(int year) => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
}
