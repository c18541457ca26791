using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using OpenKP.Certificates;
using OpenKP.Core.Tests.Registry;
using OpenKP.Registry;

namespace OpenKP.Core.Tests.Certificates;

/// <summary>Builders for the signed lists: a hub key, a registry with a real-looking history, and hand-made envelopes.</summary>
internal static class SignedLists
{
    public static readonly DateTimeOffset IssuedAt = new(2026, 1, 15, 6, 30, 0, TimeSpan.Zero);

    /// <summary>
    /// <see cref="Registries.World"/> plus CF's real shape: active, suspended on 2013-05-23, zone-limited from
    /// 2015-07-17 with a compliant zone from 2016-05-01, readmitted on 2024-11-15; a UN embargo on LR
    /// (2001-05-07 to 2007-04-27) and LR admitted afterwards.
    /// </summary>
    public static RegistrySnapshot History() => new(
        [.. Registries.World().Participants.Select(Copy), Registries.Participant("CF"), Registries.Participant("LR", admitted: "2007-05-01")],
        [
            .. Registries.World().Participants.SelectMany(p => Registries.World().History(p.Code)),
            Registries.Event("CF", "2003-01-01", ParticipantStatus.Active),
            Registries.Event("CF", "2013-05-23", ParticipantStatus.Suspended),
            Registries.Event("CF", "2015-07-17", ParticipantStatus.ZoneLimited),
            Registries.Event("CF", "2024-11-15", ParticipantStatus.Active),
            Registries.Event("LR", "2007-05-01", ParticipantStatus.Active),
        ],
        [
            .. Registries.World().Participants.SelectMany(p => Registries.World().Zones(p.Code)),
            Registries.Zone("CF", "Berbérati", ZoneKind.CompliantZone, "2016-05-01", "2024-11-15"),
        ],
        Registries.World().EuMemberships,
        [Registries.Embargo("LR", "2001-05-07", "2007-04-27"), Registries.Embargo("AO", "1998-07-01", "2002-12-09", exempt: true)]);

    public static TrustList TrustList(params TrustedKey[] keys) => OpenKP.Certificates.TrustList.FromRegistry(History(), keys, IssuedAt, 42);

    /// <summary>A COSE_Sign1 message with exactly the headers a list carries, over any payload.</summary>
    public static byte[] SignRaw(byte[] payload, ECDsa key, string contentType, byte[]? keyId = null, CoseHeaderMap? unprotected = null)
    {
        var headers = new CoseHeaderMap
        {
            { CoseHeaderLabel.ContentType, CoseHeaderValue.FromString(contentType) },
            { CoseHeaderLabel.KeyIdentifier, keyId ?? KeyIds.Of(key) },
        };
        return CoseSign1Message.SignEmbedded(payload, new CoseSigner(key, HashAlgorithmName.SHA256, headers, unprotected));
    }

    /// <summary>
    /// The top-level map of <paramref name="payload"/> with one key left out and/or one entry added (written
    /// in Lax mode): in key order unless <paramref name="sorted"/> is false, when the added entry goes last.
    /// </summary>
    public static byte[] Rewrite(byte[] payload, int? drop = null, int? addKey = null, Action<CborWriter>? addValue = null, bool sorted = true)
    {
        var r = new CborReader(payload);
        var count = r.ReadStartMap()!.Value;
        var entries = new List<(int Key, byte[] Value)>();
        for (var i = 0; i < count; i++)
        {
            var key = r.ReadInt32();
            var value = r.ReadEncodedValue().ToArray();
            if (key != drop)
            {
                entries.Add((key, value));
            }
        }

        if (addKey is { } added)
        {
            var value = new CborWriter(CborConformanceMode.Lax);
            addValue!(value);
            entries.Add((added, value.Encode()));
        }

        var w = new CborWriter(CborConformanceMode.Lax);
        w.WriteStartMap(entries.Count);
        foreach (var (key, value) in sorted ? entries.OrderBy(e => e.Key) : entries.AsEnumerable())
        {
            w.WriteInt32(key);
            w.WriteEncodedValue(value);
        }

        w.WriteEndMap();
        return w.Encode();
    }

    private static Participant Copy(Participant p) => new()
    {
        Code = p.Code,
        NameEn = p.NameEn,
        NameFr = p.NameFr,
        Kind = p.Kind,
        AdmittedOn = p.AdmittedOn,
        AdmittedPrecision = p.AdmittedPrecision,
    };
}
