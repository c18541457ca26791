using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenKP.Notifications;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Notifications;
using OpenKP.Web.Portal;

namespace OpenKP.Web.Pages.Inbox;

/// <summary>
/// The signed-in account's inbox, as <c>/api/inbox</c> serves it: newest first, only unread on request,
/// each message linking to what it is about; mark one or all read.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(OpenKP.Notifications.Inbox inbox) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "unread")]
    public bool Unread { get; set; }

    public Paged<InboxMessageView> Result { get; private set; } = new([], 1, PageSize, 0);
    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Read by hand: "page" is also the route value naming the Razor page, which model binding would pick first.
        var page = 1;
        if (Request.Query.TryGetValue("page", out var raw)
            && (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1 || page > 100_000))
        {
            return NotFound();
        }

        Result = await inbox.ListAsync(InboxEndpoints.Reader(User), Unread, page, PageSize, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken ct)
    {
        var outcome = await inbox.MarkReadAsync(InboxEndpoints.Reader(User), id, ct);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        return Redirect(Link(Unread));
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await inbox.MarkAllReadAsync(InboxEndpoints.Reader(User), ct);
        Notice = "all-read";
        return Redirect(Link(Unread));
    }

    /// <summary>A message's link when it points into this site; anything else is not shown as a link.</summary>
    public static string? SafeLink(string? link) => PortalModule.IsLocal(link) ? link : null;

    /// <summary>This list's address with the filter or page changed.</summary>
    public static string Link(bool unread, int page = 1)
    {
        var query = new Dictionary<string, string?>
        {
            ["unread"] = unread ? "true" : null,
            ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
        };
        return "/inbox" + QueryString.Create(query.Where(kv => kv.Value is not null));
    }
}
