using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Compliance;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Compliance;
using OpenKP.Web.Portal;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Pages.Compliance.Decisions;

/// <summary>Draft a decision with up to <see cref="Rows"/> effect rows (blank rows are skipped), as <c>POST /api/compliance/decisions</c>.</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class NewModel(DecisionDesk desk, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int Rows = 3;

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Procedure { get; set; }
    [BindProperty] public long? MeetingId { get; set; }
    [BindProperty] public string? WorkingBody { get; set; }
    [BindProperty] public string[] EffectKind { get; set; } = new string[Rows];
    [BindProperty] public string[] EffectParticipant { get; set; } = new string[Rows];
    [BindProperty] public string[] EffectStatus { get; set; } = new string[Rows];
    [BindProperty] public string[] EffectScope { get; set; } = new string[Rows];
    [BindProperty] public string[] EffectZone { get; set; } = new string[Rows];
    [BindProperty] public string[] EffectEndsOn { get; set; } = new string[Rows];
    [BindProperty] public string[] EffectNote { get; set; } = new string[Rows];

    public FormErrors Errors { get; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        static string? At(string[]? values, int i) => values is not null && i < values.Length ? values[i] : null;
        var rows = Enumerable.Range(0, Rows)
            .Where(i => !string.IsNullOrWhiteSpace(At(EffectParticipant, i)))
            .Select(i => new DecisionEffectRequest(At(EffectKind, i), At(EffectParticipant, i), At(EffectStatus, i), At(EffectScope, i), At(EffectZone, i), At(EffectEndsOn, i), false, At(EffectNote, i)))
            .ToList();
        var request = new DecisionRequest(Title, Text, Procedure, MeetingId, WorkingBody, rows);
        var input = new Input();
        var draft = request.Parse(input);
        if (!input.IsValid)
        {
            Errors.Add(localizer, input.Errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await desk.DraftAsync(draft, ct);
        if (!outcome.Succeeded)
        {
            Errors.AddRules(localizer, outcome.Violations);
            Response.StatusCode = Problems.StatusOf(outcome.Kind);
            return Page();
        }

        TempData[DecisionPages.NoticeKey] = "drafted";
        return Redirect(DecisionPages.Link(outcome.Value!.Id));
    }
}
