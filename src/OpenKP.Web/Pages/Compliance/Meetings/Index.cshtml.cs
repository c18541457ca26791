using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenKP.Compliance;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Compliance;

namespace OpenKP.Web.Pages.Compliance.Meetings;

/// <summary>The meetings, as <c>GET /api/compliance/meetings</c>: the secretariat, authority officers and observers.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(MeetingBook book) : PageModel
{
    public const int PageSize = 50;

    public Paged<MeetingView> Result { get; private set; } = new([], 1, PageSize, 0);
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

        IsSecretariat = reader.IsSecretariat;
        var found = await book.ListAsync(null, null, page, PageSize, ct);
        Result = new Paged<MeetingView>([.. found.Items.Select(m => MeetingView.Of(m))], found.Page, found.PageSize, found.Total);
        return Page();
    }

    public static string Link(int page) => "/compliance/meetings" + (page == 1 ? string.Empty : "?page=" + page.ToString(CultureInfo.InvariantCulture));
}
