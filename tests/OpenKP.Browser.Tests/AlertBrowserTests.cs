using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Browser.Tests;

/// <summary>Alerts in a real browser: an officer raises one through the form and sees it listed, at desktop and phone width.</summary>
public sealed class AlertBrowserTests(PortalSession portal) : IClassFixture<PortalSession>
{
    private static async Task SignIn(IPage page, string userName)
    {
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(OpenKpApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private static async Task<int> Overflow(IPage page)
        => await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

    [Fact]
    public async Task An_officer_raises_an_alert_and_sees_it_listed_on_desktop_and_phone()
    {
        var page = await portal.NewPage();
        await page.GotoAsync("/alerts");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));
        await SignIn(page, "officer.bw");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/alerts$"));
        await Assertions.Expect(page.GetByTestId("empty")).ToBeVisibleAsync();

        // First with nothing filled in: every problem beside its field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise the alert" }).ClickAsync();
        await Assertions.Expect(page.Locator("#kind-error")).ToContainTextAsync("Choose the kind of alert.");
        await Assertions.Expect(page.Locator("#subject-error")).ToBeVisibleAsync();
        await PortalSession.Screenshot(page, "40-alerts-form-errors");

        await page.GetByLabel("Kind of alert").SelectOptionAsync("fraudulent-certificate");
        await page.GetByLabel("Subject").FillAsync("Forged certificates offered in Gaborone");
        await page.GetByLabel("Details").FillAsync("Two certificates with numbers in the BW-2026 series were offered to a buyer.\nThe paper and the seals do not match ours: check any shipment presenting them.");
        await page.GetByLabel("Certificate number").FillAsync("BW-2026-009999");
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise the alert" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/alerts$"));
        await Assertions.Expect(page.GetByTestId("notice")).ToContainTextAsync("Alert raised");
        await Assertions.Expect(page.GetByTestId("alerts")).ToContainTextAsync("Forged certificates offered in Gaborone");
        await PortalSession.Screenshot(page, "41-alerts");

        var phone = await portal.NewPage(width: 390, height: 844);
        await phone.GotoAsync("/account/sign-in?ReturnUrl=%2Falerts");
        await SignIn(phone, "officer.za");
        await Assertions.Expect(phone).ToHaveURLAsync(new Regex("/alerts$"));
        await Assertions.Expect(phone.GetByTestId("acknowledge")).ToBeVisibleAsync();
        await PortalSession.Screenshot(phone, "42-phone-alerts");
        Assert.True(await Overflow(phone) <= 0, "the alerts page scrolls sideways on a phone");
        await phone.GetByTestId("acknowledge").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("acknowledged")).ToBeVisibleAsync();
        await PortalSession.Screenshot(phone, "43-phone-alerts-acknowledged");
    }
}
