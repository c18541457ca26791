using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenKP.Compliance;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Registry;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Compliance;

/// <summary>Open a case: <c>source</c> review, anomaly, alert (<c>sourceId</c> its id), missing-annual-report (<c>sourceId</c> the year) or other (no id).</summary>
public sealed record OpenComplianceCaseRequest(string? Participant, string? Source, long? SourceId, string? Title, string? Summary);

/// <summary>A dated step: <c>kind</c> consultation, letter, meeting or note; <c>on</c> defaults to today.</summary>
public sealed record ComplianceCaseStepRequest(string? Kind, string? On, string? Text, Guid? Version);

/// <summary>A work-plan action with its deadline.</summary>
public sealed record WorkPlanItemRequest(string? Text, string? DueOn, Guid? Version);

/// <summary>Mark an action <c>done</c> or <c>missed</c>, under the action's version.</summary>
public sealed record WorkPlanMarkRequest(string? Status, Guid? Version);

/// <summary>The interim measure: none, special-measures (with a scope) or suspension, and why.</summary>
public sealed record MeasureRequest(string? Measure, string? Scope, string? Reason, Guid? Version);

/// <summary>Propose the decision: procedure (default plenary-consensus), title and text default from the case.</summary>
public sealed record ProposeCaseDecisionRequest(string? Procedure, string? Title, string? Text, Guid? Version);

/// <summary>Adopt the proposed decision: adoption and effective dates default to today.</summary>
public sealed record AdoptCaseDecisionRequest(string? AdoptedOn, string? EffectiveOn, int? VotesFor, int? VotesAgainst, int? VotesAbstaining, Guid? Version);

/// <summary>Close with an outcome.</summary>
public sealed record CloseComplianceCaseRequest(string? Outcome, Guid? Version);

/// <summary>
/// Non-compliance cases (issue 7 item 6) at <c>/api/compliance/cases</c> — not the shipments' detention cases at
/// <c>/api/cases</c>. Shared readers (the secretariat, every authority officer, observers) list and read cases;
/// the secretariat and the participant concerned see them in full. The secretariat acts on every step; the
/// participant's authority officers add consultation steps and mark their work-plan actions done. Customs officers,
/// operators and the public are refused.
/// </summary>
internal static class ComplianceCaseEndpoints
{
    public const string Base = "/api/compliance/cases";

    public static void Map(WebApplication app)
    {
        var cases = app.MapGroup(Base).WithTags("Compliance: non-compliance cases").RequireAuthorization(Policies.SignedIn);
        cases.MapGet("/", List).WithSummary("Non-compliance cases, by participant, status and source (paginated)");
        cases.MapPost("/", Open).WithSummary("Open a case against a participant from its source (the secretariat)");
        cases.MapGet("/{id:long}", Get).WithSummary("A case: in full for the secretariat and the participant concerned");
        cases.MapPost("/{id:long}/steps", Step).WithSummary("Record a consultation, letter, meeting or note (the secretariat; the participant's officers)");
        cases.MapPost("/{id:long}/work-plan", AddItem).WithSummary("Add a work-plan action with its deadline (the secretariat)");
        cases.MapPost("/{id:long}/work-plan/{itemId:long}", MarkItem).WithSummary("Mark an action done (the secretariat; the participant's officers) or missed (the secretariat)");
        cases.MapPost("/{id:long}/measure", Measure).WithSummary("Recommend an interim measure with its reasoning (the secretariat)");
        cases.MapPost("/{id:long}/decision", Propose).WithSummary("Propose the decision that carries the measure (the secretariat)");
        cases.MapPost("/{id:long}/decision/adopt", Adopt).WithSummary("Adopt the proposed decision: the registry applies the measure from its effective date (the secretariat)");
        cases.MapPost("/{id:long}/close", Close).WithSummary("Close the case with its outcome (the secretariat)");
    }

    /// <summary>The list's filters, parsed (the pages share it).</summary>
    internal static ComplianceCaseFilter Filter(Input input, string? participant, string? status, string? source) => new(
        string.IsNullOrWhiteSpace(participant) ? null : input.Code(participant, "participant"),
        string.IsNullOrWhiteSpace(status) ? null : input.Enum<ComplianceCaseStatus>(status, "status"),
        string.IsNullOrWhiteSpace(source) ? null : input.Enum<CaseSource>(source, "source"));

    /// <summary>A case to open, parsed: malformed input is reported on <paramref name="input"/>; blank title and summary are left for the rules (the pages share it).</summary>
    internal static NewComplianceCase Parse(Input input, OpenComplianceCaseRequest request) => new(
        input.Code(request.Participant, "participant"),
        input.Enum<CaseSource>(request.Source, "source"),
        request.SourceId,
        input.Text(request.Title, "title", 300, required: false),
        input.Text(request.Summary, "summary", 8000, required: false));

    internal static MeasureRecommendation Parse(Input input, MeasureRequest request) => new(
        input.Enum<InterimMeasure>(request.Measure, "measure"),
        input.Text(request.Scope, "scope", 500, required: false),
        input.Text(request.Reason, "reason", 8000, required: false));

    internal static DecisionAdoption Parse(Input input, AdoptCaseDecisionRequest request) => new(
        input.OptionalDate(request.AdoptedOn, "adoptedOn"), input.OptionalDate(request.EffectiveOn, "effectiveOn"), request.VotesFor, request.VotesAgainst, request.VotesAbstaining);

    internal static DecisionProposal Parse(Input input, ProposeCaseDecisionRequest request) => new(
        string.IsNullOrWhiteSpace(request.Procedure) ? DecisionProcedure.PlenaryConsensus : input.Enum<DecisionProcedure>(request.Procedure, "procedure"),
        input.Text(request.Title, "title", 300, required: false),
        input.Text(request.Text, "text", 8000, required: false));

    /// <summary>A step, parsed: its kind, its day (<paramref name="today"/> when not given) and its text, left for the rules when blank.</summary>
    internal static (CaseStepKind Kind, DateOnly On, string Text) Parse(Input input, ComplianceCaseStepRequest request, DateOnly today) => (
        input.Enum<CaseStepKind>(request.Kind, "kind"),
        input.Date(request.On, "on", today),
        input.Text(request.Text, "text", 8000, required: false));

    internal static (string Text, DateOnly DueOn) Parse(Input input, WorkPlanItemRequest request) => (
        input.Text(request.Text, "text", 4000, required: false),
        input.Date(request.DueOn, "dueOn"));

    internal static WorkPlanItemStatus Parse(Input input, WorkPlanMarkRequest request) => input.Enum<WorkPlanItemStatus>(request.Status, "status");

    internal static string Parse(Input input, CloseComplianceCaseRequest request) => input.Text(request.Outcome, "outcome", 8000, required: false);

    internal static async Task<Results<Ok<Paged<ComplianceCaseView>>, ProblemHttpResult>> List(
        ClaimsPrincipal user, ComplianceCaseDesk desk, string? participant, string? status, string? source, int? page, int? pageSize, CancellationToken ct)
    {
        var input = new Input();
        var filter = Filter(input, participant, status, source);
        var p = input.Page(page, "page", 1, 100_000);
        var size = input.Page(pageSize, "pageSize", 50, 500);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var found = await desk.ListAsync(ComplianceReaders.Of(user), filter, p, size, ct);
        return found.Succeeded ? TypedResults.Ok(found.Value!) : Problems.From(found);
    }

    internal static async Task<Results<Ok<ComplianceCaseView>, ProblemHttpResult>> Get(long id, ClaimsPrincipal user, ComplianceCaseDesk desk, CancellationToken ct)
        => View(await desk.FindAsync(ComplianceReaders.Of(user), id, ct));

    internal static async Task<Results<Created<ComplianceCaseView>, ProblemHttpResult>> Open(
        OpenComplianceCaseRequest request, ClaimsPrincipal user, ComplianceCaseDesk desk, CancellationToken ct)
    {
        var reader = ComplianceReaders.Of(user);
        if (!reader.IsSecretariat)
        {
            return Problems.Forbidden("The secretariat opens non-compliance cases.");
        }

        var input = new Input();
        var open = Parse(input, request);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await desk.OpenAsync(reader, open, ct);
        return outcome.Succeeded ? TypedResults.Created($"{Base}/{outcome.Value!.Id}", outcome.Value) : Problems.From(outcome);
    }

    internal static async Task<Results<Ok<ComplianceCaseView>, ProblemHttpResult>> Step(
        long id, ComplianceCaseStepRequest request, ClaimsPrincipal user, ComplianceCaseDesk desk, TimeProvider clock, CancellationToken ct)
    {
        var input = new Input();
        var (kind, on, text) = Parse(input, request, clock.Today());
        return input.IsValid ? View(await desk.AddStepAsync(ComplianceReaders.Of(user), id, kind, on, text, request.Version, ct)) : Problems.BadRequest(input.Errors);
    }

    internal static async Task<Results<Ok<ComplianceCaseView>, ProblemHttpResult>> AddItem(
        long id, WorkPlanItemRequest request, ClaimsPrincipal user, ComplianceCaseDesk desk, CancellationToken ct)
    {
        var input = new Input();
        var (text, due) = Parse(input, request);
        return input.IsValid ? View(await desk.AddWorkPlanItemAsync(ComplianceReaders.Of(user), id, text, due, request.Version, ct)) : Problems.BadRequest(input.Errors);
    }

    internal static async Task<Results<Ok<ComplianceCaseView>, ProblemHttpResult>> MarkItem(
        long id, long itemId, WorkPlanMarkRequest request, ClaimsPrincipal user, ComplianceCaseDesk desk, CancellationToken ct)
    {
        var input = new Input();
        var status = Parse(input, request);
        return input.IsValid ? View(await desk.MarkWorkPlanItemAsync(ComplianceReaders.Of(user), id, itemId, status, request.Version, ct)) : Problems.BadRequest(input.Errors);
    }

    internal static async Task<Results<Ok<ComplianceCaseView>, ProblemHttpResult>> Measure(
        long id, MeasureRequest request, ClaimsPrincipal user, ComplianceCaseDesk desk, CancellationToken ct)
    {
        var input = new Input();
        var measure = Parse(input, request);
        return input.IsValid ? View(await desk.RecommendMeasureAsync(ComplianceReaders.Of(user), id, measure, request.Version, ct)) : Problems.BadRequest(input.Errors);
    }

    internal static async Task<Results<Ok<ComplianceCaseView>, ProblemHttpResult>> Propose(
        long id, ProposeCaseDecisionRequest? request, ClaimsPrincipal user, ComplianceCaseDesk desk, CancellationToken ct)
    {
        var input = new Input();
        var proposal = Parse(input, request ?? new(null, null, null, null));
        return input.IsValid ? View(await desk.ProposeDecisionAsync(ComplianceReaders.Of(user), id, proposal, request?.Version, ct)) : Problems.BadRequest(input.Errors);
    }

    internal static async Task<Results<Ok<ComplianceCaseView>, ProblemHttpResult>> Adopt(
        long id, AdoptCaseDecisionRequest? request, ClaimsPrincipal user, ComplianceCaseDesk desk, CancellationToken ct)
    {
        var input = new Input();
        var adoption = Parse(input, request ?? new(null, null, null, null, null, null));
        return input.IsValid ? View(await desk.AdoptDecisionAsync(ComplianceReaders.Of(user), id, adoption, request?.Version, ct)) : Problems.BadRequest(input.Errors);
    }

    internal static async Task<Results<Ok<ComplianceCaseView>, ProblemHttpResult>> Close(
        long id, CloseComplianceCaseRequest request, ClaimsPrincipal user, ComplianceCaseDesk desk, CancellationToken ct)
    {
        var input = new Input();
        var outcome = Parse(input, request);
        return input.IsValid ? View(await desk.CloseAsync(ComplianceReaders.Of(user), id, outcome, request.Version, ct)) : Problems.BadRequest(input.Errors);
    }

    private static Results<Ok<ComplianceCaseView>, ProblemHttpResult> View(Outcome<ComplianceCaseView> outcome)
        => outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : Problems.From(outcome);
}
