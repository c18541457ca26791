using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using MiniExcelLibs;
using OpenKP.Statistics;
using OpenKP.Web.Tests.Infrastructure;
using OpenKP.Web.Tests.Portal;

namespace OpenKP.Web.Tests.Statistics;

/// <summary>Publication with vintages and the public statistics pages (issue 6 items 3 and 4), on both databases.</summary>
public sealed partial class PublicationTests : IAsyncLifetime
{
    // The tests move the clock into the next year and publish: an app of their own.
    private readonly OpenKpApp _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task An_unpublished_year_is_invisible_to_the_public_and_visible_to_the_secretariat()
    {
        await PublishedYears.AddProductionAsync(_app);
        PublishedYears.IntoNextYear(_app);

        var anonymous = await _app.ClientFor(null);
        Assert.Empty((await anonymous.GetJson("/api/public/statistics")).EnumerateArray());
        var missing = await anonymous.GetAsync("/api/public/statistics/2026");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(["statistics-year-not-published"], (await missing.Json(HttpStatusCode.NotFound)).Codes());
        foreach (var url in new[] { "/api/public/statistics/2026?format=csv", "/statistics/charts/2026/top-producers.svg", "/statistics/charts/2026/price.svg" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        }

        using var visitor = PortalClient.Anonymous(_app);
        var (hubStatus, hub) = await visitor.Get("/statistics");
        Assert.Equal(HttpStatusCode.OK, hubStatus);
        Assert.Contains("data-testid=\"no-published-year\"", hub, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"work\"", hub, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Get("/statistics/2026")).Status);
        using var observer = await PortalClient.SignedIn(_app, "observer.wdc");
        Assert.Equal(HttpStatusCode.NotFound, (await observer.Get("/statistics/2026")).Status);
        using var officer = await PortalClient.SignedIn(_app, "officer.bw");
        Assert.Equal(HttpStatusCode.NotFound, (await officer.Get("/statistics/2026")).Status);
        Assert.Contains("href=\"/statistics/reconciliation\"", (await officer.Get("/statistics")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/statistics/publication\"", (await officer.Get("/statistics")).Html, StringComparison.Ordinal);

        // The secretariat previews the live figures, clearly marked as not published.
        using var secretariat = await PortalClient.SignedIn(_app, "secretariat");
        var (previewStatus, preview) = await secretariat.Get("/statistics/2026");
        Assert.Equal(HttpStatusCode.OK, previewStatus);
        Assert.Contains("data-testid=\"not-published\"", preview, StringComparison.Ordinal);
        Assert.Contains("href=\"/statistics/publication\"", (await secretariat.Get("/statistics")).Html, StringComparison.Ordinal);
        var live = await (await _app.ClientFor("secretariat")).GetJson("/api/statistics/years/2026/preview");
        Assert.False(live.GetProperty("published").GetBoolean());
        Assert.Equal(JsonValueKind.Null, live.GetProperty("vintage").ValueKind);
        var statuses = await (await _app.ClientFor("secretariat")).GetJson("/api/statistics/years");
        Assert.Contains(statuses.EnumerateArray(), y => y.GetProperty("year").GetInt32() == 2026 && !y.GetProperty("published").GetBoolean());

        // Publishing (through the desk, after its confirmation) makes it public as vintage 1.
        var (desk, deskHtml) = await secretariat.Get("/statistics/publication?year=2026");
        Assert.Equal(HttpStatusCode.OK, desk);
        Assert.Contains("data-testid=\"publish-submit\"", deskHtml, StringComparison.Ordinal);
        var posted = await secretariat.PostForm("/statistics/publication?handler=publish&year=2026", [], PortalClient.Token(deskHtml));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var years = await anonymous.GetJson("/api/public/statistics");
        var year = Assert.Single(years.EnumerateArray());
        Assert.Equal(2026, year.GetProperty("year").GetInt32());
        Assert.Equal(1, year.GetProperty("vintage").GetProperty("number").GetInt32());
        Assert.Equal(JsonValueKind.Null, year.GetProperty("vintage").GetProperty("publishedBy").ValueKind);
        var (pageStatus, page) = await visitor.Get("/statistics/2026");
        Assert.Equal(HttpStatusCode.OK, pageStatus);
        Assert.Contains("Vintage 1, published 10 January 2027", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"not-published\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/statistics/2026\"", (await visitor.Get("/statistics")).Html, StringComparison.Ordinal);

        // The year's table lists ZA (one half only) and AE (no return) among the non-submitters, not BW.
        var figures = await anonymous.GetJson("/api/public/statistics/2026");
        var missingNames = figures.GetProperty("nonSubmitters").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("ZA", missingNames);
        Assert.Contains("AE", missingNames);
        Assert.DoesNotContain("BW", missingNames);

        // Publishing again without a reason is refused; the current year cannot be published.
        var again = await (await _app.ClientFor("secretariat")).PostAsJsonAsync("/api/statistics/years/2026/publish", new { });
        Assert.Equal(["statistics-year-already-published"], (await again.Json(HttpStatusCode.Conflict)).Codes());
        var current = await (await _app.ClientFor("secretariat")).PostAsJsonAsync("/api/statistics/years/2027/publish", new { });
        Assert.Equal(["statistics-year-not-over"], (await current.Json(HttpStatusCode.UnprocessableEntity)).Codes());
    }

    [Fact]
    public async Task A_revision_after_publication_creates_a_new_vintage_with_its_difference()
    {
        await PublishedYears.AddProductionAsync(_app);
        PublishedYears.IntoNextYear(_app);
        // A revision before publication makes no vintage.
        await PublishedYears.ReviseProductionAsync(_app, "BW", 2, 1_100_000_00, 170_000_000_00, "No change");
        Assert.Empty(await _app.WithDb(db => Task.FromResult(db.StatisticsVintages.ToList())));
        await PublishedYears.PublishAsync(_app);

        // BW corrects its second half: 1,100,000 ct → 1,150,000 ct, US$ 170 M → 172.5 M.
        await PublishedYears.ReviseProductionAsync(_app, "BW", 2, 1_150_000_00, 172_500_000_00, "BW corrected its H2 production return");

        var secretariat = await _app.ClientFor("secretariat");
        var vintages = (await secretariat.GetJson("/api/statistics/years/2026/vintages")).EnumerateArray().ToList();
        Assert.Equal([1, 2], vintages.Select(v => v.GetProperty("number").GetInt32()));
        Assert.Equal("BW corrected its H2 production return", vintages[1].Str("reason"));
        Assert.Equal("officer.bw", vintages[1].Str("publishedBy"));

        var diff = await secretariat.GetJson("/api/statistics/years/2026/vintages/1/diff/2");
        Assert.Equal(
            ["BW production-carats 2300000.00 → 2350000.00", "BW production-usd 350000000.00 → 352500000.00"],
            diff.GetProperty("changes").EnumerateArray().Select(c =>
                $"{c.Str("participant")} {c.Str("column")} {c.GetProperty("old").GetDecimal().ToString("0.00", CultureInfo.InvariantCulture)} → {c.GetProperty("new").GetDecimal().ToString("0.00", CultureInfo.InvariantCulture)}"));

        // The public sees vintage 2 by default, vintage 1 on request, and the difference on the page.
        var anonymous = await _app.ClientFor(null);
        var latest = await anonymous.GetJson("/api/public/statistics/2026");
        Assert.Equal(2, latest.GetProperty("vintage").GetProperty("number").GetInt32());
        Assert.Equal(2350000.00m, latest.GetProperty("rows").EnumerateArray().Single(r => r.Str("participant") == "BW").GetProperty("productionCarats").GetDecimal());
        var first = await anonymous.GetJson("/api/public/statistics/2026?vintage=1");
        Assert.Equal(2300000.00m, first.GetProperty("rows").EnumerateArray().Single(r => r.Str("participant") == "BW").GetProperty("productionCarats").GetDecimal());
        Assert.Equal(["statistics-vintage-not-found"], (await (await anonymous.GetAsync("/api/public/statistics/2026?vintage=7")).Json(HttpStatusCode.NotFound)).Codes());
        using var visitor = PortalClient.Anonymous(_app);
        var page = (await visitor.Get("/statistics/2026")).Html;
        Assert.Contains("Vintage 2, published", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"changes\"", page, StringComparison.Ordinal);
        Assert.Contains("<ins>2,350,000.00</ins>", page, StringComparison.Ordinal);
        Assert.Contains("<del>2,300,000.00</del>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await visitor.Get("/statistics/2026/vintages")).Status);

        // A revision that changes nothing published, and an explicit republish with nothing new, add no vintage.
        await PublishedYears.ReviseProductionAsync(_app, "BW", 2, 1_150_000_00, 172_500_000_00, "Same figures again");
        var unchanged = await secretariat.PostAsJsonAsync("/api/statistics/years/2026/publish", new { reason = "Checking" });
        Assert.Equal(["statistics-vintage-unchanged"], (await unchanged.Json(HttpStatusCode.Conflict)).Codes());
        Assert.Equal(2, (await secretariat.GetJson("/api/statistics/years/2026/vintages")).GetArrayLength());

        // Every vintage is in the audit trail.
        var audited = await _app.WithDb(db => Task.FromResult(db.AuditEntries.Count(a => a.Entity == nameof(StatisticsVintage))));
        Assert.Equal(2, audited);
    }

    [Fact]
    public async Task Csv_and_xlsx_downloads_open_and_match_the_table_on_the_page()
    {
        await PublishedYears.AddProductionAsync(_app);
        PublishedYears.IntoNextYear(_app);
        await PublishedYears.PublishAsync(_app);

        using var visitor = PortalClient.Anonymous(_app);
        var (status, html) = await visitor.Get("/statistics/2026?sort=export-usd&dir=desc");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches("<th scope=\"col\" class=\"numeric\" aria-sort=\"descending\" data-sort=\"export-usd\">", html);
        var page = PageTable(html);
        Assert.True(page.Count > 3, "the table has participants and the world total");
        Assert.Equal(StatisticsTable.Columns.Count + 2, page[0].Length);

        var csvUrl = WebUtility.HtmlDecode(DownloadLink().Match(Around(html, "download-csv")).Groups[1].Value);
        var xlsxUrl = WebUtility.HtmlDecode(DownloadLink().Match(Around(html, "download-xlsx")).Groups[1].Value);
        var csvResponse = await visitor.Http.GetAsync(csvUrl);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        using var reader = new StringReader(await csvResponse.Content.ReadAsStringAsync());
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var csvRows = new List<string[]>();
        await csv.ReadAsync();
        csv.ReadHeader();
        Assert.Equal(["participant", "name", .. StatisticsTable.Columns.Select(c => c.CsvHeader)], csv.HeaderRecord!);
        while (await csv.ReadAsync())
        {
            csvRows.Add([.. Enumerable.Range(0, csv.HeaderRecord!.Length).Select(i => csv.GetField(i)!)]);
        }

        var xlsxResponse = await visitor.Http.GetAsync(xlsxUrl);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsxResponse.Content.Headers.ContentType?.MediaType);
        using var xlsxStream = new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync());
        var xlsxRows = xlsxStream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(page.Count, csvRows.Count);
        Assert.Equal(page.Count, xlsxRows.Count);
        for (var i = 0; i < page.Count; i++)
        {
            var last = i == page.Count - 1;
            Assert.Equal(last ? StatisticsTable.World : page[i][0], csvRows[i][0]);
            Assert.Equal(csvRows[i][0], xlsxRows[i]["participant"]?.ToString());
            if (!last)
            {
                Assert.Equal(page[i][1], csvRows[i][1]);
            }

            for (var c = 0; c < StatisticsTable.Columns.Count; c++)
            {
                var key = StatisticsTable.Columns[c].CsvHeader;
                var shown = Number(page[i][c + 2]);
                Assert.True(shown == Number(csvRows[i][c + 2]), $"row {i} {key}: page {page[i][c + 2]}, CSV {csvRows[i][c + 2]}");
                var cell = xlsxRows[i][key];
                var inXlsx = cell is null || cell is string { Length: 0 } ? (decimal?)null : Convert.ToDecimal(cell, CultureInfo.InvariantCulture);
                Assert.True(shown == inXlsx, $"row {i} {key}: page {page[i][c + 2]}, XLSX {cell}");
            }
        }

        // The rows are in the order asked: export US$ descending.
        var exports = page.SkipLast(1).Select(r => Number(r[2 + 4])!.Value).ToList();
        Assert.Equal(exports.OrderDescending(), exports);
    }

    [Fact]
    public async Task World_totals_equal_the_sum_of_the_rows_and_a_retried_publication_answers_the_same_vintage()
    {
        await PublishedYears.AddProductionAsync(_app);
        PublishedYears.IntoNextYear(_app);
        var secretariat = await _app.ClientFor("secretariat");
        secretariat.DefaultRequestHeaders.Add("Idempotency-Key", "publish-2026");
        var first = await secretariat.PostJson("/api/statistics/years/2026/publish", new { }, HttpStatusCode.Created);
        var retried = await secretariat.PostJson("/api/statistics/years/2026/publish", new { }, HttpStatusCode.Created);
        Assert.Equal(1, first.GetProperty("number").GetInt32());
        Assert.Equal(first.GetRawText(), retried.GetRawText());

        var year = await (await _app.ClientFor(null)).GetJson("/api/public/statistics/2026");
        var rows = year.GetProperty("rows").EnumerateArray().ToList();
        var world = year.GetProperty("world");
        foreach (var field in new[] { "productionCarats", "productionUsd", "exportCarats", "exportUsd", "exportCertificates", "importCarats", "importUsd", "importCertificates" })
        {
            Assert.Equal(rows.Sum(r => r.GetProperty(field).GetDecimal()), world.GetProperty(field).GetDecimal());
        }

        Assert.True(world.GetProperty("exportCertificates").GetInt32() > 0, "the demo certificates of 2026 are counted");
        Assert.Equal(166.67m, world.GetProperty("productionUsdPerCarat").GetDecimal()); // US$ 425 M ÷ 2,550,000 ct (BW and ZA), from the sums
        var listed = Assert.Single((await (await _app.ClientFor(null)).GetJson("/api/public/statistics")).EnumerateArray()).GetProperty("world");
        Assert.Equal(world.GetProperty("exportUsd").GetDecimal(), listed.GetProperty("exportUsd").GetDecimal());
        Assert.Equal(world.GetProperty("productionCarats").GetDecimal(), listed.GetProperty("productionCarats").GetDecimal());
    }

    [Fact]
    public async Task The_charts_are_svg_drawn_from_published_years_only()
    {
        await PublishedYears.AddProductionAsync(_app);
        PublishedYears.IntoNextYear(_app);
        await PublishedYears.PublishAsync(_app);
        var anonymous = await _app.ClientFor(null);
        foreach (var url in new[] { "/statistics/charts/world.svg", "/statistics/charts/2026/top-producers.svg", "/statistics/charts/2026/price.svg", "/statistics/charts/participants/BW.svg" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
            var svg = await response.Content.ReadAsStringAsync();
            Assert.Contains("<svg", svg, StringComparison.Ordinal);
        }

        using var visitor = PortalClient.Anonymous(_app);
        var participant = (await visitor.Get("/statistics/participants/BW")).Html;
        Assert.Contains("/statistics/charts/participants/BW.svg", participant, StringComparison.Ordinal);
        Assert.Contains("data-year=\"2026\"", participant, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Get("/statistics/participants/XX")).Status);
    }

    /// <summary>The body rows and the world total of the page's table: participant, name, then each figure as shown.</summary>
    internal static List<string[]> PageTable(string html)
    {
        var table = html[html.IndexOf("data-testid=\"statistics-table\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        var body = table[table.IndexOf("<tbody>", StringComparison.Ordinal)..];
        return [.. Row().Matches(body).Select(m => Cell().Matches(m.Value).Select(c => WebUtility.HtmlDecode(Tag().Replace(c.Groups[2].Value, string.Empty)).Trim()).ToArray())
            .Select(cells => cells.Length == StatisticsTable.Columns.Count + 1 ? [cells[0], string.Empty, .. cells[1..]] : cells)];
    }

    internal static decimal? Number(string shown)
        => shown is "" or "–" ? null : decimal.Parse(shown.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);

    private static string Around(string html, string testId)
    {
        var at = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        var start = html.LastIndexOf("<a ", at, StringComparison.Ordinal);
        return html[start..(at + 40)];
    }

    [GeneratedRegex("<tr[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<(th|td)[^>]*>(.*?)</\\1>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex DownloadLink();
}
