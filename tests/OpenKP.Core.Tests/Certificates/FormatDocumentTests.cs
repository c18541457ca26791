using System.Security.Cryptography;
using System.Text.RegularExpressions;
using OpenKP.Certificates;
using OpenKP.Registry;
using OpenKP.Shared;

namespace OpenKP.Core.Tests.Certificates;

/// <summary>The test vectors in docs/certificate-format.md work with the code: the page cannot drift from it.</summary>
public sealed partial class FormatDocumentTests
{
    private static readonly Lazy<string> Document = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpenKP.slnx")))
        {
            dir = dir.Parent;
        }

        return File.ReadAllText(Path.Combine(dir!.FullName, "docs", "certificate-format.md"));
    });

    private static string Vector(string name)
    {
        var match = Regex.Match(Document.Value, $"<!-- vector:{name} -->\\s*```\\s*\\n(.*?)\\n```", RegexOptions.Singleline);
        Assert.True(match.Success, $"docs/certificate-format.md has no vector '{name}'.");
        return match.Groups[1].Value.Trim();
    }

    [Fact]
    public void The_published_QR_verifies_with_the_published_key_and_decodes_to_the_published_CBOR()
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(Vector("public-key"));
        var trust = new TrustAnchors(
            [new TrustedKey(KeyIds.Of(key), "BW", "Government Diamond Valuator", key.ExportSubjectPublicKeyInfo(), new DateOnly(2026, 1, 1), null, KeyStatus.Active, null)],
            new HashSet<string>(), Registry: null);

        var verdict = CertificateVerifier.Verify(Vector("qr"), trust, Certificates.At("2026-01-20"));

        Assert.True(verdict.Valid, string.Join("; ", verdict.Reasons));
        Assert.Equal(Vector("key-id"), KeyIds.Hex(KeyIds.Of(key)));
        Assert.Equal(WhitespaceRegex().Replace(Vector("cbor"), string.Empty), Convert.ToHexStringLower(CertificatePayload.Encode(verdict.Certificate!)));
        Assert.Equal("BW-2026-000123", verdict.Certificate!.Number);
        Assert.Equal(1918.89m, verdict.Certificate.TotalCarats);
    }

    [Fact]
    public void The_published_private_key_is_the_public_keys_pair()
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(Vector("private-key"));

        Assert.Equal(Vector("key-id"), KeyIds.Hex(KeyIds.Of(key)));
    }

    [Fact]
    public void The_documented_payload_keys_are_the_ones_the_encoder_writes()
    {
        var full = Certificates.Typical() with { Origin = CertificateContent.Mixed, Provenance = "AA", OriginZone = "Z", QualityNotes = "q", Replaces = "AA-1" };
        var reader = new System.Formats.Cbor.CborReader(CertificatePayload.Encode(full));
        var count = reader.ReadStartMap()!.Value;
        var keys = new List<int>();
        for (var i = 0; i < count; i++)
        {
            keys.Add(reader.ReadInt32());
            reader.SkipValue();
        }

        Assert.Equal(DocumentedKeys("## The payload map"), keys.Select(k => (long)k));
    }

    [Fact]
    public void The_published_trust_list_payload_is_what_the_encoder_writes_for_the_list_described()
    {
        var payload = VectorTrustList().Encode();

        Assert.Equal(Hex(Vector("trust-list-cbor")), Convert.ToHexStringLower(payload));
        Assert.Equal(Vector("trust-list-edn"), CborDiagnostics.Render(payload));
    }

    [Fact]
    public void The_published_revocation_list_payload_is_what_the_encoder_writes_for_the_list_described()
    {
        var payload = VectorRevocationList().Encode();

        Assert.Equal(Hex(Vector("revocation-list-cbor")), Convert.ToHexStringLower(payload));
        Assert.Equal(Vector("revocation-list-edn"), CborDiagnostics.Render(payload));
    }

    [Fact]
    public void The_published_signed_lists_open_with_the_published_hub_key_and_carry_the_published_payloads()
    {
        var hub = PublicKey();

        var trustList = TrustList.Open(Convert.FromHexString(Hex(Vector("trust-list-cose"))), hub);
        var revocations = RevocationList.Open(Convert.FromHexString(Hex(Vector("revocation-list-cose"))), hub);

        Assert.True(trustList.Succeeded, string.Join("; ", trustList.Violations));
        Assert.True(revocations.Succeeded, string.Join("; ", revocations.Violations));
        Assert.Equal(Hex(Vector("trust-list-cbor")), Convert.ToHexStringLower(trustList.Value!.Encode()));
        Assert.Equal(Hex(Vector("revocation-list-cbor")), Convert.ToHexStringLower(revocations.Value!.Encode()));
        Assert.Equal(Vector("number-hash"), Assert.Single(revocations.Value.Entries).NumberHash);
    }

    [Fact]
    public void The_published_QR_verifies_offline_with_the_published_lists_and_nothing_else()
    {
        var hub = PublicKey();
        var anchors = TrustAnchors.From(
            TrustList.Open(Convert.FromHexString(Hex(Vector("trust-list-cose"))), hub).Value!,
            RevocationList.Open(Convert.FromHexString(Hex(Vector("revocation-list-cose"))), hub).Value!);

        var verdict = CertificateVerifier.Verify(Vector("qr"), anchors, Certificates.At("2026-01-20"));
        var later = CertificateVerifier.Verify(Vector("qr"), anchors, Certificates.At("2026-01-23"));

        Assert.True(verdict.Valid, string.Join("; ", verdict.Reasons));
        Assert.Empty(verdict.Warnings);
        Assert.Equal([CertificateCodes.TrustListStale], later.Warnings.Select(w => w.Code));
    }

    [Fact]
    public void The_documented_trust_list_keys_are_the_ones_the_encoder_writes()
    {
        // The published list with every optional field present.
        var full = VectorTrustList() with
        {
            Keys = [VectorTrustList().Keys[0] with { ValidTo = new DateOnly(2027, 1, 1), StatusSince = new DateOnly(2026, 1, 1) }],
            Participants =
            [
                .. VectorTrustList().Participants,
                new TrustListParticipant("ZW", "Zimbabwe", "Zimbabwe", ParticipantKind.State, new DateOnly(2003, 1, 1), DatePrecision.Day, 60,
                    [new(new DateOnly(2009, 11, 6), DatePrecision.Day, ParticipantStatus.SpecialMeasures, "Marange diamond fields", "Joint work plan", new("Swakopmund plenary", null, null))], []),
            ],
            EuMemberships = [new TrustListEuMembership("GB", "United Kingdom", new DateOnly(1973, 1, 1), new DateOnly(2021, 1, 1))],
        };
        var list = Map(CborDiagnostics.Decode(full.Encode()));
        var key = Map(Items(list[4])[0]);
        var cf = Items(list[5]).Select(Map).Single(p => (string)p[1] == "CF");
        var scoped = Items(list[5]).Select(Map).SelectMany(p => Items(p[8]).Select(Map)).Single(e => e.ContainsKey(4));
        var embargo = Map(Items(list[7])[0]);

        Assert.Equal(DocumentedKeys("### The trust list map"), list.Keys);
        Assert.Equal(DocumentedKeys("### Key map"), key.Keys);
        Assert.Equal(DocumentedKeys("### Participant map"), cf.Keys);
        Assert.Equal(DocumentedKeys("### Status event map"), scoped.Keys);
        Assert.Equal(DocumentedKeys("### Decision map"), Map(embargo[6]).Keys);
        Assert.Equal(DocumentedKeys("### Zone map"), Map(Items(cf[9])[0]).Keys);
        Assert.Equal(DocumentedKeys("### EU membership map"), Map(Items(list[6])[0]).Keys);
        Assert.Equal(DocumentedKeys("### Embargo map"), embargo.Keys);
    }

    [Fact]
    public void The_documented_revocation_list_keys_are_the_ones_the_encoder_writes()
    {
        var list = Map(CborDiagnostics.Decode(VectorRevocationList().Encode()));

        Assert.Equal(DocumentedKeys("### The revocation list map"), list.Keys);
        Assert.Equal(DocumentedKeys("### Revocation entry map"), Map(Items(list[4])[0]).Keys);
    }

    /// <summary>The list the page describes in words: built here from those words, compared with the page's bytes.</summary>
    internal static TrustList VectorTrustList()
    {
        static DateOnly Day(string s) => OpenKP.Core.Tests.Registry.Registries.Day(s);
        static TrustListStatusEvent Event(string on, ParticipantStatus status, string note, TrustListDecision decision, string? scope = null)
            => new(Day(on), DatePrecision.Day, status, scope, note, decision);
        var founding = new TrustListDecision("Interlaken Declaration", Day("2002-11-05"), null);
        var spki = PublicKey();
        return new TrustList(
            new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero),
            1,
            [new TrustedKey(KeyIds.Of(spki), "BW", "Government Diamond Valuator", spki, Day("2026-01-01"), null, KeyStatus.Active, null)],
            [
                new TrustListParticipant("AE", "United Arab Emirates", "Émirats arabes unis", ParticipantKind.State, Day("2003-01-01"), DatePrecision.Day, 60,
                    [Event("2003-01-01", ParticipantStatus.Active, "Founding participant", founding)], []),
                new TrustListParticipant("BW", "Botswana", "Botswana", ParticipantKind.State, Day("2003-01-01"), DatePrecision.Day, 60,
                    [Event("2003-01-01", ParticipantStatus.Active, "Founding participant", founding)], []),
                new TrustListParticipant("CF", "Central African Republic", "République centrafricaine", ParticipantKind.State, Day("2003-01-01"), DatePrecision.Day, 60,
                    [
                        Event("2003-01-01", ParticipantStatus.Active, "Founding participant", founding),
                        Event("2013-05-23", ParticipantStatus.Suspended, "Temporary suspension", new TrustListDecision("Administrative decision on the CAR", Day("2013-05-23"), null)),
                        Event("2015-07-17", ParticipantStatus.ZoneLimited, "Exports from compliant zones only", new TrustListDecision("Administrative decision on the resumption of exports", Day("2015-07-17"), null)),
                        Event("2024-11-15", ParticipantStatus.Active, "Readmitted in full", new TrustListDecision("Dubai plenary", Day("2024-11-15"), null)),
                    ],
                    [new TrustListZone("Berbérati", ZoneKind.CompliantZone, Day("2016-05-01"), Day("2024-11-15"))]),
                new TrustListParticipant("EU", "European Union", "Union européenne", ParticipantKind.RegionalOrganisation, Day("2003-01-01"), DatePrecision.Day, 60,
                    [Event("2003-01-01", ParticipantStatus.Active, "Founding participant", founding)], []),
            ],
            [new TrustListEuMembership("BE", "Belgium", Day("1958-01-01"), null)],
            [new TrustListEmbargo("LR", Day("2001-05-07"), Day("2007-04-27"), false, "UN ban on rough diamonds from Liberia",
                new TrustListDecision("UNSC resolution 1343", Day("2001-03-07"), "S/RES/1343 (2001)"))]);
    }

    internal static RevocationList VectorRevocationList() => new(
        new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero), 1, [Revocation.ForNumber("BW-2026-000099", RevocationKind.Void, new DateOnly(2026, 1, 14))]);

    private static byte[] PublicKey()
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(Vector("public-key"));
        return key.ExportSubjectPublicKeyInfo();
    }

    private static string Hex(string text) => WhitespaceRegex().Replace(text, string.Empty);

    private static SortedDictionary<long, object> Map(object value) => (SortedDictionary<long, object>)value;

    private static List<object> Items(object value) => (List<object>)value;

    /// <summary>The key column of the first table after <paramref name="heading"/> (a whole line of the page).</summary>
    private static IEnumerable<long> DocumentedKeys(string heading)
    {
        var start = Document.Value.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/certificate-format.md has no heading '{heading}'.");
        var lines = Document.Value[(start + heading.Length + 2)..].Split('\n')
            .SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|'));
        return [.. lines.Select(l => KeyCellRegex().Match(l)).Where(m => m.Success).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
    }

    [GeneratedRegex(@"^\| (\d+) \|")]
    private static partial Regex KeyCellRegex();

    [GeneratedRegex("\\s+")]
    private static partial Regex WhitespaceRegex();
}
