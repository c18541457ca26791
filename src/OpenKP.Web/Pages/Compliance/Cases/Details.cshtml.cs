using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Compliance;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Compliance;
using OpenKP.Web.Portal;
using OpenKP.Web.Registry;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Pages.Compliance.Cases;

/// <summary>
/// A non-compliance case, as <c>GET /api/compliance/cases/{id}</c>: its summary, source, timeline of steps, work plan,
/// recommended measure and decision. Every shared reader sees it; the secretariat and the participant concerned see the
/// steps and work plan. Each form goes through <see cref="ComplianceCaseDesk"/> like the API: the secretariat acts on
/// every step; the participant's authority officers add steps and mark their actions done.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DetailsModel(ComplianceCaseDesk desk, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public ComplianceCaseView Case { get; private set; } = null!;
    public ComplianceReader Reader { get; private set; } = ComplianceReader.Anonymous;
    public FormErrors Errors { get; } = new();
    public string? Notice { get; private set; }

    /// <summary>The form that came back with problems (its fields' errors are named <c>{form}-{field}</c>), and what was typed in it.</summary>
    public string? Posted { get; private set; }
    public IFormCollection? Typed { get; private set; }

    public bool IsSecretariat => Reader.IsSecretariat;
    public bool ActsFor => Reader.ActsFor(Case.Participant);
    public bool Closed => Case.Status == "closed";
    public bool BeforeMeasure => Case.Status is "open" or "consultation" or "work-plan" or "measure-recommended";
    public bool DecisionLive => Case.DecisionStatus is { } s && s is not ("rejected" or "withdrawn");
    public bool DecisionPending => Case.DecisionStatus is "draft" or "written-procedure-open";
    public bool MayStep => ActsFor && !Closed;
    public bool MayPlan => IsSecretariat && BeforeMeasure;
    public bool MayMark => ActsFor && !Closed;
    public bool MayMeasure => IsSecretariat && BeforeMeasure && !DecisionLive;
    public bool MayPropose => IsSecretariat && Case.Status == "measure-recommended" && Case.Measure != "none" && !DecisionLive;
    public bool MayAdopt => IsSecretariat && Case.Status == "measure-recommended" && DecisionPending;
    public bool MayClose => IsSecretariat && !Closed && !DecisionPending;

    /// <summary>A draft decision is the secretariat's and the participant's; others see the adopted one.</summary>
    public bool MaySeeDecision => Case.DecisionId is not null && (ActsFor || Case.DecisionStatus == "adopted");

    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        Notice = TempData[CasePages.NoticeKey] as string;
        return Page();
    }

    /// <summary>As <c>POST …/{id}/steps</c>: kind, on (default today), text.</summary>
    public Task<IActionResult> OnPostStepAsync(long id, [FromForm] string? kind, [FromForm] string? on, [FromForm] string? text, [FromForm] string? version, CancellationToken ct)
        => ActAsync(id, "step", input =>
        {
            var (k, day, t) = ComplianceCaseEndpoints.Parse(input, new ComplianceCaseStepRequest(kind, on, text, null), clock.Today());
            return input.IsValid ? desk.AddStepAsync(Reader, id, k, day, t, CasePages.Version(version), ct) : null;
        }, ct);

    /// <summary>As <c>POST …/{id}/work-plan</c>: text, dueOn.</summary>
    public Task<IActionResult> OnPostItemAsync(long id, [FromForm] string? text, [FromForm] string? dueOn, [FromForm] string? version, CancellationToken ct)
        => ActAsync(id, "item", input =>
        {
            var (t, due) = ComplianceCaseEndpoints.Parse(input, new WorkPlanItemRequest(text, dueOn, null));
            return input.IsValid ? desk.AddWorkPlanItemAsync(Reader, id, t, due, CasePages.Version(version), ct) : null;
        }, ct);

    /// <summary>As <c>POST …/{id}/work-plan/{itemId}</c>: status done or missed, under the action's version.</summary>
    public Task<IActionResult> OnPostMarkAsync(long id, [FromForm] long itemId, [FromForm] string? status, [FromForm] string? version, CancellationToken ct)
        => ActAsync(id, "mark", input =>
        {
            var s = ComplianceCaseEndpoints.Parse(input, new WorkPlanMarkRequest(status, null));
            return input.IsValid ? desk.MarkWorkPlanItemAsync(Reader, id, itemId, s, CasePages.Version(version), ct) : null;
        }, ct);

    /// <summary>As <c>POST …/{id}/measure</c>: measure, scope, reason.</summary>
    public Task<IActionResult> OnPostMeasureAsync(long id, [FromForm] string? measure, [FromForm] string? scope, [FromForm] string? reason, [FromForm] string? version, CancellationToken ct)
        => ActAsync(id, "measure", input =>
        {
            var m = ComplianceCaseEndpoints.Parse(input, new MeasureRequest(measure, scope, reason, null));
            return input.IsValid ? desk.RecommendMeasureAsync(Reader, id, m, CasePages.Version(version), ct) : null;
        }, ct);

    /// <summary>As <c>POST …/{id}/decision</c>: procedure, title, text.</summary>
    public Task<IActionResult> OnPostProposeAsync(long id, [FromForm] string? procedure, [FromForm] string? title, [FromForm] string? text, [FromForm] string? version, CancellationToken ct)
        => ActAsync(id, "propose", input =>
        {
            var p = ComplianceCaseEndpoints.Parse(input, new ProposeCaseDecisionRequest(procedure, title, text, null));
            return input.IsValid ? desk.ProposeDecisionAsync(Reader, id, p, CasePages.Version(version), ct) : null;
        }, ct);

    /// <summary>As <c>POST …/{id}/decision/adopt</c>: adoptedOn, effectiveOn and, for a vote, the votes.</summary>
    public Task<IActionResult> OnPostAdoptAsync(
        long id, [FromForm] string? adoptedOn, [FromForm] string? effectiveOn, [FromForm] string? votesFor, [FromForm] string? votesAgainst, [FromForm] string? votesAbstaining,
        [FromForm] string? version, CancellationToken ct)
        => ActAsync(id, "adopt", input =>
        {
            var request = new AdoptCaseDecisionRequest(adoptedOn, effectiveOn, Count(input, votesFor, "votesFor"), Count(input, votesAgainst, "votesAgainst"), Count(input, votesAbstaining, "votesAbstaining"), null);
            var adoption = ComplianceCaseEndpoints.Parse(input, request);
            return input.IsValid ? desk.AdoptDecisionAsync(Reader, id, adoption, CasePages.Version(version), ct) : null;
        }, ct);

    /// <summary>As <c>POST …/{id}/close</c>: outcome.</summary>
    public Task<IActionResult> OnPostCloseAsync(long id, [FromForm] string? outcome, [FromForm] string? version, CancellationToken ct)
        => ActAsync(id, "close", input =>
        {
            var o = ComplianceCaseEndpoints.Parse(input, new CloseComplianceCaseRequest(outcome, null));
            return input.IsValid ? desk.CloseAsync(Reader, id, o, CasePages.Version(version), ct) : null;
        }, ct);

    /// <summary>The errors beside a field of a form: only the form that was posted shows its own.</summary>
    public IReadOnlyList<FormError> ErrorsFor(string form, string field) => Posted == form ? Errors.For(form + "-" + field) : [];

    public string Group(string form, string field) => ErrorsFor(form, field).Count > 0 ? "form-group form-group--error" : "form-group";

    /// <summary>What was typed in a field of the form that came back, or <paramref name="fallback"/>.</summary>
    public string? Value(string form, string field, string? fallback = null) => Posted == form && Typed is { } typed ? typed[field].ToString() : fallback;

    private static int? Count(Input input, string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        input.Add(InputCodes.InvalidNumber, $"'{value}' is not a whole number.", field);
        return null;
    }

    private async Task<IActionResult> ActAsync(long id, string form, Func<Input, Task<Outcome<ComplianceCaseView>>?> act, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        (Posted, Typed) = (form, Request.Form);
        var input = new Input();
        if (act(input) is not { } running)
        {
            Errors.Add(localizer, Named(form, input.Errors));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await running;
        if (!outcome.Succeeded)
        {
            if (outcome.Kind == OutcomeKind.Forbidden)
            {
                return StatusCode(StatusCodes.Status403Forbidden);
            }

            Errors.AddRules(localizer, Named(form, outcome.Violations));
            Response.StatusCode = Problems.StatusOf(outcome.Kind);
            await LoadAsync(id, ct);
            return Page();
        }

        TempData[CasePages.NoticeKey] = form;
        return Redirect(CasePages.Link(id));
    }

    private static IEnumerable<Violation> Named(string form, IEnumerable<Violation> violations)
        => violations.Select(v => v.Field is { Length: > 0 } f ? v with { Field = form + "-" + f } : v);

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        Reader = ComplianceReaders.Of(User);
        var found = await desk.FindAsync(Reader, id, ct);
        if (!found.Succeeded)
        {
            return found.Kind == OutcomeKind.Forbidden ? StatusCode(StatusCodes.Status403Forbidden) : NotFound();
        }

        Case = found.Value!;
        return null;
    }
}
