using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenKP.Certificates;
using OpenKP.Data;
using OpenKP.Shared;

namespace OpenKP.Statistics;

/// <summary>A certificate line to hold against its footprint: 1-based position, HS code, carats in hundredths, US$ in cents.</summary>
public sealed record FootprintLine(int Position, string HsCode, long CaratsHundredths, long UsdCents);

/// <summary>
/// One line beside its footprint. <see cref="Basis"/>: <c>zone</c> when the declared zone has a band,
/// <c>origin</c> when the whole origin's band was used, null when neither has enough history (then
/// <see cref="Sample"/> says how many lines there were, and nothing is flagged). Prices in US$/ct.
/// </summary>
public sealed record FootprintLineCheck(
    int Line, string HsCode, decimal? UsdPerCarat, string? Basis, int Sample, decimal? P1, decimal? Median, decimal? P99, bool Outside);

/// <summary>
/// A certificate (or an application for one) held against its origin's footprints: each line, and a
/// warning (<see cref="FootprintCodes.OutsideFootprint"/>) for each line outside its p1–p99 band. A
/// warning is a prompt to look, never a refusal. <see cref="Checked"/> is false for origin <c>mixed</c>.
/// </summary>
public sealed record FootprintCheck(string Origin, string? Zone, bool Checked, IReadOnlyList<FootprintLineCheck> Lines, IReadOnlyList<Violation> Warnings)
{
    public bool Flagged => Warnings.Count > 0;
}

/// <summary>
/// Holds certificate lines against the stored footprints (<see cref="FootprintCalculator"/>): one
/// indexed query per certificate however long the history, so the review and the arrival check stay
/// fast with millions of certificates.
/// </summary>
public sealed class FootprintChecker(OpenKpDb db)
{
    public async Task<FootprintCheck> CheckAsync(string origin, string? zone, IReadOnlyList<FootprintLine> lines, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lines);
        zone = string.IsNullOrWhiteSpace(zone) ? null : zone.Trim();
        if (origin == CertificateContent.Mixed || lines.Count == 0)
        {
            return new FootprintCheck(origin, zone, false, [], []);
        }

        var codes = lines.Select(l => l.HsCode).Distinct().ToList();
        var zones = zone is null ? [Footprint.AllZones] : new[] { Footprint.AllZones, zone };
        var footprints = await db.Footprints.AsNoTracking()
            .Where(f => f.Origin == origin && zones.Contains(f.Zone) && codes.Contains(f.HsCode))
            .ToListAsync(ct);

        var checks = new List<FootprintLineCheck>();
        var warnings = new List<Violation>();
        foreach (var line in lines.OrderBy(l => l.Position))
        {
            var ofZone = zone is null ? null : footprints.SingleOrDefault(f => f.Zone == zone && f.HsCode == line.HsCode);
            var ofOrigin = footprints.SingleOrDefault(f => f.Zone == Footprint.AllZones && f.HsCode == line.HsCode);
            var (footprint, basis) = ofZone is { HasBand: true } ? (ofZone, "zone") : ofOrigin is { HasBand: true } ? (ofOrigin, "origin") : (null, (string?)null);
            decimal? price = line.CaratsHundredths > 0 ? Math.Round((decimal)line.UsdCents / line.CaratsHundredths, 2) : null;
            if (footprint is null)
            {
                checks.Add(new FootprintLineCheck(line.Position, line.HsCode, price, null, (ofZone ?? ofOrigin)?.Lines ?? 0, null, null, null, false));
                continue;
            }

            var p1 = footprint.P1!.Value / 100m;
            var p99 = footprint.P99!.Value / 100m;
            var outside = price is { } p && (p < p1 || p > p99);
            checks.Add(new FootprintLineCheck(line.Position, line.HsCode, price, basis, footprint.Lines, p1, footprint.P50 / 100m, p99, outside));
            if (outside)
            {
                var where = basis == "zone" ? $"{origin} ({zone})" : origin;
                warnings.Add(new Violation(FootprintCodes.OutsideFootprint, string.Create(CultureInfo.InvariantCulture,
                    $"Line {line.Position} ({line.HsCode}): US$ {price:N2}/ct is outside the footprint of {where}, US$ {p1:N2}–{p99:N2}/ct (p1–p99 of {footprint.Lines} lines). A prompt to look, not a refusal."),
                    $"lines[{line.Position - 1}]"));
            }
        }

        return new FootprintCheck(origin, zone, true, checks, warnings);
    }

    /// <summary>An issued certificate's lines against the footprints of its origin and zone.</summary>
    public async Task<FootprintCheck?> CheckCertificateAsync(string number, CancellationToken ct)
    {
        var certificate = await db.Certificates.AsNoTracking().Include(c => c.Lines).SingleOrDefaultAsync(c => c.Number == number, ct);
        return certificate is null ? null : await CheckAsync(certificate.Origin, certificate.OriginZone, Lines(certificate), ct);
    }

    public static IReadOnlyList<FootprintLine> Lines(Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return [.. certificate.Lines.OrderBy(l => l.Position).Select(l => new FootprintLine(l.Position, l.HsCode, l.CaratsHundredths, l.UsdCents))];
    }
}
