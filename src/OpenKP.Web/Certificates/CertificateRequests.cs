using OpenKP.Certificates;
using OpenKP.Shared;

namespace OpenKP.Web.Certificates;

/// <summary>One line: <c>hsCode</c> 7102.10, 7102.21 or 7102.31; <c>carats</c> above 0 with two decimals; <c>usd</c> above 0 in cents.</summary>
public sealed record CertificateLineRequest(string? HsCode, decimal? Carats, decimal? Usd);

public sealed record ImporterRequest(string? Name, string? Address, string? Licence);

/// <summary>
/// Issue a certificate. The issuing participant is the officer's own (<c>issuingParticipant</c> may
/// repeat it; any other is refused). <c>origin</c> is an ISO code, or <c>mixed</c> with
/// <c>provenance</c>. <c>expiresOn</c> defaults to the participant's longest validity.
/// </summary>
public sealed record IssueCertificateRequest(
    string? IssuingParticipant,
    string? ImportingParticipant,
    string? ExporterLicence,
    ImporterRequest? Importer,
    string? Origin,
    string? Provenance,
    string? OriginZone,
    IReadOnlyList<CertificateLineRequest>? Lines,
    int? Parcels,
    string? ExpiresOn,
    IReadOnlyList<string?>? SealNumbers,
    IReadOnlyList<string?>? ContainerNumbers,
    string? QualityNotes)
{
    public const int MaxLines = 50;

    /// <summary>The issuer's draft, every malformed field added to <paramref name="input"/>: the API and the issue form parse alike.</summary>
    public CertificateDraft Parse(Input input)
    {
        var importing = input.Code(ImportingParticipant, "importingParticipant");
        var licence = input.Text(ExporterLicence, "exporterLicence", 64);
        var importerName = input.Text(Importer?.Name, "importer.name", 300);
        var importerAddress = input.Text(Importer?.Address, "importer.address", 1000);
        var importerLicence = input.Text(Importer?.Licence, "importer.licence", 64, required: false);
        string origin;
        if (string.Equals(Origin?.Trim(), CertificateContent.Mixed, StringComparison.OrdinalIgnoreCase))
        {
            origin = CertificateContent.Mixed;
        }
        else
        {
            origin = input.Code(Origin, "origin");
        }

        var provenance = string.IsNullOrWhiteSpace(Provenance) ? null : input.Code(Provenance, "provenance");
        var zone = input.Text(OriginZone, "originZone", 200, required: false);
        var lines = new List<CertificateLine>();
        if (Lines is { Count: > MaxLines })
        {
            input.Add(InputCodes.TooLong, $"A certificate has at most {MaxLines} lines.", "lines");
        }

        for (var i = 0; i < (Lines?.Count ?? 0); i++)
        {
            var line = Lines![i];
            var hs = input.Text(line?.HsCode, $"lines[{i}].hsCode", 7);
            if (line?.Carats is null)
            {
                input.Add(InputCodes.Required, $"'lines[{i}].carats' is required.", $"lines[{i}].carats");
            }

            if (line?.Usd is null)
            {
                input.Add(InputCodes.Required, $"'lines[{i}].usd' is required.", $"lines[{i}].usd");
            }

            lines.Add(new CertificateLine(hs, line?.Carats ?? 0, line?.Usd ?? 0));
        }

        if (Parcels is null)
        {
            input.Add(InputCodes.Required, "'parcels' is required: the number of parcels, at least 1.", "parcels");
        }

        return new CertificateDraft(
            importing, licence, importerName, importerAddress, Blank(importerLicence), origin, provenance, Blank(zone), lines, Parcels ?? 0,
            input.OptionalDate(ExpiresOn, "expiresOn"),
            input.Texts(SealNumbers, "sealNumbers", 64, 50),
            input.Texts(ContainerNumbers, "containerNumbers", 64, 50),
            Blank(input.Text(QualityNotes, "qualityNotes", 2000, required: false)));
    }

    private static string? Blank(string value) => value.Length == 0 ? null : value;
}

/// <summary>Void a certificate: the reason is kept and shown to the importing participant. <c>version</c>: the one you read (optional).</summary>
public sealed record VoidCertificateRequest(string? Reason, Guid? Version);

/// <summary>Replace a certificate: void it with <c>reason</c> and issue <c>certificate</c>, which names the original.</summary>
public sealed record ReplaceCertificateRequest(string? Reason, IssueCertificateRequest? Certificate);

/// <summary>Report certificate or blank-form numbers lost or stolen (<c>kind</c>: lost, stolen).</summary>
public sealed record ReportNumbersRequest(IReadOnlyList<string?>? Numbers, string? Kind, string? Note);

/// <summary>Revoke a signing key: everything it signed fails verification from now on.</summary>
public sealed record RevokeKeyRequest(string? Reason);

/// <summary>The text of a QR code to verify, <c>KP1:…</c>.</summary>
public sealed record VerifyRequest(string? Qr);

/// <summary>
/// A participant's certificate settings: <c>numberFormat</c> such as <c>{P}-{YYYY}-{N:6}</c>, <c>maxValidityDays</c>
/// (1–366), <c>secondLanguage</c> (<c>fr</c>, or null for English only), and the <c>version</c> you read.
/// </summary>
public sealed record CertificateSettingsRequest(string? NumberFormat, int? MaxValidityDays, string? SecondLanguage, Guid? Version);
