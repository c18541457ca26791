using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Shared;
using OpenKP.Shipments;
using OpenKP.Web.Accounts;
using OpenKP.Web.Portal;
using OpenKP.Web.Shared;
using OpenKP.Web.Shipments;

namespace OpenKP.Web.Pages.Shipments;

/// <summary>
/// The exporting authority's open loops, as <c>GET /api/shipments/overdue</c>: certificates with no import confirmation
/// after the participant's overdue days, and those that expired unused; with a reminder to the importing side for each
/// (<see cref="OverdueWatch.RemindAsync"/>). The secretariat reads any participant's list.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class OverdueModel(OverdueWatch watch, ShipmentSettingsStore settings, OpenKpEnvironment environment, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The secretariat's choice of exporting participant.</summary>
    [BindProperty(SupportsGet = true, Name = "participant")]
    public string? ParticipantFilter { get; set; }

    /// <summary>Whose outgoing shipments are listed; null while the secretariat has not chosen.</summary>
    public string? Participant { get; private set; }
    public int OverdueAfterDays { get; private set; }
    public bool MayRemind { get; private set; }
    public bool IsSecretariat { get; private set; }
    public Paged<OverdueShipment> Result { get; private set; } = new([], 1, PageSize, 0);
    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);
    public FormErrors Errors { get; } = new();

    [TempData]
    public string? Reminded { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostRemindAsync([FromForm] string? number, CancellationToken ct)
    {
        var actor = ShipmentEndpoints.Actor(User, environment);
        if (!actor.IsAuthorityOfficer)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var outcome = await watch.RemindAsync(actor, (number ?? string.Empty).Trim(), ct);
        if (!outcome.Succeeded)
        {
            Errors.AddRules(localizer, outcome.Violations.Select(v => v with { Field = string.Empty }));
            Response.StatusCode = Problems.StatusOf(outcome.Kind);
            return await LoadAsync(ct) ?? Page();
        }

        Reminded = outcome.Value!.CertificateNumber;
        return Redirect("/shipments/overdue");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var actor = ShipmentEndpoints.Actor(User, environment);
        IsSecretariat = actor.IsSecretariat;
        if (!actor.IsSecretariat && !actor.IsAuthorityOfficer)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var input = new Input();
        Participant = actor.IsSecretariat
            ? (string.IsNullOrWhiteSpace(ParticipantFilter) ? null : input.Code(ParticipantFilter, "participant"))
            : actor.Participant;
        var page = ShipmentPages.PageNumber(Request);
        if (page is null)
        {
            return NotFound();
        }

        if (!input.IsValid)
        {
            Errors.Add(localizer, input.Errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Participant = null;
            return null;
        }

        MayRemind = actor.IsAuthorityOfficer;
        if (Participant is { } who)
        {
            OverdueAfterDays = (await settings.GetAsync(who, ct)).OverdueAfterDays;
            Result = await watch.ListAsync(who, page.Value, PageSize, ct);
        }

        return null;
    }

    public string Link(int page)
        => "/shipments/overdue" + QueryString.Create(new Dictionary<string, string?>
        {
            ["participant"] = IsSecretariat ? Participant : null,
            ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
        }.Where(kv => kv.Value is not null));
}
