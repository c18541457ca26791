using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenKP.Statistics;
using OpenKP.Web.Certificates;
using OpenKP.Web.Shipments;
using OpenKP.Web.Tests.Certificates;
using OpenKP.Web.Tests.Infrastructure;
using OpenKP.Web.Tests.Portal;
using OpenKP.Web.Tests.Shipments;

namespace OpenKP.Web.Tests.Statistics;

/// <summary>
/// Footprints from a history issued through the API (<see cref="FootprintApp"/>): a certificate line far
/// outside its origin's p1–p99 band is flagged at review and at arrival, as a warning that blocks nothing;
/// one inside is not; below the minimum sample there is no band and no flag. Both databases.
/// </summary>
public sealed class FootprintTests(FootprintApp app) : IClassFixture<FootprintApp>
{
    /// <summary>7102.10 at US$ 2.50/ct, a hundred times below BW's history; the other lines as usual.</summary>
    private static readonly CertificateLineRequest[] FarBelow =
    [
        new("7102.10", 1250.50m, 3_126.25m),
        new("7102.21", 310.25m, 15_512.50m),
        new("7102.31", 84.10m, 201_840.00m),
    ];

    private async Task<long> SubmittedApplication(ApplicationRequest request)
    {
        var operatorBw = await app.ClientFor("operator.bw");
        var id = (await operatorBw.PostJson("/api/applications", request, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await operatorBw.PostJson($"/api/applications/{id}/submit", new { }, HttpStatusCode.OK);
        return id;
    }

    [Fact]
    public async Task A_certificate_outside_its_origins_footprint_is_flagged_at_review()
    {
        await app.EnsureHistoryAsync();
        var officer = await app.ClientFor("officer.bw");

        var far = await SubmittedApplication(Applications.Valid() with { Lines = FarBelow });
        var review = await officer.GetJson($"/api/applications/{far}/review");
        var footprint = review.GetProperty("footprint");
        Assert.True(footprint.GetProperty("flagged").GetBoolean());
        var warning = Assert.Single(footprint.GetProperty("warnings").EnumerateArray());
        Assert.Equal("footprint-outside-band", warning.Str("code"));
        Assert.Equal("lines[0]", warning.Str("field"));
        var line = footprint.GetProperty("lines")[0];
        Assert.Equal(2.50m, line.GetProperty("usdPerCarat").GetDecimal());
        Assert.Equal("origin", line.Str("basis"));
        Assert.True(line.GetProperty("outside").GetBoolean());
        Assert.Equal(13, line.GetProperty("sample").GetInt32()); // twelve issued + the demo's BW → AE line
        Assert.False(footprint.GetProperty("lines")[1].GetProperty("outside").GetBoolean());

        var inside = await SubmittedApplication(Applications.Valid());
        var fine = (await officer.GetJson($"/api/applications/{inside}/review")).GetProperty("footprint");
        Assert.False(fine.GetProperty("flagged").GetBoolean());
        Assert.Empty(fine.GetProperty("warnings").EnumerateArray());
        Assert.All(fine.GetProperty("lines").EnumerateArray(), l => Assert.Equal("origin", l.Str("basis")));

        // The review screen shows the warning beside the rules and the price check, and the decision buttons stay.
        using var portal = await PortalClient.SignedIn(app, "officer.bw");
        var (status, html) = await portal.Get($"/applications/{far}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"footprint-warning\"", html, StringComparison.Ordinal);
        Assert.Contains("data-code=\"footprint-outside-band\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"approve\"", html, StringComparison.Ordinal);
        var (_, insideHtml) = await portal.Get($"/applications/{inside}");
        Assert.Contains("data-testid=\"footprint-inside\"", insideHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"footprint-warning\"", insideHtml, StringComparison.Ordinal);

        // A warning, not a block: the officer approves and the certificate is issued.
        var approved = await officer.PostJson($"/api/applications/{far}/approve", new { }, HttpStatusCode.OK);
        Assert.Equal("issued", approved.GetProperty("application").Str("status"));
    }

    [Fact]
    public async Task A_certificate_outside_its_footprint_is_flagged_at_arrival_and_still_accepted()
    {
        await app.EnsureHistoryAsync();
        var issued = await (await app.ClientFor("officer.bw")).PostJson("/api/certificates", Drafts.Valid() with { Lines = FarBelow }, HttpStatusCode.Created);

        var arrival = await (await app.ClientFor("customs.ae")).PostJson("/api/arrivals",
            new ArrivalRequest(issued.Str("qr"), null, true, 3, 1644.85m, 220_478.75m, null, "Weighed and counted"), HttpStatusCode.Created);
        Assert.Equal("accepted", arrival.GetProperty("check").Str("outcome"));
        Assert.NotEqual(JsonValueKind.Null, arrival.GetProperty("confirmation").ValueKind);
        var footprint = arrival.GetProperty("footprint");
        Assert.True(footprint.GetProperty("flagged").GetBoolean());
        Assert.Equal("footprint-outside-band", Assert.Single(footprint.GetProperty("warnings").EnumerateArray()).Str("code"));

        using var portal = await PortalClient.SignedIn(app, "customs.ae");
        var (status, html) = await portal.Get($"/arrivals/{arrival.GetProperty("check").GetProperty("id").GetInt64()}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-outcome=\"accepted\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"footprint-warning\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_footprint_holds_the_percentiles_of_the_history()
    {
        await app.EnsureHistoryAsync();
        var observer = await app.ClientFor("observer.wdc");

        var list = await observer.GetJson("/api/statistics/footprints");
        Assert.Equal(FootprintApp.MinimumSample, list.GetProperty("run").GetProperty("minimumSample").GetInt32());
        var bw = list.GetProperty("origins").EnumerateArray().Single(o => o.Str("origin") == "BW");
        Assert.Equal(13 + 13 + 14, bw.GetProperty("lines").GetInt32());
        Assert.Equal(["7102.10", "7102.21", "7102.31"], bw.GetProperty("hsCodes").EnumerateArray().Select(f => f.Str("hsCode")));

        // 7102.21 lines: US$ 40, 41 … 51 per carat and the demo's 50: sorted 40 41 42 43 44 45 46 47 48 49 50 50 51 (PERCENTILE.INC).
        var detail = await observer.GetJson("/api/statistics/footprints/BW?hs=7102.21");
        var f = Assert.Single(detail.GetProperty("footprints").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, f.GetProperty("zone").ValueKind);
        Assert.Equal(13, f.GetProperty("lines").GetInt32());
        var p = f.GetProperty("percentiles");
        Assert.Equal(40.12m, p.GetProperty("p1").GetDecimal());   // rank 0.12
        Assert.Equal(46.00m, p.GetProperty("p50").GetDecimal());  // rank 6
        Assert.Equal(50.00m, p.GetProperty("p90").GetDecimal());  // rank 10.8 between 50 and 50
        Assert.Equal(50.88m, p.GetProperty("p99").GetDecimal());  // rank 11.88: 50 + 0.88
        Assert.Equal("2026-01-15", f.Str("firstDate"));
        Assert.Equal("2026-01-26", f.Str("lastDate"));
        Assert.Equal(JsonValueKind.Null, f.GetProperty("meanStoneCarats").ValueKind); // certificates carry no stone count
    }

    [Fact]
    public async Task Below_the_minimum_sample_no_band_is_claimed_and_nothing_is_flagged()
    {
        await app.EnsureHistoryAsync();
        // ZA origin: the demo's one ZA → EU certificate.
        var za = await (await app.ClientFor("officer.bw")).GetJson("/api/statistics/footprints/ZA?hs=7102.10");
        var f = Assert.Single(za.GetProperty("footprints").EnumerateArray());
        Assert.Equal(1, f.GetProperty("lines").GetInt32());
        Assert.Equal(JsonValueKind.Null, f.GetProperty("percentiles").ValueKind);

        var far = await SubmittedApplication(Applications.Valid() with { Origin = "ZA", Lines = FarBelow });
        var footprint = (await (await app.ClientFor("officer.bw")).GetJson($"/api/applications/{far}/review")).GetProperty("footprint");
        Assert.False(footprint.GetProperty("flagged").GetBoolean());
        var line = footprint.GetProperty("lines")[0];
        Assert.Equal(JsonValueKind.Null, line.GetProperty("basis").ValueKind);
        Assert.Equal(1, line.GetProperty("sample").GetInt32());

        using var portal = await PortalClient.SignedIn(app, "officer.bw");
        var (_, html) = await portal.Get($"/applications/{far}");
        Assert.Contains("data-testid=\"footprint-no-history\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_recomputation_while_one_runs_is_refused_with_a_conflict()
    {
        var gate = app.Services.GetRequiredService<FootprintGate>();
        Assert.True(await gate.TryEnterAsync(TestContext.Current.CancellationToken));
        try
        {
            var refused = await (await app.ClientFor("secretariat")).PostJson("/api/statistics/footprints/recompute", new { }, HttpStatusCode.Conflict);
            Assert.Equal("footprint-recompute-running", refused.Str("code"));
        }
        finally
        {
            gate.Leave();
        }
    }

    [Fact]
    public async Task Unknown_origins_are_not_found_and_bad_filters_are_malformed()
    {
        var officer = await app.ClientFor("officer.bw");
        Assert.Equal("footprint-not-found", (await officer.GetJson("/api/statistics/footprints/NA", HttpStatusCode.NotFound)).Str("code"));
        Assert.Equal("invalid-code", (await officer.GetJson("/api/statistics/footprints/1X", HttpStatusCode.BadRequest)).Codes()[0]);
        Assert.Equal("invalid-value", (await officer.GetJson("/api/statistics/footprints/BW?hs=7102.99", HttpStatusCode.BadRequest)).Codes()[0]);
        Assert.Equal("invalid-code", (await officer.GetJson("/api/statistics/footprints?origin=B", HttpStatusCode.BadRequest)).Codes()[0]);
    }
}
