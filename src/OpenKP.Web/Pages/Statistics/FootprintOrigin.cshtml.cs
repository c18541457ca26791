using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Certificates;
using OpenKP.Shared;
using OpenKP.Statistics;
using OpenKP.Web.Accounts;
using OpenKP.Web.Statistics;

namespace OpenKP.Web.Pages.Statistics;

/// <summary>
/// One origin's footprint (as <c>GET /api/statistics/footprints/{origin}</c>): per HS code, the whole
/// origin and each declared zone with their percentiles, sample size, date range and mean stone size,
/// and a chart of the distribution (<c>?handler=chart&amp;hs=…</c>, SVG). Unknown origin: 404.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class FootprintOriginModel(FootprintQueries queries, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "zone")]
    public string? Zone { get; set; }

    public string Origin { get; private set; } = string.Empty;
    public FootprintDetailView Detail { get; private set; } = null!;

    /// <summary>The footprints grouped by HS code, in code order.</summary>
    public IReadOnlyList<IGrouping<string, FootprintView>> ByHsCode { get; private set; } = [];

    public bool AnyStonesDeclared => Detail.Footprints.Any(f => f.MeanStoneCarats is not null);

    public static string ChartLink(string origin, string hsCode, string? zone)
        => FootprintsModel.Link(origin) + QueryString.Create(new Dictionary<string, string?> { ["handler"] = "chart", ["hs"] = hsCode, ["zone"] = zone }.Where(kv => kv.Value is not null));

    public async Task<IActionResult> OnGetAsync(string origin, CancellationToken ct)
    {
        if (await LoadAsync(origin, null, ct) is { } refusal)
        {
            return refusal;
        }

        ByHsCode = [.. Detail.Footprints.GroupBy(f => f.HsCode).OrderBy(g => g.Key, StringComparer.Ordinal)];
        return Page();
    }

    /// <summary>The distribution chart of one HS code: the whole origin and each zone (or only <see cref="Zone"/>).</summary>
    public async Task<IActionResult> OnGetChartAsync(string origin, string? hs, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(hs) || !CertificateContent.HsCodes.Contains(hs))
        {
            return NotFound();
        }

        if (await LoadAsync(origin, hs, ct) is { } refusal)
        {
            return refusal;
        }

        var svg = FootprintChart.Svg(Detail.Footprints, f => f.Zone is { } z ? $"{f.Origin} · {z}" : f.Origin, localizer["Footprints.UsdPerCarat"].Value);
        return File(Encoding.UTF8.GetBytes(svg), "image/svg+xml; charset=utf-8");
    }

    private async Task<IActionResult?> LoadAsync(string origin, string? hs, CancellationToken ct)
    {
        if (!FootprintAccess.MaySee(User))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!ParticipantCode.TryParse(origin, out var code))
        {
            return NotFound();
        }

        var outcome = await queries.OriginAsync(code.Value, Zone, hs, ct);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        Origin = code.Value;
        Detail = outcome.Value!;
        return null;
    }
}
