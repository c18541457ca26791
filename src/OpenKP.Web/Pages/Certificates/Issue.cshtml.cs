using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OpenKP.Certificates;
using OpenKP.Data;
using OpenKP.Registry;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Certificates;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Pages.Certificates;

/// <summary>
/// An authority officer issues a certificate for its own participant, as <c>POST /api/certificates</c> does: the
/// same parsing (<see cref="IssueCertificateRequest.Parse"/>), the same <see cref="CertificateIssuer"/>, every
/// violation beside its field.
/// </summary>
[Authorize(Policy = Policies.AuthorityOfficer)]
public sealed class IssueModel(
    OpenKpDb db, RegistryQueries registry, ParticipantDirectory directory, SigningKeyRing keys, CertificateIssuer issuer,
    OpenKpEnvironment environment, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
    : CertificateFormPage(db, registry, directory, keys, clock, localizer)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (OwnParticipant is not { } own)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        await LoadChoicesAsync(own, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (OwnParticipant is not { } own)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        await LoadChoicesAsync(own, ct);
        Form = CertificateForm.Read(Request.Form);
        var input = new Input();
        var draft = Form.ToRequest(input).Parse(input);
        if (!input.IsValid)
        {
            return Malformed(input.Errors);
        }

        var outcome = await issuer.IssueAsync(CertificateEndpoints.Officer(User, own, environment), draft, ct);
        if (!outcome.Succeeded)
        {
            return Refused(outcome);
        }

        TempData[DetailsModel.NoticeKey] = DetailsModel.Issued;
        return Redirect(DetailsModel.Link(outcome.Value!.Number));
    }
}
