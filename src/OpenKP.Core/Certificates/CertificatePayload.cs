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
        var fields = new Dictionary<int, object>();
        var count = r.ReadStartMap() ?? throw new FormatException("The certificate map must have a definite length.");
        for (var i = 0; i < count; i++)
        {
            var key = r.ReadInt32();
            object value = key switch
            {
                KeyVersion or KeyParcels => r.ReadInt32(),
                KeyExporter or KeyImporter => ReadParty(r),
                KeyLines => ReadLines(r),
                KeyIssued or KeyExpires => ReadDate(r),
                KeySeals or KeyContainers => ReadTextArray(r),
                KeyNumber or KeyIssuer or KeyAuthority or KeyOrigin or KeyProvenance or KeyZone or KeyQuality or KeyReplaces => r.ReadTextString(),
                _ => throw new FormatException($"Unknown certificate field {key}."),
            };
            if (!fields.TryAdd(key, value))
            {
                throw new FormatException($"Certificate field {key} appears twice.");
            }
        }

        r.ReadEndMap();
        if (r.BytesRemaining != 0)
        {
            throw new FormatException("Bytes follow the certificate map.");
        }

        if ((int)fields[KeyVersion] != Version)
        {
            throw new FormatException($"Certificate payload version {fields[KeyVersion]} is not supported (this verifier reads version {Version}).");
        }

        var exporter = (Dictionary<int, string>)fields[KeyExporter];
        var importer = (Dictionary<int, string>)fields[KeyImporter];
        return new CertificateContent(
            (string)fields[KeyNumber], (string)fields[KeyIssuer], (string)fields[KeyAuthority],
            new CertificateExporter(exporter[PartyName], exporter[PartyAddress], exporter[PartyLicence]),
            new CertificateImporter(importer[PartyName], importer[PartyAddress], importer[PartyParticipant], importer.GetValueOrDefault(PartyLicence)),
            (string)fields[KeyOrigin], Optional<string>(fields, KeyProvenance), Optional<string>(fields, KeyZone),
            (IReadOnlyList<CertificateLine>)fields[KeyLines], (int)fields[KeyParcels],
            (DateOnly)fields[KeyIssued], (DateOnly)fields[KeyExpires],
            Optional<IReadOnlyList<string>>(fields, KeySeals) ?? [], Optional<IReadOnlyList<string>>(fields, KeyContainers) ?? [],
            Optional<string>(fields, KeyQuality), Optional<string>(fields, KeyReplaces));
    }

    private static T? Optional<T>(Dictionary<int, object> fields, int key)
        where T : class => fields.TryGetValue(key, out var v) ? (T)v : null;

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

        return DateOnly.ParseExact(r.ReadTextString(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
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
