using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenKP.Statistics;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Statistics;

/// <summary>Quarterly trade uploads from participants running national systems: every bad row reported, all or nothing, revisions kept (both databases).</summary>
public sealed class TradeUploadTests : IAsyncLifetime
{
    // The tests move the clock: an app of their own.
    private readonly OpenKpApp _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private const string Url = "/api/participants/BW/trade-submissions";

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task An_upload_with_three_bad_rows_reports_exactly_those_rows_with_codes_and_changes_nothing(string format)
    {
        var file = format == "csv" ? Uploads.Csv(Uploads.ThreeBadRows) : Uploads.Xlsx(Uploads.ThreeBadRows);
        var officer = await _app.ClientFor("officer.bw");
        var audit = await _app.WithDb(db => db.AuditEntries.CountAsync());

        var preview = await (await officer.PostAsync(Url + "?preview=true", Uploads.Trade(file, "q4." + format, 2025, 4))).Json(HttpStatusCode.OK);
        Assert.False(preview.GetProperty("valid").GetBoolean());
        Assert.Equal(format, preview.Str("format"));
        Assert.Equal(2, preview.GetProperty("rows").GetInt32());
        Assert.Equal(
            ["3 partner row-partner-unknown", "4 hs_code row-hs-code-invalid", "6 carats row-amount-invalid"],
            preview.GetProperty("problems").EnumerateArray().Select(p => $"{p.GetProperty("row").GetInt32()} {p.Str("column")} {p.Str("code")}"));

        var rejected = await (await officer.PostAsync(Url, Uploads.Trade(file, "q4." + format, 2025, 4))).Json(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["row-partner-unknown", "row-hs-code-invalid", "row-amount-invalid"], rejected.Codes());
        Assert.Equal(["rows[3].partner", "rows[4].hs_code", "rows[6].carats"], rejected.GetProperty("violations").EnumerateArray().Select(v => v.Str("field")));

        Assert.Equal(0, await _app.WithDb(db => db.TradeSubmissions.CountAsync()));
        Assert.Equal(0, await _app.WithDb(db => db.SubmittedFigures.CountAsync()));
        Assert.Equal(audit, await _app.WithDb(db => db.AuditEntries.CountAsync()));
        Assert.False(Directory.Exists(Path.Combine(_app.DataDirectory, "statistics-uploads")));
    }

    [Fact]
    public async Task A_good_upload_replaces_the_derived_figures_of_that_quarter_and_a_re_upload_is_revision_2_with_revision_1_kept()
    {
        // The demo certificates of 2026-01-15 give BW derived Q1 exports; the quarter ends, BW uploads its own.
        _app.Advance(new DateTimeOffset(2026, 4, 2, 9, 0, 0, TimeSpan.Zero) - _app.Clock.GetUtcNow());
        var derived = await _app.WithDb(db => new TradeStatistics(db).ForYearAsync(2026, "BW", CancellationToken.None));
        Assert.Contains(derived, f => f.Quarter == new Quarter(2026, 1) && f.Flow == TradeFlow.Export);

        var officer = await _app.ClientFor("officer.bw");
        var first = Uploads.Csv(Uploads.GoodFigures);
        var created = await (await officer.PostAsync(Url, Uploads.Trade(first, "bw-2026-q1.csv", 2026, 1))).Json(HttpStatusCode.Created);
        Assert.Equal(1, created.GetProperty("revision").GetInt32());
        Assert.Equal(110.50m, created.GetProperty("exports").GetProperty("carats").GetDecimal());
        Assert.Equal(3, created.GetProperty("exports").GetProperty("certificates").GetInt32());

        var q1 = new Quarter(2026, 1);
        Assert.Equal(
            [
                new TradeFigure("BW", TradeFlow.Export, q1, "AE", "7102.10", 10_000, 1_000_000, 2),
                new TradeFigure("BW", TradeFlow.Export, q1, "IN", "7102.31", 1_050, 2_100_000, 1),
                new TradeFigure("BW", TradeFlow.Import, q1, "ZA", "7102.21", 300, 30_000, 1),
            ],
            (await _app.WithDb(db => new TradeStatistics(db).ForYearAsync(2026, "BW", CancellationToken.None))).Where(f => f.Quarter == q1));

        // A correction: only the AE line, as XLSX.
        var second = Uploads.Xlsx(Uploads.FiguresHeader, "export,AE,7102.10,120.00,12000.00,2");
        var revised = await (await officer.PostAsync(Url, Uploads.Trade(second, "bw-2026-q1-corrected.xlsx", 2026, 1))).Json(HttpStatusCode.Created);
        Assert.Equal(2, revised.GetProperty("revision").GetInt32());
        Assert.Equal(
            [new TradeFigure("BW", TradeFlow.Export, q1, "AE", "7102.10", 12_000, 1_200_000, 2)],
            (await _app.WithDb(db => new TradeStatistics(db).ForYearAsync(2026, "BW", CancellationToken.None))).Where(f => f.Quarter == q1));

        var revisions = await officer.GetJson(Url + "/revisions?year=2026&quarter=1");
        Assert.Equal([2, 1], revisions.EnumerateArray().Select(r => r.GetProperty("revision").GetInt32()));
        Assert.Equal(["bw-2026-q1-corrected.xlsx", "bw-2026-q1.csv"], revisions.EnumerateArray().Select(r => r.Str("fileName")));
        Assert.All(revisions.EnumerateArray(), r => Assert.Equal("officer.bw", r.Str("submittedBy")));

        // Each revision downloads back byte for byte, read-only for BW's customs too.
        var download = await (await _app.ClientFor("customs.bw")).GetAsync(revisions[1].Str("download"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(first, await download.Content.ReadAsByteArrayAsync());
        var xlsx = await officer.GetAsync(revisions[0].Str("download"));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal(second, await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(revisions[1].Str("sha256"), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(first)));

        var quarters = await officer.GetJson(Url + "?year=2026");
        Assert.True(quarters.GetProperty("uploadsTrade").GetBoolean());
        var status = quarters.GetProperty("quarters")[0];
        Assert.Equal(("2026-Q1", "submitted", 2), (status.Str("period"), status.Str("status"), status.GetProperty("revision").GetInt32()));
    }

    [Fact]
    public async Task Certificate_records_are_checked_against_the_quarter_and_summed_into_figures()
    {
        string[] records =
        [
            "flow,certificate_number,partner,date,origin,hs_code,carats,usd,stones",
            "export,BW-2025-000001,AE,2025-10-02,BW,7102.10,100.00,10000.00,40",
            "export,BW-2025-000002,AE,2025-11-30,mixed,7102.10,50.00,5000.00,",
            "import,ZA-2025-000009,ZA,2026-01-02,ZA,7102.21,3.00,300.00,",
            "export,BW-2025-000001,AE,2025-10-02,BW,7102.10,100.00,10000.00,40",
            "import,ZA-2025-000010,ZA,2025-12-01,ZA,7102.21,3.00,300.00,0",
            "export,BW-2025-000003,AE,2025-12-01,Botswana,7102.10,3.00,300.00,",
        ];
        var officer = await _app.ClientFor("officer.bw");
        var bad = await (await officer.PostAsync(Url, Uploads.Trade(Uploads.Csv(records), "records.csv", 2025, 4, "certificate-records"))).Json(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["rows[4].date", "rows[5].certificate_number", "rows[6].stones", "rows[7].origin"], bad.GetProperty("violations").EnumerateArray().Select(v => v.Str("field")));
        Assert.Equal(["row-date-outside-period", "row-duplicate", "row-count-invalid", "row-origin-invalid"], bad.Codes());

        var good = await (await officer.PostAsync(Url, Uploads.Trade(Uploads.Csv(records[..3]), "records.csv", 2025, 4, "certificate-records"))).Json(HttpStatusCode.Created);
        Assert.Equal(2, good.GetProperty("exports").GetProperty("certificates").GetInt32());
        var figures = await _app.WithDb(db => new TradeStatistics(db).ForYearAsync(2025, "BW", CancellationToken.None));
        Assert.Equal([new TradeFigure("BW", TradeFlow.Export, new Quarter(2025, 4), "AE", "7102.10", 15_000, 1_500_000, 2)], figures);
        Assert.Equal(40, await _app.WithDb(db => db.SubmittedRecords.Where(r => r.CertificateNumber == "BW-2025-000001").Select(r => r.Stones).SingleAsync()));
    }

    [Fact]
    public async Task The_file_type_comes_from_the_content_not_the_name()
    {
        var officer = await _app.ClientFor("officer.bw");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];
        var refused = await (await officer.PostAsync(Url, Uploads.Trade(png, "figures.csv", 2025, 4))).Json(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(["upload-type-not-supported"], refused.Codes());

        // A ZIP that is no workbook is damaged, not CSV.
        byte[] zip = [.. "PK\u0003\u0004"u8, .. new byte[64]];
        Assert.Equal(["upload-unreadable"], (await (await officer.PostAsync(Url, Uploads.Trade(zip, "figures.xlsx", 2025, 4))).Json(HttpStatusCode.UnprocessableEntity)).Codes());

        // CSV content named .xlsx is read as the CSV it is.
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsync(Url, Uploads.Trade(Uploads.Csv(Uploads.GoodFigures), "figures.xlsx", 2025, 4))).StatusCode);

        var missing = await (await officer.PostAsync(Url, Uploads.Trade(Uploads.Csv("flow,partner,carats", "export,AE,1"), "f.csv", 2025, 4))).Json(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["upload-columns-missing"], missing.Codes());
        Assert.Equal(["upload-empty"], (await (await officer.PostAsync(Url, Uploads.Trade(Uploads.Csv(Uploads.FiguresHeader), "f.csv", 2025, 4))).Json(HttpStatusCode.UnprocessableEntity)).Codes());
        Assert.Equal(["statistics-period-not-ended"], (await (await officer.PostAsync(Url, Uploads.Trade(Uploads.Csv(Uploads.GoodFigures), "f.csv", 2026, 1))).Json(HttpStatusCode.UnprocessableEntity)).Codes());
        var malformed = await (await officer.PostAsync(Url, Uploads.Trade(Uploads.Csv(Uploads.GoodFigures), "f.csv", 2025, 5, "weekly"))).Json(HttpStatusCode.BadRequest);
        Assert.Equal(["invalid-value", "invalid-value"], malformed.Codes());
    }

    [Theory]
    [InlineData("quarterly-figures")]
    [InlineData("certificate-records")]
    [InlineData("production")]
    public async Task Each_template_uploads_as_it_is_downloaded(string kind)
    {
        var officer = await _app.ClientFor("officer.bw");
        foreach (var format in new[] { "csv", "xlsx" })
        {
            var template = await officer.GetAsync($"/api/statistics/templates/{kind}.{format}");
            Assert.Equal(HttpStatusCode.OK, template.StatusCode);
            Assert.Equal($"openkp-{kind}-template.{format}", template.Content.Headers.ContentDisposition?.FileNameStar ?? template.Content.Headers.ContentDisposition?.FileName);
            var bytes = await template.Content.ReadAsByteArrayAsync();
            var table = OpenKP.Statistics.Intake.IntakeFile.Read(bytes);
            Assert.True(table.Succeeded);
            Assert.Single(table.Value!.Rows);
        }

        // The example rows pass the rules (the records' example date is in 2026-Q1).
        _app.Advance(new DateTimeOffset(2026, 7, 2, 9, 0, 0, TimeSpan.Zero) - _app.Clock.GetUtcNow());
        var again = await _app.ClientFor("officer.bw");
        var xlsx = await (await again.GetAsync($"/api/statistics/templates/{kind}.xlsx")).Content.ReadAsByteArrayAsync();
        var answer = kind == "production"
            ? await (await again.PostAsync("/api/participants/BW/production-returns?preview=true",
                Uploads.Form(xlsx, "p.xlsx", ("year", "2026"), ("half", "1")))).Json(HttpStatusCode.OK)
            : await (await again.PostAsync(Url + "?preview=true", Uploads.Trade(xlsx, "t.xlsx", 2026, 1, kind))).Json(HttpStatusCode.OK);
        Assert.True(answer.GetProperty("valid").GetBoolean(), answer.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, (await again.GetAsync("/api/statistics/templates/weekly.pdf")).StatusCode);
    }
}
