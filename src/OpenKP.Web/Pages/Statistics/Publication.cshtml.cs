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

namespace OpenKP.Web.Pages.Statistics;

/// <summary>
/// The secretariat's publication desk: every year with data and its status (not published, or
/// vintage N), the live preview, publishing a year after a confirmation, a new vintage with a reason,
/// and for a published year what the live figures would change.
/// </summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class PublicationModel(PublishedStatistics statistics, StatisticsPublisher publisher, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The year chosen for an action (its confirmation and pending changes shown).</summary>
    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Selected { get; set; }

    [BindProperty(Name = "reason")]
    public string? Reason { get; set; }

    public IReadOnlyList<(int Year, VintageInfo? Latest)> Years { get; private set; } = [];
    public int CurrentYear { get; private set; }
    public VintageInfo? SelectedLatest { get; private set; }
    public IReadOnlyList<FigureChange> Pending { get; private set; } = [];
    public FormErrors Errors { get; } = new();
    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Done = TempData["StatPub.Done"] as string;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (Selected is not { } year)
        {
            return BadRequest();
        }

        var input = new Input();
        var reason = input.Text(Reason, "reason", StatisticsPublisher.MaxReasonLength, required: false);
        var outcome = input.IsValid ? await publisher.PublishAsync(year, reason.Length == 0 ? null : reason, User.Identity?.Name ?? Roles.Secretariat, ct) : null;
        if (outcome is { Succeeded: true })
        {
            TempData["StatPub.Done"] = localizer["StatPub.Published", year, outcome.Value!.Number].Value;
            return Redirect($"/statistics/publication?year={year}");
        }

        Errors.AddRules(localizer, outcome?.Violations ?? input.Errors);
        await LoadAsync(ct);
        Response.StatusCode = outcome is null ? StatusCodes.Status400BadRequest : Problems.StatusOf(outcome.Kind);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CurrentYear = clock.GetUtcNow().Year;
        var published = (await statistics.YearsAsync(ct)).ToDictionary(y => y.Year, y => y.Vintage);
        Years = [.. (await statistics.YearsWithDataAsync(CurrentYear, ct)).Union(published.Keys).OrderDescending()
            .Select(y => (y, published.GetValueOrDefault(y)))];
        if (Selected is { } year && OpenKP.Statistics.StatisticsCalendar.IsYear(year))
        {
            SelectedLatest = published.GetValueOrDefault(year);
            if (SelectedLatest is not null)
            {
                var latest = (await statistics.PublishedAsync(year, null, ct))!;
                var live = await statistics.LiveAsync(year, ct);
                Pending = VintageDifference.Between(latest.Rows, live.Rows);
            }
        }
        else
        {
            Selected = null;
        }
    }
}
