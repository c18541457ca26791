using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Shared;

namespace OpenKP.Statistics;

/// <summary>A footprint's percentiles of US$/ct.</summary>
public sealed record FootprintPercentilesView(decimal P1, decimal P5, decimal P10, decimal P25, decimal P50, decimal P75, decimal P90, decimal P95, decimal P99)
{
    public static FootprintPercentilesView? Of(Footprint f) => f.HasBand
        ? new(f.P1!.Value / 100m, f.P5!.Value / 100m, f.P10!.Value / 100m, f.P25!.Value / 100m, f.P50!.Value / 100m, f.P75!.Value / 100m, f.P90!.Value / 100m, f.P95!.Value / 100m, f.P99!.Value / 100m)
        : null;

    /// <summary>The percentiles with their names (<c>p1</c> … <c>p99</c>), in order: for tables and charts.</summary>
    public IReadOnlyList<(string Name, decimal UsdPerCarat)> Named() =>
        [("p1", P1), ("p5", P5), ("p10", P10), ("p25", P25), ("p50", P50), ("p75", P75), ("p90", P90), ("p95", P95), ("p99", P99)];
}

/// <summary>
/// A footprint as the API shows it: carats and US$ in units, US$/ct per percentile. <c>zone</c> is null
/// for the whole origin. <c>percentiles</c> is null when <c>lines</c> is below the run's minimum sample
/// ("not enough history": no band, nothing flagged). <c>meanStoneCarats</c> is null when no stone count
/// was declared (certificates carry none; only uploaded records may).
/// </summary>
public sealed record FootprintView(
    string Origin, string? Zone, string HsCode, int Lines, DateOnly FirstDate, DateOnly LastDate, decimal Carats, decimal Usd, decimal? AverageUsdPerCarat,
    FootprintPercentilesView? Percentiles, decimal? MeanStoneCarats, long StonesDeclared)
{
    public static FootprintView Of(Footprint f) => new(
        f.Origin, f.Zone == Footprint.AllZones ? null : f.Zone, f.HsCode, f.Lines, f.FirstDate, f.LastDate, f.CaratsHundredths / 100m, f.UsdCents / 100m,
        f.CaratsHundredths > 0 ? Math.Round((decimal)f.UsdCents / f.CaratsHundredths, 2) : null, FootprintPercentilesView.Of(f), f.MeanStoneCarats, f.Stones);
}

/// <summary>When and over what the footprints in use were computed.</summary>
public sealed record FootprintRunView(long Id, DateTime ComputedAt, string ComputedBy, DateOnly From, DateOnly To, int MinimumSample, int Lines, int Footprints)
{
    public static FootprintRunView Of(FootprintRun r) => new(r.Id, r.ComputedAt, r.ComputedBy, r.From, r.To, r.MinimumSample, r.Lines, r.Footprints);
}

/// <summary>An origin in the list: its lines over all HS codes, the zones declared for it, and its footprint per HS code (whole origin).</summary>
public sealed record FootprintOriginView(string Origin, int Lines, IReadOnlyList<string> Zones, IReadOnlyList<FootprintView> HsCodes);

/// <summary>Every origin with footprints; <c>run</c> is null before the first computation.</summary>
public sealed record FootprintListView(FootprintRunView? Run, IReadOnlyList<FootprintOriginView> Origins);

/// <summary>One origin's footprints: the whole origin and each declared zone, per HS code.</summary>
public sealed record FootprintDetailView(FootprintRunView? Run, string Origin, IReadOnlyList<FootprintView> Footprints);

/// <summary>Reads the stored footprints (aggregates only: no certificate can be told from them).</summary>
public sealed class FootprintQueries(OpenKpDb db)
{
    public async Task<FootprintRunView?> LatestRunAsync(CancellationToken ct)
        => await db.FootprintRuns.AsNoTracking().OrderByDescending(r => r.Id).Select(r => FootprintRunView.Of(r)).FirstOrDefaultAsync(ct);

    /// <summary>Every origin (or only <paramref name="origin"/>), ordered by code.</summary>
    public async Task<FootprintListView> ListAsync(string? origin, CancellationToken ct)
    {
        var query = db.Footprints.AsNoTracking();
        if (origin is not null)
        {
            query = query.Where(f => f.Origin == origin);
        }

        var rows = await query.OrderBy(f => f.Origin).ThenBy(f => f.Zone).ThenBy(f => f.HsCode).ToListAsync(ct);
        var origins = rows.GroupBy(f => f.Origin).Select(g =>
        {
            var whole = g.Where(f => f.Zone == Footprint.AllZones).ToList();
            return new FootprintOriginView(g.Key, whole.Sum(f => f.Lines),
                [.. g.Where(f => f.Zone != Footprint.AllZones).Select(f => f.Zone).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                [.. whole.Select(FootprintView.Of)]);
        });
        return new FootprintListView(await LatestRunAsync(ct), [.. origins.OrderBy(o => o.Origin, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// One origin's footprints: with <paramref name="zone"/> only that zone's, with <paramref name="hsCode"/>
    /// only that code's. Not found when nothing matches.
    /// </summary>
    public async Task<Outcome<FootprintDetailView>> OriginAsync(string origin, string? zone, string? hsCode, CancellationToken ct)
    {
        var query = db.Footprints.AsNoTracking().Where(f => f.Origin == origin);
        if (!string.IsNullOrWhiteSpace(zone))
        {
            var z = zone.Trim();
            query = query.Where(f => f.Zone == z);
        }

        if (!string.IsNullOrWhiteSpace(hsCode))
        {
            query = query.Where(f => f.HsCode == hsCode);
        }

        var rows = await query.OrderBy(f => f.Zone).ThenBy(f => f.HsCode).ToListAsync(ct);
        if (rows.Count == 0)
        {
            var what = origin + (string.IsNullOrWhiteSpace(zone) ? string.Empty : $", zone {zone.Trim()}") + (string.IsNullOrWhiteSpace(hsCode) ? string.Empty : $", HS {hsCode}");
            return Outcome<FootprintDetailView>.NotFound(new(FootprintCodes.FootprintNotFound,
                $"There is no footprint for {what}: no certificate of that origin was issued in the history window, or footprints were not computed since.", "origin"));
        }

        return Outcome<FootprintDetailView>.Success(new FootprintDetailView(await LatestRunAsync(ct), origin, [.. rows.Select(FootprintView.Of)]));
    }
}
