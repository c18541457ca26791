using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenKP.Shipments;
using OpenKP.Web.Shipments;
using OpenKP.Web.Tests.Certificates;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Shipments;

/// <summary>The overdue list with a fake clock: loops left open past the participant's limit, certificates expired unused, reminders.</summary>
public sealed class OverdueTests : IAsyncLifetime
{
    // Each test moves the clock: a fresh app per test keeps them apart.
    private readonly OpenKpApp _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<string> Issue(string? expiresOn = null)
    {
        var officer = await _app.ClientFor("officer.bw");
        var issued = await officer.PostJson("/api/certificates", Drafts.Valid() with { ExpiresOn = expiresOn }, HttpStatusCode.Created);
        return issued.Str("number");
    }

    private async Task<JsonElement[]> Overdue(string user = "officer.bw")
        => [.. (await (await _app.ClientFor(user)).GetJson("/api/shipments/overdue?pageSize=500")).GetProperty("shipments").GetProperty("items").EnumerateArray()];

    [Fact]
    public async Task A_certificate_without_confirmation_is_overdue_after_thirty_days_and_the_importing_side_is_reminded()
    {
        var number = await Issue();
        var confirmed = await Issue();
        Assert.DoesNotContain(await Overdue(), o => o.GetProperty("shipment").Str("certificateNumber") == number);

        var qr = (await (await _app.ClientFor("officer.bw")).GetJson($"/api/certificates/{confirmed}")).Str("qr");
        _app.Advance(TimeSpan.FromDays(3));
        await (await _app.ClientFor("customs.ae")).PostJson("/api/arrivals", Applications.Matching(qr), HttpStatusCode.Created);

        _app.Advance(TimeSpan.FromDays(27)); // day 30: not yet
        Assert.DoesNotContain(await Overdue(), o => o.GetProperty("shipment").Str("certificateNumber") == number);
        _app.Advance(TimeSpan.FromDays(1)); // day 31
        var listed = Assert.Single(await Overdue(), o => o.GetProperty("shipment").Str("certificateNumber") == number);
        Assert.Equal("not-confirmed", listed.Str("reason"));
        Assert.Equal(31, listed.GetProperty("daysSinceIssue").GetInt32());
        Assert.DoesNotContain(await Overdue(), o => o.GetProperty("shipment").Str("certificateNumber") == confirmed);

        var reminded = await (await _app.ClientFor("officer.bw")).PostJson($"/api/shipments/{number}/remind", new { }, HttpStatusCode.OK);
        Assert.Equal(OpenKpApp.Today.AddDays(31).UtcDateTime, reminded.GetProperty("lastReminderAt").GetDateTime());
        Assert.Equal("shipment-closed", (await (await _app.ClientFor("officer.bw")).PostJson($"/api/shipments/{confirmed}/remind", new { }, HttpStatusCode.Conflict)).Str("code"));
        Assert.Equal("shipment-not-found", (await (await _app.ClientFor("officer.za")).PostJson($"/api/shipments/{number}/remind", new { }, HttpStatusCode.NotFound)).Str("code"));
    }

    private async Task<int> Sweep()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OverdueWatch>().RemindAllAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_daily_sweep_reminds_each_overdue_shipment_at_most_once_a_week()
    {
        var number = await Issue();
        _app.Advance(TimeSpan.FromDays(31));
        var first = await Sweep();
        Assert.True(first >= 1);
        Assert.Equal(0, await Sweep());
        _app.Advance(TimeSpan.FromDays(OverdueWatch.ReminderIntervalDays + 1));
        Assert.Equal(first, await Sweep());
        var audited = await _app.WithDb(db => Task.FromResult(db.AuditEntries.Count(a => a.Entity == "Shipment" && a.Action == "modified" && a.After!.Contains("LastReminderAt"))));
        Assert.True(audited >= 2);
        Assert.Contains(await Overdue(), o => o.GetProperty("shipment").Str("certificateNumber") == number);
    }

    [Fact]
    public async Task A_certificate_that_expired_before_the_goods_left_is_listed_as_expired_unused_and_a_voided_one_is_not_listed()
    {
        var expiring = await Issue(expiresOn: "2026-01-25");
        var voided = await Issue();
        await (await _app.ClientFor("officer.bw")).PostJson($"/api/certificates/{voided}/void", new { reason = "Shipment cancelled" }, HttpStatusCode.OK);
        _app.Advance(TimeSpan.FromDays(11));
        var listed = Assert.Single(await Overdue(), o => o.GetProperty("shipment").Str("certificateNumber") == expiring);
        Assert.Equal("expired-unused", listed.Str("reason"));
        _app.Advance(TimeSpan.FromDays(40));
        Assert.DoesNotContain(await Overdue(), o => o.GetProperty("shipment").Str("certificateNumber") == voided);
    }

    [Fact]
    public async Task The_overdue_limit_is_the_participants_setting_and_only_its_authority_and_the_secretariat_see_the_list()
    {
        var number = await Issue();
        var officer = await _app.ClientFor("officer.bw");
        var settings = await officer.GetJson("/api/participants/BW/shipment-settings");
        Assert.Equal(30, settings.GetProperty("overdueAfterDays").GetInt32());
        var changed = await (await officer.PutAsJsonAsync("/api/participants/BW/shipment-settings",
            new ShipmentSettingsRequest(1_000_000m, 10, 0.5m, 5m, settings.GetProperty("version").GetGuid()))).Json(HttpStatusCode.OK);
        Assert.Equal(10, changed.GetProperty("overdueAfterDays").GetInt32());
        var stale = await officer.PutAsJsonAsync("/api/participants/BW/shipment-settings", new ShipmentSettingsRequest(null, 20, 0.5m, 5m, settings.GetProperty("version").GetGuid()));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var bad = await (await officer.PutAsJsonAsync("/api/participants/BW/shipment-settings", new ShipmentSettingsRequest(-1m, 0, 80m, null, null))).Json(HttpStatusCode.BadRequest);
        Assert.Equal(["fourEyesThresholdUsd", "overdueAfterDays", "valueTolerancePercent", "weightTolerancePercent"], bad.GetProperty("violations").EnumerateArray().Select(v => v.Str("field")).Order());

        _app.Advance(TimeSpan.FromDays(11));
        Assert.Contains(await Overdue(), o => o.GetProperty("shipment").Str("certificateNumber") == number);
        Assert.Contains((await (await _app.ClientFor("secretariat")).GetJson("/api/shipments/overdue?participant=BW&pageSize=500")).GetProperty("shipments").GetProperty("items").EnumerateArray(),
            o => o.GetProperty("shipment").Str("certificateNumber") == number);
        foreach (var user in new[] { "customs.bw", "operator.bw", "officer.ae" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await (await _app.ClientFor(user)).GetAsync("/api/shipments/overdue?participant=BW")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await (await _app.ClientFor("officer.ae")).PutAsJsonAsync("/api/participants/BW/shipment-settings", new ShipmentSettingsRequest(null, 20, 0.5m, 5m, null))).StatusCode);
    }
}
