using System.Formats.Cbor;
using System.Globalization;
using System.Security.Cryptography;
using OpenKP.Certificates;
using OpenKP.Shared;

namespace OpenKP.Shipments;

/// <summary>
/// What an import confirmation certifies (the KP "return slip"): the certificate, the two participants,
/// the confirming authority, the exporter and importer, the parcels and carats received (hundredths),
/// the date of receipt, and the day it was signed (the day the signing key is judged on: goods received
/// before a key rotation are confirmed, and verify, with the key of the day they are confirmed).
/// </summary>
public sealed record ConfirmationContent(
    string CertificateNumber,
    string ExportingParticipant,
    string ImportingParticipant,
    string ConfirmingAuthority,
    string ExporterName,
    string ImporterName,
    int Parcels,
    long CaratsHundredths,
    DateOnly ReceivedOn,
    DateOnly SignedOn)
{
    public decimal Carats => CaratsHundredths / 100m;
}

/// <summary>An import confirmation's verdict: valid, or every reason; the content whenever it could be read.</summary>
public sealed record ConfirmationVerification(bool Valid, IReadOnlyList<Violation> Reasons, ConfirmationContent? Confirmation, TrustedKey? Key);

/// <summary>
/// The signed form of an import confirmation, <c>KPC1:</c>: a CBOR map with small integer keys in the
/// certificate's envelope (<see cref="SignedQr"/>), signed by the importing authority's key, so the
/// trust list that verifies certificates verifies confirmations too.
/// </summary>
public static class ImportConfirmationQr
{
    public const string Prefix = "KPC1:";
    public const int Version = 1;

    private const int KeyVersion = 1, KeyNumber = 2, KeyExporting = 3, KeyImporting = 4, KeyAuthority = 5, KeyExporter = 6,
        KeyImporter = 7, KeyParcels = 8, KeyCarats = 9, KeyReceived = 10, KeySigned = 11;

    private static readonly CborTag FullDate = (CborTag)1004;

    public static string Sign(ConfirmationContent c, ECDsa key) => SignedQr.Sign(Encode(c), key, Prefix);

    public static byte[] Encode(ConfirmationContent c)
    {
        var w = new CborWriter(CborConformanceMode.Canonical);
        w.WriteStartMap(11);
        w.WriteInt32(KeyVersion);
        w.WriteInt32(Version);
        Text(w, KeyNumber, c.CertificateNumber);
        Text(w, KeyExporting, c.ExportingParticipant);
        Text(w, KeyImporting, c.ImportingParticipant);
        Text(w, KeyAuthority, c.ConfirmingAuthority);
        Text(w, KeyExporter, c.ExporterName);
        Text(w, KeyImporter, c.ImporterName);
        w.WriteInt32(KeyParcels);
        w.WriteInt32(c.Parcels);
        w.WriteInt32(KeyCarats);
        w.WriteInt64(c.CaratsHundredths);
        w.WriteInt32(KeyReceived);
        w.WriteTag(FullDate);
        w.WriteTextString(c.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteInt32(KeySigned);
        w.WriteTag(FullDate);
        w.WriteTextString(c.SignedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteEndMap();
        return w.Encode();
    }

    /// <summary>Decodes a payload; null (with the reason) for anything that is not exactly a version-1 confirmation.</summary>
    public static ConfirmationContent? TryDecode(ReadOnlyMemory<byte> payload, out string reason)
    {
        try
        {
            var r = new CborReader(payload, CborConformanceMode.Canonical);
            if (r.ReadStartMap() != 11 || r.ReadInt32() != KeyVersion || r.ReadInt32() != Version)
            {
                reason = "not a version-1 import confirmation map";
                return null;
            }

            var number = ReadText(r, KeyNumber);
            var exporting = ReadText(r, KeyExporting);
            var importing = ReadText(r, KeyImporting);
            var authority = ReadText(r, KeyAuthority);
            var exporter = ReadText(r, KeyExporter);
            var importer = ReadText(r, KeyImporter);
            Expect(r, KeyParcels);
            var parcels = r.ReadInt32();
            Expect(r, KeyCarats);
            var carats = r.ReadInt64();
            Expect(r, KeyReceived);
            if (r.ReadTag() != FullDate)
            {
                throw new CborContentException("the date of receipt is not an RFC 8943 full-date");
            }

            var received = DateOnly.ParseExact(r.ReadTextString(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Expect(r, KeySigned);
            if (r.ReadTag() != FullDate)
            {
                throw new CborContentException("the signing date is not an RFC 8943 full-date");
            }

            var signed = DateOnly.ParseExact(r.ReadTextString(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            r.ReadEndMap();
            if (r.BytesRemaining != 0 || parcels < 1 || carats <= 0 || received > signed)
            {
                reason = "trailing data, parcels and carats that are not positive, or goods received after the confirmation was signed";
                return null;
            }

            reason = string.Empty;
            return new ConfirmationContent(number, exporting, importing, authority, exporter, importer, parcels, carats, received, signed);
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or FormatException or OverflowException)
        {
            reason = e.Message;
            return null;
        }
    }

    /// <summary>
    /// Verifies a confirmation against the trust list: the envelope, the key (known, not revoked,
    /// valid on the day it was signed), the signature, and that the key is the importing participant's.
    /// </summary>
    public static ConfirmationVerification Verify(string? text, TrustAnchors trust)
    {
        ArgumentNullException.ThrowIfNull(trust);
        var envelope = SignedQr.Open(text, Prefix, "An import confirmation");
        if (!envelope.Succeeded)
        {
            return new ConfirmationVerification(false, envelope.Violations, null, null);
        }

        var (message, keyId, payload) = envelope.Value!;
        var content = TryDecode(payload, out var reason);
        if (content is null)
        {
            return new ConfirmationVerification(false, [new(CertificateCodes.MalformedCbor, "The payload is not an import confirmation: " + reason, "qr")], null, null);
        }

        var key = trust.Keys.FirstOrDefault(k => k.KeyId.AsSpan().SequenceEqual(keyId));
        if (key is null)
        {
            return new ConfirmationVerification(false, [new(CertificateCodes.KeyUnknown, $"The key {KeyIds.Hex(keyId)} that signed this confirmation is not on the trust list.", "qr")], content, null);
        }

        if (!trust.VerifySignature(key, message))
        {
            return new ConfirmationVerification(false, [new(CertificateCodes.SignatureInvalid, "The signature does not match the confirmation: it was altered after signing, or forged.", "qr")], content, key);
        }

        var reasons = new List<Violation>();
        if (key.Status == KeyStatus.Revoked)
        {
            reasons.Add(new(CertificateCodes.KeyRevoked, $"The key {key.KeyIdHex} of {key.Authority} was revoked.", "qr"));
        }

        if (!key.CoversIssueDate(content.SignedOn))
        {
            reasons.Add(new(CertificateCodes.KeyNotValidAtIssue, $"The key {key.KeyIdHex} was not valid on the day the confirmation was signed.", "signedOn"));
        }

        if (!key.Participant.Equals(content.ImportingParticipant, StringComparison.Ordinal))
        {
            reasons.Add(new(ShipmentCodes.ConfirmationKeyNotImporters,
                $"The confirmation says {content.ImportingParticipant} received the goods, but it is signed with a key of {key.Participant}.", "importingParticipant"));
        }

        return new ConfirmationVerification(reasons.Count == 0, reasons, content, key);
    }

    private static void Text(CborWriter w, int key, string value)
    {
        w.WriteInt32(key);
        w.WriteTextString(value);
    }

    private static string ReadText(CborReader r, int key)
    {
        Expect(r, key);
        return r.ReadTextString();
    }

    private static void Expect(CborReader r, int key)
    {
        if (r.ReadInt32() != key)
        {
            throw new CborContentException($"key {key} expected");
        }
    }
}
