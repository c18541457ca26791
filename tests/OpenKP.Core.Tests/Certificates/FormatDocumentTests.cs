using System.Security.Cryptography;
using System.Text.RegularExpressions;
using OpenKP.Certificates;

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

        var documented = Regex.Matches(Document.Value, @"^\| (\d+) \|", RegexOptions.Multiline).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(documented, keys);
    }

    [GeneratedRegex("\\s+")]
    private static partial Regex WhitespaceRegex();
}
