using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using OpenKP.Shared;

namespace OpenKP.Certificates;

/// <summary>Which list a signed document is, and the codes its problems carry.</summary>
internal sealed record SignedListKind(string Name, string ContentType, string Malformed, string SignatureInvalid, string KeyMismatch);

/// <summary>
/// The envelope shared by the trust list and the revocation list: a tagged COSE_Sign1 message (RFC 9052)
/// with the payload embedded, ES256, and a protected header holding exactly alg (-7), content type
/// (which list it is) and kid (the hub key's id). Opening checks, in order: the envelope, the key id
/// against the pinned hub key, the signature, then the payload.
/// </summary>
internal static class SignedList
{
    private const int Es256 = -7;
    private static readonly CborTag CoseSign1Tag = (CborTag)18;

    public static byte[] Sign(byte[] payload, SignedListKind kind, ECDsa hubKey)
    {
        ArgumentNullException.ThrowIfNull(hubKey);
        if (hubKey.KeySize != 256)
        {
            throw new ArgumentException("The hub key must be an ECDSA P-256 key (ES256).", nameof(hubKey));
        }

        var headers = new CoseHeaderMap
        {
            { CoseHeaderLabel.ContentType, CoseHeaderValue.FromString(kind.ContentType) },
            { CoseHeaderLabel.KeyIdentifier, KeyIds.Of(hubKey) },
        };
        return CoseSign1Message.SignEmbedded(payload, new CoseSigner(hubKey, HashAlgorithmName.SHA256, headers));
    }

    public static Outcome<T> Open<T>(byte[] cose, byte[] hubPublicKey, SignedListKind kind, Func<ReadOnlyMemory<byte>, T> decode)
    {
        ArgumentNullException.ThrowIfNull(cose);
        ArgumentNullException.ThrowIfNull(hubPublicKey);
        using var hub = HubKeys.TryImport(hubPublicKey, out var keyProblem);
        if (hub is null)
        {
            return Outcome<T>.Invalid(new Violation(CertificateCodes.HubKeyInvalid, keyProblem!));
        }

        CoseSign1Message message;
        byte[] keyId;
        try
        {
            var envelope = new CborReader(cose, CborConformanceMode.Strict);
            if (envelope.PeekState() != CborReaderState.Tag || envelope.ReadTag() != CoseSign1Tag)
            {
                throw new FormatException("It does not start with the COSE_Sign1 tag (18).");
            }

            envelope.SkipValue();
            ListCbor.RequireEnd(envelope, "COSE_Sign1 message");
            message = CoseSign1Message.DecodeSign1(cose);
            keyId = CheckHeaders(message, kind);
        }
        catch (Exception e) when (ListCbor.IsDecodingError(e))
        {
            return Fail<T>(kind.Malformed, $"This is not an OpenKP {kind.Name} (a COSE_Sign1 message with content type {kind.ContentType}): {e.Message}");
        }

        var hubKeyId = KeyIds.Of(hubPublicKey);
        if (!keyId.AsSpan().SequenceEqual(hubKeyId))
        {
            return Fail<T>(kind.KeyMismatch,
                $"The {kind.Name} names signing key {KeyIds.Hex(keyId)}, but the hub key you trust is {KeyIds.Hex(hubKeyId)}: it comes from another hub, or the hub key you have is not this hub's.");
        }

        if (!message.VerifyEmbedded(hub))
        {
            return Fail<T>(kind.SignatureInvalid, $"The {kind.Name}'s signature does not verify with the hub key {KeyIds.Hex(hubKeyId)}: it was altered after signing, or forged.");
        }

        try
        {
            return Outcome<T>.Success(decode(message.Content!.Value));
        }
        catch (Exception e) when (ListCbor.IsDecodingError(e))
        {
            return Fail<T>(kind.Malformed, $"The {kind.Name} is signed by the hub but its content does not follow the format: {e.Message}");
        }
    }

    /// <summary>The key id, once the headers are exactly what the format allows.</summary>
    private static byte[] CheckHeaders(CoseSign1Message message, SignedListKind kind)
    {
        var headers = message.ProtectedHeaders;
        if (!headers.TryGetValue(CoseHeaderLabel.Algorithm, out var alg) || alg.GetValueAsInt32() != Es256)
        {
            throw new FormatException("The protected header must give alg -7 (ES256).");
        }

        if (!headers.TryGetValue(CoseHeaderLabel.ContentType, out var type) || type.GetValueAsString() != kind.ContentType)
        {
            throw new FormatException($"The protected header's content type must be {kind.ContentType}.");
        }

        if (!headers.TryGetValue(CoseHeaderLabel.KeyIdentifier, out var kid) || kid.GetValueAsBytes() is not { Length: 8 } keyId)
        {
            throw new FormatException("The protected header must give the hub key's 8-byte key id (kid).");
        }

        if (headers.Count != 3 || message.UnprotectedHeaders.Count != 0)
        {
            throw new FormatException("The protected header holds alg, content type and kid only, and the unprotected header is empty.");
        }

        if (message.Content is null)
        {
            throw new FormatException("The payload must be embedded.");
        }

        return keyId;
    }

    private static Outcome<T> Fail<T>(string code, string message) => Outcome<T>.Invalid(new Violation(code, message));
}
