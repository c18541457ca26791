using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Shared;
using OpenKP.Statistics;
using OpenKP.Web.Accounts;
using OpenKP.Web.Portal;
using OpenKP.Web.Registry;
using OpenKP.Web.Shared;
using OpenKP.Web.Statistics;

namespace OpenKP.Web.Pages.Statistics;

/// <summary>
/// A Data Anomalies Questionnaire, as <c>GET /api/statistics/questionnaires/{id}</c>: its questions and answers and its
/// timeline. The secretariat edits and sends a draft, then closes or escalates it; the participant's authority officers
/// answer every question. Each form goes through <see cref="AnomalyQuestionnaires"/> like the API.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class QuestionnaireModel(AnomalyQuestionnaires desk, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string Created = "created";

    public QuestionnaireView Questionnaire { get; private set; } = null!;
    public bool IsSecretariat { get; private set; }
    public bool MayEdit => IsSecretariat && Questionnaire.Status == "open";
    public bool MayAnswer { get; private set; }
    public bool MayClose => IsSecretariat && Questionnaire.Status == "answered";
    public bool MayEscalate => IsSecretariat && Questionnaire.Status is "sent" or "answered";
    public FormErrors Errors { get; } = new();
    public string? Notice { get; private set; }

    /// <summary>What was typed, kept when a form comes back with a problem: answers by question id, the decision note.</summary>
    public Dictionary<long, string> Answers { get; } = [];
    public string? Note { get; private set; }

    public static string Link(long id) => "/statistics/questionnaires/" + id.ToString(CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        Notice = TempData[AnomalyPages.NoticeKey] as string;
        return Page();
    }

    /// <summary>Saves a draft's questions (reworded, removed when emptied, one added) and due date, as <c>PUT …/{id}</c>.</summary>
    public Task<IActionResult> OnPostEditAsync(long id, [FromForm] long[]? questionId, [FromForm] string[]? questionText, [FromForm] string? newQuestion, [FromForm] string? dueOn, [FromForm] string? version, CancellationToken ct)
        => StepAsync(id, "saved", (actor, input) =>
        {
            var ids = questionId ?? [];
            var texts = questionText ?? [];
            var edits = ids.Zip(texts).Where(x => !string.IsNullOrWhiteSpace(x.Second)).Select(x => new QuestionEditRequest(x.First, x.Second)).ToList();
            if (!string.IsNullOrWhiteSpace(newQuestion))
            {
                edits.Add(new QuestionEditRequest(null, newQuestion));
            }

            var questions = AnomalyEndpoints.ParseQuestions(input, edits);
            var due = input.Date(dueOn, "dueOn");
            return input.IsValid ? desk.EditAsync(actor, id, questions, due, Version(version), ct) : null;
        }, ct);

    public Task<IActionResult> OnPostSendAsync(long id, [FromForm] string? version, CancellationToken ct)
        => StepAsync(id, "sent", (actor, _) => desk.SendAsync(actor, id, Version(version), ct), ct);

    /// <summary>Answers every question, as <c>POST …/{id}/answer</c>: fields <c>answer-{question id}</c>.</summary>
    public Task<IActionResult> OnPostAnswerAsync(long id, [FromForm] string? version, CancellationToken ct)
        => StepAsync(id, "answered", (actor, input) =>
        {
            var answers = Request.Form.Keys.Where(k => k.StartsWith("answer-", StringComparison.Ordinal))
                .Select(k => (Ok: long.TryParse(k["answer-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var qid), Id: qid, Text: Request.Form[k].ToString()))
                .Where(x => x.Ok).ToList();
            foreach (var (_, qid, text) in answers)
            {
                Answers[qid] = text;
            }

            var parsed = AnomalyEndpoints.ParseAnswers(input, [.. answers.Select(a => new AnswerRequest(a.Id, a.Text))]);
            return input.IsValid ? desk.AnswerAsync(actor, id, parsed, Version(version), ct) : null;
        }, ct);

    public Task<IActionResult> OnPostCloseAsync(long id, [FromForm] string? note, [FromForm] string? version, CancellationToken ct)
        => StepAsync(id, "closed", (actor, input) =>
        {
            Note = note;
            var text = input.Text(note, "note", 2000, required: false);
            return input.IsValid ? desk.CloseAsync(actor, id, text, Version(version), ct) : null;
        }, ct);

    public Task<IActionResult> OnPostEscalateAsync(long id, [FromForm] string? note, [FromForm] string? version, CancellationToken ct)
        => StepAsync(id, "escalated", (actor, input) =>
        {
            Note = note;
            var text = input.Text(note, "note", 2000);
            return input.IsValid ? desk.EscalateAsync(actor, id, text, Version(version), ct) : null;
        }, ct);

    /// <summary>The answer field of a question (the error summary links to it).</summary>
    public static string AnswerField(long questionId) => "answers[" + questionId.ToString(CultureInfo.InvariantCulture) + "]";

    private static Guid? Version(string? version) => Guid.TryParse(version, out var v) ? v : null;

    private async Task<IActionResult> StepAsync(long id, string notice, Func<AnomalyActor, Input, Task<Outcome<Questionnaire>>?> step, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        var input = new Input();
        if (step(AnomalyEndpoints.Actor(User)!, input) is not { } running)
        {
            Errors.Add(localizer, input.Errors, form: "daq");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await running;
        if (!outcome.Succeeded)
        {
            Errors.AddRules(localizer, outcome.Violations);
            Response.StatusCode = Problems.StatusOf(outcome.Kind);
            return Page();
        }

        TempData[AnomalyPages.NoticeKey] = notice;
        return Redirect(Link(id));
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        if (AnomalyEndpoints.Actor(User) is not { } actor)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var found = await desk.FindAsync(actor, id, ct);
        if (!found.Succeeded)
        {
            return NotFound();
        }

        Questionnaire = QuestionnaireView.Of(found.Value!, clock.Today());
        IsSecretariat = actor.IsSecretariat;
        MayAnswer = !actor.IsSecretariat && Questionnaire.Status == "sent";
        return null;
    }
}
