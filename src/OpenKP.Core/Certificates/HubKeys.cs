using System.Security.Cryptography;
using OpenKP.Shared;

namespace OpenKP.Certificates;

/// <summary>
/// The hub's key: the key that signs the trust list and the revocation list. Verifiers pin it: its key
/// id (the first 8 bytes of the SHA-256 of its DER SubjectPublicKeyInfo, like every OpenKP key id) is
/// published out of band, and a verifier compares it with the key it was given. It is an ECDSA P-256
/// key; the lists are signed ES256.
/// </summary>
public static class HubKeys
{
    private const string PemLabel = "PUBLIC KEY";

    /// <summary>A public key (DER SubjectPublicKeyInfo) as PEM: <c>-----BEGIN PUBLIC KEY-----</c> …</summary>
    public static string ToPem(byte[] subjectPublicKeyInfo) => PemEncoding.WriteString(PemLabel, subjectPublicKeyInfo) + "\n";

    /// <summary>The DER SubjectPublicKeyInfo of the P-256 public key in <paramref name="pem"/>, or <c>hub-key-invalid</c>.</summary>
    public static Outcome<byte[]> ReadPem(string? pem)
    {
        if (string.IsNullOrWhiteSpace(pem) || !PemEncoding.TryFind(pem, out var fields) || pem[fields.Label] is not PemLabel)
        {
            return Invalid("The hub key is not a PEM public key (-----BEGIN PUBLIC KEY-----).");
        }

        byte[] spki;
        try
        {
            spki = Convert.FromBase64String(pem[fields.Base64Data].ToString());
        }
        catch (FormatException)
        {
            return Invalid("The hub key's PEM does not hold valid Base64.");
        }

        return Check(spki);
    }

    /// <summary><paramref name="subjectPublicKeyInfo"/> itself when it is a P-256 public key (DER SubjectPublicKeyInfo), otherwise <c>hub-key-invalid</c>.</summary>
    public static Outcome<byte[]> Check(byte[] subjectPublicKeyInfo)
    {
        using var key = TryImport(subjectPublicKeyInfo, out var reason);
        return key is null ? Invalid(reason!) : Outcome<byte[]>.Success(subjectPublicKeyInfo);
    }

    /// <summary>The key, or null with the reason when the bytes are not exactly one P-256 SubjectPublicKeyInfo.</summary>
    internal static ECDsa? TryImport(byte[] subjectPublicKeyInfo, out string? reason)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out var read);
            if (read != subjectPublicKeyInfo.Length)
            {
                reason = "Bytes follow the hub key's SubjectPublicKeyInfo.";
            }
            else if (key.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                reason = "The hub key is not on the P-256 curve (ES256).";
            }
            else
            {
                reason = null;
                return key;
            }
        }
        catch (CryptographicException e)
        {
            reason = "The hub key is not an EC public key (DER SubjectPublicKeyInfo): " + e.Message;
        }

        key.Dispose();
        return null;
    }

    private static Outcome<byte[]> Invalid(string message) => Outcome<byte[]>.Invalid(new Violation(CertificateCodes.HubKeyInvalid, message));
}
