using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenKP.Compliance;
using OpenKP.Registry;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Compliance;

/// <summary>One effect row: kind (status-change, compliant-zone, special-measures-area, embargo), participant (or origin), and the fields its kind needs.</summary>
public sealed record DecisionEffectRequest(string? Kind, string? Participant, string? Status = null, string? Scope = null, string? ZoneName = null, string? EndsOn = null, bool? GovernmentCertifiedExempt = null, string? Note = null);

/// <summary>A decision to draft, or a draft's new content (<c>version</c> as read, for an edit).</summary>
public sealed record DecisionRequest(string? Title, string? Text, string? Procedure, long? MeetingId = null, string? WorkingBody = null, IReadOnlyList<DecisionEffectRequest>? Effects = null, Guid? Version = null)
{
    /// <summary>The decision as drafted; malformed fields are reported on <paramref name="input"/> (the pages share it).</summary>
    public NewDecision Parse(Input input)
    {
        var title = input.Text(Title, "title", 500, required: false);
        var text = input.Text(Text, "text", 20000, required: false);
        var procedure = input.Enum<DecisionProcedure>(Procedure, "procedure");
        var body = input.Text(WorkingBody, "workingBody", 16, required: false);
        if ((Effects?.Count ?? 0) > 50)
        {
            input.Add(InputCodes.InvalidValue, "A decision carries at most 50 effects.", "effects");
        }

        var effects = new List<NewDecisionEffect>();
        foreach (var (e, i) in (Effects ?? []).Take(50).Select((e, i) => (e, i)))
        {
            var f = $"effects[{i}]";
            var kind = input.Enum<DecisionEffectKind>(e.Kind, $"{f}.kind");
            var participant = input.Text(e.Participant, $"{f}.participant", 2);
            ParticipantStatus? status = string.IsNullOrWhiteSpace(e.Status) ? null : input.Enum<ParticipantStatus>(e.Status, $"{f}.status");
            effects.Add(new NewDecisionEffect(kind, participant, status,
                input.Text(e.Scope, $"{f}.scope", 500, required: false),
                input.Text(e.ZoneName, $"{f}.zoneName", 200, required: false),
                input.OptionalDate(e.EndsOn, $"{f}.endsOn"),
                e.GovernmentCertifiedExempt ?? false,
                input.Text(e.Note, $"{f}.note", 4000, required: false)));
        }

        return new NewDecision(title, text, procedure, MeetingId, body.Length == 0 ? null : body, effects);
    }
}

/// <summary>Adopt: the day (default today), the effective day (default the adoption day), the votes of a plenary vote.</summary>
public sealed record AdoptDecisionRequest(string? AdoptedOn = null, string? EffectiveOn = null, int? VotesFor = null, int? VotesAgainst = null, int? VotesAbstaining = null, Guid? Version = null);

/// <summary>Open a written procedure: the last day an objection may be raised.</summary>
public sealed record WrittenProcedureRequest(string? ObjectionDeadline, Guid? Version = null);

/// <summary>An objection to an open written procedure: who objects (a participant code) and why.</summary>
public sealed record ObjectionRequest(string? Participant, string? Reason, Guid? Version = null);

public sealed record DecisionStepRequest(Guid? Version = null);

/// <summary>
/// Administrative decisions (issue 7 items 1–2): the public sees adopted decisions; drafts and procedures under
/// way are the secretariat's (and the concerned participant's authority officers', who may read them). The
/// secretariat drafts, edits, opens written procedures, records objections, withdraws and adopts; adoption
/// writes the effects to the registry and tells every authority (<c>decision.adopted</c>).
/// </summary>
internal static class DecisionEndpoints
{
    public static void Map(WebApplication app)
    {
        var open = app.MapGroup("/api/compliance/decisions").WithTags("Compliance: decisions").AllowAnonymous();
        open.MapGet("/", List).WithSummary("Decisions (the public: adopted ones), filtered by status, year, participant affected and words");
        open.MapGet("/{id:long}", Get).WithSummary("One decision with its effects (a draft only for the secretariat and the participant concerned)");

        var sec = app.MapGroup("/api/compliance/decisions").WithTags("Compliance: decisions").RequireAuthorization(Policies.Secretariat);
        sec.MapPost("/", Draft).WithSummary("Draft a decision with its registry effects");
        sec.MapPut("/{id:long}", Edit).WithSummary("Rewrite a draft");
        sec.MapPost("/{id:long}/adopt", Adopt).WithSummary("Adopt (plenary consensus, plenary vote, or a written procedure after its deadline) and apply the effects");
        sec.MapPost("/{id:long}/written-procedure", OpenWrittenProcedure).WithSummary("Open the written procedure with an objection deadline");
        sec.MapPost("/{id:long}/objections", Object).WithSummary("Record an objection: the written procedure is rejected");
        sec.MapPost("/{id:long}/withdraw", Withdraw).WithSummary("Withdraw a draft or an open written procedure");
        sec.MapGet("/{id:long}/what-if", WhatIf).WithSummary("Certificates in flight and pending export applications the status changes would touch");
    }

    internal static async Task<Results<Ok<Paged<DecisionRecordView>>, ProblemHttpResult>> List(
        ClaimsPrincipal user, DecisionDesk desk, string? status, int? year, string? participant, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var input = new Input();
        var filter = Filter(input, status, year, participant, q);
        var p = input.Page(page, "page", 1, 100_000);
        var size = input.Page(pageSize, "pageSize", 50, 500);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var found = await desk.ListAsync(ComplianceReaders.Of(user), filter, p, size, ct);
        return TypedResults.Ok(new Paged<DecisionRecordView>([.. found.Items.Select(DecisionRecordView.Of)], found.Page, found.PageSize, found.Total));
    }

    /// <summary>The list's filters, parsed (the pages share it).</summary>
    internal static DecisionFilter Filter(Input input, string? status, int? year, string? participant, string? q)
    {
        if (year is < 2000 or > 9998)
        {
            input.Add(InputCodes.InvalidValue, "'year' is a year from 2000 to 9998.", "year");
        }

        return new DecisionFilter(
            string.IsNullOrWhiteSpace(status) ? null : input.Enum<DecisionStatus>(status, "status"),
            year is >= 2000 and <= 9998 ? year : null,
            string.IsNullOrWhiteSpace(participant) ? null : input.Code(participant, "participant"),
            string.IsNullOrWhiteSpace(q) ? null : input.Text(q, "q", 200));
    }

    internal static async Task<Results<Ok<DecisionRecordView>, ProblemHttpResult>> Get(long id, ClaimsPrincipal user, DecisionDesk desk, CancellationToken ct)
        => View(await desk.FindAsync(ComplianceReaders.Of(user), id, ct));

    internal static async Task<Results<Created<DecisionRecordView>, ProblemHttpResult>> Draft(DecisionRequest request, DecisionDesk desk, CancellationToken ct)
    {
        var input = new Input();
        var draft = request.Parse(input);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await desk.DraftAsync(draft, ct);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/compliance/decisions/{outcome.Value!.Id}", DecisionRecordView.Of(outcome.Value))
            : Problems.From(outcome);
    }

    internal static async Task<Results<Ok<DecisionRecordView>, ProblemHttpResult>> Edit(long id, DecisionRequest request, DecisionDesk desk, CancellationToken ct)
    {
        var input = new Input();
        var draft = request.Parse(input);
        return input.IsValid ? View(await desk.EditAsync(id, draft, request.Version, ct)) : Problems.BadRequest(input.Errors);
    }

    internal static async Task<Results<Ok<DecisionRecordView>, ProblemHttpResult>> Adopt(long id, AdoptDecisionRequest? request, DecisionDesk desk, CancellationToken ct)
    {
        request ??= new();
        var input = new Input();
        var adoption = new DecisionAdoption(input.OptionalDate(request.AdoptedOn, "adoptedOn"), input.OptionalDate(request.EffectiveOn, "effectiveOn"),
            Votes(input, request.VotesFor, "votesFor"), Votes(input, request.VotesAgainst, "votesAgainst"), Votes(input, request.VotesAbstaining, "votesAbstaining"));
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        return View(await AdoptAsync(desk, id, adoption, request.Version, ct));
    }

    /// <summary>Adopts under the version read, or the current one when none was given (the pages share it).</summary>
    internal static async Task<Outcome<Decision>> AdoptAsync(DecisionDesk desk, long id, DecisionAdoption adoption, Guid? version, CancellationToken ct)
    {
        var current = await desk.FindAsync(new ComplianceReader("secretariat", ComplianceRole.Secretariat), id, ct);
        return current.Succeeded ? await desk.AdoptAsync(id, adoption, version ?? current.Value!.Version, ct) : current;
    }

    internal static int? Votes(Input input, int? votes, string field)
    {
        if (votes is < 0 or > 1000)
        {
            input.Add(InputCodes.InvalidNumber, $"'{field}' is a count of votes from 0 to 1000.", field);
        }

        return votes;
    }

    internal static async Task<Results<Ok<DecisionRecordView>, ProblemHttpResult>> OpenWrittenProcedure(long id, WrittenProcedureRequest request, DecisionDesk desk, CancellationToken ct)
    {
        var input = new Input();
        var deadline = input.Date(request.ObjectionDeadline, "objectionDeadline");
        return input.IsValid ? View(await desk.OpenWrittenProcedureAsync(id, deadline, request.Version, ct)) : Problems.BadRequest(input.Errors);
    }

    internal static async Task<Results<Ok<DecisionRecordView>, ProblemHttpResult>> Object(long id, ObjectionRequest request, DecisionDesk desk, CancellationToken ct)
    {
        var input = new Input();
        var objection = Objection(input, request.Participant, request.Reason);
        return input.IsValid ? View(await desk.ObjectAsync(id, objection, request.Version, ct)) : Problems.BadRequest(input.Errors);
    }

    /// <summary>"CA: reason", both required (the pages share it).</summary>
    internal static string Objection(Input input, string? participant, string? reason)
    {
        var who = input.Code(participant, "participant");
        var why = input.Text(reason, "reason", 4000);
        return $"{who}: {why}";
    }

    internal static async Task<Results<Ok<DecisionRecordView>, ProblemHttpResult>> Withdraw(long id, DecisionStepRequest? request, DecisionDesk desk, CancellationToken ct)
        => View(await desk.WithdrawAsync(id, request?.Version, ct));

    internal static async Task<Results<Ok<DecisionWhatIfView>, ProblemHttpResult>> WhatIf(long id, string? on, DecisionDesk desk, CancellationToken ct)
    {
        var input = new Input();
        var day = input.OptionalDate(on, "on");
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await desk.WhatIfAsync(id, day, ct);
        return outcome.Succeeded ? TypedResults.Ok(DecisionWhatIfView.Of(outcome.Value!)) : Problems.From(outcome);
    }

    private static Results<Ok<DecisionRecordView>, ProblemHttpResult> View(Outcome<Decision> outcome)
        => outcome.Succeeded ? TypedResults.Ok(DecisionRecordView.Of(outcome.Value!)) : Problems.From(outcome);
}
