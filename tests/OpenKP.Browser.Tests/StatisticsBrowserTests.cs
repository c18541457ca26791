using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenKP.Statistics;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Browser.Tests;

/// <summary>The public statistics in a real browser: the secretariat publishes a year, a visitor sees its table and charts and sorts a column.</summary>
public sealed class StatisticsBrowserTests(PortalSession portal) : IClassFixture<PortalSession>
{
    private static async Task SignIn(IPage page, string userName)
    {
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(OpenKpApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private static ProductionReturn Return(string participant, int half, long caratsHundredths, long usdCents) => new()
    {
        ParticipantCode = participant,
        Year = 2026,
        Half = half,
        Revision = 1,
        SubmittedBy = $"officer.{participant.ToLowerInvariant()}",
        SubmittedAt = new DateTime(2026, half * 6, 28, 12, 0, 0, DateTimeKind.Utc),
        Lines = [new ProductionLine { MiningType = MiningType.Industrial, CaratsHundredths = caratsHundredths, UsdCents = usdCents }],
    };

    [Fact]
    public async Task The_public_page_of_a_published_year_shows_the_table_and_its_charts_and_sorts_a_column()
    {
        var page = await portal.NewPage();
        await portal.WithDb(async db =>
        {
            db.ProductionReturns.AddRange(
                Return("BW", 1, 1_200_000_00, 180_000_000_00), Return("BW", 2, 1_100_000_00, 170_000_000_00),
                Return("ZA", 1, 2_600_000_00, 150_000_000_00), Return("ZA", 2, 2_500_000_00, 140_000_000_00),
                Return("CD", 1, 6_000_000_00, 45_000_000_00));
            return await db.SaveChangesAsync();
        });
        portal.Clock.Advance(new DateTimeOffset(2027, 1, 10, 9, 0, 0, TimeSpan.Zero) - portal.Clock.GetUtcNow());

        // Nothing is public yet: the hub says so.
        await page.GotoAsync("/statistics");
        await Assertions.Expect(page.GetByTestId("no-published-year")).ToBeVisibleAsync();

        // The secretariat publishes 2026 from its desk, after the confirmation.
        await page.GotoAsync("/account/sign-in?ReturnUrl=%2Fstatistics%2Fpublication");
        await SignIn(page, "secretariat");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/statistics/publication$"));
        await page.GetByTestId("publish-2026").ClickAsync();
        await Assertions.Expect(page.GetByTestId("confirm-publish")).ToBeVisibleAsync();
        await PortalSession.Screenshot(page, "60-statistics-publish-confirm");
        await page.GetByTestId("publish-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("done")).ToContainTextAsync("2026 is published as vintage 1");

        // A visitor (no sign-in) sees the table, the vintage it shows, and the charts.
        var visitor = await portal.NewPage();
        await visitor.GotoAsync("/statistics");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "2026", Exact = true }).ClickAsync();
        await Assertions.Expect(visitor).ToHaveURLAsync(new Regex("/statistics/2026$"));
        var table = visitor.GetByTestId("statistics-table");
        await Assertions.Expect(table).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByTestId("vintage")).ToContainTextAsync("Vintage 1, published 10 January 2027");
        await Assertions.Expect(table.Locator("tfoot")).ToContainTextAsync("World total");

        var chart = visitor.GetByTestId("chart-top-producers").Locator("img");
        await chart.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(chart).ToBeVisibleAsync();
        await Assertions.Expect(chart).ToHaveAttributeAsync("alt", "Top producers 2026 (carats)");
        await visitor.WaitForFunctionAsync("() => [...document.querySelectorAll('.stat-chart img')].every(i => i.complete && i.naturalWidth > 0)");
        var svg = await (await visitor.APIRequest.GetAsync("/statistics/charts/2026/top-producers.svg")).TextAsync();
        Assert.Contains("Top producers 2026 (carats)", svg, StringComparison.Ordinal);
        await PortalSession.Screenshot(visitor, "61-statistics-year");

        // Sorting by production carats (descending first) puts the largest producer on top, and says so to assistive technology.
        await table.Locator("th[data-sort='production-carats'] a").ClickAsync();
        await Assertions.Expect(visitor).ToHaveURLAsync(new Regex("sort=production-carats&dir=desc"));
        await Assertions.Expect(visitor.GetByTestId("statistics-table").Locator("th[data-sort='production-carats']")).ToHaveAttributeAsync("aria-sort", "descending");
        await Assertions.Expect(visitor.GetByTestId("statistics-table").Locator("tbody tr").First).ToHaveAttributeAsync("data-participant", "CD");
        await visitor.GetByTestId("statistics-table").Locator("th[data-sort='production-carats'] a").ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("statistics-table").Locator("th[data-sort='production-carats']")).ToHaveAttributeAsync("aria-sort", "ascending");
        await PortalSession.Screenshot(visitor, "62-statistics-year-sorted");

        await visitor.GotoAsync("/statistics");
        await Assertions.Expect(visitor.GetByTestId("chart-world").Locator("img")).ToBeVisibleAsync();
        await PortalSession.Screenshot(visitor, "63-statistics-hub");
    }
}
