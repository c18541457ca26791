using System.Globalization;
using System.Net;
using System.Text.Json;
using MiniExcelLibs;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Statistics;

/// <summary>
/// Who sees which reconciliation, over every route and format; and the downloads (CSV, XLSX) open and say what
/// the JSON says. The demo's 2026 certificates are the data: BW → AE departed, BW → IN detained, ZA → EU confirmed.
/// </summary>
public sealed class ReconciliationAccessTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private const string Summary = "/api/statistics/reconciliation";
    private const string Detail = "/api/statistics/reconciliation/certificates";

    public static TheoryData<string?, string, HttpStatusCode> Access()
    {
        var data = new TheoryData<string?, string, HttpStatusCode>();
        foreach (var route in new[] { Summary, Detail })
        {
            foreach (var format in new[] { "json", "csv", "xlsx" })
            {
                var q = $"{route}?year=2026&format={format}";
                data.Add(null, q, HttpStatusCode.Unauthorized);
                data.Add("operator.bw", q, HttpStatusCode.Forbidden);
                data.Add("observer.wdc", q, HttpStatusCode.Forbidden);
                data.Add("officer.za", q + "&a=BW&b=AE", HttpStatusCode.Forbidden);
                data.Add("customs.bw", q + "&a=AE", HttpStatusCode.Forbidden);
                data.Add("officer.bw", q, HttpStatusCode.OK);
                data.Add("officer.bw", q + "&a=BW&b=AE", HttpStatusCode.OK);
                data.Add("officer.ae", q + "&a=BW&b=AE", HttpStatusCode.OK);
                data.Add("customs.ae", q + "&b=AE", HttpStatusCode.OK);
                data.Add("customs.bw", q + "&quarter=1", HttpStatusCode.OK);
                data.Add("secretariat", q, HttpStatusCode.OK);
                data.Add("secretariat", q + "&a=ZA&b=EU", HttpStatusCode.OK);
            }

            data.Add("officer.bw", $"{route}?year=1999", HttpStatusCode.BadRequest);
            data.Add("officer.bw", $"{route}?year=2026&quarter=5", HttpStatusCode.BadRequest);
            data.Add("officer.bw", $"{route}?year=2026&format=xml", HttpStatusCode.BadRequest);
            data.Add("officer.bw", $"{route}?year=2026&a=BW&b=BW", HttpStatusCode.BadRequest);
            data.Add("secretariat", $"{route}?year=2026&a=B1", HttpStatusCode.BadRequest);
        }

        data.Add("officer.bw", $"{Detail}?year=2026&category=lost", HttpStatusCode.BadRequest);
        data.Add("officer.bw", $"{Detail}?year=2026&pageSize=501", HttpStatusCode.BadRequest);
        data.Add("officer.bw", $"{Detail}?year=2026&page=0", HttpStatusCode.BadRequest);
        return data;
    }

    [Theory]
    [MemberData(nameof(Access))]
    public async Task Officials_see_their_own_pairs_the_secretariat_every_pair_and_others_none(string? user, string url, HttpStatusCode expected)
    {
        var response = await (await app.ClientFor(user)).GetAsync(url);
        Assert.True(expected == response.StatusCode, $"{user ?? "anonymous"} {url}: expected {(int)expected}, got {(int)response.StatusCode}");
        if (expected is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task An_official_without_a_pair_gets_every_pair_of_its_participant_and_the_secretariat_all()
    {
        var own = await (await app.ClientFor("officer.bw")).GetJson($"{Summary}?year=2026");
        var pairs = own.GetProperty("pairs").EnumerateArray().Select(p => (p.Str("exporter"), p.Str("importer"))).ToList();
        Assert.Contains(("BW", "AE"), pairs);
        Assert.Contains(("BW", "IN"), pairs);
        Assert.All(pairs, p => Assert.True(p.Item1 == "BW" || p.Item2 == "BW"));

        var all = await (await app.ClientFor("secretariat")).GetJson($"{Summary}?year=2026");
        var zaEu = all.GetProperty("pairs").EnumerateArray().Single(p => p.Str("exporter") == "ZA" && p.Str("importer") == "EU");
        Assert.Equal(1, zaEu.GetProperty("categories").EnumerateArray().Single(c => c.Str("category") == "matched").GetProperty("certificates").GetInt32());

        // A pair with no trade in the period is answered with zeros, not left out.
        var none = await (await app.ClientFor("officer.bw")).GetJson($"{Summary}?year=2025&a=BW&b=AE");
        Assert.Equal(0, none.GetProperty("pairs").EnumerateArray().Single().GetProperty("exports").GetProperty("certificates").GetInt32());
    }

    [Fact]
    public async Task The_csv_and_xlsx_downloads_open_and_match_the_json()
    {
        var secretariat = await app.ClientFor("secretariat");
        var json = await secretariat.GetJson($"{Summary}?year=2026");
        var expected = json.GetProperty("pairs").EnumerateArray().Select(p => string.Join('|',
            p.Str("exporter"), p.Str("importer"),
            Units(p.GetProperty("exports").GetProperty("usd")), Units(p.GetProperty("imports").GetProperty("usd")), Units(p.GetProperty("difference").GetProperty("usd")),
            p.GetProperty("categories").EnumerateArray().Single(c => c.Str("category") == "not-yet-confirmed").GetProperty("certificates").GetInt32())).ToList();
        Assert.NotEmpty(expected);

        var csv = await secretariat.GetAsync($"{Summary}?year=2026&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("kp-reconciliation-2026-all.csv", csv.Content.Headers.ContentDisposition?.FileNameStar ?? csv.Content.Headers.ContentDisposition?.FileName);
        var rows = Csv(await csv.Content.ReadAsStringAsync());
        Assert.StartsWith("period,exporter,importer,export_carats,export_usd,export_certificates,", rows[0], StringComparison.Ordinal);
        var header = rows[0].Split(',');
        Assert.Equal(expected, rows.Skip(1).Select(r => r.Split(',')).Select(c => string.Join('|',
            c[1], c[2], c[Array.IndexOf(header, "export_usd")], c[Array.IndexOf(header, "import_usd")], c[Array.IndexOf(header, "usd_difference")], c[Array.IndexOf(header, "not_yet_confirmed_certificates")])));

        var xlsx = await secretariat.GetAsync($"{Summary}?year=2026&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var sheet = Xlsx(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(expected, sheet.Select(r => string.Join('|',
            r["exporter"], r["importer"], Units(r["export_usd"]), Units(r["import_usd"]), Units(r["usd_difference"]), Convert.ToInt32(r["not_yet_confirmed_certificates"], CultureInfo.InvariantCulture))));

        var detail = await secretariat.GetJson($"{Detail}?year=2026&pageSize=500");
        var items = detail.GetProperty("certificates").GetProperty("items").EnumerateArray().Select(c => string.Join('|',
            c.Str("certificateNumber"), c.Str("exporter"), c.Str("importer"), c.Str("category"),
            c.GetProperty("export").ValueKind == JsonValueKind.Null ? string.Empty : Units(c.GetProperty("export").GetProperty("usd")),
            c.GetProperty("import").ValueKind == JsonValueKind.Null ? string.Empty : Units(c.GetProperty("import").GetProperty("usd")))).ToList();
        Assert.Contains(items, i => i.Contains("|not-yet-confirmed|", StringComparison.Ordinal));

        var detailCsv = Csv(await (await secretariat.GetAsync($"{Detail}?year=2026&format=csv")).Content.ReadAsStringAsync());
        Assert.Equal("period,certificate,exporter,importer,category,issued_on,export_carats,export_usd,export_source,received_on,import_carats,import_usd,import_source", detailCsv[0]);
        Assert.Equal(items, detailCsv.Skip(1).Select(r => r.Split(',')).Select(c => string.Join('|', c[1], c[2], c[3], c[4], c[7], c[11])));

        var detailXlsx = Xlsx(await (await secretariat.GetAsync($"{Detail}?year=2026&format=xlsx")).Content.ReadAsByteArrayAsync());
        Assert.Equal(items, detailXlsx.Select(r => string.Join('|', r["certificate"], r["exporter"], r["importer"], r["category"],
            r["export_usd"] is null ? string.Empty : Units(r["export_usd"]), r["import_usd"] is null ? string.Empty : Units(r["import_usd"]))));
    }

    private static string Units(JsonElement e) => e.GetDecimal().ToString("0.00", CultureInfo.InvariantCulture);

    private static string Units(object? cell) => Convert.ToDecimal(cell, CultureInfo.InvariantCulture).ToString("0.00", CultureInfo.InvariantCulture);

    private static List<string> Csv(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];

    private static List<IDictionary<string, object?>> Xlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return [.. stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()];
    }
}
