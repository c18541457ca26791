using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Registry;

namespace OpenKP.Statistics;

/// <summary>
/// One participant's figures for a year, as the public summary shows them: production from its
/// current production returns, exports and imports from <see cref="TradeStatistics"/> (certificates, or
/// its uploads where it runs a national system). Amounts are hundredths of a carat and US cents.
/// </summary>
public sealed record ParticipantYear(
    string Participant,
    long ProductionCaratsHundredths,
    long ProductionUsdCents,
    long ExportCaratsHundredths,
    long ExportUsdCents,
    int ExportCertificates,
    long ImportCaratsHundredths,
    long ImportUsdCents,
    int ImportCertificates,
    bool ProductionSubmitted);

/// <summary>
/// Computes a year's summary per participant, live (not a published vintage): every participant that
/// belonged to the scheme during the year, with zeros where it traded nothing. A participant
/// "submitted" production when it sent a return for both halves.
/// </summary>
public sealed class AnnualFigures(OpenKpDb db, TradeStatistics trade, ParticipantDirectory directory)
{
    public async Task<IReadOnlyList<ParticipantYear>> ForYearAsync(int year, CancellationToken ct)
    {
        var registry = await directory.SnapshotAsync(ct);
        var members = MembersIn(registry, year);

        var totals = await trade.TotalsForYearAsync(year, ct);
        var production = await CurrentProductionAsync(year, ct);

        return [.. members.Select(code =>
        {
            var exports = totals.GetValueOrDefault((code, TradeFlow.Export));
            var imports = totals.GetValueOrDefault((code, TradeFlow.Import));
            var made = production.GetValueOrDefault(code);
            return new ParticipantYear(
                code,
                made.Carats, made.Usd,
                exports.Carats, exports.Usd, exports.Certificates,
                imports.Carats, imports.Usd, imports.Certificates,
                made.Halves == 2);
        })];
    }

    /// <summary>The participants (and trading entities) that belonged to the scheme at some time in <paramref name="year"/>, by code.</summary>
    public static IReadOnlyList<string> MembersIn(RegistrySnapshot registry, int year)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        return [.. registry.Participants
            .Where(p => p.AdmittedOn <= last)
            .Where(p =>
            {
                // The participant's own history (not StandingOf, which answers for a country through the EU).
                var history = registry.History(p.Code);
                if (history.Count == 0)
                {
                    return p.Kind == ParticipantKind.TradingEntity;
                }

                var atStart = history.LastOrDefault(e => e.EffectiveOn <= first)?.Status;
                return Belongs(atStart) || history.Any(e => e.EffectiveOn > first && e.EffectiveOn <= last && Belongs(e.Status));
            })
            .Select(p => p.Code)
            .Order(StringComparer.Ordinal)];

        static bool Belongs(ParticipantStatus? status) => status is not (null or ParticipantStatus.Withdrawn or ParticipantStatus.Applicant);
    }

    /// <summary>Per participant: the sums of the latest revision of each half's return, and how many halves it returned.</summary>
    private async Task<Dictionary<string, (long Carats, long Usd, int Halves)>> CurrentProductionAsync(int year, CancellationToken ct)
    {
        var latest = db.ProductionReturns.AsNoTracking()
            .Where(r => r.Year == year)
            .Where(r => r.Revision == db.ProductionReturns.Where(o => o.ParticipantCode == r.ParticipantCode && o.Year == r.Year && o.Half == r.Half).Max(o => o.Revision));
        var sums = await (
            from r in latest
            join l in db.ProductionLines.AsNoTracking() on r.Id equals l.ProductionReturnId into lines
            from l in lines.DefaultIfEmpty()
            group new { r.Half, Carats = l == null ? 0 : l.CaratsHundredths, Usd = l == null ? 0 : l.UsdCents } by r.ParticipantCode into g
            select new { Participant = g.Key, Carats = g.Sum(x => x.Carats), Usd = g.Sum(x => x.Usd), Halves = g.Select(x => x.Half).Distinct().Count() })
            .ToListAsync(ct);
        return sums.ToDictionary(s => s.Participant, s => (s.Carats, s.Usd, s.Halves), StringComparer.Ordinal);
    }
}
