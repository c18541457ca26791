using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Shared;
using OpenKP.Shipments;
using OpenKP.Web.Accounts;
using OpenKP.Web.Pages.Shipments;
using OpenKP.Web.Portal;
using OpenKP.Web.Shared;
using OpenKP.Web.Shipments;

namespace OpenKP.Web.Pages.Applications;

/// <summary>
/// Export applications as <c>GET /api/applications</c> lists them: an operator's company's, an authority officer's
/// participant's (with the review queue first: submitted and awaiting a second approval, oldest first), all for the
/// secretariat; filtered by status, searched by invoice, importer or certificate number.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(ShipmentQueries queries, OpenKpEnvironment environment, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int PageSize = 25;

    public static readonly IReadOnlyList<string> Statuses = [.. Enum.GetValues<ApplicationStatus>().Select(s => Input.Kebab(s))];

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public Paged<ExportApplication> Result { get; private set; } = new([], 1, PageSize, 0);

    /// <summary>The review queue, for authority officers on the unfiltered first page.</summary>
    public Paged<ExportApplication>? Queue { get; private set; }

    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);
    public bool Filtered => !string.IsNullOrWhiteSpace(Status) || !string.IsNullOrWhiteSpace(Query);
    public bool MayApply { get; private set; }
    public bool IsSecretariat { get; private set; }
    public bool IsOfficer { get; private set; }
    public string? Participant { get; private set; }
    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = ShipmentEndpoints.Actor(User, environment);
        if (!(actor.IsOperator || actor.IsAuthorityOfficer || actor.IsSecretariat))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        IsSecretariat = actor.IsSecretariat;
        IsOfficer = actor.IsAuthorityOfficer;
        MayApply = actor.IsAuthorityOfficer || (actor.IsOperator && actor.OperatorId is not null);
        Participant = actor.Participant;
        var input = new Input();
        var status = string.IsNullOrWhiteSpace(Status) ? (ApplicationStatus?)null : input.Enum<ApplicationStatus>(Status, "status");
        var text = input.Text(Query, "q", 100, required: false);
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

        if (actor.IsAuthorityOfficer && actor.Participant is { } own && !Filtered && page == 1)
        {
            Queue = await queries.QueueAsync(own, 1, 50, ct);
        }

        Result = await queries.ApplicationsAsync(actor, status, text, page.Value, PageSize, ct);
        return Page();
    }

    /// <summary>This list's address with the page changed, keeping the filters.</summary>
    public string Link(int page = 1)
    {
        var query = new Dictionary<string, string?>
        {
            ["status"] = string.IsNullOrWhiteSpace(Status) ? null : Status.Trim(),
            ["q"] = string.IsNullOrWhiteSpace(Query) ? null : Query.Trim(),
            ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
        };
        return "/applications" + QueryString.Create(query.Where(kv => kv.Value is not null));
    }
}
