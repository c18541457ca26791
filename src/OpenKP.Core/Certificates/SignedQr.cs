using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using OpenKP.Shared;

namespace OpenKP.Certificates;

/// <summary>A signed text taken apart: the COSE message, its key id and its CBOR payload.</summary>
public sealed record OpenedEnvelope(CoseSign1Message Message, byte[] KeyId, ReadOnlyMemory<byte> Payload);

/// <summary>
/// The envelope of every signed text OpenKP prints as a QR (certificates <c>KP1:</c>, import
/// confirmations <c>KPC1:</c>): CBOR payload → COSE_Sign1 (ES256, key id in the protected header) →
/// zlib → Base45 → prefix.
/// </summary>
public static class SignedQr
{
    /// <summary>COSE algorithm -7: ECDSA with P-256 and SHA-256 (RFC 9053).</summary>
    private const int Es256 = -7;

    /// <summary>Signs <paramref name="payload"/> (CBOR) with <paramref name="key"/> under <paramref name="prefix"/>; the key id is derived from the public key.</summary>
    public static string Sign(byte[] payload, ECDsa key, string prefix)
    {
        var headers = new CoseHeaderMap { { CoseHeaderLabel.KeyIdentifier, KeyIds.Of(key) } };
        var signer = new CoseSigner(key, HashAlgorithmName.SHA256, headers);
        var cose = CoseSign1Message.SignEmbedded(payload, signer);
        return prefix + Base45.Encode(Compress(cose));
    }

    /// <summary>Takes a signed text apart without checking the signature; the first layer that fails is the reason.</summary>
    public static Outcome<OpenedEnvelope> Open(string? text, string prefix, string what)
    {
        // Space is a Base45 character: only line breaks and tabs around the text are not part of it.
        var trimmed = text?.Trim('\r', '\n', '\t') ?? string.Empty;
        if (!trimmed.StartsWith(prefix, StringComparison.Ordinal))
        {
            return Fail(CertificateCodes.MalformedPrefix, $"{what} starts with {prefix}");
        }

        if (!Base45.TryDecode(trimmed.AsSpan(prefix.Length), out var compressed))
        {
            return Fail(CertificateCodes.MalformedBase45, $"The text after {prefix} is not Base45 (RFC 9285).");
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

        return Outcome<OpenedEnvelope>.Success(new OpenedEnvelope(message, keyId, payload));
    }

    private static Outcome<OpenedEnvelope> Fail(string code, string message) => Outcome<OpenedEnvelope>.Invalid(new Violation(code, message, "qr"));

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
