using System.Net;
using OpenKP.Certificates;
using OpenKP.Tests.Shared;
using OpenKP.Web.Certificates;
using OpenKP.Web.Tests.Cli;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Certificates;

/// <summary>The printed certificate, its QR images, and the signed lists offline verifiers download.</summary>
public sealed class PrintAndListTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private async Task<System.Text.Json.JsonElement> IssueAsync(string officer = "officer.bw", IssueCertificateRequest? draft = null)
        => await (await app.ClientFor(officer)).PostJson("/api/certificates", draft ?? Drafts.Valid(), HttpStatusCode.Created);

    [Fact]
    public async Task The_QR_printed_in_the_PDF_scans_back_to_the_exact_QR_text()
    {
        var issued = await IssueAsync();
        var response = await (await app.ClientFor("customs.ae")).GetAsync($"/api/certificates/{issued.Str("number")}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();

        var pdftoppm = Tools.Require("pdftoppm", "poppler-utils");
        var zbarimg = Tools.Require("zbarimg", "zbar-tools");
        var folder = Directory.CreateTempSubdirectory("openkp-pdf-");
        try
        {
            var file = Path.Combine(folder.FullName, "certificate.pdf");
            await File.WriteAllBytesAsync(file, pdf);
            Assert.Equal(0, Tools.Run(pdftoppm, "-png", "-r", "150", "-f", "1", "-l", "1", file, Path.Combine(folder.FullName, "page")).ExitCode);
            var page = Directory.GetFiles(folder.FullName, "page*.png").Single();
            var (exit, scanned) = Tools.Run(zbarimg, "-q", "--raw", page);
            Assert.Equal(0, exit);
            Assert.Equal(issued.Str("qr"), scanned.TrimEnd('\n'));
            Assert.Equal(issued.Str("qr"), QrImageReader.Read(await File.ReadAllBytesAsync(page)).Value);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_francophone_participants_certificate_is_labelled_in_English_and_French_and_a_voided_one_is_stamped()
    {
        var draft = Drafts.Valid() with { ExporterLicence = "CD-OP-001", Origin = "CD" };
        var issued = await IssueAsync("officer.cd", draft);
        var officer = await app.ClientFor("officer.cd");
        await officer.PostJson($"/api/certificates/{issued.Str("number")}/void", new VoidCertificateRequest("Exporter withdrew the shipment", null), HttpStatusCode.OK);
        var pdf = await officer.GetByteArrayAsync($"/api/certificates/{issued.Str("number")}/pdf");

        var pdftotext = Tools.Require("pdftotext", "poppler-utils");
        var file = Path.Combine(Path.GetTempPath(), $"openkp-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var (_, text) = Tools.Run(pdftotext, "-layout", file, "-");
            Assert.Contains(issued.Str("number"), text, StringComparison.Ordinal);
            Assert.Contains("Exportateur", text, StringComparison.Ordinal);
            var (_, raw) = Tools.Run(pdftotext, "-raw", file, "-"); // in drawing order: the diagonal stamp reads as one word
            Assert.Contains("VOID", raw, StringComparison.Ordinal);
            Assert.Contains("/verify", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task QR_images_carry_the_QR_text_and_are_refused_to_other_participants()
    {
        var issued = await IssueAsync();
        var number = issued.Str("number");
        var officer = await app.ClientFor("officer.bw");
        var png = await officer.GetByteArrayAsync($"/api/certificates/{number}/qr.png");
        Assert.Equal(issued.Str("qr"), QrImageReader.Read(png).Value);
        var svg = await officer.GetAsync($"/api/certificates/{number}/qr.svg");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<svg", (await svg.Content.ReadAsStringAsync()).TrimStart(), StringComparison.Ordinal);

        var stranger = await app.ClientFor("officer.za");
        foreach (var path in new[] { "pdf", "qr.png", "qr.svg" })
        {
            Assert.Equal("forbidden", (await (await stranger.GetAsync($"/api/certificates/{number}/{path}")).Json(HttpStatusCode.Forbidden)).Str("code"));
        }
    }

    [Fact]
    public async Task The_signed_lists_open_with_the_hub_key_and_carry_keys_registry_and_voided_numbers()
    {
        var issued = await IssueAsync();
        await (await app.ClientFor("officer.bw")).PostJson($"/api/certificates/{issued.Str("number")}/void", new VoidCertificateRequest("Test", null), HttpStatusCode.OK);
        var anonymous = await app.ClientFor(null);
        var pem = await anonymous.GetStringAsync("/api/trust-list/hub-key");
        var hubKey = HubKeys.ReadPem(pem).Value!;

        var trustResponse = await anonymous.GetAsync("/api/trust-list");
        Assert.Equal("application/cose", trustResponse.Content.Headers.ContentType!.MediaType);
        var trust = TrustList.Open(await trustResponse.Content.ReadAsByteArrayAsync(), hubKey);
        Assert.True(trust.Succeeded, string.Join("; ", trust.Violations.Select(v => v.Message)));
        Assert.Contains(trust.Value!.Keys, k => k.KeyIdHex == issued.Str("keyId") && k.Participant == "BW");
        Assert.Contains(trust.Value.Participants, p => p.Code == "VE" && p.History.Count > 1);

        var revocations = RevocationList.Open(await anonymous.GetByteArrayAsync("/api/revocations"), hubKey);
        Assert.True(revocations.Succeeded);
        Assert.Contains(CertificateVerifier.NumberHash(issued.Str("number")), revocations.Value!.NumberHashes);
        Assert.DoesNotContain(issued.Str("number"), await anonymous.GetStringAsync("/api/revocations.json"), StringComparison.Ordinal);

        var json = await anonymous.GetJson("/api/trust-list.json");
        Assert.Contains(json.GetProperty("keys").EnumerateArray(), k => k.Str("keyId") == issued.Str("keyId"));

        using var other = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        Assert.Equal(["trust-list-key-mismatch"], TrustList.Open(await anonymous.GetByteArrayAsync("/api/trust-list"), other.ExportSubjectPublicKeyInfo()).Violations.Select(v => v.Code));
    }

    [Fact]
    public async Task The_CLI_downloads_the_lists_and_then_verifies_with_no_server()
    {
        var valid = await IssueAsync();
        var voided = await IssueAsync();
        await (await app.ClientFor("officer.bw")).PostJson($"/api/certificates/{voided.Str("number")}/void", new VoidCertificateRequest("Test", null), HttpStatusCode.OK);
        var dataDir = Directory.CreateTempSubdirectory("openkp-cli-").FullName;
        try
        {
            var download = await CliHarness.RunAsync(["trust-list", "download", "--server", "http://localhost/", "--data-dir", dataDir], app);
            Assert.True(download.ExitCode == 0, download.ToString());

            var ok = await CliHarness.RunAsync(["verify", valid.Str("qr"), "--data-dir", dataDir]);
            Assert.True(ok.ExitCode == 0, ok.ToString());
            Assert.Contains(valid.Str("number"), ok.Out, StringComparison.Ordinal);
            var refused = await CliHarness.RunAsync(["verify", voided.Str("qr"), "--data-dir", dataDir]);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("certificate-voided", refused.Out + refused.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
