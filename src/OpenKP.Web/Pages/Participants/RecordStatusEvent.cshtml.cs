using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Registry;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Portal;
using OpenKP.Web.Registry;

namespace OpenKP.Web.Pages.Participants;

/// <summary>
/// The secretariat records a status change, as <c>POST /api/participants/{code}/status-events</c> does:
/// the same parsing, the same <see cref="RegistryEditor"/>, the same violation codes beside the fields.
/// </summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class RecordStatusEventModel(RegistryQueries registry, RegistryEditor editor, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(Name = "effectiveOn")]
    public string? EffectiveOn { get; set; }

    [BindProperty(Name = "status")]
    public string? Status { get; set; }

    [BindProperty(Name = "scope")]
    public string? Scope { get; set; }

    [BindProperty(Name = "note")]
    public string? Note { get; set; }

    [BindProperty(Name = "decisionTitle")]
    public string? DecisionTitle { get; set; }

    [BindProperty(Name = "decisionDate")]
    public string? DecisionDate { get; set; }

    [BindProperty(Name = "decisionReference")]
    public string? DecisionReference { get; set; }

    public ParticipantView Participant { get; private set; } = null!;
    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        EffectiveOn ??= PortalText.Iso(clock.Today());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        var input = new Input();
        var statusEvent = new RecordStatusEventRequest(EffectiveOn, Status, Scope, Note, DecisionTitle, DecisionDate, DecisionReference).Parse(input);
        if (!input.IsValid)
        {
            return Invalid(input.Errors);
        }

        var outcome = await editor.RecordStatusEventAsync(Participant.Code, statusEvent, ct);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            return Invalid(outcome.Violations);
        }

        TempData[nameof(DetailsModel.Recorded)] = string.Format(
            System.Globalization.CultureInfo.CurrentCulture, "{0} — {1}", localizer[PortalText.StatusKey(StandingView.Kebab(statusEvent.Status))], PortalText.Date(statusEvent.EffectiveOn));
        return Redirect($"/participants/{Participant.Code}");
    }

    private PageResult Invalid(IReadOnlyList<Violation> violations)
    {
        Errors.Add(localizer, violations);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (!ParticipantCode.TryParse(code, out var parsed))
        {
            return false;
        }

        var view = await registry.GetParticipantAsync(parsed.Value, clock.Today(), ct);
        Participant = view!;
        return view is not null;
    }
}
