using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenKP.Statistics;
using OpenKP.Web.Certificates;
using OpenKP.Web.Shipments;
using OpenKP.Web.Tests.Certificates;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Statistics;

/// <summary>Trade statistics derived from a known set of certificates equal the hand-computed figures (both databases).</summary>
public sealed class TradeStatisticsTests : IAsyncLifetime
{
    // The test moves the clock through the year: an app of its own.
    private readonly OpenKpApp _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<string> IssueOn(DateTimeOffset day, string importing, params CertificateLineRequest[] lines)
    {
        _app.Advance(day - _app.Clock.GetUtcNow());
        var issued = await (await _app.ClientFor("officer.bw")).PostJson("/api/certificates",
            Drafts.Valid(importing) with { Lines = lines, Parcels = lines.Length }, HttpStatusCode.Created);
        return issued.Str("number");
    }

    private static DateTimeOffset Day(int month, int day) => new(2026, month, day, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Exports_by_issue_date_and_imports_by_date_of_receipt_equal_the_hand_computed_figures()
    {
        var a = await IssueOn(Day(5, 10), "AE", new("7102.10", 100.00m, 10_000.00m), new("7102.31", 10.50m, 21_000.00m));
        await IssueOn(Day(5, 20), "AE", new CertificateLineRequest("7102.10", 200.00m, 30_000.00m));
        await IssueOn(Day(6, 1), "IN", new CertificateLineRequest("7102.31", 5.25m, 10_500.00m));
        var voided = await IssueOn(Day(6, 10), "AE", new CertificateLineRequest("7102.10", 1.00m, 100.00m));
        await (await _app.ClientFor("officer.bw")).PostJson($"/api/certificates/{voided}/void", new { reason = "Issued in error" }, HttpStatusCode.OK);

        _app.Advance(Day(7, 2) - _app.Clock.GetUtcNow());
        var qr = (await (await _app.ClientFor("officer.bw")).GetJson($"/api/certificates/{a}")).Str("qr");
        await (await _app.ClientFor("customs.ae")).PostJson("/api/arrivals", new ArrivalRequest(qr, null, true, 2, 110.50m, 31_000.00m, null, null), HttpStatusCode.Created);

        var figures = await _app.WithDb(db => new TradeStatistics(db).ForYearAsync(2026, null, CancellationToken.None));
        var q2 = new Quarter(2026, 2);
        Assert.Equal(
            [
                new TradeFigure("BW", TradeFlow.Export, q2, "AE", "7102.10", 30_000, 4_000_000, 2),
                new TradeFigure("BW", TradeFlow.Export, q2, "AE", "7102.31", 1_050, 2_100_000, 1),
                new TradeFigure("BW", TradeFlow.Export, q2, "IN", "7102.31", 525, 1_050_000, 1),
            ],
            figures.Where(f => f.Participant == "BW" && f.Quarter == q2));

        var q3 = new Quarter(2026, 3);
        Assert.Equal(
            [
                new TradeFigure("AE", TradeFlow.Import, q3, "BW", "7102.10", 10_000, 1_000_000, 1),
                new TradeFigure("AE", TradeFlow.Import, q3, "BW", "7102.31", 1_050, 2_100_000, 1),
            ],
            figures.Where(f => f.Participant == "AE" && f.Quarter == q3));

        // One participant's figures are the same rows as in everyone's.
        var bw = await _app.WithDb(db => new TradeStatistics(db).ForYearAsync(2026, "BW", CancellationToken.None));
        Assert.Equal(figures.Where(f => f.Participant == "BW"), bw);
        Assert.Empty(await _app.WithDb(db => new TradeStatistics(db).ForYearAsync(2025, null, CancellationToken.None)));
    }

    [Fact]
    public async Task The_api_gives_officials_their_own_figures_as_json_or_csv_and_the_secretariat_everyones()
    {
        // The demo certificates (issued 2026-01-15) and the EU's demo confirmation are the data.
        var expected = await _app.WithDb(db => new TradeStatistics(db).ForYearAsync(2026, "BW", CancellationToken.None));
        Assert.NotEmpty(expected);
        var officer = await _app.ClientFor("officer.bw");
        var json = await officer.GetJson("/api/statistics/trade?year=2026");
        Assert.Equal(
            expected.Select(f => $"{f.Participant} {f.Flow.ToString().ToLowerInvariant()} {f.Quarter} {f.Partner} {f.HsCode} {f.CaratsHundredths / 100m:0.00} {f.UsdCents / 100m:0.00} {f.Certificates}"),
            json.EnumerateArray().Select(f => $"{f.Str("participant")} {f.Str("flow")} {f.Str("quarter")} {f.Str("partner")} {f.Str("hsCode")} {f.GetProperty("carats").GetDecimal():0.00} {f.GetProperty("usd").GetDecimal():0.00} {f.GetProperty("certificates").GetInt32()}"));

        var csv = await officer.GetAsync("/api/statistics/trade?year=2026&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("participant,flow,quarter,partner,hs_code,carats,usd,certificates", lines[0]);
        Assert.Equal(expected.Count, lines.Count - 1);
        Assert.Contains(lines, l => l.StartsWith("BW,export,2026-Q1,AE,7102.10,1250.50,312625.00,", StringComparison.Ordinal));

        var all = await (await _app.ClientFor("secretariat")).GetJson("/api/statistics/trade?year=2026");
        Assert.Contains(all.EnumerateArray(), f => f.Str("participant") == "EU" && f.Str("flow") == "import" && f.Str("partner") == "ZA");
        Assert.Contains(all.EnumerateArray(), f => f.Str("participant") == "BW");

        (string? User, string Url, HttpStatusCode Expected)[] refused =
        [
            (null, "/api/statistics/trade", HttpStatusCode.Unauthorized),
            ("operator.bw", "/api/statistics/trade", HttpStatusCode.Forbidden),
            ("observer.wdc", "/api/statistics/trade", HttpStatusCode.Forbidden),
            ("officer.za", "/api/statistics/trade?participant=BW", HttpStatusCode.Forbidden),
            ("customs.bw", "/api/statistics/trade?participant=AE", HttpStatusCode.Forbidden),
            ("officer.bw", "/api/statistics/trade?year=1999", HttpStatusCode.BadRequest),
            ("officer.bw", "/api/statistics/trade?year=9999", HttpStatusCode.BadRequest),
            ("officer.bw", "/api/participants/BW/trade-submissions?year=9999", HttpStatusCode.BadRequest), // the last year's periods end past the calendar
            ("officer.bw", "/api/participants/BW/production-returns?year=9999", HttpStatusCode.BadRequest),
            ("officer.bw", "/api/statistics/trade?format=xml", HttpStatusCode.BadRequest),
        ];
        foreach (var (user, url, status) in refused)
        {
            Assert.True(status == (await (await _app.ClientFor(user)).GetAsync(url)).StatusCode, $"{user ?? "anonymous"} {url}: expected {(int)status}");
        }

        Assert.Equal(HttpStatusCode.OK, (await (await _app.ClientFor("customs.bw")).GetAsync("/api/statistics/trade")).StatusCode);
    }

    [Fact]
    public async Task An_uploaded_quarter_replaces_the_derived_figures_of_that_participant_and_quarter_and_the_year_adds_up()
    {
        await IssueOn(Day(2, 10), "AE", new CertificateLineRequest("7102.10", 100.00m, 10_000.00m));
        await IssueOn(Day(5, 10), "AE", new CertificateLineRequest("7102.10", 200.00m, 30_000.00m));
        var day = _app.Clock.GetUtcNow().UtcDateTime;

        await _app.WithDb(async db =>
        {
            // BW runs a national system for Q1 (two revisions: the latest counts), and records its H1 production twice.
            db.TradeSubmissions.Add(new TradeSubmission
            {
                ParticipantCode = "BW",
                Year = 2026,
                QuarterNumber = 1,
                Revision = 1,
                Kind = SubmissionKind.QuarterlyFigures,
                SubmittedBy = "officer.bw",
                SubmittedAt = day,
                Figures = [new() { Flow = TradeFlow.Export, Partner = "AE", HsCode = "7102.10", CaratsHundredths = 1, UsdCents = 1, Certificates = 1 }],
            });
            db.TradeSubmissions.Add(new TradeSubmission
            {
                ParticipantCode = "BW",
                Year = 2026,
                QuarterNumber = 1,
                Revision = 2,
                Kind = SubmissionKind.CertificateRecords,
                SubmittedBy = "officer.bw",
                SubmittedAt = day,
                Records =
                [
                    new() { Flow = TradeFlow.Export, CertificateNumber = "BW-N-1", Partner = "EU", Date = new(2026, 1, 20), HsCode = "7102.10", CaratsHundredths = 5_000, UsdCents = 700_000 },
                    new() { Flow = TradeFlow.Export, CertificateNumber = "BW-N-1", Partner = "EU", Date = new(2026, 1, 20), HsCode = "7102.31", CaratsHundredths = 1_000, UsdCents = 300_000 },
                    new() { Flow = TradeFlow.Import, CertificateNumber = "ZA-N-9", Partner = "ZA", Date = new(2026, 3, 2), HsCode = "7102.10", CaratsHundredths = 2_000, UsdCents = 400_000 },
                ],
            });
            db.ProductionReturns.Add(new ProductionReturn
            {
                ParticipantCode = "BW",
                Year = 2026,
                Half = 1,
                Revision = 1,
                SubmittedBy = "officer.bw",
                SubmittedAt = day,
                Lines = [new() { MiningType = MiningType.Industrial, CaratsHundredths = 1, UsdCents = 1 }],
            });
            db.ProductionReturns.Add(new ProductionReturn
            {
                ParticipantCode = "BW",
                Year = 2026,
                Half = 1,
                Revision = 2,
                SubmittedBy = "officer.bw",
                SubmittedAt = day,
                Lines =
                [
                    new() { MiningType = MiningType.Industrial, CaratsHundredths = 1_000_000, UsdCents = 150_000_000 },
                    new() { MiningType = MiningType.ArtisanalAlluvial, HsCode = "7102.10", CaratsHundredths = 50_000, UsdCents = 10_000_000 },
                ],
            });
            return await db.SaveChangesAsync();
        });

        var bw = await _app.WithDb(db => new TradeStatistics(db).ForYearAsync(2026, "BW", CancellationToken.None));
        var q1 = new Quarter(2026, 1);
        Assert.Equal(
            [
                new TradeFigure("BW", TradeFlow.Export, q1, "EU", "7102.10", 5_000, 700_000, 1),
                new TradeFigure("BW", TradeFlow.Export, q1, "EU", "7102.31", 1_000, 300_000, 1),
                new TradeFigure("BW", TradeFlow.Import, q1, "ZA", "7102.10", 2_000, 400_000, 1),
            ],
            bw.Where(f => f.Quarter == q1));
        Assert.Contains(new TradeFigure("BW", TradeFlow.Export, new Quarter(2026, 2), "AE", "7102.10", 20_000, 3_000_000, 1), bw);

        var year = await _app.WithDb(db => new AnnualFigures(db, new TradeStatistics(db), _app.Service(s => s.GetRequiredService<OpenKP.Registry.ParticipantDirectory>())).ForYearAsync(2026, CancellationToken.None));
        var row = Assert.Single(year, r => r.Participant == "BW");
        // Q1 as uploaded (one certificate, 60 ct, US$ 10,000), Q2 from the certificate (200 ct, US$ 30,000); the demo's Q1 certificates are replaced by the upload.
        Assert.Equal(new ParticipantYear("BW", 1_050_000, 160_000_000, 26_000, 4_000_000, 2, 2_000, 400_000, 1, ProductionSubmitted: false), row);
        Assert.Contains(year, r => r.Participant == "AE" && r.ExportCertificates == 0 && !r.ProductionSubmitted);
        Assert.DoesNotContain(year, r => r.Participant == "BG"); // joined the EU in 2007
        Assert.Equal(year.Select(r => r.Participant).Order(StringComparer.Ordinal), year.Select(r => r.Participant));
    }

    [Theory]
    [InlineData(2026, 1, 1, "2026-Q1")]
    [InlineData(2026, 3, 31, "2026-Q1")]
    [InlineData(2026, 4, 1, "2026-Q2")]
    [InlineData(2025, 12, 31, "2025-Q4")]
    public void A_day_falls_in_its_calendar_quarter(int year, int month, int day, string expected)
        => Assert.Equal(expected, Quarter.Of(new DateOnly(year, month, day)).ToString());
}
