namespace OpenKP.Certificates;

/// <summary>
/// Stable codes for certificate issuance and verification, documented in docs/problems.md. The
/// registry's trade codes (<c>exporter-suspended</c>, <c>origin-embargoed</c>, …) come with them.
/// </summary>
public static class CertificateCodes
{
    // Issuance
    public const string ExporterNotLicensed = "exporter-not-licensed";
    public const string ImporterNotLicensed = "importer-not-licensed";
    public const string ImporterLicenceRequired = "importer-licence-required";
    public const string LinesRequired = "lines-required";
    public const string HsCodeInvalid = "hs-code-invalid";
    public const string CaratsInvalid = "carats-invalid";
    public const string UsdInvalid = "usd-invalid";
    public const string ParcelsInvalid = "parcels-invalid";
    public const string ExpiryNotAfterIssue = "expiry-not-after-issue";
    public const string ExpiryTooLate = "expiry-too-late";
    public const string ProvenanceRequired = "provenance-required";
    public const string IssuingAuthorityMissing = "issuing-authority-missing";
    public const string SigningKeyMissing = "signing-key-missing";
    public const string NumberFormatInvalid = "number-format-invalid";
    public const string NumberFormatCollision = "number-format-collision";
    public const string CertificateTooLarge = "certificate-too-large";
    public const string ValidityOutOfRange = "validity-out-of-range";
    public const string LanguageUnsupported = "language-unsupported";

    // The issuer's work
    public const string CertificateNotFound = "certificate-not-found";
    public const string CertificateAlreadyVoided = "certificate-already-voided";
    public const string CertificateAlreadyReplaced = "certificate-already-replaced";
    public const string CertificateChanged = "certificate-changed";
    public const string NumberNotParticipants = "number-not-participants";
    public const string NumberAlreadyReported = "number-already-reported";
    public const string NumberNotIssued = "number-not-issued";

    // Keys
    public const string KeyNotFound = "key-not-found";
    public const string KeyAlreadyRevoked = "key-already-revoked";
    public const string HubKeyNotRevocable = "hub-key-not-revocable";

    // Verification
    public const string MalformedPrefix = "malformed-prefix";
    public const string MalformedBase45 = "malformed-base45";
    public const string MalformedZlib = "malformed-zlib";
    public const string MalformedCose = "malformed-cose";
    public const string MalformedCbor = "malformed-cbor";
    public const string SignatureInvalid = "signature-invalid";
    public const string KeyUnknown = "key-unknown";
    public const string KeyRevoked = "key-revoked";
    public const string KeyNotValidAtIssue = "key-not-valid-at-issue";
    public const string KeyNotIssuers = "key-not-issuers";
    public const string CertificateExpired = "certificate-expired";
    public const string CertificateNotYetValid = "certificate-not-yet-valid";
    public const string CertificateVoided = "certificate-voided";
    public const string IssuerNotActiveAtIssue = "issuer-not-active-at-issue";
    public const string TrustListStale = "trust-list-stale";

    // Images (a photo or scan of a certificate's QR, read by QrImageReader)
    public const string ImageTypeUnsupported = "image-type-unsupported";
    public const string ImageTooLarge = "image-too-large";
    public const string ImageUnreadable = "image-unreadable";
    public const string QrNotFound = "qr-not-found";

    // The signed trust list and revocation list
    public const string HubKeyInvalid = "hub-key-invalid";
    public const string TrustListMalformed = "trust-list-malformed";
    public const string TrustListKeyMismatch = "trust-list-key-mismatch";
    public const string TrustListSignatureInvalid = "trust-list-signature-invalid";
    public const string RevocationListMalformed = "revocation-list-malformed";
    public const string RevocationListKeyMismatch = "revocation-list-key-mismatch";
    public const string RevocationListSignatureInvalid = "revocation-list-signature-invalid";
}
