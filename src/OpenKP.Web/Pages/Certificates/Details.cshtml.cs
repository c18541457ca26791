using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Certificates;
using OpenKP.Registry;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Certificates;
using OpenKP.Web.Portal;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Pages.Certificates;

/// <summary>
/// One certificate, for the officers of its issuing and importing participants and the secretariat (as
/// <c>GET /api/certificates/{number}</c>): every field, the QR, the PDF, and for the issuing participant's
/// authority officers the void form and the replace action.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DetailsModel(
    CertificateQueries queries, CertificateIssuer issuer, ParticipantDirectory directory, IAuthorizationService authorization,
    OpenKpEnvironment environment, IStringLocalizer<SharedResource> localizer, OpenKP.Shipments.ShipmentQueries shipments) : PageModel
{
    /// <summary>The TempData key of the confirmation shown once after an action: <see cref="Issued"/>, <see cref="Replaced"/> or <see cref="Voided"/>.</summary>
    public const string NoticeKey = "Certificate.Notice";
    public const string Issued = "issued";
    public const string Replaced = "replaced";
    public const string Voided = "voided";

    public Certificate Certificate { get; private set; } = null!;

    /// <summary>The certificate as signed, for the shared sheet (the verify page shows the same).</summary>
    public CertificateSheet Sheet { get; private set; } = null!;

    /// <summary>The QR code as an SVG document, drawn from the signed text.</summary>
    public string QrSvg { get; private set; } = string.Empty;

    /// <summary>An authority officer of the issuing participant: may void and replace.</summary>
    public bool MayIssueFor { get; private set; }

    /// <summary>Where the certified goods stand (the shipments loop), when the reader may see the shipment: "confirmed" closes the KP loop.</summary>
    public OpenKP.Shipments.ShipmentRecord? Shipment { get; private set; }

    public string? Notice { get; private set; }
    public FormErrors Errors { get; } = new();

    /// <summary>The void reason as typed, kept when the form comes back with a problem.</summary>
    public string? Reason { get; private set; }

    public static string Link(string number) => "/certificates/" + Uri.EscapeDataString(number);

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        if (await LoadAsync(number, ct) is { } refusal)
        {
            return refusal;
        }

        Notice = TempData[NoticeKey] as string;
        Shipment = await shipments.FindAsync(OpenKP.Web.Shipments.ShipmentEndpoints.Actor(User, environment), number, ct);
        return Page();
    }

    /// <summary>Voids the certificate with a reason, as <c>POST /api/certificates/{number}/void</c>: the version read guards against a change in between.</summary>
    public async Task<IActionResult> OnPostVoidAsync(string number, [FromForm] string? reason, [FromForm] string? version, CancellationToken ct)
    {
        if (await LoadAsync(number, ct) is { } refusal)
        {
            return refusal;
        }

        if (!MayIssueFor)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Reason = reason;
        var input = new Input();
        var text = input.Text(reason, "reason", 1000);
        if (!input.IsValid)
        {
            return Failed(input.Errors, StatusCodes.Status400BadRequest, rules: false);
        }

        var outcome = await issuer.VoidAsync(
            CertificateEndpoints.Officer(User, Certificate.IssuingParticipant, environment), Certificate.Number, text,
            Guid.TryParse(version, out var v) ? v : null, ct);
        if (!outcome.Succeeded)
        {
            await LoadAsync(number, ct); // show what changed: who voided it, when, why
            return Failed(outcome.Violations, outcome.Kind == OutcomeKind.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict, rules: true);
        }

        TempData[NoticeKey] = Voided;
        return Redirect(Link(Certificate.Number));
    }

    private PageResult Failed(IReadOnlyList<Violation> violations, int status, bool rules)
    {
        // The form has one field; anything else (already voided, changed) is about the certificate as a whole.
        var arranged = violations.Select(v => v with { Field = v.Field == "reason" ? "reason" : string.Empty });
        if (rules)
        {
            Errors.AddRules(localizer, arranged);
        }
        else
        {
            Errors.Add(localizer, arranged);
        }

        Response.StatusCode = status;
        return Page();
    }

    /// <summary>404 for an unknown number, 403 for those who may not read it (the API's rule); else loads everything shown.</summary>
    private async Task<IActionResult?> LoadAsync(string number, CancellationToken ct)
    {
        var certificate = await queries.FindAsync(number.Trim(), ct);
        if (certificate is null)
        {
            return NotFound();
        }

        if (!CertificateEndpoints.MayRead(User, certificate))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Certificate = certificate;
        Sheet = CertificateSheet.Of(DecodedCertificateView.Of(certificate.Content()), await directory.SnapshotAsync(ct));
        QrSvg = CertificateSheet.InlineSvg(QrImages.Svg(certificate.QrText));
        MayIssueFor = CertificateEndpoints.IsIssuersOfficer(User, certificate)
            && (await authorization.AuthorizeAsync(User, Policies.AuthorityOfficer)).Succeeded;
        return null;
    }
}
