using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenKP.Registry;
using OpenKP.Statistics;
using OpenKP.Web.Tests.Infrastructure;
using static OpenKP.Web.Tests.Statistics.Anomalies;

namespace OpenKP.Web.Tests.Statistics;

/// <summary>
/// Detection end to end (both databases): certificates issued through the API over two years, production
/// returns in the database; the planted anomalies are found and nothing else; detecting again changes
/// nothing; a correction resolves what no longer holds.
/// </summary>
public sealed class AnomalyDetectionTests : IAsyncLifetime
{
    // The test moves the clock through 2026 and 2027: an app of its own.
    private readonly OpenKpApp _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static string Key(JsonElement a) => $"{a.Str("kind")} {a.Str("participant")} {a.Str("period")} {a.Str("subject")}";

    private async Task<List<JsonElement>> AnomaliesOf(int year, string? status = null)
    {
        var page = await (await _app.ClientFor("secretariat")).GetJson($"/api/statistics/anomalies?year={year}&pageSize=500" + (status is null ? "" : $"&status={status}"));
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    [Fact]
    public async Task The_planted_anomalies_of_a_year_are_found_exactly_and_detecting_again_changes_nothing()
    {
        // In date order (the clock only moves forward).
        // Botswana: 1,200 ct of 7102.10 at US$ 150/ct every quarter for five quarters, then at US$ 412/ct (a price outlier).
        // South Africa: 1,500 ct then 6,000 ct (a quarter-on-quarter jump of 300 %), then nothing in Q3 (a drop of 100 %,
        // as for Botswana's and Canada's carats; their US$ stay under the US$ 1 million floor).
        // Canada: 2,000 ct exported, no production and no imports (exports exceed supply).
        foreach (var (y, m) in new[] { (2026, 2), (2026, 5), (2026, 8), (2026, 11), (2027, 2) })
        {
            await Export(_app, Day(y, m, 15), "BW", "AE", "7102.10", 1_200m, 150m);
        }

        await Export(_app, Day(2027, 2, 20), "ZA", "EU", "7102.10", 1_500m, 200m);
        await Export(_app, Day(2027, 5, 15), "BW", "AE", "7102.10", 1_200m, 412m);
        await Export(_app, Day(2027, 5, 20), "ZA", "EU", "7102.10", 6_000m, 200m);
        await Export(_app, Day(2027, 5, 25), "CA", "AE", "7102.10", 2_000m, 150m);
        // Production 2027-H1: Botswana on time; South Africa a week after the due date (29 August).
        await Production(_app, "BW", 2027, 1, 50_000, 7_500_000, Day(2027, 7, 10));
        await Production(_app, "ZA", 2027, 1, 10_000, 2_000_000, Day(2027, 9, 5));

        MoveTo(_app, Day(2028, 1, 20));
        var secretariat = await _app.ClientFor("secretariat");
        var run = await secretariat.PostJson("/api/statistics/anomalies/detect?year=2027", new { }, HttpStatusCode.OK);

        var found = await AnomaliesOf(2027);
        Assert.Equal(
            [
                "exports-exceed-supply CA 2027 export carats",
                "late-submission ZA 2027-H1 production return",
                "period-change BW 2027-Q3 export carats",
                "period-change CA 2027-Q3 export carats",
                "period-change ZA 2027-Q2 export carats",
                "period-change ZA 2027-Q2 export usd",
                "period-change ZA 2027-Q3 export carats",
                "period-change ZA 2027-Q3 export usd",
                "price-outside-own-band BW 2027-Q2 export 7102.10",
            ],
            found.Where(a => a.Str("kind") != "missing-submission").Select(Key).Order(StringComparer.Ordinal));

        // Every member of the scheme in 2027 but Botswana and South Africa owes its 2027-H1 return.
        var members = _app.Service(sp => AnnualFigures.MembersIn(sp.GetRequiredService<ParticipantDirectory>().SnapshotAsync(CancellationToken.None).GetAwaiter().GetResult(), 2027));
        Assert.Equal(
            members.Except(["BW", "ZA"]).Order(StringComparer.Ordinal),
            found.Where(a => a.Str("kind") == "missing-submission").Select(a => a.Str("participant")).Order(StringComparer.Ordinal));
        Assert.All(found.Where(a => a.Str("kind") == "missing-submission"), a => Assert.Equal(("2027-H1", "production return"), (a.Str("period"), a.Str("subject"))));
        Assert.Equal(found.Count, run.GetProperty("found").GetInt32());
        Assert.Equal(found.Count, run.GetProperty("added").GetInt32());

        var price = found.Single(a => a.Str("kind") == "price-outside-own-band");
        Assert.Equal(("usd-per-carat", 412.00m), (price.Str("unit"), price.GetProperty("measured").GetDecimal()));
        Assert.StartsWith("Exports of 7102.10 in 2027-Q2 were US$ 412.00/ct against your band US$ 112.50–", price.Str("details"), StringComparison.Ordinal);
        var supply = found.Single(a => a.Str("kind") == "exports-exceed-supply");
        Assert.Equal((2_000m, 0m), (supply.GetProperty("measured").GetDecimal(), supply.GetProperty("expectedHigh").GetDecimal()));

        // Again: nothing new, nothing changed, the same rows.
        var again = await secretariat.PostJson("/api/statistics/anomalies/detect?year=2027", new { }, HttpStatusCode.OK);
        Assert.Equal((found.Count, 0, 0, 0), (again.GetProperty("found").GetInt32(), again.GetProperty("added").GetInt32(), again.GetProperty("changed").GetInt32(), again.GetProperty("resolved").GetInt32()));
        Assert.Equal(found.Select(a => a.GetProperty("id").GetInt64()).Order(), (await AnomaliesOf(2027)).Select(a => a.GetProperty("id").GetInt64()).Order());

        // Canada sends its return: exports no longer exceed supply and the return is no longer missing.
        await Production(_app, "CA", 2027, 1, 5_000, 750_000, Day(2028, 1, 20));
        var corrected = await secretariat.PostJson("/api/statistics/anomalies/detect?year=2027", new { }, HttpStatusCode.OK);
        Assert.Equal(2, corrected.GetProperty("resolved").GetInt32());
        var resolved = await AnomaliesOf(2027, "resolved");
        Assert.Equal(["exports-exceed-supply CA 2027 export carats", "missing-submission CA 2027-H1 production return"], resolved.Select(Key).Order(StringComparer.Ordinal));
        Assert.All(resolved, a => Assert.Equal(JsonValueKind.String, a.GetProperty("resolvedAt").ValueKind));
        // The Canadian return came after the due date: now it is late.
        Assert.Contains(await AnomaliesOf(2027, "open"), a => Key(a) == "late-submission CA 2027-H1 production return");

        // Filters, and an officer sees its own participant's only.
        var bw = await (await _app.ClientFor("officer.bw")).GetJson("/api/statistics/anomalies?year=2027");
        Assert.Equal(["period-change BW 2027-Q3 export carats", "price-outside-own-band BW 2027-Q2 export 7102.10"],
            bw.GetProperty("items").EnumerateArray().Select(Key).Order(StringComparer.Ordinal));
        var za = await secretariat.GetJson("/api/statistics/anomalies?year=2027&participant=ZA&kind=period-change");
        Assert.Equal(4, za.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Thresholds_are_the_schemes_and_changing_them_changes_what_is_found()
    {
        await Export(_app, Day(2026, 2, 20), "ZA", "EU", "7102.10", 1_500m, 200m);
        await Export(_app, Day(2026, 5, 20), "ZA", "EU", "7102.10", 2_000m, 200m);
        MoveTo(_app, Day(2026, 7, 2));
        var secretariat = await _app.ClientFor("secretariat");

        // +33 % of carats is under the default 50 %.
        await secretariat.PostJson("/api/statistics/anomalies/detect?year=2026", new { }, HttpStatusCode.OK);
        Assert.DoesNotContain(await AnomaliesOf(2026), a => a.Str("kind") == "period-change" && a.Str("participant") == "ZA");

        var settings = await (await _app.ClientFor("officer.za")).GetJson("/api/statistics/anomaly-settings");
        Assert.Equal((50, 1_000m), (settings.GetProperty("periodChangePercent").GetInt32(), settings.GetProperty("minimumCarats").GetDecimal()));
        var changed = await (await secretariat.PutAsJsonAsync("/api/statistics/anomaly-settings", Settings(settings, periodChangePercent: 20))).Json(HttpStatusCode.OK);
        Assert.Equal(("secretariat", 20), (changed.Str("updatedBy"), changed.GetProperty("periodChangePercent").GetInt32()));

        // The version read before the change is stale now.
        var stale = await (await secretariat.PutAsJsonAsync("/api/statistics/anomaly-settings", Settings(settings, periodChangePercent: 30))).Json(HttpStatusCode.Conflict);
        Assert.Equal("anomaly-settings-changed", stale.Str("code"));
        var invalid = await (await secretariat.PutAsJsonAsync("/api/statistics/anomaly-settings", Settings(changed, periodChangePercent: 0, ownBandQuarters: 40))).Json(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["anomaly-setting-out-of-range", "anomaly-setting-out-of-range"], invalid.Codes());

        await secretariat.PostJson("/api/statistics/anomalies/detect?year=2026", new { }, HttpStatusCode.OK);
        Assert.Contains(await AnomaliesOf(2026), a => Key(a) == "period-change ZA 2026-Q2 export carats");
        Assert.Equal(1, await _app.WithDb(db => Task.FromResult(db.AuditEntries.Count(e => e.Entity == nameof(AnomalySettings)))));
    }

    private static Dictionary<string, object?> Settings(JsonElement read, int? periodChangePercent = null, int? ownBandQuarters = null)
    {
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(read.GetRawText())!;
        body.Remove("updatedBy");
        body.Remove("updatedAt");
        if (periodChangePercent is { } p)
        {
            body["periodChangePercent"] = p;
        }

        if (ownBandQuarters is { } q)
        {
            body["ownBandQuarters"] = q;
        }

        return body;
    }
}
