using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Compliance;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Compliance;
using OpenKP.Web.Portal;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Pages.Compliance.Cases;

/// <summary>Non-compliance cases, as <c>GET /api/compliance/cases</c>: by participant, status and source, for the secretariat, authority officers and observers.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(ComplianceCaseDesk desk, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "participant")] public string? Participant { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "source")] public string? Source { get; set; }

    public Paged<ComplianceCaseView> Result { get; private set; } = new([], 1, PageSize, 0);
    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);
    public bool IsSecretariat { get; private set; }
    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var reader = ComplianceReaders.Of(User);
        if (!reader.SeesShared)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (OpenKP.Web.Pages.Shipments.ShipmentPages.PageNumber(Request) is not { } page)
        {
            return NotFound();
        }

        IsSecretariat = reader.IsSecretariat;
        var input = new Input();
        var filter = ComplianceCaseEndpoints.Filter(input, Participant, Status, Source);
        if (!input.IsValid)
        {
            Errors.Add(localizer, input.Errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var found = await desk.ListAsync(reader, filter, page, PageSize, ct);
        if (!found.Succeeded)
        {
            return StatusCode(Problems.StatusOf(found.Kind));
        }

        Result = found.Value!;
        return Page();
    }

    public string Link(int page) => CasePages.ListPath + QueryString.Create(new Dictionary<string, string?>
    {
        ["participant"] = Participant,
        ["status"] = Status,
        ["source"] = Source,
        ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));
}
