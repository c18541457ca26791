using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OpenKP.Registry;
using OpenKP.Shared;

namespace OpenKP.Certificates;

/// <summary>The verdict on a QR text: valid, or every reason; the decoded certificate whenever it could be read.</summary>
public sealed record Verification(
    bool Valid, IReadOnlyList<Violation> Reasons, IReadOnlyList<Violation> Warnings, CertificateContent? Certificate, TrustedKey? Key);

/// <summary>
/// What a verifier trusts: the authorities' keys, the voided certificates (by hash), and the registry
/// (the participants' status history) to judge the status on the issue date. Online these come from the
/// database; offline from the signed trust list and revocation list. <see cref="IssuedAt"/>: when the
/// lists were signed, for the staleness warning.
/// </summary>
public sealed record TrustAnchors(
    IReadOnlyList<TrustedKey> Keys, IReadOnlySet<string> VoidedHashes, RegistrySnapshot? Registry, DateTimeOffset? IssuedAt = null)
{
    // Public keys imported once per trust list: a verifier that keeps its list loaded pays the import once.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TrustedKey, ECDsa> _imported = new(ReferenceEqualityComparer.Instance);

    /// <summary>Checks a COSE signature with the key, imported on first use and kept; one check at a time per key.</summary>
    internal bool VerifySignature(TrustedKey key, System.Security.Cryptography.Cose.CoseSign1Message message)
    {
        try
        {
            var ecdsa = _imported.GetOrAdd(key, k =>
            {
                var imported = ECDsa.Create();
                imported.ImportSubjectPublicKeyInfo(k.PublicKey, out _);
                return imported;
            });
            lock (ecdsa)
            {
                return CertificateQr.VerifySignature(message, ecdsa);
            }
        }
        catch (CryptographicException)
        {
            return false; // a public key that is not P-256 SPKI, or a signature of the wrong shape
        }
    }

    /// <summary>
    /// The anchors of an offline verifier: the keys and registry of <paramref name="trustList"/>, the hashes of
    /// <paramref name="revocations"/>, and the older of the two lists' dates, so a stale list of either kind
    /// makes the <c>trust-list-stale</c> warning. Open both lists with the pinned hub key first.
    /// </summary>
    public static TrustAnchors From(TrustList trustList, RevocationList revocations)
    {
        ArgumentNullException.ThrowIfNull(trustList);
        ArgumentNullException.ThrowIfNull(revocations);
        var oldest = trustList.IssuedAt <= revocations.IssuedAt ? trustList.IssuedAt : revocations.IssuedAt;
        return new TrustAnchors(trustList.Keys, revocations.NumberHashes, trustList.ToSnapshot(), oldest);
    }
}

/// <summary>
/// The one verifier, used by the API, the verify page and the CLI. It takes the QR apart layer by
/// layer, checks the signature against the trust list, the key's validity on the issue date, the
/// validity window on <c>today</c>, the revocation list, and re-checks the registry's trade rules as of
/// the issue date.
/// </summary>
public static class CertificateVerifier
{
    /// <summary>Lists older than this make a warning (not a failure) offline.</summary>
    public const int StaleAfterDays = 7;

    /// <summary>The hash by which the revocation list names a voided certificate or a lost number: SHA-256 of the number, lowercase hex.</summary>
    public static string NumberHash(string number) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(number)));

    public static Verification Verify(string? qr, TrustAnchors trust, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var warnings = new List<Violation>();
        if (trust.IssuedAt is { } issuedAt && now - issuedAt > TimeSpan.FromDays(StaleAfterDays))
        {
            warnings.Add(new(CertificateCodes.TrustListStale,
                $"The trust list is from {issuedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, more than {StaleAfterDays} days ago: download a fresh one when you can."));
        }

        var opened = CertificateQr.Open(qr);
        if (!opened.Succeeded)
        {
            return new Verification(false, opened.Violations, warnings, null, null);
        }

        var (message, keyId, certificate, _) = opened.Value!;
        var reasons = new List<Violation>();
        var key = trust.Keys.FirstOrDefault(k => k.KeyId.AsSpan().SequenceEqual(keyId));
        if (key is null)
        {
            reasons.Add(new(CertificateCodes.KeyUnknown, $"The key {KeyIds.Hex(keyId)} that signed this certificate is not on the trust list.", "qr"));
            return new Verification(false, reasons, warnings, certificate, null);
        }

        if (!trust.VerifySignature(key, message))
        {
            reasons.Add(new(CertificateCodes.SignatureInvalid, "The signature does not match the certificate: it was altered after signing, or forged.", "qr"));
            return new Verification(false, reasons, warnings, certificate, key);
        }

        if (key.Status == KeyStatus.Revoked)
        {
            reasons.Add(new(CertificateCodes.KeyRevoked, $"The key {key.KeyIdHex} of {key.Authority} was revoked{Since(key.StatusSince)}.", "qr"));
        }

        if (!key.CoversIssueDate(certificate.IssuedOn))
        {
            reasons.Add(new(CertificateCodes.KeyNotValidAtIssue, $"The key {key.KeyIdHex} was not valid on the issue date {Day(certificate.IssuedOn)}.", "issuedOn"));
        }

        if (!key.Participant.Equals(certificate.IssuingParticipant, StringComparison.Ordinal))
        {
            reasons.Add(new(CertificateCodes.KeyNotIssuers, $"The certificate says {certificate.IssuingParticipant} issued it, but it is signed with a key of {key.Participant}.", "issuingParticipant"));
        }

        if (today > certificate.ExpiresOn)
        {
            reasons.Add(new(CertificateCodes.CertificateExpired, $"The certificate expired on {Day(certificate.ExpiresOn)}.", "expiresOn"));
        }

        if (today < certificate.IssuedOn)
        {
            reasons.Add(new(CertificateCodes.CertificateNotYetValid, $"The certificate is dated {Day(certificate.IssuedOn)}, after today.", "issuedOn"));
        }

        if (trust.VoidedHashes.Count > 0 && trust.VoidedHashes.Contains(NumberHash(certificate.Number)))
        {
            reasons.Add(new(CertificateCodes.CertificateVoided, $"Certificate {certificate.Number} was voided, or its number reported lost or stolen.", "number"));
        }

        if (trust.Registry is { } registry)
        {
            var trade = TradeRules.Check(registry, new TradeQuestion(
                certificate.IssuingParticipant, certificate.Importer.Participant, certificate.OriginForRules, certificate.OriginZone, certificate.IssuedOn));
            if (!trade.Exporter.MayTrade)
            {
                reasons.Add(new(CertificateCodes.IssuerNotActiveAtIssue,
                    $"{certificate.IssuingParticipant} could not issue KP certificates on {Day(certificate.IssuedOn)}.", "issuingParticipant"));
            }

            reasons.AddRange(trade.Violations);
        }

        reasons.AddRange(IssuanceRules.CheckLines(certificate));
        return new Verification(reasons.Count == 0, reasons, warnings, certificate, key);
    }

    private static string Since(DateOnly? day) => day is { } d ? " on " + Day(d) : string.Empty;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
