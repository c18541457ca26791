using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Browser.Tests;

/// <summary>The portal in a real browser: what a visitor, an officer and the secretariat see and do.</summary>
public sealed class PortalBrowserTests(PortalSession portal) : IClassFixture<PortalSession>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 10_000 };

    [Fact]
    public async Task The_home_page_says_what_openkp_is_and_counts_the_participants()
    {
        var page = await portal.NewPage();
        var response = await page.GotoAsync("/");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("The Kimberley Process registry, open to everyone");
        await Assertions.Expect(page.GetByTestId("participants-count")).ToHaveTextAsync(new Regex("^[1-9][0-9]*$"));
        await Assertions.Expect(page.Locator("nav.site-nav")).ToContainTextAsync("Observers");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("OpenKP"));
        await PortalSession.Screenshot(page, "01-home");
    }

    [Fact]
    public async Task An_authority_officer_signs_in_and_sees_its_name_role_and_participant()
    {
        var page = await portal.NewPage();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.GetByLabel("User name").FillAsync("officer.bw");
        await page.GetByLabel("Password").FillAsync(OpenKpApp.DemoPassword);
        await PortalSession.Screenshot(page, "02-sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("account-name")).ToHaveTextAsync("Authority officer, BW", new() { Timeout = 10_000 });
        await Assertions.Expect(page.GetByTestId("account-role")).ToContainTextAsync("BW");
        await PortalSession.Screenshot(page, "03-signed-in");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync(Soon);
    }

    [Fact]
    public async Task A_wrong_password_is_shown_in_the_summary_and_beside_the_field()
    {
        var page = await portal.NewPage();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("User name").FillAsync("customs.ae");
        await page.GetByLabel("Password").FillAsync("wrong password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("The user name or password is wrong");
        await Assertions.Expect(page.Locator("#password-error")).ToBeVisibleAsync(Soon);
        await PortalSession.Screenshot(page, "04-sign-in-error");
    }

    [Fact]
    public async Task The_participants_page_lists_participants_with_their_status()
    {
        var page = await portal.NewPage();
        await page.GotoAsync("/participants");
        var rows = page.GetByTestId("participants-table").Locator("tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync(Soon);
        Assert.True(await rows.CountAsync() >= 20, "a page of participants");
        await Assertions.Expect(rows.Filter(new() { HasText = "Botswana" }).Locator(".tag")).ToHaveTextAsync("Active");
        await PortalSession.Screenshot(page, "05-participants");

        await page.GetByLabel("Status").SelectOptionAsync("suspended");
        await page.GetByLabel("On the day").FillAsync("2014-06-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show participants" }).ClickAsync();
        await Assertions.Expect(rows.Filter(new() { HasText = "Central African Republic" }).Locator(".tag")).ToHaveTextAsync("Suspended");
        await PortalSession.Screenshot(page, "06-participants-suspended-2014");
    }

    [Fact]
    public async Task The_central_african_republic_timeline_shows_its_suspension_zone_limits_and_decisions()
    {
        var page = await portal.NewPage();
        await page.GotoAsync("/participants/CF");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Central African Republic");
        var timeline = page.GetByTestId("timeline");
        var suspension = timeline.Locator("li[data-status='suspended'][data-date^='2013']");
        var zoneLimited = timeline.Locator("li[data-status='zone-limited'][data-date^='2016']");
        await Assertions.Expect(suspension.First).ToBeVisibleAsync(Soon);
        await Assertions.Expect(suspension.First.Locator(".tag")).ToHaveTextAsync("Suspended");
        await Assertions.Expect(suspension.First.Locator(".decision")).ToContainTextAsync("Decision:");
        await Assertions.Expect(zoneLimited.First).ToBeVisibleAsync(Soon);
        await Assertions.Expect(zoneLimited.First.Locator(".decision__title")).Not.ToBeEmptyAsync();
        await PortalSession.Screenshot(page, "07-participant-cf");
    }

    [Fact]
    public async Task The_language_switch_turns_the_same_page_french()
    {
        var page = await portal.NewPage();
        await page.GotoAsync("/participants/CF");
        await page.GetByRole(AriaRole.Link, new() { Name = "Français" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/participants/CF$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("République centrafricaine");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Historique du statut" })).ToBeVisibleAsync(Soon);
        await PortalSession.Screenshot(page, "08-participant-cf-fr");

        await page.GetByRole(AriaRole.Link, new() { Name = "中文" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh");
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("面向所有人开放的金伯利进程登记册");
        await PortalSession.Screenshot(page, "09-home-zh");
    }

    [Fact]
    public async Task The_secretariat_records_a_status_event_through_the_form()
    {
        var page = await portal.NewPage();
        await page.GotoAsync("/participants/AO/status-events/new");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));
        await page.GetByLabel("User name").FillAsync("secretariat");
        await page.GetByLabel("Password").FillAsync(OpenKpApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/participants/AO/status-events/new$"));

        // First an incomplete form: every problem at once, values kept.
        await page.GetByLabel("Note").FillAsync("Suspended pending a review visit, recorded in the browser.");
        await page.GetByLabel("New status").SelectOptionAsync("special-measures");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the status change" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Enter the title of the decision");
        await Assertions.Expect(page.Locator("#decisionTitle-error")).ToBeVisibleAsync(Soon);
        await Assertions.Expect(page.GetByLabel("Note")).ToHaveValueAsync("Suspended pending a review visit, recorded in the browser.");
        await PortalSession.Screenshot(page, "10-status-event-errors");

        await page.GetByLabel("New status").SelectOptionAsync("suspended");
        await page.GetByLabel("Effective date").FillAsync("2026-03-01");
        await page.GetByLabel("Title of the decision").FillAsync("Administrative decision on Angola");
        await page.GetByLabel("Date of the decision").FillAsync("2026-01-14");
        await page.GetByLabel("Reference (optional)").FillAsync("AD/2026/07");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the status change" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/participants/AO$"));
        await Assertions.Expect(page.GetByTestId("recorded-banner")).ToBeVisibleAsync(Soon);
        var recorded = page.GetByTestId("timeline").Locator("li", new() { HasText = "recorded in the browser" });
        await Assertions.Expect(recorded.Locator(".tag--scheduled")).ToHaveTextAsync("Scheduled");
        await Assertions.Expect(recorded).ToContainTextAsync("AD/2026/07");
        await PortalSession.Screenshot(page, "11-status-event-recorded");
    }

    [Theory]
    [InlineData("/", "phone-home")]
    [InlineData("/participants", "phone-participants")]
    [InlineData("/participants/CF", "phone-participant-cf")]
    [InlineData("/participants/EU", "phone-participant-eu")]
    [InlineData("/observers", "phone-observers")]
    [InlineData("/account/sign-in", "phone-sign-in")]
    [InlineData("/participants?on=2016-13-45", "phone-bad-date")]
    [InlineData("/no-such-page", "phone-not-found")]
    public async Task At_phone_width_pages_do_not_scroll_sideways(string url, string name)
    {
        var page = await portal.NewPage(width: 390, height: 844);
        await page.GotoAsync(url);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        await PortalSession.Screenshot(page, name);
        Assert.True(overflow <= 0, $"{url} is {overflow}px wider than a 390px phone screen");
    }
}
