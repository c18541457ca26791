using OpenKP.Shared;

namespace OpenKP.Certificates;

public sealed record CertificatePartyView(string Name, string Address, string? Licence);

public sealed record CertificateLineView(string HsCode, decimal Carats, decimal Usd);

public sealed record VoidView(DateTime At, string Reason, string By);

/// <summary>A certificate as the API and the pages show it; <c>qr</c> is the signed text.</summary>
public sealed record CertificateView(
    string Number,
    string Status,
    string IssuingParticipant,
    string IssuingAuthority,
    string ImportingParticipant,
    CertificatePartyView Exporter,
    CertificatePartyView Importer,
    string Origin,
    string? Provenance,
    string? OriginZone,
    IReadOnlyList<CertificateLineView> Lines,
    decimal TotalCarats,
    decimal TotalUsd,
    int Parcels,
    DateOnly IssuedOn,
    DateOnly ExpiresOn,
    IReadOnlyList<string> SealNumbers,
    IReadOnlyList<string> ContainerNumbers,
    string? QualityNotes,
    string? Replaces,
    string? ReplacedBy,
    string KeyId,
    string Qr,
    VoidView? Voided,
    string IssuedBy,
    Guid Version)
{
    public static CertificateView Of(Certificate c) => new(
        c.Number,
        Input.Kebab(c.Status),
        c.IssuingParticipant,
        c.IssuingAuthority,
        c.ImportingParticipant,
        new(c.ExporterName, c.ExporterAddress, c.ExporterLicence),
        new(c.ImporterName, c.ImporterAddress, c.ImporterLicence),
        c.Origin,
        c.Provenance,
        c.OriginZone,
        [.. c.Lines.OrderBy(l => l.Position).Select(l => new CertificateLineView(l.HsCode, l.CaratsHundredths / 100m, l.UsdCents / 100m))],
        c.TotalCaratsHundredths / 100m,
        c.TotalUsdCents / 100m,
        c.Parcels,
        c.IssuedOn,
        c.ExpiresOn,
        c.SealNumbers,
        c.ContainerNumbers,
        c.QualityNotes,
        c.Replaces,
        c.ReplacedBy,
        c.KeyId,
        c.QrText,
        c.VoidedAt is { } at ? new VoidView(at, c.VoidReason ?? string.Empty, c.VoidedBy ?? string.Empty) : null,
        c.IssuedBy,
        c.Version);
}

/// <summary>One row of a certificate list.</summary>
public sealed record CertificateSummary(
    string Number, string Status, string IssuingParticipant, string ImportingParticipant, string ExporterName, string ImporterName,
    string Origin, decimal TotalCarats, decimal TotalUsd, DateOnly IssuedOn, DateOnly ExpiresOn, string? ReplacedBy);

/// <summary>A key as the keys page and <c>openkp keys list</c> show it: public material only.</summary>
public sealed record SigningKeyView(
    string KeyId, string Purpose, string Participant, string Authority, string PublicKeyPem,
    DateOnly ValidFrom, DateOnly? ValidTo, string Status, DateOnly? StatusSince, string? StatusReason, DateTime CreatedAt)
{
    public static SigningKeyView Of(SigningKey k) => new(
        k.KeyId, Input.Kebab(k.Purpose), k.ParticipantCode, k.Authority,
        System.Security.Cryptography.PemEncoding.WriteString("PUBLIC KEY", k.PublicKey),
        k.ValidFrom, k.ValidTo, Input.Kebab(k.Status), k.StatusSince, k.StatusReason, k.CreatedAt);
}

/// <summary>A number reported lost or stolen.</summary>
public sealed record ReportedNumberView(string Number, string Kind, DateOnly ReportedOn, string? Note)
{
    public static ReportedNumberView Of(ReportedNumber r) => new(r.Number, Input.Kebab(r.Kind), r.ReportedOn, r.Note);
}

/// <summary>The key that signed a verified certificate, as the trust list names it.</summary>
public sealed record VerifiedKeyView(string KeyId, string Participant, string Authority, string Status, DateOnly ValidFrom, DateOnly? ValidTo);

/// <summary>A certificate as decoded from its QR text (what was signed), with totals.</summary>
public sealed record DecodedCertificateView(
    string Number, string IssuingParticipant, string IssuingAuthority, string ImportingParticipant,
    CertificatePartyView Exporter, CertificatePartyView Importer, string Origin, string? Provenance, string? OriginZone,
    IReadOnlyList<CertificateLineView> Lines, decimal TotalCarats, decimal TotalUsd, int Parcels, DateOnly IssuedOn, DateOnly ExpiresOn,
    IReadOnlyList<string> SealNumbers, IReadOnlyList<string> ContainerNumbers, string? QualityNotes, string? Replaces)
{
    public static DecodedCertificateView Of(CertificateContent c) => new(
        c.Number, c.IssuingParticipant, c.IssuingAuthority, c.Importer.Participant,
        new(c.Exporter.Name, c.Exporter.Address, c.Exporter.Licence), new(c.Importer.Name, c.Importer.Address, c.Importer.Licence),
        c.Origin, c.Provenance, c.OriginZone, [.. c.Lines.Select(l => new CertificateLineView(l.HsCode, l.Carats, l.Usd))],
        c.TotalCarats, c.TotalUsd, c.Parcels, c.IssuedOn, c.ExpiresOn, c.SealNumbers, c.ContainerNumbers, c.QualityNotes, c.Replaces);
}

/// <summary>A verdict as the API, the verify page and the CLI's <c>--json</c> show it.</summary>
public sealed record VerificationView(
    bool Valid, string Verdict, IReadOnlyList<Violation> Reasons, IReadOnlyList<Violation> Warnings, DecodedCertificateView? Certificate, VerifiedKeyView? Key)
{
    public static VerificationView Of(Verification v) => new(
        v.Valid, v.Valid ? "valid" : "invalid", v.Reasons, v.Warnings,
        v.Certificate is { } c ? DecodedCertificateView.Of(c) : null,
        v.Key is { } k ? new VerifiedKeyView(k.KeyIdHex, k.Participant, k.Authority, Input.Kebab(k.Status), k.ValidFrom, k.ValidTo) : null);
}
