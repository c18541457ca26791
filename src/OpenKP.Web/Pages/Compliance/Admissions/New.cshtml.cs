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

namespace OpenKP.Web.Pages.Compliance.Admissions;

/// <summary>
/// The secretariat receives an application, as <c>POST /api/compliance/admissions</c>: the same parsing
/// (<see cref="AdmissionEndpoints.Parse(Input, ReceiveAdmissionRequest)"/>), the same <see cref="AdmissionDesk"/>,
/// the same violation codes beside the fields.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class NewModel(AdmissionDesk desk, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(Name = "applicantCode")] public string? ApplicantCode { get; set; }
    [BindProperty(Name = "nameEn")] public string? NameEn { get; set; }
    [BindProperty(Name = "nameFr")] public string? NameFr { get; set; }
    [BindProperty(Name = "receivedOn")] public string? ReceivedOn { get; set; }
    [BindProperty(Name = "legislation")] public string? Legislation { get; set; }
    [BindProperty(Name = "authorities")] public string? Authorities { get; set; }
    [BindProperty(Name = "internalControls")] public string? InternalControls { get; set; }

    public FormErrors Errors { get; } = new();

    public IActionResult OnGet()
    {
        if (!ComplianceReaders.Of(User).IsSecretariat)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        ReceivedOn ??= PortalText.Iso(clock.Today());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ComplianceReaders.Of(User).IsSecretariat)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var input = new Input();
        var admission = AdmissionEndpoints.Parse(input, new ReceiveAdmissionRequest(ApplicantCode, NameEn, NameFr, ReceivedOn, Legislation, Authorities, InternalControls));
        if (!input.IsValid)
        {
            Errors.Add(localizer, input.Errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await desk.ReceiveAsync(admission, ct);
        if (!outcome.Succeeded)
        {
            Errors.AddRules(localizer, outcome.Violations);
            Response.StatusCode = Problems.StatusOf(outcome.Kind);
            return Page();
        }

        TempData[AdmissionPages.NoticeKey] = "received";
        return Redirect(AdmissionPages.Link(outcome.Value!.Id));
    }
}
