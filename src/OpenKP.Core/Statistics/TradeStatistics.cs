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

/// <summary>
/// Derives the trade statistics from the certificates themselves. Exports: the lines of the
/// participant's certificates not voided, by issue date. Imports: the lines of the certificates the
/// participant confirmed receiving, by date of receipt (the values are the certified ones: a
/// confirmation states parcels and carats, not a value per HS code).
/// </summary>
public sealed class TradeStatistics(OpenKpDb db)
{
    /// <summary>Every figure of <paramref name="year"/>, for one participant or all; ordered by participant, flow, quarter, partner, HS code.</summary>
    public async Task<IReadOnlyList<TradeFigure>> ForYearAsync(int year, string? participant, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);

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

        return [.. exports.Select(e => new TradeFigure(e.IssuingParticipant, TradeFlow.Export, new Quarter(year, e.Quarter), e.ImportingParticipant, e.HsCode, e.Carats, e.Usd, e.Count))
            .Concat(imports.Select(i => new TradeFigure(i.ImportingParticipant, TradeFlow.Import, new Quarter(year, i.Quarter), i.IssuingParticipant, i.HsCode, i.Carats, i.Usd, i.Count)))
            .OrderBy(f => f.Participant, StringComparer.Ordinal).ThenBy(f => f.Flow).ThenBy(f => f.Quarter).ThenBy(f => f.Partner, StringComparer.Ordinal).ThenBy(f => f.HsCode, StringComparer.Ordinal)];
    }
}
