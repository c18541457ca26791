using System.Security.Cryptography;
using System.Text;
using OpenKP.Certificates;
using OpenKP.Core.Tests.Registry;

namespace OpenKP.Core.Tests.Certificates;

/// <summary>The signed revocation list: hashes only, signed by the hub, read strictly.</summary>
public sealed class RevocationListTests
{
    private static readonly ECDsa Hub = Certificates.NewKey();
    private static readonly byte[] HubPublicKey = Hub.ExportSubjectPublicKeyInfo();

    private static RevocationList List() => RevocationList.Create(
        [
            Revocation.ForNumber("AA-2026-000124", RevocationKind.Stolen, Registries.Day("2026-01-12")),
            Revocation.ForNumber("AA-2026-000123", RevocationKind.Void, Registries.Day("2026-01-09")),
            Revocation.ForNumber("BB-2025-004711", RevocationKind.Lost, Registries.Day("2026-01-10")),
        ],
        SignedLists.IssuedAt,
        7);

    private static string[] Codes<T>(OpenKP.Shared.Outcome<T> outcome) => [.. outcome.Violations.Select(v => v.Code)];

    [Fact]
    public void A_signed_list_opens_with_the_hub_key_and_names_certificates_by_hash_only()
    {
        var list = List();
        var cose = list.Sign(Hub);

        var opened = RevocationList.Open(cose, HubPublicKey);

        Assert.True(opened.Succeeded, string.Join("; ", opened.Violations));
        Assert.Equal(list.Encode(), opened.Value!.Encode());
        Assert.Equal(7, opened.Value.Sequence);
        Assert.Equal(SignedLists.IssuedAt, opened.Value.IssuedAt);
        Assert.Equal([RevocationKind.Void, RevocationKind.Lost, RevocationKind.Stolen], opened.Value.Entries.Select(e => e.Kind));
        Assert.Contains(CertificateVerifier.NumberHash("AA-2026-000123"), opened.Value.NumberHashes);
        Assert.Equal(-1, cose.AsSpan().IndexOf(Encoding.UTF8.GetBytes("AA-2026")));
    }

    [Fact]
    public void Changing_any_byte_of_the_signed_list_never_opens()
    {
        var cose = List().Sign(Hub);

        var accepted = Enumerable.Range(0, cose.Length).Where(i =>
        {
            var tampered = (byte[])cose.Clone();
            tampered[i] ^= 0x01;
            return RevocationList.Open(tampered, HubPublicKey).Succeeded;
        });

        Assert.Empty(accepted);
    }

    [Fact]
    public void A_list_signed_by_another_key_is_refused_as_from_another_hub()
    {
        using var other = Certificates.NewKey();

        Assert.Equal([CertificateCodes.RevocationListKeyMismatch], Codes(RevocationList.Open(List().Sign(other), HubPublicKey)));
    }

    [Fact]
    public void A_trust_list_is_not_taken_for_a_revocation_list()
    {
        var trustList = SignedLists.TrustList().Sign(Hub);

        Assert.Equal([CertificateCodes.RevocationListMalformed], Codes(RevocationList.Open(trustList, HubPublicKey)));
    }

    public static TheoryData<string, Func<byte[], byte[]>> BadPayloads() => new()
    {
        { "an unknown key", p => SignedLists.Rewrite(p, addKey: 5, addValue: w => w.WriteInt32(0)) },
        { "trailing bytes", p => [.. p, 0xf6] },
        { "a hash listed twice", p => SignedLists.Rewrite(p, drop: 4, addKey: 4, addValue: w => TwoEntries(w, new string('a', 64), new string('a', 64))) },
        { "a short hash", p => SignedLists.Rewrite(p, drop: 4, addKey: 4, addValue: w => TwoEntries(w, new string('a', 62), new string('b', 64))) },
        { "an unknown kind", p => Replace(p, "stolen"u8, "stolex"u8) },
        { "a missing issue date", p => SignedLists.Rewrite(p, drop: 2) },
    };

    [Theory]
    [MemberData(nameof(BadPayloads))]
    public void A_signed_payload_that_breaks_the_format_is_refused_as_malformed(string what, Func<byte[], byte[]> spoil)
    {
        var cose = SignedLists.SignRaw(spoil(List().Encode()), Hub, RevocationList.ContentType);

        var opened = RevocationList.Open(cose, HubPublicKey);

        Assert.True(Codes(opened) is [CertificateCodes.RevocationListMalformed], $"{what}: {string.Join("; ", opened.Violations)}");
    }

    [Fact]
    public void The_JSON_view_gives_hashes_in_hex_and_kinds_as_text()
    {
        var view = List().ToView();

        Assert.Equal(["void", "lost", "stolen"], view.Entries.Select(e => e.Kind));
        Assert.Equal(CertificateVerifier.NumberHash("AA-2026-000123"), view.Entries[0].NumberHash);
        Assert.Equal(7, view.Sequence);
    }

    private static void TwoEntries(System.Formats.Cbor.CborWriter w, string first, string second)
    {
        w.WriteStartArray(2);
        foreach (var hash in new[] { first, second })
        {
            w.WriteStartMap(3);
            w.WriteInt32(1);
            w.WriteByteString(Convert.FromHexString(hash));
            w.WriteInt32(2);
            w.WriteTextString("void");
            w.WriteInt32(3);
            w.WriteTag((System.Formats.Cbor.CborTag)1004);
            w.WriteTextString("2026-01-10");
            w.WriteEndMap();
        }

        w.WriteEndArray();
    }

    private static byte[] Replace(byte[] payload, ReadOnlySpan<byte> from, ReadOnlySpan<byte> to)
    {
        var copy = (byte[])payload.Clone();
        to.CopyTo(copy.AsSpan(copy.AsSpan().IndexOf(from)));
        return copy;
    }
}
