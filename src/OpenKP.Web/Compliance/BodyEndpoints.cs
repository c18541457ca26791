using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenKP.Compliance;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Compliance;

/// <summary>The Chair (participant code), Vice-Chair and the person chairing for a year.</summary>
public sealed record ChairmanshipRequest(string? Chair, string? ViceChair = null, string? ChairPerson = null, Guid? Version = null);

/// <summary>A member for a year: kind (participant, observer), member (a participant code or an observer's name), role (chair, vice-chair, member), term.</summary>
public sealed record BodyMemberRequest(int? Year, string? Kind, string? Member, string? Role = null, string? From = null, string? EndsOn = null)
{
    public NewBodyMember Parse(Input input)
    {
        var year = BodyEndpoints.Year(input, Year);
        var kind = input.Enum<BodyMemberKind>(Kind, "kind");
        var member = input.Text(Member, "member", 200);
        var role = string.IsNullOrWhiteSpace(Role) ? BodyRole.Member : input.Enum<BodyRole>(Role, "role");
        return new NewBodyMember(year, kind, member, role, input.OptionalDate(From, "from"), input.OptionalDate(EndsOn, "endsOn"));
    }
}

/// <summary>A body's outcomes for a year (replaces the text; <c>version</c> as read when changing it).</summary>
public sealed record BodyOutcomeRequest(string? Text, Guid? Version = null);

/// <summary>
/// The Chair and Vice-Chair per year and the working bodies with their members and outcomes (issue 7 item 2):
/// shared with the secretariat, authority officers and observers; written by the secretariat.
/// </summary>
internal static class BodyEndpoints
{
    public static void Map(WebApplication app)
    {
        var chairs = app.MapGroup("/api/compliance/chairmanships").WithTags("Compliance: Chair and working bodies").RequireAuthorization(Policies.SignedIn);
        chairs.MapGet("/", Chairmanships).WithSummary("The Chair and Vice-Chair of each year, latest first");
        chairs.MapPut("/{year:int}", SetChairmanship).RequireAuthorization(Policies.Secretariat).WithSummary("Set the Chair and Vice-Chair of a year");

        var bodies = app.MapGroup("/api/compliance/bodies").WithTags("Compliance: Chair and working bodies").RequireAuthorization(Policies.SignedIn);
        bodies.MapGet("/", Bodies).WithSummary("Every working body with its members and outcomes for a year (default this year)");
        bodies.MapGet("/{code}/members", Members).WithSummary("A body's members, by year");
        bodies.MapPost("/{code}/members", AddMember).RequireAuthorization(Policies.Secretariat).WithSummary("Add a member for a year");
        bodies.MapDelete("/{code}/members/{id:long}", RemoveMember).RequireAuthorization(Policies.Secretariat).WithSummary("Remove a membership entered in error");
        bodies.MapGet("/{code}/outcomes/{year:int}", Outcome).WithSummary("A body's outcomes for a year");
        bodies.MapPut("/{code}/outcomes/{year:int}", SetOutcome).RequireAuthorization(Policies.Secretariat).WithSummary("Write a body's outcomes for a year");
    }

    internal static int Year(Input input, int? year)
    {
        if (year is not (>= 2000 and <= 9998))
        {
            input.Add(year is null ? InputCodes.Required : InputCodes.InvalidValue, "'year' is a year from 2000 to 9998.", "year");
            return 2000;
        }

        return year.Value;
    }

    internal static async Task<Results<Ok<IReadOnlyList<ChairmanshipView>>, ProblemHttpResult>> Chairmanships(ClaimsPrincipal user, BodyRoster roster, CancellationToken ct)
        => ComplianceReaders.Of(user).SeesShared
            ? TypedResults.Ok<IReadOnlyList<ChairmanshipView>>([.. (await roster.ChairmanshipsAsync(ct)).Select(ChairmanshipView.Of)])
            : MeetingEndpoints.Refused();

    internal static async Task<Results<Ok<ChairmanshipView>, ProblemHttpResult>> SetChairmanship(int year, ChairmanshipRequest request, BodyRoster roster, CancellationToken ct)
    {
        var input = new Input();
        Year(input, year);
        var chair = input.Code(request.Chair, "chair");
        var vice = string.IsNullOrWhiteSpace(request.ViceChair) ? null : input.Code(request.ViceChair, "viceChair");
        var person = input.Text(request.ChairPerson, "chairPerson", 200, required: false);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await roster.SetChairmanshipAsync(year, chair, vice, person, request.Version, ct);
        return outcome.Succeeded ? TypedResults.Ok(ChairmanshipView.Of(outcome.Value!)) : Problems.From(outcome);
    }

    internal static async Task<Results<Ok<IReadOnlyList<BodyView>>, ProblemHttpResult>> Bodies(ClaimsPrincipal user, BodyRoster roster, TimeProvider clock, int? year, CancellationToken ct)
    {
        if (!ComplianceReaders.Of(user).SeesShared)
        {
            return MeetingEndpoints.Refused();
        }

        var input = new Input();
        var y = Year(input, year ?? clock.GetUtcNow().Year);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        return TypedResults.Ok(await BodiesAsync(roster, y, ct));
    }

    /// <summary>Every body for <paramref name="year"/> (the pages share it).</summary>
    internal static async Task<IReadOnlyList<BodyView>> BodiesAsync(BodyRoster roster, int year, CancellationToken ct)
    {
        var (members, outcomes) = await roster.YearAsync(year, ct);
        return [.. WorkingBodies.All.Select(b => new BodyView(b.Code, b.NameEn, b.NameFr, year,
            [.. members.Where(m => m.BodyCode == b.Code).Select(BodyMemberView.Of)],
            outcomes.FirstOrDefault(o => o.BodyCode == b.Code) is { } o ? BodyOutcomeView.Of(o) : null))];
    }

    internal static async Task<Results<Ok<IReadOnlyList<BodyMemberView>>, ProblemHttpResult>> Members(string code, int? year, ClaimsPrincipal user, BodyRoster roster, CancellationToken ct)
    {
        if (!ComplianceReaders.Of(user).SeesShared)
        {
            return MeetingEndpoints.Refused();
        }

        var found = await roster.MembersAsync(code, year, ct);
        return found.Succeeded ? TypedResults.Ok<IReadOnlyList<BodyMemberView>>([.. found.Value!.Select(BodyMemberView.Of)]) : Problems.From(found);
    }

    internal static async Task<Results<Created<BodyMemberView>, ProblemHttpResult>> AddMember(string code, BodyMemberRequest request, BodyRoster roster, CancellationToken ct)
    {
        var input = new Input();
        var member = request.Parse(input);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await roster.AddMemberAsync(code, member, ct);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/compliance/bodies/{outcome.Value!.BodyCode}/members?year={outcome.Value.Year}", BodyMemberView.Of(outcome.Value))
            : Problems.From(outcome);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RemoveMember(string code, long id, BodyRoster roster, CancellationToken ct)
    {
        var outcome = await roster.RemoveMemberAsync(code, id, ct);
        return outcome.Succeeded ? TypedResults.NoContent() : Problems.From(outcome);
    }

    internal static async Task<Results<Ok<BodyOutcomeView>, ProblemHttpResult>> Outcome(string code, int year, ClaimsPrincipal user, BodyRoster roster, CancellationToken ct)
    {
        if (!ComplianceReaders.Of(user).SeesShared)
        {
            return MeetingEndpoints.Refused();
        }

        var found = await roster.OutcomeAsync(code, year, ct);
        return found.Succeeded ? TypedResults.Ok(BodyOutcomeView.Of(found.Value!)) : Problems.From(found);
    }

    internal static async Task<Results<Ok<BodyOutcomeView>, ProblemHttpResult>> SetOutcome(string code, int year, BodyOutcomeRequest request, BodyRoster roster, CancellationToken ct)
    {
        var input = new Input();
        Year(input, year);
        var text = input.Text(request.Text, "text", 20000);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await roster.SetOutcomeAsync(code, year, text, request.Version, ct);
        return outcome.Succeeded ? TypedResults.Ok(BodyOutcomeView.Of(outcome.Value!)) : Problems.From(outcome);
    }
}
