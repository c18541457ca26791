using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenKP.Accounts;
using OpenKP.Notifications;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Notifications;

/// <summary>How many messages were marked read.</summary>
public sealed record MarkedReadView(int Marked);

/// <summary>How many unread messages the signed-in account has.</summary>
public sealed record UnreadCountView(int Unread);

/// <summary>The signed-in account's inbox: every account reads only the messages of the audiences it belongs to.</summary>
internal static class InboxEndpoints
{
    public static void Map(WebApplication app)
    {
        var inbox = app.MapGroup("/api/inbox").WithTags("Inbox").RequireAuthorization(Policies.SignedIn);
        inbox.MapGet("/", List).WithSummary("Your messages, newest first; unread=true: only those you have not read");
        inbox.MapGet("/unread-count", UnreadCount).WithSummary("How many of your messages are unread");
        inbox.MapPost("/{id:long}/read", MarkRead).WithSummary("Mark one of your messages read");
        inbox.MapPost("/read-all", MarkAllRead).WithSummary("Mark all your messages read");
    }

    internal static async Task<Results<Ok<Paged<InboxMessageView>>, ProblemHttpResult>> List(
        ClaimsPrincipal user, Inbox inbox, bool? unread, int? page, int? pageSize, CancellationToken ct)
    {
        var input = new Input();
        var p = input.Page(page, "page", 1, 100_000);
        var size = input.Page(pageSize, "pageSize", 50, 500);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        return TypedResults.Ok(await inbox.ListAsync(Reader(user), unread == true, p, size, ct));
    }

    internal static async Task<Ok<UnreadCountView>> UnreadCount(ClaimsPrincipal user, Inbox inbox, CancellationToken ct)
        => TypedResults.Ok(new UnreadCountView(await inbox.UnreadCountAsync(Reader(user), ct)));

    internal static async Task<Results<Ok<InboxMessageView>, ProblemHttpResult>> MarkRead(long id, ClaimsPrincipal user, Inbox inbox, CancellationToken ct)
    {
        var outcome = await inbox.MarkReadAsync(Reader(user), id, ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : Problems.From(outcome);
    }

    internal static async Task<Ok<MarkedReadView>> MarkAllRead(ClaimsPrincipal user, Inbox inbox, CancellationToken ct)
        => TypedResults.Ok(new MarkedReadView(await inbox.MarkAllReadAsync(Reader(user), ct)));

    /// <summary>The inbox reader a signed-in principal is: its account id, role, participant and company.</summary>
    public static InboxReader Reader(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in principal without an account id."),
        user.FindFirstValue(ClaimTypes.Role),
        user.FindFirstValue(OpenKpClaims.Participant),
        long.TryParse(user.FindFirstValue(OpenKpClaims.Operator), NumberStyles.None, CultureInfo.InvariantCulture, out var op) ? op : null);
}
