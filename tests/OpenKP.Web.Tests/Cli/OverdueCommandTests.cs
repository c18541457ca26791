using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Cli;

/// <summary>
/// <c>openkp shipments overdue</c> and <c>remind</c> once the app's clock has moved past the overdue days:
/// a class of its own, since it moves its app's clock.
/// </summary>
public sealed class OverdueCommandTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static readonly Dictionary<string, string> Password = new() { ["OPENKP_PASSWORD"] = OpenKpApp.DemoPassword };

    private Task<CliResult> As(string user, params string[] args) => CliHarness.RemoteAsync(app, Password, [.. args, "--user", user]);

    [Fact]
    public async Task A_shipment_unconfirmed_after_the_overdue_days_is_listed_and_its_importer_reminded()
    {
        // The demo certificates are issued at start (2026-01-15) and never confirmed; BW overdues after 30 days.
        app.Clock.Advance(TimeSpan.FromDays(31));

        var overdue = await As("officer.bw", "shipments", "overdue", "--json");
        Assert.True(overdue.ExitCode == 0, overdue.ToString());
        var item = overdue.Json.GetProperty("shipments").GetProperty("items").EnumerateArray().First();
        var number = item.GetProperty("shipment").GetProperty("certificateNumber").GetString()!;
        Assert.Equal("not-confirmed", item.GetProperty("reason").GetString());
        Assert.Equal(31, item.GetProperty("daysSinceIssue").GetInt32());

        var table = await As("officer.bw", "shipments", "overdue");
        Assert.Contains(number, table.Out, StringComparison.Ordinal);
        Assert.Contains("not-confirmed", table.Out, StringComparison.Ordinal);

        var reminded = await As("officer.bw", "shipments", "remind", number);
        Assert.True(reminded.ExitCode == 0, reminded.ToString());
        Assert.Contains($"REMINDED  AE about certificate {number} (31 days since issue)", reminded.Out, StringComparison.Ordinal);

        var notTheirs = await As("officer.za", "shipments", "remind", number);
        Assert.Equal(1, notTheirs.ExitCode);
        Assert.Contains("error: shipment-not-found:", notTheirs.Error, StringComparison.Ordinal);
        var secretariat = await As("secretariat", "shipments", "overdue", "--participant", "BW");
        Assert.Contains(number, secretariat.Out, StringComparison.Ordinal);
        var otherParticipant = await As("officer.za", "shipments", "overdue", "--participant", "BW");
        Assert.Contains("(HTTP 403)", otherParticipant.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shipment_settings_are_shown_and_changed_and_only_the_secretariat_loosens_four_eyes()
    {
        var shown = await As("officer.bw", "shipments", "settings", "--participant", "BW");
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains("1,000,000.00", shown.Out, StringComparison.Ordinal);

        var tightened = await As("officer.bw", "shipments", "settings", "--participant", "BW", "--four-eyes-threshold", "900000", "--overdue-days", "20", "--json");
        Assert.True(tightened.ExitCode == 0, tightened.ToString());
        Assert.Equal(900000m, tightened.Json.GetProperty("fourEyesThresholdUsd").GetDecimal());
        Assert.Equal(20, tightened.Json.GetProperty("overdueAfterDays").GetInt32());
        Assert.Equal(0.5m, tightened.Json.GetProperty("weightTolerancePercent").GetDecimal());

        var loosened = await As("officer.bw", "shipments", "settings", "--participant", "BW", "--four-eyes-threshold", "none");
        Assert.Equal(1, loosened.ExitCode);
        Assert.Contains("error: four-eyes-loosening:", loosened.Error, StringComparison.Ordinal);
        var bySecretariat = await As("secretariat", "shipments", "settings", "--participant", "BW", "--four-eyes-threshold", "1000000", "--overdue-days", "30", "--json");
        Assert.True(bySecretariat.ExitCode == 0, bySecretariat.ToString());
        Assert.Equal(1000000m, bySecretariat.Json.GetProperty("fourEyesThresholdUsd").GetDecimal());
        Assert.Equal(1, (await As("officer.za", "shipments", "settings", "--participant", "BW", "--overdue-days", "10")).ExitCode);
    }
}
