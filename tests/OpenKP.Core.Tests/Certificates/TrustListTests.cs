using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using OpenKP.Certificates;
using OpenKP.Core.Tests.Registry;
using OpenKP.Registry;

namespace OpenKP.Core.Tests.Certificates;

/// <summary>The signed trust list: what it holds, who may sign it, how strictly it is read, and that it judges like the registry.</summary>
public sealed class TrustListTests
{
    private static readonly ECDsa Hub = Certificates.NewKey();
    private static readonly byte[] HubPublicKey = Hub.ExportSubjectPublicKeyInfo();
    private static readonly ECDsa Authority = Certificates.NewKey();
    private static readonly ECDsa OldAuthority = Certificates.NewKey();

    private static TrustList List() => SignedLists.TrustList(
        Certificates.Trusted(Authority),
        Certificates.Trusted(OldAuthority, from: "2020-01-01", to: "2024-12-31", status: KeyStatus.Revoked) with { StatusSince = Registries.Day("2025-01-01") });

    private static string[] Codes<T>(OpenKP.Shared.Outcome<T> outcome) => [.. outcome.Violations.Select(v => v.Code)];

    [Fact]
    public void A_signed_list_opens_with_the_hub_key_and_holds_every_key_and_the_whole_registry()
    {
        var list = List();

        var opened = TrustList.Open(list.Sign(Hub), HubPublicKey);

        Assert.True(opened.Succeeded, string.Join("; ", opened.Violations));
        var back = opened.Value!;
        Assert.Equal(list.Encode(), back.Encode());
        Assert.Equal(SignedLists.IssuedAt, back.IssuedAt);
        Assert.Equal(42, back.Sequence);
        var revoked = Assert.Single(back.Keys, k => k.Status == KeyStatus.Revoked);
        Assert.Equal(KeyIds.Of(OldAuthority), revoked.KeyId);
        Assert.Equal(Registries.Day("2025-01-01"), revoked.StatusSince);
        Assert.Equal(OldAuthority.ExportSubjectPublicKeyInfo(), revoked.PublicKey);
        var cf = Assert.Single(back.Participants, p => p.Code == "CF");
        Assert.Equal([ParticipantStatus.Active, ParticipantStatus.Suspended, ParticipantStatus.ZoneLimited, ParticipantStatus.Active], cf.History.Select(e => e.Status));
        Assert.Equal("Berbérati", Assert.Single(cf.Zones).Name);
        Assert.Equal(["DE", "XB"], back.EuMemberships.Select(m => m.CountryCode));
        Assert.Equal(["AO", "LR"], back.Embargoes.Select(e => e.OriginCode));
        Assert.True(back.Embargoes[0].GovernmentCertifiedExempt);
    }

    [Fact]
    public void The_same_registry_and_keys_always_give_the_same_payload_whatever_order_the_keys_come_in()
    {
        var keys = new[] { Certificates.Trusted(Authority), Certificates.Trusted(OldAuthority, participant: "BB") };

        var one = TrustList.FromRegistry(SignedLists.History(), keys, SignedLists.IssuedAt.AddMilliseconds(700), 1);
        var two = TrustList.FromRegistry(SignedLists.History(), keys.Reverse(), SignedLists.IssuedAt, 1);

        Assert.Equal(one.Encode(), two.Encode());
        Assert.Equal(SignedLists.IssuedAt, one.IssuedAt);
    }

    [Fact]
    public void Changing_any_byte_of_the_signed_list_never_opens()
    {
        var cose = List().Sign(Hub);
        var accepted = new List<int>();
        for (var i = 0; i < cose.Length; i++)
        {
            var tampered = (byte[])cose.Clone();
            tampered[i] ^= 0x01;
            if (TrustList.Open(tampered, HubPublicKey).Succeeded)
            {
                accepted.Add(i);
            }
        }

        Assert.Empty(accepted);
    }

    [Fact]
    public void A_changed_payload_is_refused_as_a_bad_signature()
    {
        var message = CoseMessage.DecodeSign1(List().Sign(Hub));
        var payload = message.Content!.Value.ToArray();
        var index = payload.AsSpan().IndexOf("Berb"u8);
        payload[index] = (byte)'V';
        var cose = Reassemble(message, payload);

        var opened = TrustList.Open(cose, HubPublicKey);

        Assert.Equal([CertificateCodes.TrustListSignatureInvalid], Codes(opened));
    }

    [Fact]
    public void A_list_signed_by_another_key_is_refused_as_from_another_hub()
    {
        using var other = Certificates.NewKey();

        var opened = TrustList.Open(List().Sign(other), HubPublicKey);

        Assert.Equal([CertificateCodes.TrustListKeyMismatch], Codes(opened));
        Assert.Contains(KeyIds.Hex(KeyIds.Of(Hub)), opened.Violations[0].Message, StringComparison.Ordinal);
        Assert.Contains(KeyIds.Hex(KeyIds.Of(other)), opened.Violations[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_key_claiming_the_hubs_key_id_is_refused_as_a_bad_signature()
    {
        using var other = Certificates.NewKey();
        var forged = SignedLists.SignRaw(List().Encode(), other, TrustList.ContentType, keyId: KeyIds.Of(Hub));

        Assert.Equal([CertificateCodes.TrustListSignatureInvalid], Codes(TrustList.Open(forged, HubPublicKey)));
    }

    public static TheoryData<string, Func<byte[], byte[]>> BadPayloads() => new()
    {
        { "an unknown key", p => SignedLists.Rewrite(p, addKey: 99, addValue: w => w.WriteInt32(0)) },
        { "a missing key", p => SignedLists.Rewrite(p, drop: 7) },
        { "a duplicate key", p => SignedLists.Rewrite(p, addKey: 3, addValue: w => w.WriteInt32(43)) },
        { "trailing bytes", p => [.. p, 0x00] },
        { "version 2", p => SignedLists.Rewrite(p, drop: 1, addKey: 1, addValue: w => w.WriteInt32(2)) },
        { "keys out of canonical order", p => SignedLists.Rewrite(p, drop: 1, addKey: 1, addValue: w => w.WriteInt32(1), sorted: false) },
        { "a sequence that is not the shortest integer", p => SignedLists.Rewrite(p, drop: 3, addKey: 3, addValue: w => w.WriteEncodedValue(new byte[] { 0x19, 0x00, 0x2a })) },
        { "an indefinite-length map", p => [0xbf, .. p[1..], 0xff] },
        { "a date that is not a day", p => Replace(p, "2003-01-01"u8, "2003-02-30"u8) },
        { "an unknown status", p => Replace(p, "zone-limited"u8, "zone-limitex"u8) },
        { "an empty payload", _ => [] },
    };

    [Theory]
    [MemberData(nameof(BadPayloads))]
    public void A_signed_payload_that_breaks_the_format_is_refused_as_malformed(string what, Func<byte[], byte[]> spoil)
    {
        var cose = SignedLists.SignRaw(spoil(List().Encode()), Hub, TrustList.ContentType);

        var opened = TrustList.Open(cose, HubPublicKey);

        Assert.True(Codes(opened) is [CertificateCodes.TrustListMalformed], $"{what}: {string.Join("; ", opened.Violations)}");
    }

    [Fact]
    public void A_key_whose_id_is_not_the_id_of_its_public_key_is_refused()
    {
        var payload = List().Encode();
        var id = KeyIds.Of(Authority);
        var index = payload.AsSpan().IndexOf(id);
        payload[index] ^= 0xff;

        var opened = TrustList.Open(SignedLists.SignRaw(payload, Hub, TrustList.ContentType), HubPublicKey);

        Assert.Equal([CertificateCodes.TrustListMalformed], Codes(opened));
        Assert.Contains("is not the id of its public key", opened.Violations[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_envelope_must_be_a_tagged_COSE_Sign1_with_the_trust_list_content_type_and_nothing_else()
    {
        var list = List();
        var untagged = list.Sign(Hub)[1..];
        byte[] trailing = [.. list.Sign(Hub), 0x00];
        var revocations = RevocationList.Create([], SignedLists.IssuedAt, 1).Sign(Hub);
        var withUnprotected = SignedLists.SignRaw(list.Encode(), Hub, TrustList.ContentType,
            unprotected: new CoseHeaderMap { { new CoseHeaderLabel(99), CoseHeaderValue.FromInt32(1) } });
        var detached = CoseSign1Message.SignDetached(list.Encode(), new CoseSigner(Hub, HashAlgorithmName.SHA256, new CoseHeaderMap
        {
            { CoseHeaderLabel.ContentType, CoseHeaderValue.FromString(TrustList.ContentType) }, { CoseHeaderLabel.KeyIdentifier, KeyIds.Of(Hub) },
        }));

        foreach (var (what, cose) in new[] { ("untagged", untagged), ("trailing", trailing), ("a revocation list", revocations), ("unprotected", withUnprotected), ("detached", detached), ("text", "KP1:"u8.ToArray()) })
        {
            var opened = TrustList.Open(cose, HubPublicKey);
            Assert.True(Codes(opened) is [CertificateCodes.TrustListMalformed], $"{what}: {string.Join("; ", opened.Violations)}");
        }
    }

    [Fact]
    public void A_hub_key_that_is_not_a_P256_public_key_is_refused()
    {
        using var rsa = RSA.Create(2048);
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var cose = List().Sign(Hub);

        foreach (var key in new[] { rsa.ExportSubjectPublicKeyInfo(), p384.ExportSubjectPublicKeyInfo(), [1, 2, 3], [.. HubPublicKey, 0] })
        {
            Assert.Equal([CertificateCodes.HubKeyInvalid], Codes(TrustList.Open(cose, key)));
        }
    }

    [Fact]
    public void The_hub_key_round_trips_through_PEM()
    {
        var pem = HubKeys.ToPem(HubPublicKey);

        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", pem, StringComparison.Ordinal);
        Assert.Equal(HubPublicKey, HubKeys.ReadPem(pem).Value);
        Assert.Equal(CertificateCodes.HubKeyInvalid, HubKeys.ReadPem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----").Violations[0].Code);
        Assert.Equal(CertificateCodes.HubKeyInvalid, HubKeys.ReadPem("not a key").Violations[0].Code);
    }

    [Fact]
    public void The_rebuilt_registry_judges_every_day_as_the_original_does()
    {
        var original = SignedLists.History();
        var list = TrustList.Open(TrustList.FromRegistry(original, [], SignedLists.IssuedAt, 1).Sign(Hub), HubPublicKey).Value!;
        var rebuilt = list.ToSnapshot();
        string[] codes = [.. original.Participants.Select(p => p.Code), "DE", "XB", "AO", "ZZ"];
        var days = new List<DateOnly>();
        for (var day = Registries.Day("1998-01-01"); day < Registries.Day("2027-01-01"); day = day.AddDays(5))
        {
            days.Add(day);
        }

        // The exact days things change, and the days before them.
        foreach (var edge in new[] { "2013-05-22", "2013-05-23", "2015-07-16", "2015-07-17", "2016-04-30", "2016-05-01", "2024-11-14", "2024-11-15", "2007-04-26", "2007-04-27", "2020-12-31", "2021-01-01" })
        {
            days.Add(Registries.Day(edge));
        }

        foreach (var day in days)
        {
            foreach (var code in codes)
            {
                Assert.Equal(Describe(original.StandingOf(code, day)), Describe(rebuilt.StandingOf(code, day)));
                Assert.Equal(original.EmbargoesOn(code, day).Select(e => (e.From, e.EndsOn)), rebuilt.EmbargoesOn(code, day).Select(e => (e.From, e.EndsOn)));
            }

            foreach (var question in new[] { new TradeQuestion("CF", "AA", "CF", "Berbérati", day), new TradeQuestion("AA", "DE", "LR", null, day), new TradeQuestion("XB", "SM", "SM", "Northfield", day) })
            {
                Assert.Equal(TradeRules.Check(original, question).Violations, TradeRules.Check(rebuilt, question).Violations);
            }
        }

        Assert.Equal(ParticipantStatus.Suspended, rebuilt.StandingOf("CF", Registries.Day("2013-05-23")).Status);
        Assert.Equal(ParticipantStatus.Active, rebuilt.StandingOf("CF", Registries.Day("2013-05-22")).Status);
        Assert.Equal(ParticipantStatus.Active, rebuilt.StandingOf("CF", Registries.Day("2024-11-15")).Status);
    }

    [Fact]
    public void The_JSON_view_gives_key_ids_in_hex_keys_in_Base64_and_PEM_and_enumerations_as_text()
    {
        var view = List().ToView();

        var key = Assert.Single(view.Keys, k => k.Status == "revoked");
        Assert.Equal(KeyIds.Hex(KeyIds.Of(OldAuthority)), key.KeyId);
        Assert.Equal(OldAuthority.ExportSubjectPublicKeyInfo(), Convert.FromBase64String(key.PublicKey));
        Assert.Contains("BEGIN PUBLIC KEY", key.PublicKeyPem, StringComparison.Ordinal);
        var cf = Assert.Single(view.Participants, p => p.Code == "CF");
        Assert.Equal("state", cf.Kind);
        Assert.Equal(["active", "suspended", "zone-limited", "active"], cf.History.Select(e => e.Status));
        Assert.Equal("compliant-zone", cf.Zones[0].Kind);
        Assert.Equal(1, view.Version);
    }

    private static string Describe(Standing s) =>
        $"{s.ParticipantCode} {s.Status} {s.Kind} {s.Scope} [{string.Join(",", s.CompliantZones)}] [{string.Join(",", s.SpecialMeasuresAreas)}] {s.Since?.EffectiveOn} {s.MayTrade}";

    private static byte[] Replace(byte[] payload, ReadOnlySpan<byte> from, ReadOnlySpan<byte> to)
    {
        var copy = (byte[])payload.Clone();
        var index = copy.AsSpan().IndexOf(from);
        Assert.True(index >= 0);
        to.CopyTo(copy.AsSpan(index));
        return copy;
    }

    /// <summary>The same COSE_Sign1 structure with another payload and the original signature.</summary>
    private static byte[] Reassemble(CoseSign1Message message, byte[] payload)
    {
        var w = new CborWriter();
        w.WriteTag((CborTag)18);
        w.WriteStartArray(4);
        w.WriteByteString(message.RawProtectedHeaders.Span);
        w.WriteStartMap(0);
        w.WriteEndMap();
        w.WriteByteString(payload);
        w.WriteByteString(message.Signature.Span);
        w.WriteEndArray();
        return w.Encode();
    }
}
