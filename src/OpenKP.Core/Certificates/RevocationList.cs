using System.Formats.Cbor;
using System.Security.Cryptography;
using OpenKP.Shared;
using static OpenKP.Certificates.ListCbor;

namespace OpenKP.Certificates;

/// <summary>Why a certificate number is on the revocation list.</summary>
public enum RevocationKind
{
    /// <summary>The issuing authority voided the certificate (a replacement, if any, names it in its "replaces" field).</summary>
    Void,
    /// <summary>The certificate form or its number was reported lost.</summary>
    Lost,
    /// <summary>The certificate form or its number was reported stolen.</summary>
    Stolen,
}

/// <summary>
/// One revoked certificate, named only by <see cref="NumberHash"/>: the SHA-256 of its number,
/// lowercase hex (<see cref="CertificateVerifier.NumberHash"/>), so the list does not publish who
/// shipped what. <see cref="On"/> is the day it was voided or reported.
/// </summary>
public sealed record Revocation(string NumberHash, RevocationKind Kind, DateOnly On)
{
    /// <summary>The entry for a certificate number.</summary>
    public static Revocation ForNumber(string number, RevocationKind kind, DateOnly on) => new(CertificateVerifier.NumberHash(number), kind, on);
}

/// <summary>
/// The signed revocation list: every voided, lost or stolen certificate, by the hash of its number only.
/// Signed by the hub like the trust list, with its own content type; format in
/// docs/certificate-format.md.
/// </summary>
/// <param name="IssuedAt">When the hub produced the list, UTC, whole seconds.</param>
/// <param name="Sequence">Grows with every list the hub publishes (0 or more).</param>
/// <param name="Entries">Ordered by day, then hash; no hash appears twice.</param>
public sealed record RevocationList(DateTimeOffset IssuedAt, long Sequence, IReadOnlyList<Revocation> Entries)
{
    /// <summary>The COSE content type (protected header 3) that marks a KP revocation list.</summary>
    public const string ContentType = "application/vnd.openkp.revocation-list+cbor";

    internal static readonly SignedListKind Kind = new(
        "revocation list", ContentType, CertificateCodes.RevocationListMalformed, CertificateCodes.RevocationListSignatureInvalid, CertificateCodes.RevocationListKeyMismatch);

    private const int Version = 1;
    private const int ListVersion = 1, ListIssuedAt = 2, ListSequence = 3, ListEntries = 4;
    private const int EntryHash = 1, EntryKind = 2, EntryOn = 3;

    /// <summary>
    /// The list of <paramref name="entries"/> in canonical order (by day, then hash). A hash given twice
    /// keeps its earliest entry. <paramref name="issuedAt"/> is kept to the whole second.
    /// </summary>
    public static RevocationList Create(IEnumerable<Revocation> entries, DateTimeOffset issuedAt, long sequence)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        var list = entries.OrderBy(e => e.On).ThenBy(e => e.NumberHash, StringComparer.Ordinal).DistinctBy(e => e.NumberHash).ToList();
        foreach (var bad in list.Where(e => !IsHash(e.NumberHash)))
        {
            throw new ArgumentException($"'{bad.NumberHash}' is not a SHA-256 as 64 lowercase hex digits.", nameof(entries));
        }

        return new RevocationList(ToWholeSeconds(issuedAt), sequence, list);
    }

    /// <summary>The number hashes a verifier refuses (<see cref="TrustAnchors.VoidedHashes"/>).</summary>
    public IReadOnlySet<string> NumberHashes => Entries.Select(e => e.NumberHash).ToHashSet(StringComparer.Ordinal);

    /// <summary>The list's payload: a canonical CBOR map (docs/certificate-format.md, "The revocation list").</summary>
    public byte[] Encode()
    {
        var w = Writer();
        w.WriteStartMap(4);
        WriteUnsigned(w, ListVersion, Version);
        WriteInstant(w, ListIssuedAt, IssuedAt);
        WriteUnsigned(w, ListSequence, Sequence);
        WriteKey(w, ListEntries);
        w.WriteStartArray(Entries.Count);
        foreach (var entry in Entries)
        {
            w.WriteStartMap(3);
            WriteBytes(w, EntryHash, Convert.FromHexString(entry.NumberHash));
            WriteEnum(w, EntryKind, entry.Kind);
            WriteDate(w, EntryOn, entry.On);
            w.WriteEndMap();
        }

        w.WriteEndArray();
        w.WriteEndMap();
        return w.Encode();
    }

    /// <summary>A tagged COSE_Sign1 message, ES256, with this list's content type and the hub key's id in the protected header.</summary>
    public byte[] Sign(ECDsa hubKey) => SignedList.Sign(Encode(), Kind, hubKey);

    /// <summary>
    /// The list in <paramref name="cose"/> once the hub's signature holds, decoded strictly. Problems:
    /// <c>hub-key-invalid</c>, <c>revocation-list-malformed</c>, <c>revocation-list-key-mismatch</c>,
    /// <c>revocation-list-signature-invalid</c>.
    /// </summary>
    /// <param name="cose">The signed list as served by <c>GET /api/revocations</c>.</param>
    /// <param name="hubPublicKey">The pinned hub key, DER SubjectPublicKeyInfo (P-256).</param>
    public static Outcome<RevocationList> Open(byte[] cose, byte[] hubPublicKey) => SignedList.Open(cose, hubPublicKey, Kind, Decode);

    /// <summary>The JSON shape of the revocation list: hashes in hex, days in ISO 8601.</summary>
    public RevocationListView ToView() => new(
        Version, IssuedAt, Sequence, [.. Entries.Select(e => new RevocationView(e.NumberHash, EnumText<RevocationKind>.Of(e.Kind), e.On))]);

    private static RevocationList Decode(ReadOnlyMemory<byte> bytes)
    {
        var r = Reader(bytes);
        long version = 0, sequence = 0;
        DateTimeOffset issuedAt = default;
        List<Revocation> entries = [];
        var seen = ReadMap(r, "revocation list", key =>
        {
            switch (key)
            {
                case ListVersion: version = ReadUnsigned(r); break;
                case ListIssuedAt: issuedAt = ReadInstant(r); break;
                case ListSequence: sequence = ReadUnsigned(r); break;
                case ListEntries: entries = ReadArray(r, "entries", () => ReadEntry(r)); break;
                default: return false;
            }

            return true;
        });
        RequireEnd(r, "revocation list map");
        Require(seen, "revocation list", ListVersion, ListIssuedAt, ListSequence, ListEntries);
        if (version != Version)
        {
            throw new FormatException($"Revocation list version {version} is not supported (this verifier reads version {Version}).");
        }

        if (entries.GroupBy(e => e.NumberHash).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new FormatException($"Number hash {twice.Key} is listed twice.");
        }

        return new RevocationList(issuedAt, sequence, entries);
    }

    private static Revocation ReadEntry(CborReader r)
    {
        byte[] hash = [];
        var kind = RevocationKind.Void;
        DateOnly on = default;
        var seen = ReadMap(r, "revocation entry", key =>
        {
            switch (key)
            {
                case EntryHash: hash = r.ReadByteString(); break;
                case EntryKind: kind = ReadEnum<RevocationKind>(r); break;
                case EntryOn: on = ReadDate(r); break;
                default: return false;
            }

            return true;
        });
        Require(seen, "revocation entry", EntryHash, EntryKind, EntryOn);
        return hash.Length == SHA256.HashSizeInBytes
            ? new Revocation(Convert.ToHexStringLower(hash), kind, on)
            : throw new FormatException($"A number hash is {SHA256.HashSizeInBytes} bytes (SHA-256), not {hash.Length}.");
    }

    private static bool IsHash(string text) => text.Length == 2 * SHA256.HashSizeInBytes && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
