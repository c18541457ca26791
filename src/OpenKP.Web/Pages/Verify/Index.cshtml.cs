using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using OpenKP.Certificates;
using OpenKP.Registry;
using OpenKP.Shared;
using OpenKP.Web.Certificates;
using OpenKP.Web.Pages.Certificates;
using OpenKP.Web.Portal;

namespace OpenKP.Web.Pages.Verify;

/// <summary>
/// Anyone checks a certificate: pastes its QR text, or uploads a photo or scan of its QR code, read on the server
/// by <see cref="QrImageReader"/>. The verdict comes from <see cref="CertificateVerifier"/> against the keys, voided
/// numbers and registry in the database, as <c>POST /api/verify</c> gives it, and under the same rate limit.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(CertificatesModule.VerifyRateLimit)]
[RequestSizeLimit(MaxUploadBytes)]
public sealed class IndexModel(CertificateQueries queries, ParticipantDirectory directory, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The largest request the page takes: a 10 MB photo (<see cref="QrImageReader.MaxBytes"/>) and the form around it.</summary>
    public const long MaxUploadBytes = QrImageReader.MaxBytes + (64 * 1024);

    /// <summary>The QR text as pasted, or as read from the photo.</summary>
    public string? Qr { get; private set; }

    /// <summary>How the text came: <c>text</c> or <c>image</c> (the form to show again on a problem).</summary>
    public string? Source { get; private set; }

    public VerificationView? Result { get; private set; }
    public CertificateSheet? Sheet { get; private set; }
    public FormErrors Errors { get; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostTextAsync([FromForm(Name = "qr")] string? qr, CancellationToken ct)
    {
        Source = "text";
        Qr = qr;
        var input = new Input();
        var text = input.Text(qr, "qr", 8000);
        if (!input.IsValid)
        {
            return Failed(input.Errors, StatusCodes.Status400BadRequest);
        }

        await VerifyAsync(text, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostImageAsync([FromForm(Name = "image")] IFormFile? image, CancellationToken ct)
    {
        Source = "image";
        if (image is null || image.Length == 0)
        {
            return Failed([new Violation(InputCodes.Required, "Choose a photo or scan of the certificate's QR code.", "image")], StatusCodes.Status400BadRequest);
        }

        byte[] bytes;
        await using (var stream = image.OpenReadStream())
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }

        var read = QrImageReader.Read(bytes);
        if (!read.Succeeded)
        {
            return Failed(read.Violations, StatusCodes.Status422UnprocessableEntity);
        }

        Qr = read.Value;
        await VerifyAsync(read.Value!, ct);
        return Page();
    }

    private async Task VerifyAsync(string qr, CancellationToken ct)
    {
        Result = VerificationView.Of(await queries.VerifyAsync(qr, clock.GetUtcNow(), ct));
        if (Result.Certificate is { } decoded)
        {
            Sheet = CertificateSheet.Of(decoded, await directory.SnapshotAsync(ct));
        }
    }

    private PageResult Failed(IReadOnlyList<Violation> violations, int status)
    {
        Errors.Add(localizer, violations);
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>A verification reason's short title in the reader's language (<c>Reason.{code}</c>), or null when there is none.</summary>
    public string? ReasonTitle(string code)
    {
        var text = localizer["Reason." + code];
        return text.ResourceNotFound ? null : text.Value;
    }
}
