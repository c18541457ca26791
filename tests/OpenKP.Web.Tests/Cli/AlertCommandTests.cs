using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Cli;

/// <summary><c>openkp alerts</c>: raise and acknowledge through the server as an officer; list locally or remotely.</summary>
public sealed class AlertCommandTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static readonly Dictionary<string, string> Password = new() { ["OPENKP_PASSWORD"] = OpenKpApp.DemoPassword };

    [Fact]
    public async Task An_officer_raises_an_alert_another_acknowledges_it_and_the_list_shows_both()
    {
        var raised = await CliHarness.RemoteAsync(app, Password, "alerts", "raise", "--kind", "suspicious-shipment", "--subject", "Parcel weights do not match",
            "--details", "Three parcels declared at 84.10 ct weighed 61.30 ct.", "--certificate", "CD-2026-000002", "--user", "customs.ae", "--json");
        Assert.True(raised.ExitCode == 0, raised.ToString());
        var id = raised.Json.GetProperty("items")[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var unread = await CliHarness.RemoteAsync(app, Password, "alerts", "list", "--unacknowledged", "--user", "officer.cd");
        Assert.Contains("Parcel weights do not match", unread.Out, StringComparison.Ordinal);
        var acknowledged = await CliHarness.RemoteAsync(app, Password, "alerts", "acknowledge", id, "--user", "officer.cd");
        Assert.True(acknowledged.ExitCode == 0, acknowledged.ToString());
        var twice = await CliHarness.RemoteAsync(app, Password, "alerts", "acknowledge", id, "--user", "customs.cd");
        Assert.Equal(1, twice.ExitCode);
        Assert.Contains("alert-already-acknowledged", twice.Error, StringComparison.Ordinal);

        var local = await CliHarness.LocalAsync(app, "alerts", "list");
        Assert.Equal(0, local.ExitCode);
        Assert.Contains("CD-2026-000002", local.Out, StringComparison.Ordinal);
        Assert.Contains("CD", local.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raising_needs_the_server_and_an_official()
    {
        var local = await CliHarness.LocalAsync(app, "alerts", "raise", "--kind", "other", "--subject", "x", "--details", "y");
        Assert.Equal(1, local.ExitCode);
        Assert.Contains("error: server-required:", local.Error, StringComparison.Ordinal);

        var operatorAccount = await CliHarness.RemoteAsync(app, Password, "alerts", "raise", "--kind", "other", "--subject", "x", "--details", "y", "--user", "operator.bw");
        Assert.Equal(1, operatorAccount.ExitCode);
        Assert.Contains("(HTTP 403)", operatorAccount.Error, StringComparison.Ordinal);

        var badKind = await CliHarness.RemoteAsync(app, Password, "alerts", "raise", "--kind", "rumour", "--subject", "x", "--details", "y", "--user", "officer.bw");
        Assert.Equal(1, badKind.ExitCode);
        Assert.Contains("error: invalid-value:", badKind.Error, StringComparison.Ordinal);
    }
}
