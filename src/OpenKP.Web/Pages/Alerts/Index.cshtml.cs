using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Shared;
using OpenKP.Shipments;
using OpenKP.Web.Accounts;
using OpenKP.Web.Portal;
using OpenKP.Web.Shipments;

namespace OpenKP.Web.Pages.Alerts;

/// <summary>
/// Alerts between the participants' authorities, as <c>/api/alerts</c> serves them: every official reads them newest
/// first and raises one (parsed by <see cref="RaiseAlertRequest.Parse"/>, as the API does); an officer's participant
/// acknowledges each once; the secretariat reads and raises but has no participant to acknowledge for.
/// </summary>
[Authorize(Policy = Policies.SchemeOfficials)]
public sealed class IndexModel(OpenKP.Shipments.Alerts alerts, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int PageSize = 25;

    public static readonly IReadOnlyList<string> Kinds = [.. Enum.GetValues<AlertKind>().Select(k => Input.Kebab(k))];

    [BindProperty(SupportsGet = true, Name = "unacknowledged")]
    public bool Unacknowledged { get; set; }

    /// <summary>The officer's participant; null for the secretariat.</summary>
    public string? Participant { get; private set; }

    public Paged<AlertView> Result { get; private set; } = new([], 1, PageSize, 0);
    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    /// <summary>Problems with the raise form, shown beside its fields, or why an acknowledgement was refused (no field).</summary>
    public FormErrors Errors { get; } = new();

    public RaiseAlertRequest Form { get; private set; } = new(null, null, null, null);

    [TempData]
    public string? Notice { get; set; }

    public static string KindKey(string kind) => "Alerts.Kind." + kind;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
        => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Form = new RaiseAlertRequest(Request.Form["kind"], Request.Form["subject"], Request.Form["details"], Request.Form["certificateNumber"]);
        var input = new Input();
        var alert = Form.Parse(input);
        if (!input.IsValid)
        {
            Errors.Add(localizer, input.Errors, form: "alert");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(ct) ?? Page();
        }

        await alerts.RaiseAsync(new AlertActor(AlertEndpoints.Participant(User), User.Identity?.Name ?? "unknown"), alert, ct);
        Notice = "raised";
        return Redirect("/alerts");
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(long id, CancellationToken ct)
    {
        if (AlertEndpoints.Participant(User) is not { } own)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var outcome = await alerts.AcknowledgeAsync(id, own, User.Identity?.Name ?? "unknown", ct);
        if (!outcome.Succeeded)
        {
            Errors.Add(localizer, outcome.Violations.Select(v => v with { Field = string.Empty }));
            Response.StatusCode = outcome.Violations.Any(v => v.Code == ShipmentCodes.AlertNotFound) ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict;
            return await LoadAsync(ct) ?? Page();
        }

        Notice = "acknowledged";
        return Redirect(Link(Unacknowledged));
    }

    /// <summary>This list's address with the filter or page changed.</summary>
    public static string Link(bool unacknowledged, int page = 1)
    {
        var query = new Dictionary<string, string?>
        {
            ["unacknowledged"] = unacknowledged ? "true" : null,
            ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
        };
        return "/alerts" + QueryString.Create(query.Where(kv => kv.Value is not null));
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Participant = AlertEndpoints.Participant(User);
        if (Participant is null)
        {
            Unacknowledged = false;
        }

        // Read by hand: "page" is also the route value naming the Razor page, which model binding would pick first.
        var page = 1;
        if (Request.Query.TryGetValue("page", out var raw))
        {
            if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1 || page > 100_000)
            {
                return NotFound();
            }
        }

        var list = await alerts.ListAsync(null, Unacknowledged ? Participant : null, page, PageSize, ct);
        Result = new Paged<AlertView>([.. list.Items.Select(a => AlertView.Of(a, Participant))], list.Page, list.PageSize, list.Total);
        return null;
    }
}
