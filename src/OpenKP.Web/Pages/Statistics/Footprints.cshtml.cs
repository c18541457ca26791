using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Accounts;
using OpenKP.Shared;
using OpenKP.Statistics;
using OpenKP.Web.Accounts;
using OpenKP.Web.Portal;
using OpenKP.Web.Shared;
using OpenKP.Web.Statistics;

namespace OpenKP.Web.Pages.Statistics;

/// <summary>
/// Every origin's footprint per HS code (as <c>GET /api/statistics/footprints</c>): sample size, median
/// and p1–p99 band; for the secretariat, a button to recompute now. Who sees it: <see cref="FootprintAccess"/>.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class FootprintsModel(FootprintQueries queries, FootprintCalculator calculator, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private const string NoticeKey = "Footprints.Notice";

    [BindProperty(SupportsGet = true, Name = "origin")]
    public string? Origin { get; set; }

    public FootprintListView Result { get; private set; } = new(null, []);
    public bool MayRecompute { get; private set; }
    public bool Recomputed { get; private set; }
    public FormErrors Errors { get; } = new();

    public static string Link(string origin) => "/statistics/footprints/" + Uri.EscapeDataString(origin);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!FootprintAccess.MaySee(User))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Recomputed = TempData[NoticeKey] is string;
        return await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostRecomputeAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Secretariat))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var outcome = await calculator.RecomputeAsync(User.Identity?.Name ?? "secretariat", ct);
        if (outcome.Succeeded)
        {
            TempData[NoticeKey] = "recomputed";
            return Redirect("/statistics/footprints");
        }

        Errors.AddRules(localizer, outcome.Violations);
        Response.StatusCode = Problems.StatusOf(outcome.Kind);
        Origin = null;
        return await LoadAsync(ct);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        var input = new Input();
        var origin = string.IsNullOrWhiteSpace(Origin) ? null : input.Code(Origin, "origin");
        if (!input.IsValid)
        {
            Errors.Add(localizer, input.Errors, form: "footprints");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            origin = null;
        }

        MayRecompute = User.IsInRole(Roles.Secretariat);
        Result = await queries.ListAsync(origin, ct);
        return Page();
    }
}
