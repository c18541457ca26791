using System.Net;
using OpenKP.Web.Tests.Infrastructure;
using OpenKP.Web.Tests.Statistics;

namespace OpenKP.Web.Tests.Portal;

/// <summary>The footprint pages on a known history (<see cref="FootprintApp"/>): the origins list, one origin's percentiles and chart, in English and French.</summary>
public sealed class FootprintPageTests(FootprintApp app) : IClassFixture<FootprintApp>
{
    [Fact]
    public async Task The_list_shows_each_origins_sample_median_and_band_or_not_enough_history()
    {
        await app.EnsureHistoryAsync();
        using var observer = await PortalClient.SignedIn(app, "observer.wdc");
        var (status, html) = await observer.Get("/statistics/footprints");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"footprints-table\"", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-origin=\"BW\" data-hs=\"7102.21\">", html, StringComparison.Ordinal);
        Assert.Contains("US$&#xA0;40.12 – US$&#xA0;50.88", html, StringComparison.Ordinal); // the 7102.21 band
        Assert.Contains("href=\"/statistics/footprints/BW\"", html, StringComparison.Ordinal);
        var za = html[html.IndexOf("data-origin=\"ZA\"", StringComparison.Ordinal)..];
        Assert.Contains("data-testid=\"not-enough\"", za[..za.IndexOf("</tr>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"recompute\"", html, StringComparison.Ordinal);

        var (_, filtered) = await observer.Get("/statistics/footprints?origin=ZA");
        Assert.DoesNotContain("data-origin=\"BW\"", filtered, StringComparison.Ordinal);
        Assert.Contains("data-origin=\"ZA\"", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_origins_page_shows_its_percentiles_a_chart_and_says_no_stones_were_declared()
    {
        await app.EnsureHistoryAsync();
        using var customs = await PortalClient.SignedIn(app, "customs.ae");
        var (status, html) = await customs.Get("/statistics/footprints/BW");
        Assert.Equal(HttpStatusCode.OK, status);
        var section = html[html.IndexOf("data-hs=\"7102.21\"", StringComparison.Ordinal)..];
        Assert.Contains("<td class=\"numeric\" data-p=\"p50\">46.00</td>", section, StringComparison.Ordinal);
        Assert.Contains("<td class=\"numeric\" data-p=\"p99\">50.88</td>", section, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"chart\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-stones\"", html, StringComparison.Ordinal);

        using var chart = await customs.Http.GetAsync("/statistics/footprints/BW?handler=chart&hs=7102.21");
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await chart.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (_, za) = await customs.Get("/statistics/footprints/ZA");
        Assert.Contains("data-testid=\"not-enough\"", za, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"chart\"", za, StringComparison.Ordinal);

        customs.UseCulture("fr");
        var (_, french) = await customs.Get("/statistics/footprints/BW");
        Assert.Contains("Empreinte de BW", french, StringComparison.Ordinal);
        Assert.Contains("Toute l’origine", french, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secretariat_recomputes_from_the_page()
    {
        await app.EnsureHistoryAsync();
        using var secretariat = await PortalClient.SignedIn(app, "secretariat");
        var (_, html) = await secretariat.Get("/statistics/footprints");
        Assert.Contains("data-testid=\"recompute\"", html, StringComparison.Ordinal);
        var posted = await secretariat.PostForm("/statistics/footprints?handler=recompute", []);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var (_, after) = await secretariat.Get(posted.Headers.Location!.OriginalString);
        Assert.Contains("data-testid=\"notice\"", after, StringComparison.Ordinal);
        Assert.Contains("secretariat", after, StringComparison.Ordinal);
    }
}
