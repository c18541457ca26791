using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using OpenKP.Shared;

namespace OpenKP.Certificates;

/// <summary>A QR text taken apart: the COSE message, its key id and the certificate it carries.</summary>
public sealed record OpenedQr(CoseSign1Message Message, byte[] KeyId, CertificateContent Certificate, byte[] Payload);

/// <summary>
/// The signed form that travels in the QR: CBOR payload → COSE_Sign1 (ES256, key id in the protected
/// header) → zlib → Base45 → <c>KP1:</c> prefix (the layering of the EU Digital COVID Certificate).
/// </summary>
public static class CertificateQr
{
    public const string Prefix = "KP1:";

    /// <summary>
    /// The longest QR text OpenKP issues: a version-25 code at error correction M, which still scans
    /// reliably when printed 50 mm wide. A typical three-line certificate is about 650 characters.
    /// </summary>
    public const int MaxLength = 1500;

    /// <summary>
    /// Checks an ES256 COSE_Sign1 signature (RFC 9052 §4.4): ECDSA over the Sig_structure
    /// <c>["Signature1", protected, h'', payload]</c>, the signature as r‖s. <see cref="Open"/> has already
    /// required alg ES256 in the protected header; this does the signature alone, without re-reading the headers.
    /// </summary>
    public static bool VerifySignature(CoseSign1Message message, ECDsa key)
    {
        var protectedHeaders = message.RawProtectedHeaders.Span;
        var payload = message.Content is { } content ? content.Span : [];
        var toBeSigned = new byte[1 + 11 + HeaderLength(protectedHeaders.Length) + protectedHeaders.Length + 1 + HeaderLength(payload.Length) + payload.Length];
        var at = 0;
        toBeSigned[at++] = 0x84;                                  // array of 4
        toBeSigned[at++] = 0x6A;                                  // text of 10
        "Signature1"u8.CopyTo(toBeSigned.AsSpan(at));
        at += 10;
        at += WriteByteStringHeader(toBeSigned.AsSpan(at), protectedHeaders.Length);
        protectedHeaders.CopyTo(toBeSigned.AsSpan(at));
        at += protectedHeaders.Length;
        toBeSigned[at++] = 0x40;                                  // external_aad: empty byte string
        at += WriteByteStringHeader(toBeSigned.AsSpan(at), payload.Length);
        payload.CopyTo(toBeSigned.AsSpan(at));
        return key.VerifyData(toBeSigned, message.Signature.Span, HashAlgorithmName.SHA256);
    }

    private static int HeaderLength(int length) => length < 24 ? 1 : length < 256 ? 2 : length < 65536 ? 3 : 5;

    private static int WriteByteStringHeader(Span<byte> into, int length)
    {
        switch (HeaderLength(length))
        {
            case 1:
                into[0] = (byte)(0x40 | length);
                return 1;
            case 2:
                into[0] = 0x58;
                into[1] = (byte)length;
                return 2;
            case 3:
                into[0] = 0x59;
                System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(into[1..], (ushort)length);
                return 3;
            default:
                into[0] = 0x5A;
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(into[1..], (uint)length);
                return 5;
        }
    }

    /// <summary>Signs <paramref name="certificate"/> with <paramref name="key"/>; the key id is derived from its public key.</summary>
    public static string Sign(CertificateContent certificate, ECDsa key) => SignedQr.Sign(CertificatePayload.Encode(certificate), key, Prefix);

    /// <summary>Takes a QR text apart without checking the signature; the first layer that fails is the reason.</summary>
    public static Outcome<OpenedQr> Open(string? text)
    {
        var envelope = SignedQr.Open(text, Prefix, "A KP certificate QR");
        if (!envelope.Succeeded)
        {
            return Outcome<OpenedQr>.Invalid(envelope.Violations);
        }

        var (message, keyId, payload) = envelope.Value!;
        var certificate = CertificatePayload.TryDecode(payload, out var reason);
        return certificate is null
            ? Fail(CertificateCodes.MalformedCbor, "The payload is not a KP certificate: " + reason)
            : Outcome<OpenedQr>.Success(new OpenedQr(message, keyId, certificate, payload.ToArray()));
    }

    private static Outcome<OpenedQr> Fail(string code, string message) => Outcome<OpenedQr>.Invalid(new Violation(code, message, "qr"));
}
