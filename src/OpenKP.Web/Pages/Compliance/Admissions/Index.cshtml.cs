using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenKP.Compliance;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Compliance;

namespace OpenKP.Web.Pages.Compliance.Admissions;

/// <summary>
/// Applications to join the scheme, newest first, as <c>GET /api/compliance/admissions</c>: shared with the secretariat,
/// the authority officers and the observers; the secretariat receives new ones.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(AdmissionDesk desk) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }

    public Paged<AdmissionView> Result { get; private set; } = new([], 1, PageSize, 0);
    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);
    public bool IsSecretariat { get; private set; }

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

        var input = new Input();
        AdmissionStatus? status = string.IsNullOrWhiteSpace(Status) ? null : input.Enum<AdmissionStatus>(Status, "status");
        IsSecretariat = reader.IsSecretariat;
        var found = await desk.ListAsync(input.IsValid ? status : null, page, PageSize, ct);
        Result = new Paged<AdmissionView>([.. found.Items.Select(a => AdmissionView.Of(a, null, reader.IsSecretariat))], found.Page, found.PageSize, found.Total);
        return Page();
    }

    public string Link(int page) => "/compliance/admissions" + QueryString.Create(new Dictionary<string, string?>
    {
        ["status"] = Status,
        ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));
}
