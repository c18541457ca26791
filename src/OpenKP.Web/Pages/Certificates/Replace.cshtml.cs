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
/// An authority officer of the issuing participant replaces a certificate, as <c>POST /api/certificates/{number}/replace</c>
/// does: the issue form prefilled from the original, plus a reason; <see cref="CertificateIssuer.ReplaceAsync"/> voids the
/// original and issues the replacement in one piece.
/// </summary>
[Authorize(Policy = Policies.AuthorityOfficer)]
public sealed class ReplaceModel(
    OpenKpDb db, RegistryQueries registry, ParticipantDirectory directory, SigningKeyRing keys, CertificateQueries queries,
    CertificateIssuer issuer, OpenKpEnvironment environment, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
    : CertificateFormPage(db, registry, directory, keys, clock, localizer)
{
    public Certificate Original { get; private set; } = null!;

    /// <summary>Why the original is replaced: kept as its void reason.</summary>
    public string? Reason { get; private set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        if (await RefuseAsync(number, ct) is { } refusal)
        {
            return refusal;
        }

        Form = CertificateForm.From(Original);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string number, CancellationToken ct)
    {
        if (await RefuseAsync(number, ct) is { } refusal)
        {
            return refusal;
        }

        Form = CertificateForm.Read(Request.Form);
        Reason = Request.Form["reason"];
        var input = new Input();
        var reason = input.Text(Reason, "reason", 1000);
        var draft = Form.ToRequest(input).Parse(input);
        if (!input.IsValid)
        {
            return Malformed(input.Errors);
        }

        var outcome = await issuer.ReplaceAsync(CertificateEndpoints.Officer(User, Original.IssuingParticipant, environment), Original.Number, reason, draft, ct);
        if (!outcome.Succeeded)
        {
            return Refused(outcome);
        }

        TempData[DetailsModel.NoticeKey] = DetailsModel.Replaced;
        return Redirect(DetailsModel.Link(outcome.Value!.Number));
    }

    /// <summary>404 for an unknown number, 403 unless the officer's participant issued it (as the API); else loads the form's choices.</summary>
    private async Task<IActionResult?> RefuseAsync(string number, CancellationToken ct)
    {
        var original = await queries.FindAsync(number.Trim(), ct);
        if (original is null)
        {
            return NotFound();
        }

        if (!CertificateEndpoints.IsIssuersOfficer(User, original))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Original = original;
        await LoadChoicesAsync(original.IssuingParticipant, ct);
        return null;
    }
}
