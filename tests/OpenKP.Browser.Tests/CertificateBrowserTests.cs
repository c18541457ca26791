using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Browser.Tests;

/// <summary>Certificates in a real browser: an officer issues one through the form, opens it, prints it; anyone verifies it on a phone.</summary>
public sealed class CertificateBrowserTests(PortalSession portal) : IClassFixture<PortalSession>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 10_000 };

    private static async Task SignIn(IPage page, string userName)
    {
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(OpenKpApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private static async Task<int> Overflow(IPage page)
        => await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

    /// <summary>Fills the issue form for the demo shipment BW → AE; parcels left for the caller.</summary>
    private static async Task FillIssueForm(IPage page)
    {
        await page.GetByLabel("Importing participant").SelectOptionAsync("AE");
        await page.GetByLabel("Importer’s name").FillAsync("Gulf Rough Diamonds DMCC");
        await page.GetByLabel("Importer’s address").FillAsync("1 Diamond Street, Dubai");
        await page.GetByLabel("Importer’s licence number").FillAsync("AE-OP-001");
        await page.Locator("#exporterLicence").SelectOptionAsync("BW-OP-001");
        await page.GetByLabel("Country of origin").SelectOptionAsync("BW");
        await page.Locator("[id='lines[0].hsCode']").SelectOptionAsync("7102.10");
        await page.Locator("[id='lines[0].carats']").FillAsync("1250.50");
        await page.Locator("[id='lines[0].usd']").FillAsync("312625.00");
        await page.Locator("[id='lines[1].hsCode']").SelectOptionAsync("7102.31");
        await page.Locator("[id='lines[1].carats']").FillAsync("84.10");
        await page.Locator("[id='lines[1].usd']").FillAsync("201840.00");
        await page.GetByLabel("Seal numbers").FillAsync("SEAL-0001\nSEAL-0002");
        await page.GetByLabel("Container numbers").FillAsync("MSKU1234567");
        await page.GetByLabel("Notes on the goods").FillAsync("Run of mine, two boxes");
    }

    [Fact]
    public async Task An_officer_issues_a_certificate_opens_it_and_anyone_verifies_its_qr_on_a_phone()
    {
        var page = await portal.NewPage();
        await page.GotoAsync("/certificates/new");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));
        await SignIn(page, "officer.bw");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/certificates/new$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Issue a Kimberley Process certificate");

        // The script adds line rows beyond the five the server renders.
        var rows = page.Locator("[data-line-row]");
        await Assertions.Expect(rows).ToHaveCountAsync(5);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a line" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("[id='lines[5].carats']")).ToBeVisibleAsync(Soon);

        // First without the parcels and with a bad amount: every problem beside its field, the values kept.
        await FillIssueForm(page);
        await page.Locator("[id='lines[5].carats']").FillAsync("12,5");
        await page.Locator("[id='lines[5].hsCode']").SelectOptionAsync("7102.21");
        await page.Locator("[id='lines[5].usd']").FillAsync("100.00");
        await PortalSession.Screenshot(page, "20-issue-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue the certificate" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Enter the number of parcels.");
        await Assertions.Expect(page.Locator("[id='parcels-error']")).ToBeVisibleAsync(Soon);
        await Assertions.Expect(page.Locator("[id='lines[2].carats-error']")).ToContainTextAsync("invalid-number");
        await Assertions.Expect(page.GetByLabel("Importer’s name")).ToHaveValueAsync("Gulf Rough Diamonds DMCC");
        await PortalSession.Screenshot(page, "21-issue-form-errors");

        await page.Locator("[id='lines[2].carats']").FillAsync("12.50");
        await page.GetByLabel("Number of parcels").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue the certificate" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/certificates/BW-2026-\d{6}$"));
        await Assertions.Expect(page.GetByTestId("notice")).ToContainTextAsync("Certificate issued");
        var number = await page.GetByTestId("certificate-number").InnerTextAsync();
        await Assertions.Expect(page.GetByTestId("certificate-status")).ToHaveTextAsync("Issued");
        await Assertions.Expect(page.GetByTestId("total-carats")).ToHaveTextAsync("1,347.10");
        var qr = page.GetByTestId("qr").Locator("svg");
        await Assertions.Expect(qr).ToBeVisibleAsync(Soon);
        var box = await qr.BoundingBoxAsync();
        Assert.True(box is { Width: > 150, Height: > 150 }, $"the QR is drawn large enough to scan ({box?.Width}×{box?.Height})");
        await PortalSession.Screenshot(page, "22-certificate");

        var pdfHref = await page.GetByTestId("pdf-link").GetAttributeAsync("href");
        Assert.Equal($"/api/certificates/{number}/pdf", pdfHref);
        var pdf = await page.APIRequest.GetAsync(pdfHref!);
        Assert.Equal(200, pdf.Status);
        Assert.StartsWith("application/pdf", pdf.Headers["content-type"], StringComparison.Ordinal);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..4]), StringComparison.Ordinal);

        var qrText = await page.GetByTestId("qr-text").InputValueAsync();
        Assert.StartsWith("KP1:", qrText, StringComparison.Ordinal);

        await page.GotoAsync("/certificates");
        await Assertions.Expect(page.Locator($"tr[data-number='{number}']")).ToBeVisibleAsync(Soon);
        await PortalSession.Screenshot(page, "23-certificates");

        // Anyone, on a phone, without signing in.
        var phone = await portal.NewPage(width: 390, height: 844);
        await phone.GotoAsync("/verify");
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("Verify a Kimberley Process certificate");
        await Assertions.Expect(phone.Locator("input[type=file][capture=environment]")).ToBeVisibleAsync(Soon);
        await PortalSession.Screenshot(phone, "24-phone-verify");
        Assert.True(await Overflow(phone) <= 0, "the verify page scrolls sideways on a phone");

        await phone.GetByLabel("The QR text").FillAsync(qrText);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Check the text" }).ClickAsync();
        var verdict = phone.GetByTestId("verdict");
        await Assertions.Expect(verdict).ToHaveAttributeAsync("data-valid", "true");
        await Assertions.Expect(verdict.Locator(".verdict__label")).ToHaveTextAsync("VALID");
        await Assertions.Expect(phone.GetByTestId("decoded-number")).ToHaveTextAsync(number);
        await PortalSession.Screenshot(phone, "25-phone-verify-valid");
        Assert.True(await Overflow(phone) <= 0, "the verdict scrolls sideways on a phone");

        await phone.GetByLabel("The QR text").FillAsync("KP1:" + qrText[4..^3] + "000");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Check the text" }).ClickAsync();
        await Assertions.Expect(phone.GetByTestId("verdict")).ToHaveAttributeAsync("data-valid", "false");
        await Assertions.Expect(phone.GetByTestId("reasons").Locator("li").First).ToBeVisibleAsync(Soon);
        await PortalSession.Screenshot(phone, "26-phone-verify-invalid");
        Assert.True(await Overflow(phone) <= 0, "the refusal scrolls sideways on a phone");

        // The officer voids it; the page and the verifier say so.
        await page.GotoAsync($"/certificates/{number}");
        await page.GetByText("Void this certificate").ClickAsync();
        await page.GetByLabel("Reason for voiding").FillAsync("Shipment cancelled by the exporter.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Void the certificate" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("void-banner")).ToContainTextAsync("Shipment cancelled by the exporter.");
        await PortalSession.Screenshot(page, "27-certificate-void");

        await page.GotoAsync("/verify");
        await page.GetByLabel("The QR text").FillAsync(qrText);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the text" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("verdict")).ToHaveAttributeAsync("data-valid", "false");
        await Assertions.Expect(page.Locator("li[data-code='certificate-voided']")).ToBeVisibleAsync(Soon);
        await PortalSession.Screenshot(page, "29-verify-voided");
    }

    [Fact]
    public async Task At_phone_width_the_certificate_pages_do_not_scroll_sideways()
    {
        var page = await portal.NewPage(width: 390, height: 844);
        await page.GotoAsync("/account/sign-in?ReturnUrl=%2Fcertificates%2Fnew");
        await SignIn(page, "officer.bw");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/certificates/new$"));
        await PortalSession.Screenshot(page, "phone-issue-form");
        Assert.True(await Overflow(page) <= 0, "the issue form scrolls sideways on a phone");

        await FillIssueForm(page);
        await page.GetByLabel("Number of parcels").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue the certificate" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/certificates/BW-2026-\d{6}$"));
        var number = await page.GetByTestId("certificate-number").InnerTextAsync();

        foreach (var (url, name) in new[]
        {
            ($"/certificates/{number}", "phone-certificate"),
            ("/certificates", "phone-certificates"),
            ($"/certificates/{number}/replace", "phone-replace"),
            ("/certificates/reported/BW", "phone-reported"),
            ("/keys", "phone-keys"),
            ("/keys/BW?confirm=rotate", "phone-keys-rotate"),
        })
        {
            await page.GotoAsync(url);
            await PortalSession.Screenshot(page, name);
            Assert.True(await Overflow(page) <= 0, $"{url} scrolls sideways on a phone");
        }
    }

    [Fact]
    public async Task The_keys_page_lists_the_keys_with_the_hub_key_marked()
    {
        var page = await portal.NewPage();
        var hubKey = await page.APIRequest.GetAsync("/api/trust-list/hub-key"); // the hub key is made on first use
        Assert.Equal(200, hubKey.Status);
        await page.GotoAsync("/keys");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Signing keys");
        await Assertions.Expect(page.GetByTestId("hub-key")).ToHaveTextAsync("Hub key");
        await PortalSession.Screenshot(page, "28-keys");
    }
}
