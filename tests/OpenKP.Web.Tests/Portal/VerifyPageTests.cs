using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using OpenKP.Certificates;
using OpenKP.Web.Certificates;
using OpenKP.Web.Tests.Certificates;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Portal;

/// <summary>The public verify page: pasted text or an uploaded photo, the verdict with every reason, as <c>POST /api/verify</c> judges it.</summary>
public sealed partial class VerifyPageTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private async Task<string> IssuedQrAsync()
        => (await (await app.ClientFor("officer.bw")).PostJson("/api/certificates", Drafts.Valid(), HttpStatusCode.Created)).Str("qr");

    private static async Task<string> PostText(PortalClient visitor, string qr, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (_, page) = await visitor.Get("/verify");
        using var response = await visitor.PostForm("/verify?handler=text", new() { ["qr"] = qr }, PortalClient.Token(page));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {html}");
        return html;
    }

    [Fact]
    public async Task Anyone_pastes_a_valid_text_and_sees_valid_with_the_certificate_as_signed()
    {
        var qr = await IssuedQrAsync();
        using var visitor = PortalClient.Anonymous(app);
        var (status, empty) = await visitor.Get("/verify");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("accept=\"image/*\" capture=\"environment\"", empty, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"verdict\"", empty, StringComparison.Ordinal);

        var html = await PostText(visitor, qr);
        Assert.Contains("data-valid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains(">VALID<", VerdictWord(html), StringComparison.Ordinal);
        var number = CertificateQr.Open(qr).Value!.Certificate.Number;
        Assert.Contains($"data-testid=\"decoded-number\">{number}<", html, StringComparison.Ordinal);
        Assert.Contains("Kalahari Rough Trading (Pty) Ltd", html, StringComparison.Ordinal);
        Assert.Contains("Gulf Rough Diamonds DMCC", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"total-carats\">1,644.85<", html, StringComparison.Ordinal);
        Assert.Contains("Diamond Hub, Ministry of Minerals and Energy", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"reasons\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_text_is_not_valid_with_the_same_reason_code_as_the_api()
    {
        var qr = await IssuedQrAsync();
        var chars = qr.ToCharArray();
        var i = qr.Length / 2;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        var tampered = new string(chars);
        var api = await (await app.ClientFor(null)).PostJson("/api/verify", new VerifyRequest(tampered), HttpStatusCode.OK);
        var codes = api.GetProperty("reasons").EnumerateArray().Select(r => r.Str("code")).ToList();
        Assert.NotEmpty(codes);

        using var visitor = PortalClient.Anonymous(app);
        var html = await PostText(visitor, tampered);
        Assert.Contains("data-valid=\"false\"", html, StringComparison.Ordinal);
        Assert.Contains(">NOT VALID<", VerdictWord(html), StringComparison.Ordinal);
        foreach (var code in codes)
        {
            Assert.Contains($"data-code=\"{code}\"", html, StringComparison.Ordinal);
        }

        var prefix = await PostText(visitor, "HC1:" + qr[4..]);
        Assert.Contains("data-code=\"malformed-prefix\"", prefix, StringComparison.Ordinal);
        Assert.Contains("This is not a KP certificate code", prefix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_voided_certificate_is_not_valid_on_the_page()
    {
        var qr = await IssuedQrAsync();
        var number = CertificateQr.Open(qr).Value!.Certificate.Number;
        await (await app.ClientFor("officer.bw")).PostJson($"/api/certificates/{number}/void", new VoidCertificateRequest("Cancelled", null), HttpStatusCode.OK);
        using var visitor = PortalClient.Anonymous(app);
        var html = await PostText(visitor, qr);
        Assert.Contains("data-code=\"certificate-voided\"", html, StringComparison.Ordinal);
        Assert.Contains("Voided, or its number reported lost or stolen", html, StringComparison.Ordinal);
        Assert.Contains($"Certificate {number} was voided", html, StringComparison.Ordinal); // the verifier's own message
        Assert.Contains("data-testid=\"decoded\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_text_is_reported_beside_the_field()
    {
        using var visitor = PortalClient.Anonymous(app);
        var html = await PostText(visitor, "  ", HttpStatusCode.BadRequest);
        Assert.Matches("id=\"qr-error\">[\\s\\S]*?Paste the text of the QR code", html);
        Assert.Contains("href=\"#qr\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_uploaded_png_of_the_qr_is_read_and_verified()
    {
        var qr = await IssuedQrAsync();
        using var visitor = PortalClient.Anonymous(app);
        using var response = await visitor.PostFile("/verify", "/verify?handler=image", "image", "qr.png", QrImages.Png(qr), "image/png");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-valid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains(CertificateQr.Open(qr).Value!.Certificate.Number, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_file_upload_gets_the_unsupported_image_message()
    {
        using var visitor = PortalClient.Anonymous(app);
        using var response = await visitor.PostFile("/verify", "/verify?handler=image", "image", "certificate.txt", Encoding.UTF8.GetBytes("KP1:not a picture"), "text/plain");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Matches("id=\"image-error\">[\\s\\S]*?Only PNG and JPEG images can be read", html);
        Assert.Contains("image-type-unsupported", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"verdict\"", html, StringComparison.Ordinal);

        using var blank = await visitor.PostFile("/verify", "/verify?handler=image", "image", "blank.png", BlankPng(), "image/png");
        Assert.Contains("qr-not-found", await blank.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_takes_photos_up_to_10_MB_and_refuses_larger_ones_with_a_page_that_says_so()
    {
        using var visitor = PortalClient.Anonymous(app);
        // Above the app's 1 MiB default but within the page's limit: read, and judged by the image reader.
        var twoMegabytes = new byte[2 * 1024 * 1024];
        using (var taken = await visitor.PostFile("/verify", "/verify?handler=image", "image", "photo.jpg", twoMegabytes, "image/jpeg"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, taken.StatusCode);
            Assert.Contains("image-type-unsupported", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var refused = await visitor.PostFile("/verify", "/verify?handler=image", "image", "huge.jpg", new byte[11 * 1024 * 1024], "image/jpeg");
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Contains("The file is too large", html, StringComparison.Ordinal);
        Assert.Contains("at most 10 MB", html, StringComparison.Ordinal);

        // Other pages keep the 1 MiB limit.
        var (_, signIn) = await visitor.Get("/account/sign-in");
        using var big = await visitor.PostForm("/account/sign-in", new() { ["userName"] = new string('x', 2 * 1024 * 1024), ["password"] = "x" }, PortalClient.Token(signIn));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
    }

    [Fact]
    public async Task The_verify_page_is_public_and_in_french()
    {
        using var visitor = PortalClient.Anonymous(app);
        visitor.UseCulture("fr");
        var (status, html) = await visitor.Get("/verify");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Vérifier un certificat du Processus de Kimberley", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">Vérifier<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_shares_the_api_rate_limit_and_showing_it_is_free()
    {
        await using var limited = new RateLimitedApp();
        await limited.InitializeAsync();
        using var visitor = PortalClient.Anonymous(limited);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await visitor.Get("/verify")).Status);
        }

        var (_, page) = await visitor.Get("/verify");
        var token = PortalClient.Token(page);
        using var api = limited.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync("/api/verify", new VerifyRequest("KP1:x"))).StatusCode);
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await visitor.PostForm("/verify?handler=text", new() { ["qr"] = "KP1:x" }, token);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await visitor.PostForm("/verify?handler=text", new() { ["qr"] = "KP1:x" }, token);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many requests", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await api.PostAsJsonAsync("/api/verify", new VerifyRequest("KP1:x"))).StatusCode);
    }

    private static string VerdictWord(string html) => VerdictWordElement().Match(html).Value;

    /// <summary>A 40×40 white PNG: an image with no QR code in it.</summary>
    private static byte[] BlankPng()
    {
        using var bitmap = new SkiaSharp.SKBitmap(40, 40);
        bitmap.Erase(SkiaSharp.SKColors.White);
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    [GeneratedRegex("<p class=\"verdict__word\"[\\s\\S]*?</p>")]
    private static partial Regex VerdictWordElement();

    private sealed class RateLimitedApp : OpenKpApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("OpenKP:VerifyRequestsPerMinute", "3");
        }
    }
}
