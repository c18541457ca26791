using System.Net;
using System.Text.RegularExpressions;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Portal;

/// <summary>
/// The reconciliation page on the demo's 2026 certificates: an official's own pairs, a pair's certificates and
/// categories, downloads that carry the same figures, the secretariat's choice of participant, and refusals.
/// </summary>
public sealed partial class ReconciliationPageTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    [Fact]
    public async Task An_official_sees_its_pairs_opens_one_and_downloads_the_same_figures()
    {
        var demo = await app.WithDb(db => Task.FromResult(db.Certificates.Single(c => c.IssuingParticipant == "BW" && c.ImportingParticipant == "AE").Number));
        using var officer = await PortalClient.SignedIn(app, "officer.bw");
        var (status, list) = await officer.Get("/statistics/reconciliation?year=2026");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-pair=\"BW-AE\"", list, StringComparison.Ordinal);
        Assert.Contains("data-pair=\"BW-IN\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("data-pair=\"ZA-EU\"", list, StringComparison.Ordinal);
        Assert.Matches("data-pair=\"BW-AE\"[\\s\\S]*?Not yet confirmed · 1", list);

        var pairLink = WebUtility.HtmlDecode(PairHref().Match(list).Groups[1].Value);
        Assert.Equal("/statistics/reconciliation?year=2026&a=BW&b=AE", pairLink);
        var (pairStatus, pair) = await officer.Get(pairLink);
        Assert.Equal(HttpStatusCode.OK, pairStatus);
        Assert.Contains("BW → AE: reconciliation", pair, StringComparison.Ordinal);
        Assert.Contains($"data-number=\"{demo}\" data-category=\"not-yet-confirmed\"", pair, StringComparison.Ordinal);
        Assert.Matches("data-category=\"not-yet-confirmed\">[\\s\\S]*?data-testid=\"count\">1<", pair);
        Assert.Contains("AE's arrival-check tolerances", WebUtility.HtmlDecode(pair), StringComparison.Ordinal);

        // The download buttons ask the API for what the page shows; the figures are the page's.
        var csvLink = WebUtility.HtmlDecode(Regex.Match(pair, "href=\"([^\"]+)\" download data-testid=\"detail-csv\"").Groups[1].Value);
        Assert.Equal("/api/statistics/reconciliation/certificates?year=2026&a=BW&b=AE&format=csv", csvLink);
        var csv = await officer.Http.GetStringAsync(csvLink);
        var row = csv.Split('\n').Single(l => l.Contains(demo, StringComparison.Ordinal)).TrimEnd('\r').Split(',');
        Assert.Equal("not-yet-confirmed", row[4]);
        var exportUsd = decimal.Parse(row[7], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(exportUsd.ToString("N2", System.Globalization.CultureInfo.GetCultureInfo("en")), pair, StringComparison.Ordinal);
        var xlsx = await officer.Http.GetAsync(WebUtility.HtmlDecode(Regex.Match(pair, "href=\"([^\"]+)\" download data-testid=\"summary-xlsx\"").Groups[1].Value));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);

        // One category at a time.
        var (_, waiting) = await officer.Get("/statistics/reconciliation?year=2026&a=BW&b=AE&category=matched");
        Assert.Contains("0 certificates", waiting, StringComparison.Ordinal);

        officer.UseCulture("fr");
        var (_, french) = await officer.Get("/statistics/reconciliation?year=2026");
        Assert.Contains("Rapprochement bilatéral", french, StringComparison.Ordinal);
        Assert.Contains("Pas encore confirmé", french, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secretariat_chooses_a_participant_and_a_partner_and_bad_choices_show_beside_their_fields()
    {
        using var secretariat = await PortalClient.SignedIn(app, "secretariat");
        var (_, all) = await secretariat.Get("/statistics/reconciliation?year=2026");
        Assert.Contains("data-pair=\"ZA-EU\"", all, StringComparison.Ordinal);
        Assert.Contains("data-pair=\"BW-AE\"", all, StringComparison.Ordinal);

        var (_, za) = await secretariat.Get("/statistics/reconciliation?year=2026&participant=ZA");
        Assert.Contains("data-pair=\"ZA-EU\"", za, StringComparison.Ordinal);
        Assert.DoesNotContain("data-pair=\"BW-AE\"", za, StringComparison.Ordinal);
        var (_, bwIn) = await secretariat.Get("/statistics/reconciliation?year=2026&participant=BW&partner=IN");
        Assert.Contains("data-pair=\"BW-IN\"", bwIn, StringComparison.Ordinal);
        Assert.DoesNotContain("data-pair=\"BW-AE\"", bwIn, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/statistics/reconciliation?year=2026&amp;participant=BW&amp;partner=IN&amp;format=csv\"", bwIn, StringComparison.Ordinal);

        var (status, bad) = await secretariat.Get("/statistics/reconciliation?year=20x6&partner=B1");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("form-group form-group--error", bad, StringComparison.Ordinal);
        Assert.Contains("invalid-number", bad, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("operator.bw", "/statistics/reconciliation", HttpStatusCode.Forbidden)]
    [InlineData("observer.wdc", "/statistics/reconciliation", HttpStatusCode.Forbidden)]
    [InlineData("officer.za", "/statistics/reconciliation?a=BW&b=AE", HttpStatusCode.Forbidden)]
    [InlineData("customs.ae", "/statistics/reconciliation?year=2026&a=BW&b=AE", HttpStatusCode.OK)]
    [InlineData("officer.bw", "/statistics/reconciliation?year=2026&a=BW&b=AE&page=x", HttpStatusCode.NotFound)]
    [InlineData(null, "/statistics/reconciliation", HttpStatusCode.Redirect)]
    public async Task Only_officials_and_the_secretariat_open_the_page(string? user, string url, HttpStatusCode expected)
    {
        using var client = user is null ? PortalClient.Anonymous(app) : await PortalClient.SignedIn(app, user);
        Assert.Equal(expected, (await client.Get(url)).Status);
    }

    [GeneratedRegex("data-pair=\"BW-AE\">\\s*<th[^>]*><a href=\"([^\"]+)\"")]
    private static partial Regex PairHref();
}
