using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenKP.Shared;
using OpenKP.Shipments;
using OpenKP.Web.Accounts;
using OpenKP.Web.Pages.Shipments;
using OpenKP.Web.Registry;
using OpenKP.Web.Shared;
using OpenKP.Web.Shipments;

namespace OpenKP.Web.Pages.Cases;

/// <summary>Detention cases of the official's participant (either side), as <c>GET /api/cases</c>; every case for the secretariat.</summary>
[Authorize(Policy = Policies.SchemeOfficials)]
public sealed class IndexModel(ShipmentQueries queries, OpenKpEnvironment environment, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "open")]
    public bool OpenOnly { get; set; }

    public Paged<DetentionCase> Result { get; private set; } = new([], 1, PageSize, 0);
    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);
    public string? Participant { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = ShipmentEndpoints.Actor(User, environment);
        if (ShipmentPages.PageNumber(Request) is not { } page)
        {
            return NotFound();
        }

        Participant = actor.Participant;
        Today = clock.Today();
        Result = await queries.CasesAsync(actor, OpenOnly, page, PageSize, ct);
        return Page();
    }

    public string Link(int page)
        => "/cases" + QueryString.Create(new Dictionary<string, string?>
        {
            ["open"] = OpenOnly ? "true" : null,
            ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
        }.Where(kv => kv.Value is not null));
}
