using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenKP.Compliance;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Compliance;

/// <summary>A meeting as entered: kind (plenary, intersessional), title, dates as YYYY-MM-DD, place, Chair (participant code), summary.</summary>
public sealed record MeetingRequest(string? Kind, string? Title, string? StartsOn, string? EndsOn, string? Place, string? Chair = null, string? Summary = null, Guid? Version = null)
{
    /// <summary>The meeting; malformed fields reported on <paramref name="input"/> (the pages share it).</summary>
    public MeetingInput Parse(Input input)
    {
        var kind = input.Enum<MeetingKind>(Kind, "kind");
        var title = input.Text(Title, "title", 300);
        var starts = input.Date(StartsOn, "startsOn");
        var ends = input.Date(EndsOn, "endsOn", starts);
        var place = input.Text(Place, "place", 200);
        var chair = string.IsNullOrWhiteSpace(Chair) ? null : input.Code(Chair, "chair");
        var summary = input.Text(Summary, "summary", 20000, required: false);
        return new MeetingInput(kind, title, starts, ends, place, chair, summary);
    }
}

/// <summary>
/// Plenary and intersessional meetings (issue 7 item 1): shared with the secretariat, authority officers and
/// observers; written by the secretariat.
/// </summary>
internal static class MeetingEndpoints
{
    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/api/compliance/meetings").WithTags("Compliance: meetings").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/", List).WithSummary("Meetings, latest first, by kind and year");
        group.MapGet("/{id:long}", Get).WithSummary("One meeting with the decisions adopted at it");
        group.MapPost("/", Create).RequireAuthorization(Policies.Secretariat).WithSummary("Record a meeting");
        group.MapPut("/{id:long}", Edit).RequireAuthorization(Policies.Secretariat).WithSummary("Change a meeting under the version read");
    }

    internal static ProblemHttpResult Refused() => Problems.Forbidden("Meetings and working bodies are shared with the secretariat, authority officers and observers.");

    internal static async Task<Results<Ok<Paged<MeetingView>>, ProblemHttpResult>> List(
        ClaimsPrincipal user, MeetingBook book, string? kind, int? year, int? page, int? pageSize, CancellationToken ct)
    {
        if (!ComplianceReaders.Of(user).SeesShared)
        {
            return Refused();
        }

        var input = new Input();
        MeetingKind? k = string.IsNullOrWhiteSpace(kind) ? null : input.Enum<MeetingKind>(kind, "kind");
        if (year is < 2000 or > 9998)
        {
            input.Add(InputCodes.InvalidValue, "'year' is a year from 2000 to 9998.", "year");
        }

        var p = input.Page(page, "page", 1, 100_000);
        var size = input.Page(pageSize, "pageSize", 50, 500);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var found = await book.ListAsync(k, year, p, size, ct);
        return TypedResults.Ok(new Paged<MeetingView>([.. found.Items.Select(m => MeetingView.Of(m))], found.Page, found.PageSize, found.Total));
    }

    internal static async Task<Results<Ok<MeetingView>, ProblemHttpResult>> Get(long id, ClaimsPrincipal user, MeetingBook book, CancellationToken ct)
    {
        if (!ComplianceReaders.Of(user).SeesShared)
        {
            return Refused();
        }

        var found = await book.FindAsync(id, ct);
        return found.Succeeded ? TypedResults.Ok(MeetingView.Of(found.Value!.Meeting, found.Value.Decisions)) : Problems.From(found);
    }

    internal static async Task<Results<Created<MeetingView>, ProblemHttpResult>> Create(MeetingRequest request, MeetingBook book, CancellationToken ct)
    {
        var input = new Input();
        var meeting = request.Parse(input);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await book.CreateAsync(meeting, ct);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/compliance/meetings/{outcome.Value!.Id}", MeetingView.Of(outcome.Value, []))
            : Problems.From(outcome);
    }

    internal static async Task<Results<Ok<MeetingView>, ProblemHttpResult>> Edit(long id, MeetingRequest request, MeetingBook book, CancellationToken ct)
    {
        var input = new Input();
        var meeting = request.Parse(input);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await book.EditAsync(id, meeting, request.Version, ct);
        return outcome.Succeeded ? TypedResults.Ok(MeetingView.Of(outcome.Value!)) : Problems.From(outcome);
    }
}
