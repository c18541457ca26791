using System.Formats.Cbor;
using System.Globalization;

namespace OpenKP.Certificates;

/// <summary>
/// The certificate as a CBOR map with small integer keys (docs/certificate-format.md): compact enough
/// for a QR that scans from paper. Carats in hundredths and US$ in cents as unsigned integers; dates
/// as RFC 8943 full-date text (tag 1004). Decoding rejects anything the format does not allow.
/// </summary>
public static class CertificatePayload
{
    public const int Version = 1;

    private const int KeyVersion = 1, KeyNumber = 2, KeyIssuer = 3, KeyAuthority = 4, KeyExporter = 5, KeyImporter = 6,
        KeyOrigin = 7, KeyProvenance = 8, KeyZone = 9, KeyLines = 10, KeyParcels = 11, KeyIssued = 12, KeyExpires = 13,
        KeySeals = 14, KeyContainers = 15, KeyQuality = 16, KeyReplaces = 17;

    private const int PartyName = 1, PartyAddress = 2, PartyLicence = 3, PartyParticipant = 4;

    private static readonly CborTag FullDate = (CborTag)1004;

    public static byte[] Encode(CertificateContent c)
    {
        var w = new CborWriter(CborConformanceMode.Canonical);
        var optional = new (int Key, bool Present)[]
        {
            (KeyProvenance, c.Provenance is not null), (KeyZone, c.OriginZone is not null), (KeySeals, c.SealNumbers.Count > 0),
            (KeyContainers, c.ContainerNumbers.Count > 0), (KeyQuality, c.QualityNotes is not null), (KeyReplaces, c.Replaces is not null),
        };
        w.WriteStartMap(11 + optional.Count(o => o.Present));
        w.WriteInt32(KeyVersion);
        w.WriteInt32(Version);
        Text(w, KeyNumber, c.Number);
        Text(w, KeyIssuer, c.IssuingParticipant);
        Text(w, KeyAuthority, c.IssuingAuthority);

        w.WriteInt32(KeyExporter);
        w.WriteStartMap(3);
        Text(w, PartyName, c.Exporter.Name);
        Text(w, PartyAddress, c.Exporter.Address);
        Text(w, PartyLicence, c.Exporter.Licence);
        w.WriteEndMap();

        w.WriteInt32(KeyImporter);
        w.WriteStartMap(c.Importer.Licence is null ? 3 : 4);
        Text(w, PartyName, c.Importer.Name);
        Text(w, PartyAddress, c.Importer.Address);
        if (c.Importer.Licence is { } licence)
        {
            Text(w, PartyLicence, licence);
        }

        Text(w, PartyParticipant, c.Importer.Participant);
        w.WriteEndMap();

        Text(w, KeyOrigin, c.Origin);
        if (c.Provenance is { } provenance)
        {
            Text(w, KeyProvenance, provenance);
        }

        if (c.OriginZone is { } zone)
        {
            Text(w, KeyZone, zone);
        }

        w.WriteInt32(KeyLines);
        w.WriteStartArray(c.Lines.Count);
        foreach (var line in c.Lines)
        {
            w.WriteStartArray(3);
            w.WriteTextString(line.HsCode);
            w.WriteUInt64(Hundredths(line.Carats));
            w.WriteUInt64(Hundredths(line.Usd));
            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteInt32(KeyParcels);
        w.WriteInt32(c.Parcels);
        Date(w, KeyIssued, c.IssuedOn);
        Date(w, KeyExpires, c.ExpiresOn);
        if (c.SealNumbers.Count > 0)
        {
            TextArray(w, KeySeals, c.SealNumbers);
        }

        if (c.ContainerNumbers.Count > 0)
        {
            TextArray(w, KeyContainers, c.ContainerNumbers);
        }

        if (c.QualityNotes is { } notes)
        {
            Text(w, KeyQuality, notes);
        }

        if (c.Replaces is { } replaces)
        {
            Text(w, KeyReplaces, replaces);
        }

        w.WriteEndMap();
        return w.Encode();
    }

    /// <summary>The certificate, or null with the reason when the bytes are not a version-1 certificate map.</summary>
    public static CertificateContent? TryDecode(ReadOnlyMemory<byte> bytes, out string? reason)
    {
        try
        {
            var content = Decode(new CborReader(bytes, CborConformanceMode.Lax));
            reason = null;
            return content;
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or FormatException or OverflowException or KeyNotFoundException)
        {
            reason = e.Message;
            return null;
        }
    }

    private static CertificateContent Decode(CborReader r)
    {
        // Fields in locals, a bit per key seen: this runs on every verification.
        int? version = null, parcels = null;
        string? number = null, issuer = null, authority = null, origin = null, provenance = null, zone = null, quality = null, replaces = null;
        Dictionary<int, string>? exporter = null, importer = null;
        List<CertificateLine>? lines = null;
        DateOnly? issued = null, expires = null;
        List<string>? seals = null, containers = null;
        var seen = 0L;
        var count = r.ReadStartMap() ?? throw new FormatException("The certificate map must have a definite length.");
        for (var i = 0; i < count; i++)
        {
            var key = r.ReadInt32();
            if (key is < KeyVersion or > KeyReplaces)
            {
                throw new FormatException($"Unknown certificate field {key}.");
            }

            if ((seen & (1L << key)) != 0)
            {
                throw new FormatException($"Certificate field {key} appears twice.");
            }

            seen |= 1L << key;
            switch (key)
            {
                case KeyVersion: version = r.ReadInt32(); break;
                case KeyParcels: parcels = r.ReadInt32(); break;
                case KeyExporter: exporter = ReadParty(r); break;
                case KeyImporter: importer = ReadParty(r); break;
                case KeyLines: lines = ReadLines(r); break;
                case KeyIssued: issued = ReadDate(r); break;
                case KeyExpires: expires = ReadDate(r); break;
                case KeySeals: seals = ReadTextArray(r); break;
                case KeyContainers: containers = ReadTextArray(r); break;
                case KeyNumber: number = r.ReadTextString(); break;
                case KeyIssuer: issuer = r.ReadTextString(); break;
                case KeyAuthority: authority = r.ReadTextString(); break;
                case KeyOrigin: origin = r.ReadTextString(); break;
                case KeyProvenance: provenance = r.ReadTextString(); break;
                case KeyZone: zone = r.ReadTextString(); break;
                case KeyQuality: quality = r.ReadTextString(); break;
                default: replaces = r.ReadTextString(); break;
            }
        }

        r.ReadEndMap();
        if (r.BytesRemaining != 0)
        {
            throw new FormatException("Bytes follow the certificate map.");
        }

        if (version != Version)
        {
            throw new FormatException(version is null
                ? "The certificate has no version (field 1)."
                : $"Certificate payload version {version} is not supported (this verifier reads version {Version}).");
        }

        return new CertificateContent(
            Required(number, KeyNumber), Required(issuer, KeyIssuer), Required(authority, KeyAuthority),
            new CertificateExporter(Party(exporter, KeyExporter, PartyName), Party(exporter, KeyExporter, PartyAddress), Party(exporter, KeyExporter, PartyLicence)),
            new CertificateImporter(Party(importer, KeyImporter, PartyName), Party(importer, KeyImporter, PartyAddress), Party(importer, KeyImporter, PartyParticipant),
                importer?.GetValueOrDefault(PartyLicence)),
            Required(origin, KeyOrigin), provenance, zone,
            Required(lines, KeyLines), parcels ?? throw Missing(KeyParcels),
            issued ?? throw Missing(KeyIssued), expires ?? throw Missing(KeyExpires),
            seals ?? [], containers ?? [], quality, replaces);
    }

    private static T Required<T>(T? value, int key)
        where T : class => value ?? throw Missing(key);

    private static string Party(Dictionary<int, string>? party, int key, int field)
        => party is null ? throw Missing(key) : party.TryGetValue(field, out var value) ? value : throw new FormatException($"Certificate field {key} has no field {field}.");

    private static FormatException Missing(int key) => new($"The certificate has no field {key}.");

    private static Dictionary<int, string> ReadParty(CborReader r)
    {
        var party = new Dictionary<int, string>();
        var count = r.ReadStartMap() ?? throw new FormatException("A party map must have a definite length.");
        for (var i = 0; i < count; i++)
        {
            var key = r.ReadInt32();
            if (key is < PartyName or > PartyParticipant || !party.TryAdd(key, r.ReadTextString()))
            {
                throw new FormatException($"Bad party field {key}.");
            }
        }

        r.ReadEndMap();
        return party;
    }

    private static List<CertificateLine> ReadLines(CborReader r)
    {
        var lines = new List<CertificateLine>();
        var count = r.ReadStartArray() ?? throw new FormatException("The lines must have a definite length.");
        for (var i = 0; i < count; i++)
        {
            if (r.ReadStartArray() != 3)
            {
                throw new FormatException("A line is [hs code, carats in hundredths, US$ in cents].");
            }

            lines.Add(new CertificateLine(r.ReadTextString(), r.ReadUInt64() / 100m, r.ReadUInt64() / 100m));
            r.ReadEndArray();
        }

        r.ReadEndArray();
        return lines;
    }

    private static DateOnly ReadDate(CborReader r)
    {
        if (r.ReadTag() != FullDate)
        {
            throw new FormatException("Dates are RFC 8943 full-date text (tag 1004).");
        }

        Span<char> text = stackalloc char[10];
        if (!r.TryReadTextString(text, out var length) || length != 10
            || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw new FormatException("Dates are RFC 8943 full-date text, YYYY-MM-DD.");
        }

        return day;
    }

    private static List<string> ReadTextArray(CborReader r)
    {
        var items = new List<string>();
        var count = r.ReadStartArray() ?? throw new FormatException("Arrays must have a definite length.");
        for (var i = 0; i < count; i++)
        {
            items.Add(r.ReadTextString());
        }

        r.ReadEndArray();
        return items;
    }

    private static void Text(CborWriter w, int key, string value)
    {
        w.WriteInt32(key);
        w.WriteTextString(value);
    }

    private static void TextArray(CborWriter w, int key, IReadOnlyList<string> values)
    {
        w.WriteInt32(key);
        w.WriteStartArray(values.Count);
        foreach (var v in values)
        {
            w.WriteTextString(v);
        }

        w.WriteEndArray();
    }

    private static void Date(CborWriter w, int key, DateOnly day)
    {
        w.WriteInt32(key);
        w.WriteTag(FullDate);
        w.WriteTextString(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>An amount with at most two decimals as hundredths; issuance rules guarantee it is positive and exact.</summary>
    private static ulong Hundredths(decimal amount) => decimal.ToUInt64(amount * 100m);
}
