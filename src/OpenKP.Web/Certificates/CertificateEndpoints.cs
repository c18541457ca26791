using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenKP.Accounts;
using OpenKP.Certificates;
using OpenKP.Registry;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Certificates;

/// <summary>KP certificates: issue, read, list, void, replace, report lost numbers; verify; signing keys.</summary>
internal static class CertificateEndpoints
{
    public static void Map(WebApplication app)
    {
        var officials = app.MapGroup("/api/certificates").WithTags("Certificates").RequireAuthorization(Policies.SignedIn);
        officials.MapPost("/", Issue).RequireAuthorization(Policies.AuthorityOfficer).WithSummary("Issue a certificate (an authority officer, for its own participant)");
        officials.MapGet("/", List).WithSummary("Certificates a participant issued or receives (officers: their own; the secretariat: all)");
        officials.MapGet("/{number}", Get).WithSummary("A certificate (its issuing and importing participants, and the secretariat)");
        officials.MapGet("/{number}/pdf", Pdf).WithSummary("The printable A4 certificate (PDF) with its QR code");
        officials.MapGet("/{number}/qr.png", QrPng).WithSummary("The certificate's QR code as PNG");
        officials.MapGet("/{number}/qr.svg", QrSvg).WithSummary("The certificate's QR code as SVG");
        officials.MapPost("/{number}/void", Void).RequireAuthorization(Policies.AuthorityOfficer).WithSummary("Void a certificate with a reason: it fails verification from now on");
        officials.MapPost("/{number}/replace", Replace).RequireAuthorization(Policies.AuthorityOfficer).WithSummary("Void a certificate and issue its replacement, which names it");

        var reported = app.MapGroup("/api/participants/{code}/reported-numbers").WithTags("Certificates");
        reported.MapGet("/", ListReported).RequireAuthorization(Policies.ParticipantOfficials).WithSummary("Numbers the participant reported lost or stolen");
        reported.MapPost("/", ReportNumbers).RequireAuthorization(Policies.ParticipantAuthority).WithSummary("Report certificate or blank-form numbers lost or stolen");

        var settings = app.MapGroup("/api/participants/{code}/certificate-settings").WithTags("Certificates");
        settings.MapGet("/", GetSettings).AllowAnonymous().WithSummary("How the participant numbers its certificates, their longest validity, the printed labels' second language");
        settings.MapPut("/", ChangeSettings).RequireAuthorization(Policies.ParticipantAuthority).WithSummary("Change them (the participant's authority officers, the secretariat)");

        app.MapPost("/api/verify", Verify).WithTags("Verification").AllowAnonymous().RequireRateLimiting(CertificatesModule.VerifyRateLimit)
            .WithSummary("Verify a certificate's QR text: the verdict, every reason, and the decoded certificate");

        app.MapGet("/api/keys", ListKeys).WithTags("Signing keys").AllowAnonymous().WithSummary("Signing keys (public halves only), by participant");
        var keys = app.MapGroup("/api/participants/{code}/keys").WithTags("Signing keys").RequireAuthorization(Policies.ParticipantAuthority);
        keys.MapPost("/rotate", RotateKey).WithSummary("Create a new signing key; the active one retires");
        keys.MapPost("/{keyId}/revoke", RevokeKey).WithSummary("Revoke a signing key: everything it signed fails verification");
    }

    /// <summary>Issues a certificate for the officer's participant: 201 with the number, the QR text and links, or 422 with every violation.</summary>
    internal static async Task<Results<Created<CertificateView>, ProblemHttpResult>> Issue(
        IssueCertificateRequest request, ClaimsPrincipal user, CertificateIssuer issuer, OpenKpEnvironment environment, CancellationToken ct)
    {
        var own = user.FindFirstValue(OpenKpClaims.Participant);
        var input = new Input();
        var asked = string.IsNullOrWhiteSpace(request.IssuingParticipant) ? own : input.Code(request.IssuingParticipant, "issuingParticipant");
        var draft = request.Parse(input);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        if (own is null || asked != own)
        {
            return Problems.Forbidden($"You issue certificates for {own ?? "no participant"} only, not for {asked}.");
        }

        var outcome = await issuer.IssueAsync(Officer(user, own, environment), draft, ct);
        return outcome.Succeeded
            ? TypedResults.Created(Self(outcome.Value!.Number), CertificateView.Of(outcome.Value!))
            : Problems.From(outcome);
    }

    /// <summary>
    /// Certificates of <paramref name="participant"/> (officers: their own, the default), issued, incoming or
    /// all; search by number, exporter or importer; filter by status and issue dates.
    /// </summary>
    internal static async Task<Results<Ok<Paged<CertificateSummary>>, ProblemHttpResult>> List(
        ClaimsPrincipal user, CertificateQueries queries, string? participant, string? direction, string? q, string? status,
        string? from, string? to, int? page, int? pageSize, CancellationToken ct)
    {
        var input = new Input();
        var p = string.IsNullOrWhiteSpace(participant) ? null : input.Code(participant, "participant");
        var d = input.OneOf(direction, "direction", CertificateListQuery.Directions) ?? CertificateListQuery.Both;
        var s = string.IsNullOrWhiteSpace(status) ? (CertificateStatus?)null : input.Enum<CertificateStatus>(status, "status");
        var f = input.OptionalDate(from, "from");
        var t = input.OptionalDate(to, "to");
        var text = input.Text(q, "q", 200, required: false);
        var pg = input.Page(page, "page", 1, 100_000);
        var size = input.Page(pageSize, "pageSize", 50, 500);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        if (!user.IsInRole(Roles.Secretariat))
        {
            var own = OfficerParticipant(user);
            if (own is null || (p is not null && p != own))
            {
                return Problems.Forbidden(own is null
                    ? "Certificates are shown to the officers of their participants and to the secretariat."
                    : $"You see the certificates of {own} only.");
            }

            p = own;
        }

        return TypedResults.Ok(await queries.ListAsync(new CertificateListQuery(p, d, text, s, f, t, pg, size), ct));
    }

    /// <summary>A certificate, for the officers of its issuing and importing participants and the secretariat.</summary>
    internal static async Task<Results<Ok<CertificateView>, ProblemHttpResult>> Get(string number, ClaimsPrincipal user, CertificateQueries queries, CancellationToken ct)
    {
        var certificate = await queries.FindAsync(number.Trim(), ct);
        if (certificate is null)
        {
            return NotFound(number);
        }

        return MayRead(user, certificate) ? TypedResults.Ok(CertificateView.Of(certificate)) : ForbiddenToRead(certificate);
    }

    /// <summary>
    /// The certificate laid out on A4: every field, labels in English and the issuing participant's second
    /// language, the KP statement, the QR (50 mm) and the verify page's address; a voided one is stamped VOID.
    /// </summary>
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Pdf(
        string number, ClaimsPrincipal user, CertificateQueries queries, ParticipantDirectory registry, HttpRequest request,
        Microsoft.Extensions.Options.IOptions<OpenKpOptions> options, CancellationToken ct)
    {
        var certificate = await queries.FindAsync(number.Trim(), ct);
        if (certificate is null)
        {
            return NotFound(number);
        }

        if (!MayRead(user, certificate))
        {
            return ForbiddenToRead(certificate);
        }

        var snapshot = await registry.SnapshotAsync(ct);
        var issuing = snapshot.Find(certificate.IssuingParticipant);
        var importing = snapshot.Find(certificate.ImportingParticipant);
        var language = CertificateLabels.IsSupported(issuing?.CertificateLanguage) ? issuing!.CertificateLanguage : null;
        var print = new CertificatePrint(
            certificate.Content(), certificate.QrText,
            issuing?.NameEn ?? certificate.IssuingParticipant, importing?.NameEn ?? certificate.ImportingParticipant,
            (string.IsNullOrWhiteSpace(options.Value.PublicUrl) ? $"{request.Scheme}://{request.Host}" : options.Value.PublicUrl.TrimEnd('/')) + "/verify", language,
            certificate.Status == CertificateStatus.Voided
                ? "VOID — " + (certificate.ReplacedBy is { } by ? $"replaced by {by}" : certificate.VoidReason)
                : null)
        {
            CountryNames = snapshot.Participants.ToDictionary(p => p.Code, p => p.NameEn, StringComparer.Ordinal),
        };
        return TypedResults.File(CertificatePdf.Render(print), "application/pdf", $"{certificate.Number}.pdf");
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> QrPng(string number, ClaimsPrincipal user, CertificateQueries queries, CancellationToken ct)
        => await QrImage(number, user, queries, qr => (QrImages.Png(qr), "image/png"), ct);

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> QrSvg(string number, ClaimsPrincipal user, CertificateQueries queries, CancellationToken ct)
        => await QrImage(number, user, queries, qr => (System.Text.Encoding.UTF8.GetBytes(QrImages.Svg(qr)), "image/svg+xml"), ct);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> QrImage(
        string number, ClaimsPrincipal user, CertificateQueries queries, Func<string, (byte[] Bytes, string Type)> render, CancellationToken ct)
    {
        var certificate = await queries.FindAsync(number.Trim(), ct);
        if (certificate is null)
        {
            return NotFound(number);
        }

        if (!MayRead(user, certificate))
        {
            return ForbiddenToRead(certificate);
        }

        var (bytes, type) = render(certificate.QrText);
        return TypedResults.File(bytes, type);
    }

    /// <summary>Voids a certificate of the officer's participant, with a reason the importing participant sees.</summary>
    internal static async Task<Results<Ok<CertificateView>, ProblemHttpResult>> Void(
        string number, VoidCertificateRequest request, ClaimsPrincipal user, CertificateIssuer issuer, CertificateQueries queries,
        OpenKpEnvironment environment, CancellationToken ct)
    {
        var input = new Input();
        var reason = input.Text(request.Reason, "reason", 1000);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var (refusal, own) = await MayIssueForAsync(number, user, queries, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var outcome = await issuer.VoidAsync(Officer(user, own!, environment), number.Trim(), reason, request.Version, ct);
        return outcome.Succeeded ? TypedResults.Ok(CertificateView.Of(outcome.Value!)) : Problems.From(outcome);
    }

    /// <summary>Voids a certificate and issues its replacement in one step; if the new one breaks a rule, nothing changes.</summary>
    internal static async Task<Results<Created<CertificateView>, ProblemHttpResult>> Replace(
        string number, ReplaceCertificateRequest request, ClaimsPrincipal user, CertificateIssuer issuer, CertificateQueries queries,
        OpenKpEnvironment environment, CancellationToken ct)
    {
        var input = new Input();
        var reason = input.Text(request.Reason, "reason", 1000);
        if (request.Certificate is null)
        {
            input.Add(InputCodes.Required, "'certificate' is required: the replacement, as for issuing.", "certificate");
        }

        var draft = request.Certificate?.Parse(input);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var (refusal, own) = await MayIssueForAsync(number, user, queries, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var outcome = await issuer.ReplaceAsync(Officer(user, own!, environment), number.Trim(), reason, draft!, ct);
        return outcome.Succeeded
            ? TypedResults.Created(Self(outcome.Value!.Number), CertificateView.Of(outcome.Value!))
            : Problems.From(outcome);
    }

    internal static async Task<Results<Ok<IReadOnlyList<ReportedNumberView>>, ProblemHttpResult>> ListReported(
        string code, CertificateQueries queries, CancellationToken ct)
    {
        var input = new Input();
        var c = input.Code(code, "code");
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        return TypedResults.Ok(await queries.ReportedNumbersAsync(c, ct));
    }

    /// <summary>Reports numbers lost or stolen: they fail verification and join the revocation list.</summary>
    internal static async Task<Results<Created<IReadOnlyList<ReportedNumberView>>, ProblemHttpResult>> ReportNumbers(
        string code, ReportNumbersRequest request, ClaimsPrincipal user, CertificateIssuer issuer, OpenKpEnvironment environment, CancellationToken ct)
    {
        var input = new Input();
        var c = input.Code(code, "code");
        var numbers = input.Texts(request.Numbers, "numbers", 64, 1000);
        if (numbers.Count == 0)
        {
            input.Add(InputCodes.Required, "'numbers' is required: one or more certificate or blank-form numbers.", "numbers");
        }

        var kind = input.Enum<ReportedNumberKind>(request.Kind, "kind");
        var note = input.Text(request.Note, "note", 1000, required: false);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await issuer.ReportNumbersAsync(Officer(user, c, environment), numbers, kind, note.Length == 0 ? null : note, ct);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/participants/{c}/reported-numbers", (IReadOnlyList<ReportedNumberView>)[.. outcome.Value!.Select(ReportedNumberView.Of)])
            : Problems.From(outcome);
    }

    internal static async Task<Results<Ok<CertificateSettingsView>, ProblemHttpResult>> GetSettings(string code, CertificateSettings settings, CancellationToken ct)
    {
        var input = new Input();
        var c = input.Code(code, "code");
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        return await settings.GetAsync(c, ct) is { } view
            ? TypedResults.Ok(view)
            : Problems.NotFound(OpenKP.Registry.RegistryCodes.ParticipantNotFound, $"There is no participant {c} in the registry.", "code");
    }

    /// <summary>Changes the settings; the next certificate uses them. Numbers already issued never change.</summary>
    internal static async Task<Results<Ok<CertificateSettingsView>, ProblemHttpResult>> ChangeSettings(
        string code, CertificateSettingsRequest request, CertificateSettings settings, CancellationToken ct)
    {
        var input = new Input();
        var c = input.Code(code, "code");
        var format = input.Text(request.NumberFormat, "numberFormat", 40);
        if (request.MaxValidityDays is null)
        {
            input.Add(InputCodes.Required, "'maxValidityDays' is required: the longest validity in days.", "maxValidityDays");
        }

        var language = input.Text(request.SecondLanguage, "secondLanguage", 8, required: false);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await settings.ChangeAsync(c, new CertificateSettingsChange(format, request.MaxValidityDays!.Value, language.Length == 0 ? null : language.ToLowerInvariant(), request.Version), ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : Problems.From(outcome);
    }

    /// <summary>
    /// Verifies a QR text against the keys, voided numbers and registry in the database: <c>valid</c>, every
    /// reason with its code, and the certificate as decoded. Public and rate-limited per client.
    /// </summary>
    internal static async Task<Results<Ok<VerificationView>, ProblemHttpResult>> Verify(VerifyRequest request, CertificateQueries queries, TimeProvider clock, CancellationToken ct)
    {
        var input = new Input();
        var qr = input.Text(request.Qr, "qr", 8000);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        return TypedResults.Ok(VerificationView.Of(await queries.VerifyAsync(qr, clock.GetUtcNow(), ct)));
    }

    /// <summary>Every signing key, public half only, optionally of one participant (<c>KP</c>: the hub).</summary>
    internal static async Task<Ok<IReadOnlyList<SigningKeyView>>> ListKeys(string? participant, SigningKeyRing keys, CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(participant) ? null : participant.Trim().ToUpperInvariant();
        return TypedResults.Ok<IReadOnlyList<SigningKeyView>>([.. (await keys.ListAsync(code, ct)).Select(SigningKeyView.Of)]);
    }

    internal static async Task<Results<Created<SigningKeyView>, ProblemHttpResult>> RotateKey(string code, ClaimsPrincipal user, SigningKeyRing keys, CancellationToken ct)
    {
        var input = new Input();
        var c = input.Code(code, "code");
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await keys.RotateAsync(c, user.Identity?.Name ?? "unknown", ct);
        return outcome.Succeeded ? TypedResults.Created($"/api/keys?participant={c}", SigningKeyView.Of(outcome.Value!)) : Problems.From(outcome);
    }

    internal static async Task<Results<Ok<SigningKeyView>, ProblemHttpResult>> RevokeKey(string code, string keyId, RevokeKeyRequest request, SigningKeyRing keys, CancellationToken ct)
    {
        var input = new Input();
        var c = input.Code(code, "code");
        var reason = input.Text(request.Reason, "reason", 1000);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await keys.RevokeAsync(c, keyId, reason, ct);
        return outcome.Succeeded ? TypedResults.Ok(SigningKeyView.Of(outcome.Value!)) : Problems.From(outcome);
    }

    /// <summary>Who may read a certificate: the secretariat, and the officers of its issuing and importing participants.</summary>
    internal static bool MayRead(ClaimsPrincipal user, Certificate certificate)
        => user.IsInRole(Roles.Secretariat)
           || (OfficerParticipant(user) is { } own && (own == certificate.IssuingParticipant || own == certificate.ImportingParticipant));

    /// <summary>Who may void or replace a certificate, besides the authority-officer policy: an officer of the participant that issued it.</summary>
    internal static bool IsIssuersOfficer(ClaimsPrincipal user, Certificate certificate)
        => user.FindFirstValue(OpenKpClaims.Participant) is { } own && own == certificate.IssuingParticipant;

    /// <summary>The participant an authority or customs officer acts for; null for other roles.</summary>
    internal static string? OfficerParticipant(ClaimsPrincipal user)
        => user.IsInRole(Roles.AuthorityOfficer) || user.IsInRole(Roles.CustomsOfficer) ? user.FindFirstValue(OpenKpClaims.Participant) : null;

    private static async Task<(ProblemHttpResult? Refusal, string? Own)> MayIssueForAsync(string number, ClaimsPrincipal user, CertificateQueries queries, CancellationToken ct)
    {
        var own = user.FindFirstValue(OpenKpClaims.Participant);
        var certificate = await queries.FindAsync(number.Trim(), ct);
        if (certificate is null)
        {
            return (NotFound(number), null);
        }

        return IsIssuersOfficer(user, certificate)
            ? (null, own)
            : (Problems.Forbidden($"Certificate {certificate.Number} was issued by {certificate.IssuingParticipant}: only its own officers void or replace it."), null);
    }

    /// <summary>The officer a request issues, voids or reports as: the demo creates a missing key on first use.</summary>
    internal static IssuingOfficer Officer(ClaimsPrincipal user, string participant, OpenKpEnvironment environment)
        => new(participant, user.Identity?.Name ?? "unknown", environment.Demo);

    private static string Self(string number) => $"/api/certificates/{Uri.EscapeDataString(number)}";

    private static ProblemHttpResult NotFound(string number)
        => Problems.NotFound(CertificateCodes.CertificateNotFound, $"There is no certificate {number.Trim()}.", "number");

    private static ProblemHttpResult ForbiddenToRead(Certificate c)
        => Problems.Forbidden($"Certificate {c.Number} is shown to the officers of {c.IssuingParticipant} and {c.ImportingParticipant} and to the secretariat only.");

}
