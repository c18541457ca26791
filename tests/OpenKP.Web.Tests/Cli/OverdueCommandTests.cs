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
}
