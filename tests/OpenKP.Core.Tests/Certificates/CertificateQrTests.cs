using System.Formats.Cbor;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using OpenKP.Certificates;
using OpenKP.Core.Tests.Registry;
using OpenKP.Registry;

namespace OpenKP.Core.Tests.Certificates;

/// <summary>The signed QR form and the one verifier: every reason code from a crafted case.</summary>
public sealed class CertificateQrTests
{
    private static readonly ECDsa Key = Certificates.NewKey();
    private static readonly TrustAnchors Trust = Certificates.Anchors(Certificates.Trusted(Key));
    private static readonly DateTimeOffset Now = Certificates.At("2026-01-20");

    private static string[] Codes(Verification v) => [.. v.Reasons.Select(r => r.Code)];

    [Fact]
    public void A_signed_certificate_verifies_with_every_field_as_issued()
    {
        var certificate = Certificates.Typical();
        var qr = CertificateQr.Sign(certificate, Key);

        var verdict = CertificateVerifier.Verify(qr, Trust, Now);

        Assert.True(verdict.Valid, string.Join("; ", verdict.Reasons));
        Assert.Equal(CertificatePayload.Encode(certificate), CertificatePayload.Encode(verdict.Certificate!));
        Assert.Equal(certificate.Lines, verdict.Certificate!.Lines);
        Assert.Equal(1918.89m, verdict.Certificate.TotalCarats);
        Assert.Equal(354_150.50m, verdict.Certificate.TotalUsd);
        Assert.Equal("AA", verdict.Key!.Participant);
    }

    [Fact]
    public void A_typical_three_line_certificate_fits_in_800_characters_of_QR_alphanumerics()
    {
        var qr = CertificateQr.Sign(Certificates.Typical(), Key);

        Assert.StartsWith("KP1:", qr, StringComparison.Ordinal);
        Assert.InRange(qr.Length, 100, 800);
        Assert.Matches("^[0-9A-Z $%*+\\-./:]+$", qr);
    }

    [Fact]
    public void Changing_any_single_character_never_verifies_as_valid()
    {
        // Exhaustive, not sampled: every position, every other character of the QR alphabet (and one outside it).
        var qr = CertificateQr.Sign(Certificates.Typical(), Key);
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:a";
        var accepted = new List<string>();
        for (var i = 0; i < qr.Length; i++)
        {
            foreach (var replacement in alphabet.Where(c => c != qr[i]))
            {
                var tampered = string.Concat(qr.AsSpan(0, i), replacement.ToString(), qr.AsSpan(i + 1));
                if (CertificateVerifier.Verify(tampered, Trust, Now).Valid)
                {
                    accepted.Add($"position {i}: '{qr[i]}' → '{replacement}'");
                }
            }
        }

        Assert.Empty(accepted);
    }

    [Fact]
    public void A_text_cut_short_is_refused_and_a_scanners_line_break_is_not()
    {
        var qr = CertificateQr.Sign(Certificates.Typical(), Key);

        Assert.All(Enumerable.Range(1, 6), cut => Assert.False(CertificateVerifier.Verify(qr[..^cut], Trust, Now).Valid));
        Assert.True(CertificateVerifier.Verify(qr + "\r\n", Trust, Now).Valid);
        Assert.False(CertificateVerifier.Verify(qr + " ", Trust, Now).Valid);
    }

    [Theory]
    [InlineData("", "malformed-prefix")]
    [InlineData("HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC", "malformed-prefix")]
    [InlineData("KP1:abc", "malformed-base45")]
    [InlineData("KP1:BB8", "malformed-zlib")]
    public void Malformed_text_is_named_by_the_layer_that_fails(string qr, string code)
        => Assert.Equal([code], Codes(CertificateVerifier.Verify(qr, Trust, Now)));

    [Fact]
    public void Compressed_bytes_that_are_not_COSE_are_malformed_cose()
        => Assert.Equal([CertificateCodes.MalformedCose], Codes(CertificateVerifier.Verify("KP1:" + Base45.Encode(Zlib([1, 2, 3, 4])), Trust, Now)));

    [Fact]
    public void A_signed_payload_that_is_not_a_certificate_is_malformed_cbor()
    {
        var w = new CborWriter();
        w.WriteStartMap(1);
        w.WriteInt32(1);
        w.WriteInt32(99);
        w.WriteEndMap();

        Assert.Equal([CertificateCodes.MalformedCbor], Codes(CertificateVerifier.Verify(SignRaw(w.Encode(), Key), Trust, Now)));
    }

    [Fact]
    public void A_certificate_re_signed_with_an_unknown_key_is_refused()
    {
        using var forger = Certificates.NewKey();
        var verdict = CertificateVerifier.Verify(CertificateQr.Sign(Certificates.Typical(), forger), Trust, Now);

        Assert.Equal([CertificateCodes.KeyUnknown], Codes(verdict));
        Assert.NotNull(verdict.Certificate);
    }

    [Fact]
    public void A_forged_signature_under_a_trusted_key_id_is_refused()
    {
        using var forger = Certificates.NewKey();
        var payload = CertificatePayload.Encode(Certificates.Typical() with { Number = "AA-2026-999999" });
        var headers = new CoseHeaderMap { { CoseHeaderLabel.KeyIdentifier, KeyIds.Of(Key) } };
        var cose = CoseSign1Message.SignEmbedded(payload, new CoseSigner(forger, HashAlgorithmName.SHA256, headers));

        Assert.Equal([CertificateCodes.SignatureInvalid], Codes(CertificateVerifier.Verify("KP1:" + Base45.Encode(Zlib(cose)), Trust, Now)));
    }

    [Fact]
    public void A_revoked_key_fails_and_stays_listed()
    {
        var trust = Certificates.Anchors(Certificates.Trusted(Key, status: KeyStatus.Revoked));

        Assert.Equal([CertificateCodes.KeyRevoked], Codes(CertificateVerifier.Verify(CertificateQr.Sign(Certificates.Typical(), Key), trust, Now)));
    }

    [Fact]
    public void A_retired_key_still_verifies_what_it_signed_while_it_was_valid()
    {
        var trust = Certificates.Anchors(Certificates.Trusted(Key, to: "2026-01-31", status: KeyStatus.Retired));

        Assert.True(CertificateVerifier.Verify(CertificateQr.Sign(Certificates.Typical(), Key), trust, Now).Valid);
    }

    [Fact]
    public void A_key_not_valid_on_the_issue_date_is_refused()
    {
        var trust = Certificates.Anchors(Certificates.Trusted(Key, from: "2026-02-01"));

        Assert.Equal([CertificateCodes.KeyNotValidAtIssue], Codes(CertificateVerifier.Verify(CertificateQr.Sign(Certificates.Typical(), Key), trust, Now)));
    }

    [Fact]
    public void A_key_of_another_participant_cannot_sign_for_the_issuer()
    {
        var trust = Certificates.Anchors(Certificates.Trusted(Key, participant: "BB"));

        Assert.Equal([CertificateCodes.KeyNotIssuers], Codes(CertificateVerifier.Verify(CertificateQr.Sign(Certificates.Typical(), Key), trust, Now)));
    }

    [Fact]
    public void Validity_is_judged_on_the_day_of_checking()
    {
        var qr = CertificateQr.Sign(Certificates.Typical(), Key);

        Assert.Equal([CertificateCodes.CertificateExpired], Codes(CertificateVerifier.Verify(qr, Trust, Certificates.At("2026-03-17"))));
        Assert.True(CertificateVerifier.Verify(qr, Trust, Certificates.At("2026-03-16")).Valid);
        Assert.Equal([CertificateCodes.CertificateNotYetValid], Codes(CertificateVerifier.Verify(qr, Trust, Certificates.At("2026-01-14"))));
    }

    [Fact]
    public void A_voided_certificate_fails()
    {
        var certificate = Certificates.Typical();
        var trust = Trust with { VoidedHashes = new HashSet<string> { CertificateVerifier.NumberHash(certificate.Number) } };

        Assert.Equal([CertificateCodes.CertificateVoided], Codes(CertificateVerifier.Verify(CertificateQr.Sign(certificate, Key), trust, Now)));
    }

    [Fact]
    public void A_certificate_from_a_participant_suspended_on_the_issue_date_fails_with_the_registry_reasons()
    {
        var verdict = CertificateVerifier.Verify(CertificateQr.Sign(Certificates.Typical() with { IssuingParticipant = "SS", Origin = "SS" }, Key),
            Certificates.Anchors(Certificates.Trusted(Key, participant: "SS")), Now);

        Assert.Contains(CertificateCodes.IssuerNotActiveAtIssue, Codes(verdict));
        Assert.Contains(RegistryCodes.ExporterSuspended, Codes(verdict));
    }

    [Fact]
    public void A_certificate_for_embargoed_goods_fails()
    {
        var trust = Trust with { Registry = Registries.World(Registries.Embargo("BB", "2025-01-01", null)) };

        var verdict = CertificateVerifier.Verify(CertificateQr.Sign(Certificates.Typical() with { Origin = "BB" }, Key), trust, Now);

        Assert.Equal([RegistryCodes.OriginEmbargoed], Codes(verdict));
    }

    [Fact]
    public void An_old_trust_list_warns_but_does_not_fail()
    {
        var trust = Trust with { IssuedAt = Now.AddDays(-8) };

        var verdict = CertificateVerifier.Verify(CertificateQr.Sign(Certificates.Typical(), Key), trust, Now);

        Assert.True(verdict.Valid);
        Assert.Equal([CertificateCodes.TrustListStale], verdict.Warnings.Select(w => w.Code));
    }

    [Fact]
    public void Mixed_origin_round_trips_with_its_provenance_and_optional_fields()
    {
        var mixed = Certificates.Typical() with
        {
            Origin = CertificateContent.Mixed,
            Provenance = "AA",
            OriginZone = "Greenvale",
            QualityNotes = "Gem quality, 3-10 ct",
            Replaces = "AA-2026-000100",
            Importer = new CertificateImporter("Unlicensed Buyer", "Somewhere", "BB", null),
            SealNumbers = [],
            ContainerNumbers = [],
        };

        var opened = CertificateQr.Open(CertificateQr.Sign(mixed, Key));

        Assert.True(opened.Succeeded);
        Assert.Equal(CertificatePayload.Encode(mixed), CertificatePayload.Encode(opened.Value!.Certificate));
        Assert.Equal("AA", opened.Value.Certificate.OriginForRules);
    }

    private static string SignRaw(byte[] payload, ECDsa key)
    {
        var headers = new CoseHeaderMap { { CoseHeaderLabel.KeyIdentifier, KeyIds.Of(key) } };
        return "KP1:" + Base45.Encode(Zlib(CoseSign1Message.SignEmbedded(payload, new CoseSigner(key, HashAlgorithmName.SHA256, headers))));
    }

    private static byte[] Zlib(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }
}
