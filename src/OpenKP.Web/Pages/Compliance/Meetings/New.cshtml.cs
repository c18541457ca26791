using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Compliance;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Compliance;
using OpenKP.Web.Pages.Compliance.Decisions;
using OpenKP.Web.Portal;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Pages.Compliance.Meetings;

/// <summary>Record a meeting, as <c>POST /api/compliance/meetings</c> (the secretariat).</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class NewModel(MeetingBook book, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? StartsOn { get; set; }
    [BindProperty] public string? EndsOn { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? Chair { get; set; }
    [BindProperty] public string? Summary { get; set; }

    public FormErrors Errors { get; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new Input();
        var meeting = new MeetingRequest(Kind, Title, StartsOn, EndsOn, Place, Chair, Summary).Parse(input);
        if (!input.IsValid)
        {
            Errors.Add(localizer, input.Errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await book.CreateAsync(meeting, ct);
        if (!outcome.Succeeded)
        {
            Errors.AddRules(localizer, outcome.Violations);
            Response.StatusCode = Problems.StatusOf(outcome.Kind);
            return Page();
        }

        return Redirect(DecisionPages.MeetingLink(outcome.Value!.Id));
    }
}
