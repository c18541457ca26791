using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenKP.Compliance;
using OpenKP.Web.Accounts;
using OpenKP.Web.Compliance;

namespace OpenKP.Web.Pages.Compliance.Meetings;

/// <summary>One meeting with the decisions adopted at it, as <c>GET /api/compliance/meetings/{id}</c>.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DetailsModel(MeetingBook book) : PageModel
{
    public MeetingView Meeting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!ComplianceReaders.Of(User).SeesShared)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var found = await book.FindAsync(id, ct);
        if (!found.Succeeded)
        {
            return NotFound();
        }

        Meeting = MeetingView.Of(found.Value!.Meeting, found.Value.Decisions);
        return Page();
    }
}
