using System.Net;
using System.Net.Http.Json;
using OpenKP.Web.Shipments;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Shipments;

/// <summary>Alerts: raised by any participant's officials, seen by all of them and the secretariat, acknowledged once per participant.</summary>
public sealed class AlertTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static RaiseAlertRequest Stolen(string subject = "Blank certificate forms stolen") =>
        new("lost-or-stolen-forms", subject, "Forms BW-FORM-100 to BW-FORM-150 were taken from the Gaborone office on 14 January.", null);

    [Fact]
    public async Task An_alert_reaches_every_participants_officials_and_each_acknowledges_once()
    {
        var raised = await (await app.ClientFor("officer.bw")).PostJson("/api/alerts", Stolen(), HttpStatusCode.Created);
        var id = raised.GetProperty("id").GetInt64();
        Assert.Equal("BW", raised.Str("raisedByParticipant"));
        Assert.Equal("lost-or-stolen-forms", raised.Str("kind"));

        foreach (var reader in new[] { "customs.ae", "officer.za", "secretariat" })
        {
            var list = await (await app.ClientFor(reader)).GetJson("/api/alerts");
            Assert.Contains(list.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetInt64() == id);
        }

        var ae = await app.ClientFor("customs.ae");
        var unread = await ae.GetJson("/api/alerts?unacknowledged=true");
        Assert.Contains(unread.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetInt64() == id);
        var acknowledged = await ae.PostJson($"/api/alerts/{id}/acknowledge", new { }, HttpStatusCode.OK);
        Assert.True(acknowledged.GetProperty("acknowledgedByYou").GetBoolean());
        Assert.Equal("AE", Assert.Single(acknowledged.GetProperty("acknowledgements").EnumerateArray()).Str("participant"));

        var again = await (await app.ClientFor("officer.ae")).PostJson($"/api/alerts/{id}/acknowledge", new { }, HttpStatusCode.Conflict);
        Assert.Equal("alert-already-acknowledged", again.Str("code"));
        Assert.DoesNotContain((await ae.GetJson("/api/alerts?unacknowledged=true")).GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetInt64() == id);
        Assert.False((await (await app.ClientFor("officer.za")).GetJson($"/api/alerts/{id}")).GetProperty("acknowledgedByYou").GetBoolean());
    }

    [Fact]
    public async Task Bad_alerts_and_unknown_ones_get_clear_errors()
    {
        var officer = await app.ClientFor("officer.bw");
        var bad = await officer.PostJson("/api/alerts", new RaiseAlertRequest("rumour", "", null, null), HttpStatusCode.BadRequest);
        Assert.Equal(["details", "kind", "subject"], bad.GetProperty("violations").EnumerateArray().Select(v => v.Str("field")).Order());
        Assert.Equal("alert-not-found", (await officer.GetJson("/api/alerts/999999", HttpStatusCode.NotFound)).Str("code"));
        Assert.Equal("alert-not-found", (await officer.PostJson("/api/alerts/999999/acknowledge", new { }, HttpStatusCode.NotFound)).Str("code"));
        var secretariat = await app.ClientFor("secretariat");
        Assert.Equal("forbidden", (await secretariat.PostJson("/api/alerts/1/acknowledge", new { }, HttpStatusCode.Forbidden)).Str("code"));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("operator.bw", HttpStatusCode.Forbidden)]
    [InlineData("observer.wdc", HttpStatusCode.Forbidden)]
    public async Task Only_officials_raise_read_and_acknowledge_alerts(string? user, HttpStatusCode expected)
    {
        var client = await app.ClientFor(user);
        Assert.Equal(expected, (await client.PostAsJsonAsync("/api/alerts", Stolen())).StatusCode);
        Assert.Equal(expected, (await client.GetAsync("/api/alerts")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync("/api/alerts/1")).StatusCode);
        Assert.Equal(expected, (await client.PostAsJsonAsync("/api/alerts/1/acknowledge", new { })).StatusCode);
    }

    [Fact]
    public async Task Raising_an_alert_is_in_the_audit_trail()
    {
        var raised = await (await app.ClientFor("customs.za")).PostJson("/api/alerts",
            new RaiseAlertRequest("fraudulent-certificate", "Forged certificate presented at OR Tambo", "QR fails verification: key-unknown.", "BW-2026-000777"), HttpStatusCode.Created);
        var id = raised.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await app.WithDb(db => Task.FromResult(db.AuditEntries.Any(a => a.Entity == "Alert" && a.EntityKey == id && a.UserName == "customs.za"))));
    }
}
