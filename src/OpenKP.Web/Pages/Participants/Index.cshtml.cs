using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Registry;
using OpenKP.Shared;
using OpenKP.Web.Portal;
using OpenKP.Web.Registry;

namespace OpenKP.Web.Pages.Participants;

/// <summary>Every participant with its status on a day, filtered by status and searched by name or code.</summary>
public sealed class IndexModel(RegistryQueries registry, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "on")]
    public string? On { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public DateOnly Day { get; private set; }
    public bool IsToday { get; private set; }
    public Paged<ParticipantSummary> Result { get; private set; } = new([], 1, PageSize, 0);
    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);
    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var input = new Input();
        Day = input.Date(On, "on", today);
        // Read by hand: "page" is also the route value naming the Razor page, which model binding would pick first.
        var page = 1;
        if (Request.Query.TryGetValue("page", out var raw))
        {
            page = input.Page(int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0, "page", 1, 10_000);
        }

        if (!string.IsNullOrWhiteSpace(Status) && !StandingView.StatusNames.Contains(Status.Trim()))
        {
            input.Add(InputCodes.InvalidValue, $"'{Status}' is not a status.", "status");
        }

        IsToday = Day == today;
        if (!input.IsValid)
        {
            Errors.Add(localizer, input.Errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Result = await registry.ListParticipantsAsync(new ParticipantListQuery(Day, Query, Status, page, PageSize), ct);
        return Page();
    }

    /// <summary>This list's address with one value changed (for the pager), keeping the others.</summary>
    public string Link(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["on"] = IsToday ? null : PortalText.Iso(Day),
            ["q"] = string.IsNullOrWhiteSpace(Query) ? null : Query.Trim(),
            ["status"] = string.IsNullOrWhiteSpace(Status) ? null : Status.Trim(),
            ["page"] = page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return "/participants" + QueryString.Create(query.Where(kv => kv.Value is not null));
    }
}
