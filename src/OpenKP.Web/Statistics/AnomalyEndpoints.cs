using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenKP.Accounts;
using OpenKP.Shared;
using OpenKP.Statistics;
using OpenKP.Web.Accounts;
using OpenKP.Web.Registry;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Statistics;

/// <summary>The anomaly thresholds as a request: carats and US$ in units (two decimals at most), percentages and counts whole.</summary>
public sealed record AnomalySettingsRequest(
    int OwnBandQuarters, int OwnBandMinimumQuarters, int BandWideningPercent, int PeerMinimumParticipants, int SupplyTolerancePercent,
    int PeriodChangePercent, int CertificateJumpPercent, decimal MinimumCarats, decimal MinimumUsd, int MinimumCertificates, int QuestionnaireDueDays, Guid? Version)
{
    /// <summary>The settings to store; amounts with more than two decimals or beyond range are reported on <paramref name="input"/>.</summary>
    public AnomalySettings Parse(Input input)
    {
        long Hundredths(decimal value, string field)
        {
            if (value < 0 || value > 1_000_000_000_000m || decimal.Round(value, 2) != value)
            {
                input.Add(InputCodes.InvalidNumber, $"'{field}' is an amount of at least 0 with at most two decimals.", field);
                return 0;
            }

            return (long)(value * 100);
        }

        return new AnomalySettings
        {
            OwnBandQuarters = OwnBandQuarters,
            OwnBandMinimumQuarters = OwnBandMinimumQuarters,
            BandWideningPercent = BandWideningPercent,
            PeerMinimumParticipants = PeerMinimumParticipants,
            SupplyTolerancePercent = SupplyTolerancePercent,
            PeriodChangePercent = PeriodChangePercent,
            CertificateJumpPercent = CertificateJumpPercent,
            MinimumCaratsHundredths = Hundredths(MinimumCarats, "minimumCarats"),
            MinimumUsdCents = Hundredths(MinimumUsd, "minimumUsd"),
            MinimumCertificates = MinimumCertificates,
            QuestionnaireDueDays = QuestionnaireDueDays,
        };
    }
}

/// <summary>Draft a questionnaire from anomalies of one participant and year; <c>dueOn</c> defaults to today plus the settings' days.</summary>
public sealed record CreateQuestionnaireRequest(IReadOnlyList<long>? AnomalyIds, string? DueOn);

public sealed record QuestionEditRequest(long? Id, string? Text);

/// <summary>A draft's questions (kept by id, new without) and due date.</summary>
public sealed record EditQuestionnaireRequest(IReadOnlyList<QuestionEditRequest>? Questions, string? DueOn, Guid? Version);

public sealed record AnswerRequest(long QuestionId, string? Answer);

/// <summary>An answer to every question of the questionnaire.</summary>
public sealed record AnswerQuestionnaireRequest(IReadOnlyList<AnswerRequest>? Answers, Guid? Version);

public sealed record QuestionnaireStepRequest(Guid? Version);

/// <summary>Close (accept the answers, optional note) or escalate (reason required).</summary>
public sealed record QuestionnaireDecisionRequest(string? Note, Guid? Version);

/// <summary>
/// Anomalies and the Data Anomalies Questionnaire (issue 6 item 6, reference §4.4). The secretariat sees and
/// does everything; a participant's authority officers see their own participant's anomalies and the
/// questionnaires sent to it, and answer them; everyone else is refused (403). The list of participants
/// that left a questionnaire unanswered past its due date is public.
/// </summary>
internal static class AnomalyEndpoints
{
    public static void Map(WebApplication app)
    {
        var anomalies = app.MapGroup("/api/statistics/anomalies").WithTags("Statistics: anomalies").RequireAuthorization(Policies.SignedIn);
        anomalies.MapGet("/", List).WithSummary("Anomalies, filtered by year, participant, kind and status (the secretariat all; authority officers their participant's)");
        anomalies.MapGet("/{id:long}", Get).WithSummary("One anomaly");
        anomalies.MapPost("/detect", Detect).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Run every rule over a year (the periods that have ended) and store what is found; idempotent");

        var settings = app.MapGroup("/api/statistics/anomaly-settings").WithTags("Statistics: anomalies");
        settings.MapGet("/", GetSettings).RequireAuthorization(Policies.SchemeOfficials).WithSummary("The anomaly thresholds (the scheme's)");
        settings.MapPut("/", ChangeSettings).RequireAuthorization(Policies.Secretariat).WithSummary("Change the thresholds (the secretariat), under the version read");

        var questionnaires = app.MapGroup("/api/statistics/questionnaires").WithTags("Statistics: questionnaires").RequireAuthorization(Policies.SignedIn);
        questionnaires.MapGet("/", Questionnaires).WithSummary("Data Anomalies Questionnaires (the secretariat all; authority officers those sent to their participant)");
        questionnaires.MapPost("/", Create).RequireAuthorization(Policies.Secretariat).WithSummary("Draft a questionnaire from anomalies of one participant and year");
        questionnaires.MapGet("/{id:long}", Questionnaire).WithSummary("A questionnaire with its questions and answers");
        questionnaires.MapPut("/{id:long}", Edit).RequireAuthorization(Policies.Secretariat).WithSummary("Edit a draft's questions and due date");
        questionnaires.MapPost("/{id:long}/send", Send).RequireAuthorization(Policies.Secretariat).WithSummary("Send a draft to the participant");
        questionnaires.MapPost("/{id:long}/answer", Answer).WithSummary("Answer every question (the participant's authority officers)");
        questionnaires.MapPost("/{id:long}/close", Close).RequireAuthorization(Policies.Secretariat).WithSummary("Accept the answers and close");
        questionnaires.MapPost("/{id:long}/escalate", Escalate).RequireAuthorization(Policies.Secretariat).WithSummary("Escalate with a reason");

        app.MapGet("/api/public/statistics/overdue-questionnaires", Overdue).WithTags("Statistics: questionnaires").AllowAnonymous()
            .WithSummary("Participants with a questionnaire unanswered past its due date (public, names only)");
    }

    /// <summary>The caller as a reader of anomalies: the secretariat, or an authority officer for its participant; null for anyone else.</summary>
    internal static AnomalyActor? Actor(ClaimsPrincipal user)
    {
        var name = user.Identity?.Name ?? "unknown";
        if (user.IsInRole(Roles.Secretariat))
        {
            return new AnomalyActor(name, true, null);
        }

        return user.IsInRole(Roles.AuthorityOfficer) && user.FindFirstValue(OpenKpClaims.Participant) is { Length: > 0 } participant
            ? new AnomalyActor(name, false, participant)
            : null;
    }

    private static ProblemHttpResult Refused() => Problems.Forbidden("Anomalies and questionnaires are the secretariat's and the participants' authority officers'.");

    internal static async Task<Results<Ok<Paged<AnomalyView>>, ProblemHttpResult>> List(
        ClaimsPrincipal user, AnomalyQuestionnaires desk, int? year, string? participant, string? kind, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        if (Actor(user) is not { } actor)
        {
            return Refused();
        }

        var input = new Input();
        var filter = Filter(input, year, participant, kind, status);
        var p = input.Page(page, "page", 1, 100_000);
        var size = input.Page(pageSize, "pageSize", 50, 500);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        if (!actor.IsSecretariat && filter.Participant is { } asked && asked != actor.Participant)
        {
            return Problems.Forbidden($"You see {actor.Participant}'s anomalies only.");
        }

        var found = await desk.AnomaliesAsync(actor, filter, p, size, ct);
        return TypedResults.Ok(new Paged<AnomalyView>([.. found.Items.Select(AnomalyView.Of)], found.Page, found.PageSize, found.Total));
    }

    /// <summary>The list's filters, parsed (the pages share it).</summary>
    internal static AnomalyFilter Filter(Input input, int? year, string? participant, string? kind, string? status)
    {
        if (year is { } y)
        {
            StatisticsInput.Year(input, y);
        }

        return new AnomalyFilter(
            year,
            string.IsNullOrWhiteSpace(participant) ? null : input.Code(participant, "participant"),
            string.IsNullOrWhiteSpace(kind) ? null : input.Enum<AnomalyKind>(kind, "kind"),
            string.IsNullOrWhiteSpace(status) ? null : input.Enum<AnomalyStatus>(status, "status"));
    }

    internal static async Task<Results<Ok<AnomalyView>, ProblemHttpResult>> Get(long id, ClaimsPrincipal user, AnomalyQuestionnaires desk, CancellationToken ct)
    {
        if (Actor(user) is not { } actor)
        {
            return Refused();
        }

        var found = await desk.AnomalyAsync(actor, id, ct);
        return found.Succeeded ? TypedResults.Ok(AnomalyView.Of(found.Value!)) : Problems.From(found);
    }

    internal static async Task<Results<Ok<DetectionView>, ProblemHttpResult>> Detect(int? year, AnomalyDetector detector, TimeProvider clock, CancellationToken ct)
    {
        var y = year ?? clock.GetUtcNow().Year;
        if (y < 2003 || y > clock.GetUtcNow().Year)
        {
            return Problems.BadRequest(InputCodes.InvalidValue, $"'year' is a year of the scheme, 2003 to {clock.GetUtcNow().Year}.", "year");
        }

        var outcome = await detector.DetectAsync(y, ct);
        return outcome.Succeeded
            ? TypedResults.Ok(new DetectionView(y, outcome.Value!.Found, outcome.Value.Added, outcome.Value.Changed, outcome.Value.Resolved))
            : Problems.From(outcome);
    }

    internal static async Task<Ok<AnomalySettingsView>> GetSettings(AnomalySettingsStore settings, CancellationToken ct)
        => TypedResults.Ok(AnomalySettingsView.Of(await settings.GetAsync(ct)));

    internal static async Task<Results<Ok<AnomalySettingsView>, ProblemHttpResult>> ChangeSettings(
        AnomalySettingsRequest request, ClaimsPrincipal user, AnomalySettingsStore settings, CancellationToken ct)
    {
        var input = new Input();
        var change = request.Parse(input);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await settings.ChangeAsync(change, request.Version, user.Identity?.Name ?? "unknown", ct);
        return outcome.Succeeded ? TypedResults.Ok(AnomalySettingsView.Of(outcome.Value!)) : Problems.From(outcome);
    }

    internal static async Task<Results<Ok<Paged<QuestionnaireView>>, ProblemHttpResult>> Questionnaires(
        ClaimsPrincipal user, AnomalyQuestionnaires desk, TimeProvider clock, string? participant, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        if (Actor(user) is not { } actor)
        {
            return Refused();
        }

        var input = new Input();
        var who = string.IsNullOrWhiteSpace(participant) ? null : input.Code(participant, "participant");
        QuestionnaireStatus? state = string.IsNullOrWhiteSpace(status) ? null : input.Enum<QuestionnaireStatus>(status, "status");
        var p = input.Page(page, "page", 1, 100_000);
        var size = input.Page(pageSize, "pageSize", 50, 500);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        if (!actor.IsSecretariat && who is not null && who != actor.Participant)
        {
            return Problems.Forbidden($"You see {actor.Participant}'s questionnaires only.");
        }

        var found = await desk.ListAsync(actor, who, state, p, size, ct);
        var today = clock.Today();
        return TypedResults.Ok(new Paged<QuestionnaireView>([.. found.Items.Select(q => QuestionnaireView.Of(q, today))], found.Page, found.PageSize, found.Total));
    }

    internal static async Task<Results<Ok<QuestionnaireView>, ProblemHttpResult>> Questionnaire(
        long id, ClaimsPrincipal user, AnomalyQuestionnaires desk, TimeProvider clock, CancellationToken ct)
    {
        if (Actor(user) is not { } actor)
        {
            return Refused();
        }

        return View(await desk.FindAsync(actor, id, ct), clock);
    }

    internal static async Task<Results<Created<QuestionnaireView>, ProblemHttpResult>> Create(
        CreateQuestionnaireRequest request, ClaimsPrincipal user, AnomalyQuestionnaires desk, TimeProvider clock, CancellationToken ct)
    {
        var input = new Input();
        if (request.AnomalyIds is not { Count: > 0 and <= 100 })
        {
            input.Add(InputCodes.Required, "'anomalyIds' names 1 to 100 anomalies.", "anomalyIds");
        }

        var due = input.OptionalDate(request.DueOn, "dueOn");
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await desk.CreateAsync(Actor(user)!, request.AnomalyIds!, due, ct);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/statistics/questionnaires/{outcome.Value!.Id}", QuestionnaireView.Of(outcome.Value, clock.Today()))
            : Problems.From(outcome);
    }

    internal static async Task<Results<Ok<QuestionnaireView>, ProblemHttpResult>> Edit(
        long id, EditQuestionnaireRequest request, ClaimsPrincipal user, AnomalyQuestionnaires desk, TimeProvider clock, CancellationToken ct)
    {
        var input = new Input();
        var questions = ParseQuestions(input, request.Questions);
        var due = input.Date(request.DueOn, "dueOn");
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        return View(await desk.EditAsync(Actor(user)!, id, questions, due, request.Version, ct), clock);
    }

    /// <summary>The questions of an edit, each text required and at most 4,000 characters (the pages share it).</summary>
    internal static IReadOnlyList<QuestionEdit> ParseQuestions(Input input, IReadOnlyList<QuestionEditRequest>? questions)
    {
        if (questions is not { Count: > 0 and <= 100 })
        {
            input.Add(InputCodes.Required, "'questions' has 1 to 100 questions.", "questions");
            return [];
        }

        return [.. questions.Select((q, i) => new QuestionEdit(q.Id, input.Text(q.Text, $"questions[{i}].text", 4000)))];
    }

    internal static async Task<Results<Ok<QuestionnaireView>, ProblemHttpResult>> Send(
        long id, QuestionnaireStepRequest? request, ClaimsPrincipal user, AnomalyQuestionnaires desk, TimeProvider clock, CancellationToken ct)
        => View(await desk.SendAsync(Actor(user)!, id, request?.Version, ct), clock);

    internal static async Task<Results<Ok<QuestionnaireView>, ProblemHttpResult>> Answer(
        long id, AnswerQuestionnaireRequest request, ClaimsPrincipal user, AnomalyQuestionnaires desk, TimeProvider clock, CancellationToken ct)
    {
        if (Actor(user) is not { } actor)
        {
            return Refused();
        }

        var input = new Input();
        var answers = ParseAnswers(input, request.Answers);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        return View(await desk.AnswerAsync(actor, id, answers, request.Version, ct), clock);
    }

    /// <summary>Answers by question id, each at most 8,000 characters; blank ones are left for the rule to name (the pages share it).</summary>
    internal static IReadOnlyDictionary<long, string> ParseAnswers(Input input, IReadOnlyList<AnswerRequest>? answers)
    {
        var parsed = new Dictionary<long, string>();
        foreach (var a in answers ?? [])
        {
            var field = $"answers[{a.QuestionId}]";
            var text = input.Text(a.Answer, field, 8000, required: false);
            if (!parsed.TryAdd(a.QuestionId, text))
            {
                input.Add(InputCodes.InvalidValue, $"Question {a.QuestionId} is answered twice.", field);
            }
        }

        return parsed;
    }

    internal static async Task<Results<Ok<QuestionnaireView>, ProblemHttpResult>> Close(
        long id, QuestionnaireDecisionRequest? request, ClaimsPrincipal user, AnomalyQuestionnaires desk, TimeProvider clock, CancellationToken ct)
    {
        var input = new Input();
        var note = input.Text(request?.Note, "note", 2000, required: false);
        return input.IsValid ? View(await desk.CloseAsync(Actor(user)!, id, note, request?.Version, ct), clock) : Problems.BadRequest(input.Errors);
    }

    internal static async Task<Results<Ok<QuestionnaireView>, ProblemHttpResult>> Escalate(
        long id, QuestionnaireDecisionRequest request, ClaimsPrincipal user, AnomalyQuestionnaires desk, TimeProvider clock, CancellationToken ct)
    {
        var input = new Input();
        var reason = input.Text(request.Note, "note", 2000);
        return input.IsValid ? View(await desk.EscalateAsync(Actor(user)!, id, reason, request.Version, ct), clock) : Problems.BadRequest(input.Errors);
    }

    internal static async Task<Ok<IReadOnlyList<OverdueParticipantView>>> Overdue(AnomalyQuestionnaires desk, CancellationToken ct)
        => TypedResults.Ok<IReadOnlyList<OverdueParticipantView>>([.. (await desk.OverdueAsync(ct)).Select(o => new OverdueParticipantView(o.Code, o.Name, o.OverdueSince))]);

    private static Results<Ok<QuestionnaireView>, ProblemHttpResult> View(Outcome<Questionnaire> outcome, TimeProvider clock)
        => outcome.Succeeded ? TypedResults.Ok(QuestionnaireView.Of(outcome.Value!, clock.Today())) : Problems.From(outcome);
}
