using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenKP.Statistics;
using OpenKP.Web.Certificates;
using OpenKP.Web.Shipments;
using OpenKP.Web.Tests.Certificates;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Statistics;

/// <summary>
/// Bilateral reconciliation of BW's exports to AE through a year of the real loop (both databases): issued
/// through the API on the fake clock, checked at arrival, a detention released with the value found, a
/// certificate issued on 30 December and received on 5 January, one never confirmed, and an import record AE
/// uploaded for a certificate BW never issued.
/// </summary>
public sealed class ReconciliationTests : IAsyncLifetime
{
    // The test moves the clock through 2026 into 2027: an app of its own.
    private readonly OpenKpApp _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static DateTimeOffset Day(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);

    private void MoveTo(DateTimeOffset day) => _app.Advance(day - _app.Clock.GetUtcNow());

    /// <summary>Issues a one-line certificate BW → AE on <paramref name="day"/>; its number and QR.</summary>
    private async Task<(string Number, string Qr)> IssueOn(DateTimeOffset day, decimal carats, decimal usd)
    {
        MoveTo(day);
        var issued = await (await _app.ClientFor("officer.bw")).PostJson("/api/certificates",
            Drafts.Valid("AE") with { Lines = [new CertificateLineRequest("7102.10", carats, usd)], Parcels = 1 }, HttpStatusCode.Created);
        return (issued.Str("number"), issued.Str("qr"));
    }

    private async Task<JsonElement> Arrive(string qr, decimal carats, decimal usd)
        => await (await _app.ClientFor("customs.ae")).PostJson("/api/arrivals", new ArrivalRequest(qr, null, true, 1, carats, usd, null, null), HttpStatusCode.Created);

    private static JsonElement Pair(JsonElement summary, string exporter, string importer)
        => summary.GetProperty("pairs").EnumerateArray().Single(p => p.Str("exporter") == exporter && p.Str("importer") == importer);

    private static Dictionary<string, int> Counts(JsonElement pair)
        => pair.GetProperty("categories").EnumerateArray().ToDictionary(c => c.Str("category"), c => c.GetProperty("certificates").GetInt32());

    private static Dictionary<string, string> Categories(JsonElement detail)
        => detail.GetProperty("certificates").GetProperty("items").EnumerateArray().ToDictionary(c => c.Str("certificateNumber"), c => c.Str("category"));

    [Fact]
    public async Task Each_certificate_of_a_pair_falls_in_the_category_that_explains_it_and_the_pair_sums_add_up()
    {
        var demo = await _app.WithDb(db => db.Certificates.AsNoTracking().SingleAsync(c => c.IssuingParticipant == "BW" && c.ImportingParticipant == "AE"));

        // May: one shipment arrives as certified; another is valued 20 % lower at arrival (AE's tolerance is 5 %),
        // is detained, and AE releases it: the import confirmation carries the figures found.
        var matched = await IssueOn(Day(2026, 5, 10), 100.00m, 10_000.00m);
        var valued = await IssueOn(Day(2026, 5, 11), 100.00m, 10_000.00m);
        MoveTo(Day(2026, 5, 14));
        Assert.Equal("accepted", (await Arrive(matched.Qr, 100.00m, 10_000.00m)).GetProperty("check").Str("outcome"));
        var detained = await Arrive(valued.Qr, 100.00m, 8_000.00m);
        Assert.Equal(["value-outside-tolerance"], detained.GetProperty("check").GetProperty("discrepancies").EnumerateArray().Select(d => d.GetString()));
        await (await _app.ClientFor("officer.ae")).PostJson($"/api/cases/{detained.GetProperty("caseId").GetInt64()}/resolve",
            new ResolveCaseRequest("released", "Valuation disputed; goods released to the importer", null), HttpStatusCode.OK);

        // December: one never confirmed, one issued on 30 December and received on 5 January.
        var unconfirmed = await IssueOn(Day(2026, 12, 1), 50.00m, 5_000.00m);
        var late = await IssueOn(Day(2026, 12, 30), 20.00m, 2_000.00m);
        MoveTo(Day(2027, 1, 5));
        Assert.Equal("accepted", (await Arrive(late.Qr, 20.00m, 2_000.00m)).GetProperty("check").Str("outcome"));

        // AE runs its own system for 2026-Q3 and uploaded an import from BW that BW never certified.
        await _app.WithDb(async db =>
        {
            db.TradeSubmissions.Add(new TradeSubmission
            {
                ParticipantCode = "AE",
                Year = 2026,
                QuarterNumber = 3,
                Revision = 1,
                Kind = SubmissionKind.CertificateRecords,
                SubmittedBy = "officer.ae",
                SubmittedAt = _app.Clock.GetUtcNow().UtcDateTime,
                Records = [new SubmittedRecord { Flow = TradeFlow.Import, CertificateNumber = "BW-NOT-ISSUED-1", Partner = "BW", Date = new DateOnly(2026, 8, 1), HsCode = "7102.10", CaratsHundredths = 7_00, UsdCents = 700_00 }],
            });
            return await db.SaveChangesAsync();
        });

        var officer = await _app.ClientFor("officer.bw");
        var summary = await officer.GetJson("/api/statistics/reconciliation?year=2026&a=BW&b=AE");
        Assert.Equal("2026", summary.Str("period"));
        Assert.Equal("2027-01-05", summary.Str("judgedOn"));
        var pair = Pair(summary, "BW", "AE");
        var detail = await officer.GetJson("/api/statistics/reconciliation/certificates?year=2026&a=BW&b=AE");
        Assert.Equal(
            new Dictionary<string, string>
            {
                [demo.Number] = "missing-on-import-side", // issued at the demo's start, expired unconfirmed
                [matched.Number] = "matched",
                [valued.Number] = "valuation",
                [unconfirmed.Number] = "not-yet-confirmed",
                [late.Number] = "timing",
                ["BW-NOT-ISSUED-1"] = "missing-on-export-side",
            },
            Categories(detail));
        Assert.Equal(
            new Dictionary<string, int>
            {
                ["matched"] = 1,
                ["timing"] = 1,
                ["not-yet-confirmed"] = 1,
                ["valuation"] = 1,
                ["carats"] = 0,
                ["missing-on-import-side"] = 1,
                ["missing-on-export-side"] = 1,
            },
            Counts(pair));

        // Exports: every BW certificate to AE issued in 2026; imports: AE's confirmations received in 2026 at the value found, and its upload.
        Assert.Equal(demo.TotalCaratsHundredths / 100m + 270.00m, pair.GetProperty("exports").GetProperty("carats").GetDecimal());
        Assert.Equal(demo.TotalUsdCents / 100m + 27_000.00m, pair.GetProperty("exports").GetProperty("usd").GetDecimal());
        Assert.Equal(5, pair.GetProperty("exports").GetProperty("certificates").GetInt32());
        Assert.Equal(207.00m, pair.GetProperty("imports").GetProperty("carats").GetDecimal());
        Assert.Equal(18_700.00m, pair.GetProperty("imports").GetProperty("usd").GetDecimal());
        Assert.Equal(3, pair.GetProperty("imports").GetProperty("certificates").GetInt32());
        Assert.Equal(demo.TotalUsdCents / 100m + 8_300.00m, pair.GetProperty("difference").GetProperty("usd").GetDecimal());
        Assert.Equal(pair.GetProperty("difference").GetProperty("usd").GetDecimal(), pair.GetProperty("categories").EnumerateArray().Sum(c => c.GetProperty("usdDifference").GetDecimal()));
        Assert.Equal(2_000.00m, pair.GetProperty("categories").EnumerateArray().Single(c => c.Str("category") == "valuation").GetProperty("usdDifference").GetDecimal());
        Assert.Equal(5m, pair.GetProperty("valueTolerancePercent").GetDecimal());

        var valuation = detail.GetProperty("certificates").GetProperty("items").EnumerateArray().Single(c => c.Str("certificateNumber") == valued.Number);
        Assert.Equal(10_000.00m, valuation.GetProperty("export").GetProperty("usd").GetDecimal());
        Assert.Equal(8_000.00m, valuation.GetProperty("import").GetProperty("usd").GetDecimal());
        Assert.Equal("2026-05-14", valuation.GetProperty("import").Str("date"));
        var timing = detail.GetProperty("certificates").GetProperty("items").EnumerateArray().Single(c => c.Str("certificateNumber") == late.Number);
        Assert.Equal(("2026-12-30", true, "2027-01-05", false),
            (timing.GetProperty("export").Str("date"), timing.GetProperty("export").GetProperty("inPeriod").GetBoolean(), timing.GetProperty("import").Str("date"), timing.GetProperty("import").GetProperty("inPeriod").GetBoolean()));
        var uploaded = detail.GetProperty("certificates").GetProperty("items").EnumerateArray().Single(c => c.Str("certificateNumber") == "BW-NOT-ISSUED-1");
        Assert.Equal(JsonValueKind.Null, uploaded.GetProperty("export").ValueKind);
        Assert.Equal("uploaded", uploaded.GetProperty("import").Str("source"));

        // The same certificate is a timing difference in the next year's reconciliation, and in the last quarter's.
        Assert.Equal(new Dictionary<string, string> { [late.Number] = "timing" },
            Categories(await officer.GetJson("/api/statistics/reconciliation/certificates?year=2027&a=BW&b=AE")));
        Assert.Equal(new Dictionary<string, string> { [unconfirmed.Number] = "not-yet-confirmed", [late.Number] = "timing" },
            Categories(await officer.GetJson("/api/statistics/reconciliation/certificates?year=2026&quarter=4&a=BW&b=AE")));

        // One category at a time, a page at a time.
        var page = await officer.GetJson("/api/statistics/reconciliation/certificates?year=2026&a=BW&b=AE&pageSize=2&page=2");
        Assert.Equal((6, 2, 2), (page.GetProperty("certificates").GetProperty("total").GetInt32(), page.GetProperty("certificates").GetProperty("page").GetInt32(),
            page.GetProperty("certificates").GetProperty("items").GetArrayLength()));
        Assert.Equal(new Dictionary<string, string> { [valued.Number] = "valuation" },
            Categories(await officer.GetJson("/api/statistics/reconciliation/certificates?year=2026&a=BW&b=AE&category=valuation")));

        // The runner as the pages and the CLI call it gives the same pair; the year of all pairs puts the largest difference first.
        var all = await _app.WithDb(db => new ReconciliationRunner(db).RunAsync(new ReconciliationPeriod(2026), ReconciliationScope.All, new DateOnly(2027, 1, 5), CancellationToken.None));
        Assert.Equal(pair.GetProperty("difference").GetProperty("usd").GetDecimal() * 100, all.Pairs.Single(p => p is { Exporter: "BW", Importer: "AE" }).UsdDifference);
        Assert.Equal(all.Pairs.OrderByDescending(p => Math.Abs(p.UsdDifference)).Select(p => (p.Exporter, p.Importer)), all.Pairs.Select(p => (p.Exporter, p.Importer)));
        Assert.All(all.Certificates, c => Assert.Single(all.Certificates, o => o.CertificateNumber == c.CertificateNumber && o.Exporter == c.Exporter && o.Importer == c.Importer));
    }
}
