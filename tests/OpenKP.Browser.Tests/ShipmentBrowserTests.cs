using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Browser.Tests;

/// <summary>
/// The KP loop in a real browser with three demo accounts: operator.bw applies, officer.bw reviews and approves,
/// customs.ae checks the shipment at arrival with the certificate's QR text, and officer.bw sees the loop closed.
/// </summary>
public sealed class ShipmentBrowserTests(PortalSession portal) : IClassFixture<PortalSession>
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

    [Fact]
    public async Task An_application_becomes_a_certificate_that_the_importing_customs_accept_and_the_exporter_sees_confirmed()
    {
        // operator.bw applies: 1,644.85 ct worth US$ 529,977.50, under BW's demo four-eyes threshold of US$ 1,000,000.
        var exporter = await portal.NewPage();
        await exporter.GotoAsync("/applications");
        await Assertions.Expect(exporter).ToHaveURLAsync(new Regex("/account/sign-in"));
        await SignIn(exporter, "operator.bw");
        await Assertions.Expect(exporter).ToHaveURLAsync(new Regex("/applications$"));
        await exporter.GetByTestId("new-application").ClickAsync();
        await Assertions.Expect(exporter.Locator("h1")).ToHaveTextAsync("Apply for a Kimberley Process certificate");
        await Assertions.Expect(exporter.GetByTestId("own-company")).ToContainTextAsync("Kalahari Rough Trading (Pty) Ltd");
        await exporter.GetByLabel("Importing participant").SelectOptionAsync("AE");
        await exporter.GetByLabel("Importer’s name").FillAsync("Gulf Rough Diamonds DMCC");
        await exporter.GetByLabel("Importer’s address").FillAsync("1 Diamond Street, Dubai");
        await exporter.GetByLabel("Importer’s licence number").FillAsync("AE-OP-001");
        await exporter.GetByLabel("Country of origin").SelectOptionAsync("BW");
        string[][] lines = [["7102.10", "1250.50", "312625.00"], ["7102.21", "310.25", "15512.50"], ["7102.31", "84.10", "201840.00"]];
        for (var i = 0; i < lines.Length; i++)
        {
            await exporter.Locator($"[id='lines[{i}].hsCode']").SelectOptionAsync(lines[i][0]);
            await exporter.Locator($"[id='lines[{i}].carats']").FillAsync(lines[i][1]);
            await exporter.Locator($"[id='lines[{i}].usd']").FillAsync(lines[i][2]);
        }

        await exporter.GetByLabel("Number of parcels").FillAsync("3");
        await exporter.GetByLabel("Invoice reference").FillAsync("INV-2026-0042");
        await exporter.GetByLabel("Seal numbers").FillAsync("SEAL-0001\nSEAL-0002");
        await exporter.GetByLabel("Container numbers").FillAsync("MSKU1234567");
        await exporter.GetByLabel("Planned departure").FillAsync("2026-01-20");
        await exporter.GetByLabel("Expected arrival").FillAsync("2026-01-22");
        await PortalSession.Screenshot(exporter, "50-application-form");
        await exporter.GetByRole(AriaRole.Button, new() { Name = "Save and submit" }).ClickAsync();
        await Assertions.Expect(exporter).ToHaveURLAsync(new Regex(@"/applications/\d+$"));
        await Assertions.Expect(exporter.GetByTestId("notice")).ToContainTextAsync("Application submitted");
        await Assertions.Expect(exporter.GetByTestId("application-status")).ToHaveTextAsync("Submitted");
        await Assertions.Expect(exporter.GetByTestId("total-carats")).ToHaveTextAsync("1,644.85");
        var id = Regex.Match(exporter.Url, @"/applications/(\d+)$").Groups[1].Value;
        await PortalSession.Screenshot(exporter, "51-application-submitted");

        // officer.bw opens it from the review queue, sees the review and approves.
        var officer = await portal.NewPage();
        await officer.GotoAsync("/account/sign-in?ReturnUrl=%2Fapplications");
        await SignIn(officer, "officer.bw");
        await Assertions.Expect(officer).ToHaveURLAsync(new Regex("/applications$"));
        await officer.GetByTestId("queue").GetByRole(AriaRole.Link, new() { Name = $"Application {id}", Exact = true }).ClickAsync();
        await Assertions.Expect(officer).ToHaveURLAsync(new Regex($"/applications/{id}$"));
        await Assertions.Expect(officer.GetByTestId("review")).ToBeVisibleAsync(Soon);
        await Assertions.Expect(officer.GetByTestId("no-violations")).ToBeVisibleAsync();
        await Assertions.Expect(officer.GetByTestId("declared")).ToHaveTextAsync("US$\u00a0322.20");
        await Assertions.Expect(officer.GetByTestId("two-approvals")).ToHaveCountAsync(0);
        await PortalSession.Screenshot(officer, "52-application-review");
        await officer.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("notice")).ToContainTextAsync("Approved: certificate issued");
        var number = await officer.GetByTestId("certificate-number").InnerTextAsync();
        Assert.Matches(@"^BW-2026-\d{6}$", number);
        await PortalSession.Screenshot(officer, "53-application-issued");

        // customs.ae finds it in the Incoming tab, reads the QR text from the certificate and checks the arrival.
        var customs = await portal.NewPage();
        await customs.GotoAsync("/shipments");
        await SignIn(customs, "customs.ae");
        await Assertions.Expect(customs).ToHaveURLAsync(new Regex("/shipments$"));
        await customs.GetByTestId("tab-incoming").ClickAsync();
        var row = customs.Locator($"tr[data-number='{number}']");
        await Assertions.Expect(row).ToBeVisibleAsync(Soon);
        await Assertions.Expect(row).ToContainTextAsync("22 January 2026");
        await PortalSession.Screenshot(customs, "54-shipments-incoming");
        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Assertions.Expect(customs.GetByTestId("shipment-status")).ToHaveTextAsync("Awaiting departure");
        await customs.GetByTestId("certificate-link").ClickAsync();
        var qr = await customs.GetByTestId("qr-text").InputValueAsync();
        Assert.StartsWith("KP1:", qr, StringComparison.Ordinal);
        await customs.GoBackAsync();
        await customs.GetByTestId("check-arrival").ClickAsync();
        await Assertions.Expect(customs).ToHaveURLAsync(new Regex("/arrivals\\?number="));
        await customs.GetByLabel("The QR text").FillAsync(qr);
        await customs.GetByTestId("seal-yes").CheckAsync();
        await customs.GetByLabel("Parcels counted").FillAsync("3");
        await customs.GetByLabel("Carats weighed").FillAsync("1644.85");
        await customs.GetByLabel("Value found in US$").FillAsync("529977.50");
        await customs.GetByLabel("Date of receipt").FillAsync("2026-01-15");
        await PortalSession.Screenshot(customs, "55-arrival-form");
        await customs.GetByRole(AriaRole.Button, new() { Name = "Check the shipment" }).ClickAsync();
        await Assertions.Expect(customs).ToHaveURLAsync(new Regex(@"/arrivals/\d+$"));
        await Assertions.Expect(customs.GetByTestId("arrival-outcome")).ToHaveAttributeAsync("data-outcome", "accepted");
        await Assertions.Expect(customs.Locator(".verdict__label")).ToHaveTextAsync("ACCEPTED");
        await Assertions.Expect(customs.GetByTestId("confirmation")).ToBeVisibleAsync(Soon);
        await PortalSession.Screenshot(customs, "56-arrival-accepted");

        // officer.bw sees the shipment confirmed, with the import confirmation and its PDF.
        await officer.GotoAsync($"/shipments/{number}");
        await Assertions.Expect(officer.GetByTestId("shipment-status")).ToHaveTextAsync("Confirmed");
        await Assertions.Expect(officer.GetByTestId("confirmation-carats")).ToHaveTextAsync("1,644.85");
        Assert.StartsWith("KPC1:", await officer.GetByTestId("confirmation-text").InputValueAsync(), StringComparison.Ordinal);
        var pdfHref = await officer.GetByTestId("confirmation-pdf").GetAttributeAsync("href");
        Assert.Equal($"/api/shipments/{number}/confirmation/pdf", pdfHref);
        var pdf = await officer.APIRequest.GetAsync(pdfHref!);
        Assert.Equal(200, pdf.Status);
        Assert.StartsWith("application/pdf", pdf.Headers["content-type"], StringComparison.Ordinal);
        await PortalSession.Screenshot(officer, "57-shipment-confirmed");

        // The same pages at phone width do not scroll sideways.
        var phone = await portal.NewPage(width: 390, height: 844);
        await phone.GotoAsync("/account/sign-in?ReturnUrl=%2Fapplications");
        await SignIn(phone, "officer.bw");
        await Assertions.Expect(phone).ToHaveURLAsync(new Regex("/applications$"));
        foreach (var (url, name) in new[] { ("/applications", "phone-applications"), ($"/applications/{id}", "phone-application"), ("/shipments", "phone-shipments"), ($"/shipments/{number}", "phone-shipment") })
        {
            await phone.GotoAsync(url);
            await PortalSession.Screenshot(phone, name);
            Assert.True(await Overflow(phone) <= 0, $"{url} scrolls sideways on a phone");
        }
    }
}
