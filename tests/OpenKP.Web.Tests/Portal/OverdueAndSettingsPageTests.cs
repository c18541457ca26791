using System.Net;
using OpenKP.Web.Tests.Infrastructure;
using OpenKP.Web.Tests.Shipments;

namespace OpenKP.Web.Tests.Portal;

/// <summary>The overdue list with its reminders, and a participant's shipment settings (own app: the clock moves on).</summary>
public sealed class OverdueAndSettingsPageTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    [Fact]
    public async Task An_unconfirmed_certificate_is_overdue_after_the_participants_days_and_its_authority_reminds_the_importing_side()
    {
        var operatorBw = await app.ClientFor("operator.bw");
        var created = await operatorBw.PostJson("/api/applications", Applications.Valid(), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        await operatorBw.PostJson($"/api/applications/{id}/submit", new { }, HttpStatusCode.OK);
        var number = (await (await app.ClientFor("officer.bw")).PostJson($"/api/applications/{id}/approve", new { }, HttpStatusCode.OK)).GetProperty("certificate").Str("number");

        using var officer = await PortalClient.SignedIn(app, "officer.bw");
        Assert.DoesNotContain($"data-number=\"{number}\"", (await officer.Get("/shipments/overdue")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"overdue\"", (await officer.Get($"/shipments/{number}")).Html, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromDays(35));
        using var later = await PortalClient.SignedIn(app, "officer.bw"); // the first sign-in expired meanwhile
        var (status, list) = await later.Get("/shipments/overdue");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("30 days after issue", list, StringComparison.Ordinal);
        Assert.Contains($"data-number=\"{number}\"", list, StringComparison.Ordinal);
        Assert.Matches($"data-number=\"{number}\"[\\s\\S]*?Not confirmed[\\s\\S]*?data-testid=\"days\">35<", list);
        var (_, shipment) = await later.Get($"/shipments/{number}");
        Assert.Contains("data-testid=\"overdue\"", shipment, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"remind\"", shipment, StringComparison.Ordinal);

        using var reminded = await later.PostForm("/shipments/overdue?handler=remind", new() { ["number"] = number }, PortalClient.Token(list));
        Assert.Equal(HttpStatusCode.Redirect, reminded.StatusCode);
        var (_, after) = await later.Get("/shipments/overdue");
        Assert.Contains($"Reminder sent for {number}", after, StringComparison.Ordinal);
        Assert.Matches($"data-number=\"{number}\"[\\s\\S]*?{app.Clock.GetUtcNow():d MMMM yyyy}", after);

        // Only the exporting authority reminds; the importing side neither sees the list's button nor may post it.
        using var officerAe = await PortalClient.SignedIn(app, "officer.ae");
        var (_, aeList) = await officerAe.Get("/shipments/overdue");
        Assert.DoesNotContain($"data-number=\"{number}\"", aeList, StringComparison.Ordinal);
        using var foreign = await officerAe.PostForm("/shipments/overdue?handler=remind", new() { ["number"] = number }, PortalClient.Token(aeList));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Contains("shipment-not-found", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var secretariat = await PortalClient.SignedIn(app, "secretariat");
        Assert.Contains($"data-number=\"{number}\"", (await secretariat.Get("/shipments/overdue?participant=BW")).Html, StringComparison.Ordinal);
        using var customs = await PortalClient.SignedIn(app, "customs.bw");
        Assert.Equal(HttpStatusCode.Forbidden, (await customs.Get("/shipments/overdue")).Status);
    }

    [Fact]
    public async Task An_authority_officer_changes_its_participants_settings_and_bad_values_show_beside_their_fields()
    {
        using var officer = await PortalClient.SignedIn(app, "officer.za");
        var (status, form) = await officer.Get("/shipments/settings");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("name=\"overdueAfterDays\" value=\"30\"", form, StringComparison.Ordinal);
        Assert.Contains("name=\"weightTolerancePercent\" value=\"0.5\"", form, StringComparison.Ordinal);
        var version = System.Text.RegularExpressions.Regex.Match(form, "name=\"version\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;

        using var bad = await officer.PostForm("/shipments/settings", new()
        {
            ["fourEyesThresholdUsd"] = "-5",
            ["overdueAfterDays"] = "400",
            ["weightTolerancePercent"] = "abc",
            ["valueTolerancePercent"] = "60",
            ["version"] = version,
        }, PortalClient.Token(form));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        foreach (var (field, code) in new[] { ("fourEyesThresholdUsd", "invalid-value"), ("overdueAfterDays", "invalid-value"), ("weightTolerancePercent", "invalid-number"), ("valueTolerancePercent", "invalid-value") })
        {
            Assert.Matches($"id=\"{field}-error\">[\\s\\S]*?<code class=\"error-code\">{code}</code>", html);
        }

        Assert.Contains("Enter a number of days from 1 to 365.", html, StringComparison.Ordinal);

        using var saved = await officer.PostForm("/shipments/settings", new()
        {
            ["fourEyesThresholdUsd"] = "250000",
            ["overdueAfterDays"] = "45",
            ["weightTolerancePercent"] = "1",
            ["valueTolerancePercent"] = "7.5",
            ["version"] = version,
        }, PortalClient.Token(form));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, after) = await officer.Get("/shipments/settings");
        Assert.Contains("Settings saved", after, StringComparison.Ordinal);
        Assert.Contains("name=\"fourEyesThresholdUsd\" value=\"250000\"", after, StringComparison.Ordinal);
        var api = await (await app.ClientFor("officer.za")).GetJson("/api/participants/ZA/shipment-settings");
        Assert.Equal(45, api.GetProperty("overdueAfterDays").GetInt32());
        Assert.Equal(7.5m, api.GetProperty("valueTolerancePercent").GetDecimal());

        using var customs = await PortalClient.SignedIn(app, "customs.za");
        Assert.Equal(HttpStatusCode.Forbidden, (await customs.Follow("/shipments/settings")).Status);
        using var operatorZa = await PortalClient.SignedIn(app, "operator.za");
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorZa.Follow("/shipments/settings")).Status);
    }
}
