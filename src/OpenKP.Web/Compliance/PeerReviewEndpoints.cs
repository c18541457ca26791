using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenKP.Compliance;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Registry;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Compliance;

/// <summary>A team member as typed: <c>kind</c> participant, industry, civil-society or secretariat.</summary>
public sealed record TeamMemberRequest(string? Kind, string? PersonName, string? ParticipantCode, string? ObserverName, bool IsLeader);

public sealed record RecommendationRequest(string? Text, string? Owner, string? DueOn);

/// <summary>
/// Plan a review: <c>kind</c> visit (with <c>invitedOn</c>) or mission (its reason in the terms of reference, with the
/// adopted decision that ordered it if any); the schedule as YYYY-MM-DD, both days on site.
/// </summary>
public sealed record PlanReviewRequest(
    string? Participant, string? Kind, string? InvitedOn, long? DecisionId, string? StartsOn, string? EndsOn, string? TermsOfReference, IReadOnlyList<TeamMemberRequest>? Team);

public sealed record ReviewTeamRequest(IReadOnlyList<TeamMemberRequest>? Team, Guid? Version);

/// <summary>A draft or final report, with the recommendations it makes (none, one or many).</summary>
public sealed record ReviewReportRequest(string? Report, IReadOnlyList<RecommendationRequest>? Recommendations, Guid? Version);

public sealed record ReviewCommentsRequest(string? Comments, Guid? Version);

public sealed record ReviewStepRequest(Guid? Version);

/// <summary>One recommendation added to a review, under the review's version.</summary>
public sealed record AddRecommendationRequest(string? Text, string? Owner, string? DueOn, Guid? Version);

/// <summary>A follow-up: <c>status</c> in-progress, implemented (the participant or the secretariat), closed or not-implemented (the secretariat), with a note.</summary>
public sealed record RecommendationUpdateRequest(string? Status, string? Note, Guid? Version);

public sealed record TeamMemberView(string Kind, string PersonName, string? ParticipantCode, string? ObserverName, bool IsLeader)
{
    public static TeamMemberView Of(ReviewTeamMember m) => new(Input.Kebab(m.Kind), m.PersonName, m.ParticipantCode, m.ObserverName, m.IsLeader);
}

public sealed record RecommendationUpdateView(string Status, string Note, string By, DateTime At);

public sealed record RecommendationView(
    long Id, long ReviewId, string ParticipantCode, int Number, string Text, string Owner, DateOnly DueOn, string Status, bool Overdue, DateOnly? ClosedOn,
    DateTime UpdatedAt, IReadOnlyList<RecommendationUpdateView>? Updates, Guid Version)
{
    public static bool IsOverdue(Recommendation r, DateOnly today) => r.Status is RecommendationStatus.Open or RecommendationStatus.InProgress && r.DueOn < today;

    public static RecommendationView Of(Recommendation r, DateOnly today, bool withUpdates = false) => new(
        r.Id, r.ReviewId, r.ParticipantCode, r.Number, r.Text, r.Owner, r.DueOn, Input.Kebab(r.Status), IsOverdue(r, today), r.ClosedOn, r.UpdatedAt,
        withUpdates ? [.. r.Updates.Select(u => new RecommendationUpdateView(Input.Kebab(u.Status), u.Note, u.By, u.At))] : null, r.Version);
}

/// <summary>
/// A review as the reader may see it: the draft report only for the secretariat and the reviewed participant
/// (<see cref="DraftVisible"/>); the comments and recommendations, before the final report, likewise.
/// </summary>
public sealed record ReviewView(
    long Id, string ParticipantCode, string Kind, string Status, DateOnly? InvitedOn, long? DecisionId, DateOnly StartsOn, DateOnly EndsOn,
    string TermsOfReference, bool DraftVisible, string? DraftReport, DateTime? DraftIssuedAt, string? ParticipantComments, DateTime? CommentedAt,
    string? FinalReport, DateTime? FinalIssuedAt, bool FollowedToClosure, int RecommendationCount, IReadOnlyList<TeamMemberView> Team,
    IReadOnlyList<RecommendationView> Recommendations, string CreatedBy, DateTime CreatedAt, Guid Version)
{
    public static ReviewView Of(PeerReview r, ComplianceReader reader, DateOnly today)
    {
        var drafts = PeerReviewDesk.SeesDrafts(reader, r);
        var final = r.Status == ReviewStatus.Final;
        var recommendations = drafts || final ? r.Recommendations : [];
        return new(
            r.Id, r.ParticipantCode, Input.Kebab(r.Kind), Input.Kebab(r.Status), r.InvitedOn, r.DecisionId, r.StartsOn, r.EndsOn, r.TermsOfReference,
            drafts, drafts ? r.DraftReport : null, r.DraftIssuedAt, drafts || final ? r.ParticipantComments : null, drafts || final ? r.CommentedAt : null,
            r.FinalReport, r.FinalIssuedAt, PeerReviewDesk.FollowedToClosure(r), recommendations.Count,
            [.. r.Team.Select(TeamMemberView.Of)], [.. recommendations.Select(x => RecommendationView.Of(x, today))], r.CreatedBy, r.CreatedAt, r.Version);
    }
}

public sealed record RecommendationTallyView(string ParticipantCode, int Open, int InProgress, int Implemented, int Overdue, DateOnly OldestDueOn);

public sealed record ReviewDueView(string ParticipantCode, string Name, DateOnly? LastEndedOn, string? LastKind, long? LastReviewId);

/// <summary>The members due a review: no completed visit or mission ending within <see cref="Years"/> years of <see cref="On"/>.</summary>
public sealed record ReviewsDueView(int Years, DateOnly On, IReadOnlyList<ReviewDueView> Members);

/// <summary>
/// Peer review (issue 7 item 5): review visits and missions, their team, draft and final reports and the reviewed
/// participant's comments, and the follow-up of their recommendations. Readers who see what the scheme shares (the
/// secretariat, authority officers, observers) see reviews, final reports and recommendations; the draft report and the
/// comments before the final only the secretariat and the reviewed participant. Everyone else: 401 anonymous, 403 signed in.
/// </summary>
internal static class PeerReviewEndpoints
{
    public static void Map(WebApplication app)
    {
        var reviews = app.MapGroup("/api/compliance/reviews").WithTags("Compliance: peer review").RequireAuthorization(Policies.SignedIn);
        reviews.MapGet("/", List).WithSummary("Reviews, filtered by participant, kind, status and the year they start");
        reviews.MapPost("/", Plan).RequireAuthorization(Policies.Secretariat).WithSummary("Plan a review visit or mission with its team (the secretariat)");
        reviews.MapGet("/due", Due).WithSummary("Members with no completed review for N years (default OpenKP:Compliance:ReviewIntervalYears)");
        reviews.MapGet("/{id:long}", Show).WithSummary("One review (the draft report and early comments only for the secretariat and the reviewed participant)");
        reviews.MapGet("/{id:long}/team", Team).WithSummary("A review's team");
        reviews.MapPut("/{id:long}/team", ReplaceTeam).RequireAuthorization(Policies.Secretariat).WithSummary("Replace the team of a planned review");
        reviews.MapPost("/{id:long}/draft-report", Draft).RequireAuthorization(Policies.Secretariat).WithSummary("Issue the draft report with its recommendations");
        reviews.MapPost("/{id:long}/comments", Comment).WithSummary("The reviewed participant's comments on the draft (its authority officers)");
        reviews.MapPost("/{id:long}/final-report", Final).RequireAuthorization(Policies.Secretariat).WithSummary("Issue the final report, with any further recommendations");
        reviews.MapPost("/{id:long}/cancel", Cancel).RequireAuthorization(Policies.Secretariat).WithSummary("Cancel a planned review");
        reviews.MapGet("/{id:long}/recommendations", ReviewRecommendations).WithSummary("A review's recommendations");
        reviews.MapPost("/{id:long}/recommendations", AddRecommendation).RequireAuthorization(Policies.Secretariat).WithSummary("Add a recommendation once the draft report is out");

        var recommendations = app.MapGroup("/api/compliance/recommendations").WithTags("Compliance: peer review").RequireAuthorization(Policies.SignedIn);
        recommendations.MapGet("/", Recommendations).WithSummary("Recommendations, filtered by participant, status and overdue");
        recommendations.MapGet("/dashboard", Dashboard).WithSummary("Per participant, the recommendations not yet closed");
        recommendations.MapGet("/{id:long}/updates", Updates).WithSummary("A recommendation with its follow-up");
        recommendations.MapPost("/{id:long}/updates", FollowUp).WithSummary("Move a recommendation on with a note (progress: the participant; closure: the secretariat)");
    }

    /// <summary>The reader, when it sees what the scheme shares; null otherwise (customs officers, operators).</summary>
    internal static ComplianceReader? Reader(ClaimsPrincipal user) => ComplianceReaders.Of(user) is { SeesShared: true } reader ? reader : null;

    private static ProblemHttpResult Refused() => Problems.Forbidden("Peer reviews are shared with the secretariat, the participants' authority officers and the observers.");

    /// <summary>The interval after which a member is due a review, from configuration (default 5 years).</summary>
    internal static int IntervalYears(IConfiguration configuration)
        => configuration.GetValue<int?>(PeerReviewDesk.IntervalYearsKey) is { } y and >= 1 and <= 50 ? y : PeerReviewDesk.DefaultIntervalYears;

    internal static ReviewFilter Filter(Input input, string? participant, string? kind, string? status, int? year)
    {
        if (year is { } y && (y < 2003 || y > 9998))
        {
            input.Add(InputCodes.InvalidValue, "'year' is a year of the scheme, 2003 to 9998.", "year");
        }

        return new ReviewFilter(
            string.IsNullOrWhiteSpace(participant) ? null : input.Code(participant, "participant"),
            string.IsNullOrWhiteSpace(kind) ? null : input.Enum<ReviewKind>(kind, "kind"),
            string.IsNullOrWhiteSpace(status) ? null : input.Enum<ReviewStatus>(status, "status"),
            year);
    }

    internal static async Task<Results<Ok<Paged<ReviewView>>, ProblemHttpResult>> List(
        ClaimsPrincipal user, PeerReviewDesk desk, TimeProvider clock, string? participant, string? kind, string? status, int? year, int? page, int? pageSize, CancellationToken ct)
    {
        if (Reader(user) is not { } reader)
        {
            return Refused();
        }

        var input = new Input();
        var filter = Filter(input, participant, kind, status, year);
        var p = input.Page(page, "page", 1, 100_000);
        var size = input.Page(pageSize, "pageSize", 50, 500);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var found = await desk.ListAsync(filter, p, size, ct);
        var today = clock.Today();
        return TypedResults.Ok(new Paged<ReviewView>([.. found.Items.Select(r => ReviewView.Of(r, reader, today))], found.Page, found.PageSize, found.Total));
    }

    /// <summary>The team as typed, each person named (the pages share it).</summary>
    internal static IReadOnlyList<NewTeamMember> ParseTeam(Input input, IReadOnlyList<TeamMemberRequest>? team)
    {
        if (team is { Count: > 50 })
        {
            input.Add(InputCodes.TooLong, "'team' has at most 50 members.", "team");
            return [];
        }

        return [.. (team ?? []).Select((m, i) => new NewTeamMember(
            input.Enum<TeamMemberKind>(m.Kind, $"team[{i}].kind"),
            input.Text(m.PersonName, $"team[{i}].personName", 200),
            input.Text(m.ParticipantCode, $"team[{i}].participantCode", 2, required: false) is { Length: > 0 } code ? code : null,
            input.Text(m.ObserverName, $"team[{i}].observerName", 200, required: false) is { Length: > 0 } name ? name : null,
            m.IsLeader))];
    }

    internal static IReadOnlyList<NewRecommendation> ParseRecommendations(Input input, IReadOnlyList<RecommendationRequest>? recommendations)
    {
        if (recommendations is { Count: > 100 })
        {
            input.Add(InputCodes.TooLong, "'recommendations' has at most 100 entries.", "recommendations");
            return [];
        }

        return [.. (recommendations ?? []).Select((r, i) => new NewRecommendation(
            input.Text(r.Text, $"recommendations[{i}].text", 4000),
            input.Text(r.Owner, $"recommendations[{i}].owner", 300),
            input.Date(r.DueOn, $"recommendations[{i}].dueOn")))];
    }

    internal static NewReview ParsePlan(Input input, PlanReviewRequest request)
        => new(
            input.Code(request.Participant, "participant"),
            input.Enum<ReviewKind>(request.Kind, "kind"),
            input.Date(request.StartsOn, "startsOn"),
            input.Date(request.EndsOn, "endsOn"),
            input.Text(request.TermsOfReference, "termsOfReference", 20_000),
            ParseTeam(input, request.Team),
            input.OptionalDate(request.InvitedOn, "invitedOn"),
            request.DecisionId);

    internal static async Task<Results<Created<ReviewView>, ProblemHttpResult>> Plan(
        PlanReviewRequest request, ClaimsPrincipal user, PeerReviewDesk desk, TimeProvider clock, CancellationToken ct)
    {
        var input = new Input();
        var plan = ParsePlan(input, request);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var reader = ComplianceReaders.Of(user);
        var outcome = await desk.PlanAsync(reader, plan, ct);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/compliance/reviews/{outcome.Value!.Id}", ReviewView.Of(outcome.Value, reader, clock.Today()))
            : Problems.From(outcome);
    }

    internal static async Task<Results<Ok<ReviewsDueView>, ProblemHttpResult>> Due(
        ClaimsPrincipal user, PeerReviewDesk desk, IConfiguration configuration, TimeProvider clock, int? years, CancellationToken ct)
    {
        if (Reader(user) is null)
        {
            return Refused();
        }

        var n = years ?? IntervalYears(configuration);
        if (n is < 1 or > 50)
        {
            return Problems.BadRequest(InputCodes.InvalidValue, "'years' is a number of years, 1 to 50.", "years");
        }

        var due = await desk.DueAsync(n, ct);
        return TypedResults.Ok(new ReviewsDueView(n, clock.Today(),
            [.. due.Select(d => new ReviewDueView(d.ParticipantCode, d.Name, d.LastEndedOn, d.LastKind is { } k ? Input.Kebab(k) : null, d.LastReviewId))]));
    }

    internal static async Task<Results<Ok<ReviewView>, ProblemHttpResult>> Show(long id, ClaimsPrincipal user, PeerReviewDesk desk, TimeProvider clock, CancellationToken ct)
        => Reader(user) is { } reader ? View(await desk.FindAsync(id, ct), reader, clock) : Refused();

    internal static async Task<Results<Ok<IReadOnlyList<TeamMemberView>>, ProblemHttpResult>> Team(long id, ClaimsPrincipal user, PeerReviewDesk desk, CancellationToken ct)
    {
        if (Reader(user) is null)
        {
            return Refused();
        }

        var found = await desk.FindAsync(id, ct);
        return found.Succeeded ? TypedResults.Ok<IReadOnlyList<TeamMemberView>>([.. found.Value!.Team.Select(TeamMemberView.Of)]) : Problems.From(found);
    }

    internal static async Task<Results<Ok<ReviewView>, ProblemHttpResult>> ReplaceTeam(
        long id, ReviewTeamRequest request, ClaimsPrincipal user, PeerReviewDesk desk, TimeProvider clock, CancellationToken ct)
    {
        var input = new Input();
        var team = ParseTeam(input, request.Team);
        var reader = ComplianceReaders.Of(user);
        return input.IsValid ? View(await desk.ReplaceTeamAsync(reader, id, team, request.Version, ct), reader, clock) : Problems.BadRequest(input.Errors);
    }

    internal static async Task<Results<Ok<ReviewView>, ProblemHttpResult>> Draft(
        long id, ReviewReportRequest request, ClaimsPrincipal user, PeerReviewDesk desk, TimeProvider clock, CancellationToken ct)
    {
        var input = new Input();
        var report = input.Text(request.Report, "report", 200_000);
        var recommendations = ParseRecommendations(input, request.Recommendations);
        var reader = ComplianceReaders.Of(user);
        return input.IsValid ? View(await desk.IssueDraftAsync(reader, id, report, recommendations, request.Version, ct), reader, clock) : Problems.BadRequest(input.Errors);
    }

    internal static async Task<Results<Ok<ReviewView>, ProblemHttpResult>> Comment(
        long id, ReviewCommentsRequest request, ClaimsPrincipal user, PeerReviewDesk desk, TimeProvider clock, CancellationToken ct)
    {
        if (Reader(user) is not { } reader)
        {
            return Refused();
        }

        var input = new Input();
        var comments = input.Text(request.Comments, "comments", 200_000);
        return input.IsValid ? View(await desk.CommentAsync(reader, id, comments, request.Version, ct), reader, clock) : Problems.BadRequest(input.Errors);
    }

    internal static async Task<Results<Ok<ReviewView>, ProblemHttpResult>> Final(
        long id, ReviewReportRequest request, ClaimsPrincipal user, PeerReviewDesk desk, TimeProvider clock, CancellationToken ct)
    {
        var input = new Input();
        var report = input.Text(request.Report, "report", 200_000);
        var recommendations = ParseRecommendations(input, request.Recommendations);
        var reader = ComplianceReaders.Of(user);
        return input.IsValid ? View(await desk.IssueFinalAsync(reader, id, report, recommendations, request.Version, ct), reader, clock) : Problems.BadRequest(input.Errors);
    }

    internal static async Task<Results<Ok<ReviewView>, ProblemHttpResult>> Cancel(
        long id, ReviewStepRequest? request, ClaimsPrincipal user, PeerReviewDesk desk, TimeProvider clock, CancellationToken ct)
    {
        var reader = ComplianceReaders.Of(user);
        return View(await desk.CancelAsync(reader, id, request?.Version, ct), reader, clock);
    }

    internal static async Task<Results<Ok<IReadOnlyList<RecommendationView>>, ProblemHttpResult>> ReviewRecommendations(
        long id, ClaimsPrincipal user, PeerReviewDesk desk, TimeProvider clock, CancellationToken ct)
    {
        if (Reader(user) is not { } reader)
        {
            return Refused();
        }

        var found = await desk.FindAsync(id, ct);
        return found.Succeeded ? TypedResults.Ok(ReviewView.Of(found.Value!, reader, clock.Today()).Recommendations) : Problems.From(found);
    }

    internal static async Task<Results<Created<ReviewView>, ProblemHttpResult>> AddRecommendation(
        long id, AddRecommendationRequest request, ClaimsPrincipal user, PeerReviewDesk desk, TimeProvider clock, CancellationToken ct)
    {
        var input = new Input();
        var recommendation = new NewRecommendation(input.Text(request.Text, "text", 4000), input.Text(request.Owner, "owner", 300), input.Date(request.DueOn, "dueOn"));
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var reader = ComplianceReaders.Of(user);
        var outcome = await desk.AddRecommendationAsync(reader, id, recommendation, request.Version, ct);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/compliance/reviews/{id}/recommendations", ReviewView.Of(outcome.Value!, reader, clock.Today()))
            : Problems.From(outcome);
    }

    internal static async Task<Results<Ok<Paged<RecommendationView>>, ProblemHttpResult>> Recommendations(
        ClaimsPrincipal user, PeerReviewDesk desk, TimeProvider clock, string? participant, string? status, bool? overdue, int? page, int? pageSize, CancellationToken ct)
    {
        if (Reader(user) is not { } reader)
        {
            return Refused();
        }

        var input = new Input();
        var filter = new RecommendationFilter(
            string.IsNullOrWhiteSpace(participant) ? null : input.Code(participant, "participant"),
            string.IsNullOrWhiteSpace(status) ? null : input.Enum<RecommendationStatus>(status, "status"),
            overdue == true);
        var p = input.Page(page, "page", 1, 100_000);
        var size = input.Page(pageSize, "pageSize", 50, 500);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var found = await desk.RecommendationsAsync(reader, filter, p, size, ct);
        var today = clock.Today();
        return TypedResults.Ok(new Paged<RecommendationView>([.. found.Items.Select(r => RecommendationView.Of(r, today))], found.Page, found.PageSize, found.Total));
    }

    internal static async Task<Results<Ok<IReadOnlyList<RecommendationTallyView>>, ProblemHttpResult>> Dashboard(ClaimsPrincipal user, PeerReviewDesk desk, CancellationToken ct)
    {
        if (Reader(user) is not { } reader)
        {
            return Refused();
        }

        var tallies = await desk.DashboardAsync(reader, ct);
        return TypedResults.Ok<IReadOnlyList<RecommendationTallyView>>([.. tallies.Select(t => new RecommendationTallyView(t.ParticipantCode, t.Open, t.InProgress, t.Implemented, t.Overdue, t.OldestDueOn))]);
    }

    internal static async Task<Results<Ok<RecommendationView>, ProblemHttpResult>> Updates(long id, ClaimsPrincipal user, PeerReviewDesk desk, TimeProvider clock, CancellationToken ct)
    {
        if (Reader(user) is not { } reader)
        {
            return Refused();
        }

        var found = await desk.RecommendationAsync(reader, id, ct);
        return found.Succeeded ? TypedResults.Ok(RecommendationView.Of(found.Value!, clock.Today(), withUpdates: true)) : Problems.From(found);
    }

    internal static async Task<Results<Ok<RecommendationView>, ProblemHttpResult>> FollowUp(
        long id, RecommendationUpdateRequest request, ClaimsPrincipal user, PeerReviewDesk desk, TimeProvider clock, CancellationToken ct)
    {
        if (Reader(user) is not { } reader)
        {
            return Refused();
        }

        var input = new Input();
        var status = input.Enum<RecommendationStatus>(request.Status, "status");
        var note = input.Text(request.Note, "note", 4000);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await desk.FollowUpAsync(reader, id, status, note, request.Version, ct);
        return outcome.Succeeded ? TypedResults.Ok(RecommendationView.Of(outcome.Value!, clock.Today(), withUpdates: true)) : Problems.From(outcome);
    }

    private static Results<Ok<ReviewView>, ProblemHttpResult> View(Outcome<PeerReview> outcome, ComplianceReader reader, TimeProvider clock)
        => outcome.Succeeded ? TypedResults.Ok(ReviewView.Of(outcome.Value!, reader, clock.Today())) : Problems.From(outcome);
}
