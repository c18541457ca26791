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
using OpenKP.Web.Shared;

namespace OpenKP.Web.Pages.Compliance.Cases;

/// <summary>
/// Opens a non-compliance case (the secretariat), as <c>POST /api/compliance/cases</c>; prefilled from
/// <c>?participant=XX&amp;source=anomaly&amp;sourceId=N</c> when it comes from an anomaly, a review or an annual report.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class NewModel(ComplianceCaseDesk desk, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string Opened = "opened";

    [BindProperty(SupportsGet = true, Name = "participant")] public string? Participant { get; set; }
    [BindProperty(SupportsGet = true, Name = "source")] public string? Source { get; set; }
    [BindProperty(SupportsGet = true, Name = "sourceId")] public string? SourceId { get; set; }
    [BindProperty(Name = "title")] public string? CaseTitle { get; set; }
    [BindProperty(Name = "summary")] public string? Summary { get; set; }

    public FormErrors Errors { get; } = new();

    public IActionResult OnGet()
    {
        if (!ComplianceReaders.Of(User).IsSecretariat)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        // The prefill is a suggestion: a source given as "Anomaly" shows as the form's "anomaly"; anything unknown is left blank.
        var prefill = new Input();
        var source = prefill.Enum<CaseSource>(Source, "source");
        Source = prefill.IsValid ? Input.Kebab(source) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var reader = ComplianceReaders.Of(User);
        if (!reader.IsSecretariat)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var input = new Input();
        long? sourceId = null;
        if (!string.IsNullOrWhiteSpace(SourceId))
        {
            if (long.TryParse(SourceId.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                sourceId = id;
            }
            else
            {
                input.Add(InputCodes.InvalidValue, $"'{SourceId}' is not a record number.", "sourceId");
            }
        }

        var open = ComplianceCaseEndpoints.Parse(input, new OpenComplianceCaseRequest(Participant, Source, sourceId, CaseTitle, Summary));
        if (!input.IsValid)
        {
            Errors.Add(localizer, input.Errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await desk.OpenAsync(reader, open, ct);
        if (!outcome.Succeeded)
        {
            Errors.AddRules(localizer, outcome.Violations);
            Response.StatusCode = Problems.StatusOf(outcome.Kind);
            return Page();
        }

        TempData[CasePages.NoticeKey] = Opened;
        return Redirect(CasePages.Link(outcome.Value!.Id));
    }
}
