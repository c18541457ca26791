using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenKP.Certificates;
using OpenKP.Web.Certificates;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Certificates;

/// <summary>Each verification reason through <c>POST /api/verify</c>, from a crafted QR text.</summary>
public sealed class VerificationTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(OpenKpApp.Today.UtcDateTime);

    private async Task<JsonElement> Verify(string qr)
        => await (await app.ClientFor(null)).PostJson("/api/verify", new VerifyRequest(qr), HttpStatusCode.OK);

    private static string[] Reasons(JsonElement verdict) => [.. verdict.GetProperty("reasons").EnumerateArray().Select(r => r.Str("code"))];

    private async Task<JsonElement> IssueAsync(string officer = "officer.bw", IssueCertificateRequest? draft = null)
        => await (await app.ClientFor(officer)).PostJson("/api/certificates", draft ?? Drafts.Valid(), HttpStatusCode.Created);

    /// <summary>Signs content with a participant's real key from the key store, as a forger with the key could.</summary>
    private async Task<string> SignWithRealKey(string participant, CertificateContent content)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var ring = scope.ServiceProvider.GetRequiredService<SigningKeyRing>();
        var key = (await ring.ActiveAsync(participant, "authority", create: true, "test", CancellationToken.None)).Value!;
        return ring.Sign(key, ecdsa => CertificateQr.Sign(content, ecdsa));
    }

    private async Task<CertificateContent> IssuedContentAsync()
    {
        var issued = await IssueAsync();
        return CertificateQr.Open(issued.Str("qr")).Value!.Certificate;
    }

    private static string Wrap(byte[] cose)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize))
        {
            zlib.Write(cose);
        }

        return CertificateQr.Prefix + Base45.Encode(output.ToArray());
    }

    [Fact]
    public async Task Malformed_texts_are_refused_at_the_layer_that_fails()
    {
        var valid = (await IssueAsync()).Str("qr");
        Assert.Equal(["malformed-prefix"], Reasons(await Verify("HC1:" + valid[4..])));
        Assert.Equal(["malformed-base45"], Reasons(await Verify("KP1:abc")));
        Assert.Equal(["malformed-zlib"], Reasons(await Verify("KP1:" + Base45.Encode([1, 2, 3, 4, 5, 6]))));
        Assert.Equal(["malformed-cose"], Reasons(await Verify(Wrap([0xA1, 0x01, 0x02]))));

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signer = new CoseSigner(key, HashAlgorithmName.SHA256, new CoseHeaderMap { { CoseHeaderLabel.KeyIdentifier, KeyIds.Of(key) } });
        var notACertificate = CoseSign1Message.SignEmbedded([0xA1, 0x01, 0x63, 0x61, 0x62, 0x63], signer);
        Assert.Equal(["malformed-cbor"], Reasons(await Verify(Wrap(notACertificate))));
    }

    [Fact]
    public async Task A_COSE_message_with_out_of_range_numbers_is_malformed_not_a_server_error()
    {
        // Found by fuzzing: System.Security.Cryptography.Cose throws OverflowException on this message.
        const string Qr = "KP1:NCFOXN%TSMAH31QOVOF04VZIFROPSM/F4H+APF61:S%-GLD3.434LT1BGDA4JMIB57CMH/DDG*0-LCZS8*0L149OR891NMYHP:JN/C+3I-O9BSKJM7T82YPCBRNZIKIIIZIK8 O+C9680X-8EVJJ5E$DO 73ZQTZKJNH4T*8W/DHTOK4RSNTCCU29T RS25N2$B.N7-BOREH25FU0FCZ2KDRXSRMZ602REMR.%P+1TRWU5ZPHV5F4U*95X-4/ZH977*P7VF0R%6QOH$PHT00SA721";
        Assert.Equal(["malformed-cose"], Reasons(await Verify(Qr)));
    }

    [Fact]
    public async Task A_payload_signed_with_an_unknown_key_is_refused()
    {
        var content = await IssuedContentAsync();
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var verdict = await Verify(CertificateQr.Sign(content, forger));
        Assert.False(verdict.GetProperty("valid").GetBoolean());
        Assert.Equal(["key-unknown"], Reasons(verdict));
        Assert.Equal(content.Number, verdict.GetProperty("certificate").Str("number"));
    }

    [Fact]
    public async Task A_signature_by_another_key_under_the_issuers_key_id_is_invalid()
    {
        var issued = await IssueAsync();
        var content = CertificateQr.Open(issued.Str("qr")).Value!.Certificate with { Parcels = 9 };
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var headers = new CoseHeaderMap { { CoseHeaderLabel.KeyIdentifier, Convert.FromHexString(issued.Str("keyId")) } };
        var cose = CoseSign1Message.SignEmbedded(CertificatePayload.Encode(content), new CoseSigner(forger, HashAlgorithmName.SHA256, headers));
        Assert.Equal(["signature-invalid"], Reasons(await Verify(Wrap(cose))));
    }

    [Fact]
    public async Task Changing_any_character_of_a_valid_text_never_verifies()
    {
        var qr = (await IssueAsync()).Str("qr");
        Assert.True((await Verify(qr)).GetProperty("valid").GetBoolean());
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
        TrustAnchors anchors;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            anchors = await scope.ServiceProvider.GetRequiredService<CertificateQueries>().TrustAnchorsAsync(CancellationToken.None);
        }

        for (var i = 0; i < qr.Length; i++)
        {
            foreach (var c in new[] { alphabet[(alphabet.IndexOf(qr[i], StringComparison.Ordinal) + 1) % alphabet.Length], 'a' })
            {
                var tampered = string.Concat(qr.AsSpan(0, i), c.ToString(), qr.AsSpan(i + 1));
                Assert.False(CertificateVerifier.Verify(tampered, anchors, OpenKpApp.Today).Valid, $"changing position {i} to '{c}' verified");
            }
        }

        // And through HTTP, a sample of positions across every layer.
        foreach (var i in new[] { 0, 3, 4, 10, qr.Length / 2, qr.Length - 2, qr.Length - 1 })
        {
            var tampered = string.Concat(qr.AsSpan(0, i), (qr[i] == 'A' ? 'B' : 'A').ToString(), qr.AsSpan(i + 1));
            Assert.False((await Verify(tampered)).GetProperty("valid").GetBoolean());
        }
    }

    [Fact]
    public async Task A_voided_certificate_fails_verification_and_its_importer_sees_the_void()
    {
        var issued = await IssueAsync();
        var number = issued.Str("number");
        await (await app.ClientFor("officer.bw")).PostJson($"/api/certificates/{number}/void", new VoidCertificateRequest("Issued in error", null), HttpStatusCode.OK);
        Assert.Equal(["certificate-voided"], Reasons(await Verify(issued.Str("qr"))));

        var seenByImporter = await (await app.ClientFor("officer.ae")).GetJson($"/api/certificates/{number}");
        Assert.Equal("voided", seenByImporter.Str("status"));
        Assert.Equal("Issued in error", seenByImporter.GetProperty("voided").Str("reason"));
    }

    [Fact]
    public async Task A_number_reported_stolen_fails_verification()
    {
        var issued = await IssueAsync();
        await (await app.ClientFor("officer.bw")).PostJson("/api/participants/BW/reported-numbers",
            new ReportNumbersRequest([issued.Str("number")], "stolen", "Certificate stolen in transit"), HttpStatusCode.Created);
        Assert.Equal(["certificate-voided"], Reasons(await Verify(issued.Str("qr"))));
    }

    [Fact]
    public async Task Certificates_signed_with_a_revoked_key_fail_and_a_rotated_key_keeps_old_certificates_valid()
    {
        var officer = await app.ClientFor("officer.ru");
        var draft = Drafts.Valid() with { ExporterLicence = "RU-OP-001", Origin = "RU" };
        var first = await IssueAsync("officer.ru", draft);
        var rotated = await officer.PostJson("/api/participants/RU/keys/rotate", new { }, HttpStatusCode.Created);
        var second = await IssueAsync("officer.ru", draft);
        Assert.NotEqual(first.Str("keyId"), second.Str("keyId"));
        Assert.Equal(rotated.Str("keyId"), second.Str("keyId"));
        Assert.True((await Verify(first.Str("qr"))).GetProperty("valid").GetBoolean(), "a retired key's certificates stay valid");

        await officer.PostJson($"/api/participants/RU/keys/{second.Str("keyId")}/revoke", new RevokeKeyRequest("Key file copied off the server"), HttpStatusCode.OK);
        Assert.Equal(["key-revoked"], Reasons(await Verify(second.Str("qr"))));
        Assert.True((await Verify(first.Str("qr"))).GetProperty("valid").GetBoolean());

        var keys = await (await app.ClientFor(null)).GetJson("/api/keys?participant=RU");
        Assert.Equal(["retired", "revoked"], keys.EnumerateArray().Select(k => k.Str("status")).Order());
        Assert.DoesNotContain("PRIVATE", keys.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_dated_before_the_key_and_before_the_scheme_fails_on_each_count()
    {
        var content = await IssuedContentAsync() with { IssuedOn = new DateOnly(2002, 6, 1), ExpiresOn = new DateOnly(2002, 7, 1) };
        var reasons = Reasons(await Verify(await SignWithRealKey("BW", content)));
        Assert.Contains("key-not-valid-at-issue", reasons);
        Assert.Contains("certificate-expired", reasons);
        Assert.Contains("issuer-not-active-at-issue", reasons);
    }

    [Fact]
    public async Task A_certificate_dated_after_today_is_not_yet_valid()
    {
        var content = await IssuedContentAsync() with { IssuedOn = Today.AddDays(5), ExpiresOn = Today.AddDays(30) };
        Assert.Equal(["certificate-not-yet-valid"], Reasons(await Verify(await SignWithRealKey("BW", content))));
    }

    [Fact]
    public async Task A_certificate_claiming_another_issuer_than_its_key_fails()
    {
        var content = await IssuedContentAsync() with { IssuingParticipant = "ZA" };
        Assert.Contains("key-not-issuers", Reasons(await Verify(await SignWithRealKey("BW", content))));
    }

    [Fact]
    public async Task Verification_rechecks_the_trade_rules_of_the_issue_date()
    {
        // Signed with Botswana's real key, for diamonds of an origin under embargo and an importer that is no participant.
        var content = await IssuedContentAsync() with { Origin = "CI", IssuedOn = new DateOnly(2026, 1, 15) };
        var secretariat = await app.ClientFor("secretariat");
        await secretariat.PostJson("/api/embargoes", new
        {
            origin = "CI",
            from = "2026-01-01",
            governmentCertifiedExempt = false,
            note = "Test embargo",
            decisionTitle = "UNSC resolution (test)",
        }, HttpStatusCode.Created);
        Assert.Contains("origin-embargoed", Reasons(await Verify(await SignWithRealKey("BW", content))));
    }

    [Fact]
    public async Task Verification_is_rate_limited_per_client()
    {
        await using var limited = new RateLimitedApp();
        await limited.InitializeAsync();
        var client = await limited.ClientFor(null);
        for (var i = 0; i < 3; i++)
        {
            await client.PostJson("/api/verify", new VerifyRequest("KP1:X"), HttpStatusCode.OK);
        }

        var response = await client.PostAsync("/api/verify", System.Net.Http.Json.JsonContent.Create(new VerifyRequest("KP1:X")));
        var problem = await response.Json(HttpStatusCode.TooManyRequests);
        Assert.Equal("rate-limited", problem.Str("code"));
        Assert.True(response.Headers.RetryAfter is not null);
    }

    private sealed class RateLimitedApp : OpenKpApp
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("OpenKP:VerifyRequestsPerMinute", "3");
        }
    }
}
