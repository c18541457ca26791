using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Compliance;
using OpenKP.Shared;
using OpenKP.Web.Compliance;
using OpenKP.Web.Portal;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Pages.Compliance.Decisions;

/// <summary>
/// One decision, as <c>GET /api/compliance/decisions/{id}</c> (public once adopted). For the secretariat: what its
/// status changes would touch, and the forms to adopt it, run its written procedure, record an objection or withdraw it,
/// each through <see cref="DecisionDesk"/> like the API.
/// </summary>
[AllowAnonymous]
public sealed class DetailsModel(DecisionDesk desk, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public DecisionRecordView Decision { get; private set; } = null!;
    public DecisionWhatIfView? WhatIf { get; private set; }
    public bool IsSecretariat { get; private set; }
    public FormErrors Errors { get; } = new();
    public string? Notice { get; private set; }

    public bool MayAdopt => IsSecretariat && (Decision.Status == "draft" && Decision.Procedure != "written-procedure" || Decision.Status == "written-procedure-open");
    public bool MayOpen => IsSecretariat && Decision.Status == "draft" && Decision.Procedure == "written-procedure";
    public bool MayObject => IsSecretariat && Decision.Status == "written-procedure-open";
    public bool MayWithdraw => IsSecretariat && Decision.Status is "draft" or "written-procedure-open";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        Notice = TempData[DecisionPages.NoticeKey] as string;
        return Page();
    }

    public Task<IActionResult> OnPostAdoptAsync(long id, [FromForm] string? adoptedOn, [FromForm] string? effectiveOn, [FromForm] int? votesFor, [FromForm] int? votesAgainst, [FromForm] int? votesAbstaining, [FromForm] string? version, CancellationToken ct)
        => StepAsync(id, "adopted", input =>
        {
            var adoption = new DecisionAdoption(input.OptionalDate(adoptedOn, "adoptedOn"), input.OptionalDate(effectiveOn, "effectiveOn"),
                DecisionEndpoints.Votes(input, votesFor, "votesFor"), DecisionEndpoints.Votes(input, votesAgainst, "votesAgainst"), DecisionEndpoints.Votes(input, votesAbstaining, "votesAbstaining"));
            return input.IsValid ? DecisionEndpoints.AdoptAsync(desk, id, adoption, DecisionPages.Version(version), ct) : null;
        }, ct);

    public Task<IActionResult> OnPostOpenAsync(long id, [FromForm] string? objectionDeadline, [FromForm] string? version, CancellationToken ct)
        => StepAsync(id, "opened", input =>
        {
            var deadline = input.Date(objectionDeadline, "objectionDeadline");
            return input.IsValid ? desk.OpenWrittenProcedureAsync(id, deadline, DecisionPages.Version(version), ct) : null;
        }, ct);

    public Task<IActionResult> OnPostObjectAsync(long id, [FromForm] string? participant, [FromForm] string? reason, [FromForm] string? version, CancellationToken ct)
        => StepAsync(id, "rejected", input =>
        {
            var objection = DecisionEndpoints.Objection(input, participant, reason);
            return input.IsValid ? desk.ObjectAsync(id, objection, DecisionPages.Version(version), ct) : null;
        }, ct);

    public Task<IActionResult> OnPostWithdrawAsync(long id, [FromForm] string? version, CancellationToken ct)
        => StepAsync(id, "withdrawn", _ => desk.WithdrawAsync(id, DecisionPages.Version(version), ct), ct);

    private async Task<IActionResult> StepAsync(long id, string notice, Func<Input, Task<Outcome<Decision>>?> step, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        if (!IsSecretariat)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var input = new Input();
        if (step(input) is not { } running)
        {
            Errors.Add(localizer, input.Errors);
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

        TempData[DecisionPages.NoticeKey] = notice;
        return Redirect(DecisionPages.Link(id));
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var reader = ComplianceReaders.Of(User);
        var found = await desk.FindAsync(reader, id, ct);
        if (!found.Succeeded)
        {
            return NotFound();
        }

        IsSecretariat = reader.IsSecretariat;
        Decision = DecisionRecordView.Of(found.Value!);
        if (IsSecretariat && Decision.Effects.Any(e => e.Kind == "status-change"))
        {
            var whatIf = await desk.WhatIfAsync(id, null, ct);
            WhatIf = whatIf.Succeeded ? DecisionWhatIfView.Of(whatIf.Value!) : null;
        }

        return null;
    }
}
