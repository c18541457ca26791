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
/// Shipments as <c>GET /api/shipments</c> lists them, through <see cref="ShipmentQueries.ListAsync"/>: incoming (by
/// expected arrival), outgoing or all of the officer's participant, the operator's company's, every one for the
/// secretariat; by status, open loops only, searched by certificate number.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(ShipmentQueries queries, OpenKpEnvironment environment, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int PageSize = 25;

    public static readonly IReadOnlyList<string> Statuses = [.. Enum.GetValues<ShipmentStatus>().Select(s => Input.Kebab(s))];

    [BindProperty(SupportsGet = true, Name = "direction")]
    public string? Direction { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "open")]
    public bool OpenOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public string ActiveDirection { get; private set; } = "all";
    public Paged<Shipment> Result { get; private set; } = new([], 1, PageSize, 0);
    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);
    public bool Filtered => !string.IsNullOrWhiteSpace(Status) || OpenOnly || !string.IsNullOrWhiteSpace(Query);
    public bool IsSecretariat { get; private set; }
    public bool IsAuthorityOfficer { get; private set; }
    public bool IsCustomsOfficer { get; private set; }
    public string? Participant { get; private set; }
    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = ShipmentEndpoints.Actor(User, environment);
        if (!User.SeesShipments())
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        IsSecretariat = actor.IsSecretariat;
        IsAuthorityOfficer = actor.IsAuthorityOfficer;
        IsCustomsOfficer = actor.IsCustomsOfficer;
        Participant = actor.Participant;
        var input = new Input();
        ActiveDirection = input.OneOf(Direction, "direction", ShipmentQueries.Directions) ?? "all";
        var status = string.IsNullOrWhiteSpace(Status) ? (ShipmentStatus?)null : input.Enum<ShipmentStatus>(Status, "status");
        var text = input.Text(Query, "q", 64, required: false);
        var page = ShipmentPages.PageNumber(Request);
        if (page is null)
        {
            return NotFound();
        }

        if (!input.IsValid)
        {
            Errors.Add(localizer, input.Errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Result = await queries.ListAsync(actor, ActiveDirection, status, OpenOnly, text, null, page.Value, PageSize, ct);
        return Page();
    }

    /// <summary>This list's address with the direction or page changed, keeping the other filters.</summary>
    public string Link(string? direction = null, int page = 1)
    {
        var d = direction ?? ActiveDirection;
        var query = new Dictionary<string, string?>
        {
            ["direction"] = d == "all" ? null : d,
            ["status"] = string.IsNullOrWhiteSpace(Status) ? null : Status.Trim(),
            ["open"] = OpenOnly ? "true" : null,
            ["q"] = string.IsNullOrWhiteSpace(Query) ? null : Query.Trim(),
            ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
        };
        return "/shipments" + QueryString.Create(query.Where(kv => kv.Value is not null));
    }
}
