using System.IO.Compression;
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

    /// <summary>COSE algorithm -7: ECDSA with P-256 and SHA-256 (RFC 9053).</summary>
    private const int Es256 = -7;

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
    public static string Sign(CertificateContent certificate, ECDsa key)
    {
        var headers = new CoseHeaderMap { { CoseHeaderLabel.KeyIdentifier, KeyIds.Of(key) } };
        var signer = new CoseSigner(key, HashAlgorithmName.SHA256, headers);
        var cose = CoseSign1Message.SignEmbedded(CertificatePayload.Encode(certificate), signer);
        return Prefix + Base45.Encode(Compress(cose));
    }

    /// <summary>Takes a QR text apart without checking the signature; the first layer that fails is the reason.</summary>
    public static Outcome<OpenedQr> Open(string? text)
    {
        // Space is a Base45 character: only line breaks and tabs around the text are not part of it.
        var trimmed = text?.Trim('\r', '\n', '\t') ?? string.Empty;
        if (!trimmed.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return Fail(CertificateCodes.MalformedPrefix, $"A KP certificate QR starts with {Prefix}.");
        }

        if (!Base45.TryDecode(trimmed.AsSpan(Prefix.Length), out var compressed))
        {
            return Fail(CertificateCodes.MalformedBase45, "The text after KP1: is not Base45 (RFC 9285).");
        }

        byte[] cose;
        try
        {
            cose = Inflate(compressed);
            RequireZeroPadding(compressed, cose);
        }
        catch (InvalidDataException e)
        {
            return Fail(CertificateCodes.MalformedZlib, "The Base45 data is not canonical zlib data: " + e.Message);
        }

        CoseSign1Message message;
        byte[] keyId;
        try
        {
            message = CoseSign1Message.DecodeSign1(cose);
            keyId = message.ProtectedHeaders.TryGetValue(CoseHeaderLabel.KeyIdentifier, out var kid)
                ? kid.GetValueAsBytes()
                : throw new CryptographicException("The protected header has no key id.");
            if (!message.ProtectedHeaders.TryGetValue(CoseHeaderLabel.Algorithm, out var alg) || alg.GetValueAsInt32() != Es256)
            {
                throw new CryptographicException("The protected header's algorithm is not ES256 (-7).");
            }
        }
        catch (Exception e) when (e is CryptographicException or InvalidOperationException or OverflowException or ArgumentException or FormatException
            or System.Formats.Cbor.CborContentException)
        {
            return Fail(CertificateCodes.MalformedCose, "The data is not a COSE_Sign1 message with a key id in its protected header: " + e.Message);
        }

        if (message.Content is not { } payload)
        {
            return Fail(CertificateCodes.MalformedCose, "The COSE_Sign1 message carries no payload.");
        }

        var certificate = CertificatePayload.TryDecode(payload, out var reason);
        return certificate is null
            ? Fail(CertificateCodes.MalformedCbor, "The payload is not a KP certificate: " + reason)
            : Outcome<OpenedQr>.Success(new OpenedQr(message, keyId, certificate, payload.ToArray()));
    }

    private static Outcome<OpenedQr> Fail(string code, string message) => Outcome<OpenedQr>.Invalid(new Violation(code, message, "qr"));

    private static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>
    /// The bits that pad the last deflate byte must be zero. A decoder ignores them, so without this
    /// check a changed padding bit (one changed QR character) would still verify: the text must be
    /// the one that was signed, not merely inflate to it. Deflate fills bytes from the lowest bit, so
    /// the padding is the byte's top bits: if its highest set bit can be cleared and the data still
    /// inflates to the same bytes, that bit was padding. One extra inflation decides it.
    /// </summary>
    private static void RequireZeroPadding(byte[] data, byte[] inflated)
    {
        // The decoder stops at the end of the deflate data; the whole Adler-32 must be there and match.
        const int Trailer = 4;
        if (data.Length < 2 + Trailer || System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(data.Length - Trailer)) != Adler32(inflated))
        {
            throw new InvalidDataException("The Adler-32 check value is missing or does not match.");
        }

        var last = data.Length - Trailer - 1;
        var original = data[last];
        if (last < 2 || original == 0)
        {
            return;
        }

        var highest = 1 << (7 - System.Numerics.BitOperations.LeadingZeroCount((uint)original << 24));
        var candidate = (byte[])data.Clone();
        candidate[last] = (byte)(original & ~highest);
        if (InflatesTo(candidate, inflated))
        {
            throw new InvalidDataException("The padding bits of the last deflate byte are not zero.");
        }
    }

    /// <summary>Adler-32 (RFC 1950): sums taken modulo 65521 once per 5552 bytes, the most that cannot overflow.</summary>
    private static uint Adler32(ReadOnlySpan<byte> data)
    {
        const uint Modulus = 65521;
        const int Block = 5552;
        uint a = 1, b = 0;
        unchecked
        {
            while (data.Length > 0)
            {
                var block = data[..Math.Min(Block, data.Length)];
                foreach (var x in block)
                {
                    a += x;
                    b += a;
                }

                a %= Modulus;
                b %= Modulus;
                data = data[block.Length..];
            }
        }

        return (b << 16) | a;
    }

    private static bool InflatesTo(byte[] data, byte[] expected)
    {
        try
        {
            return Inflate(data).AsSpan().SequenceEqual(expected);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>Inflates at most 64 KiB: a QR never holds more, and a zip bomb must not exhaust memory.</summary>
    private static byte[] Inflate(byte[] data)
    {
        const int Limit = 64 * 1024;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Limit + 1);
        try
        {
            using var input = new ZLibStream(new MemoryStream(data, writable: false), CompressionMode.Decompress);
            var total = 0;
            int read;
            while ((read = input.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
                if (total > Limit)
                {
                    throw new InvalidDataException("The payload inflates beyond 64 KiB.");
                }
            }

            return buffer.AsSpan(0, total).ToArray();
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
