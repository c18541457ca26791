using System.Security.Cryptography;

namespace OpenKP.Certificates;

/// <summary>A signing key's id: the first 8 bytes of the SHA-256 of its public key (DER SubjectPublicKeyInfo).</summary>
public static class KeyIds
{
    public static byte[] Of(ReadOnlySpan<byte> subjectPublicKeyInfo) => SHA256.HashData(subjectPublicKeyInfo)[..8];

    public static byte[] Of(ECDsa key) => Of(key.ExportSubjectPublicKeyInfo());

    public static string Hex(ReadOnlySpan<byte> keyId) => Convert.ToHexStringLower(keyId);
}
