using OpenKP.Web.Tests.Infrastructure;
using OpenKP.Web.Tests.Statistics;

namespace OpenKP.Web.Tests.Cli;

/// <summary><c>openkp statistics footprints</c> and <c>… recompute</c> against the server, and recompute on the local database.</summary>
public sealed class FootprintCommandTests(FootprintApp app) : IClassFixture<FootprintApp>
{
    private static readonly Dictionary<string, string> Password = new() { ["OPENKP_PASSWORD"] = OpenKpApp.DemoPassword };

    private Task<CliResult> As(string user, params string[] args) => CliHarness.RemoteAsync(app, Password, [.. args, "--user", user]);

    [Fact]
    public async Task Footprints_are_listed_shown_per_origin_and_recomputed_by_the_secretariat()
    {
        await app.EnsureHistoryAsync();

        var list = await As("observer.wdc", "statistics", "footprints");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("7102.21", list.Out, StringComparison.Ordinal);
        Assert.Contains("40.12", list.Out, StringComparison.Ordinal);
        Assert.Contains("not enough history", list.Out, StringComparison.Ordinal); // ZA

        var detail = await As("officer.bw", "statistics", "footprints", "--origin", "BW", "--hs", "7102.21", "--json");
        Assert.True(detail.ExitCode == 0, detail.ToString());
        var footprint = detail.Json.GetProperty("footprints")[0];
        Assert.Equal(50.88m, footprint.GetProperty("percentiles").GetProperty("p99").GetDecimal());
        var table = await As("officer.bw", "statistics", "footprints", "--origin", "BW");
        Assert.Contains("(whole origin)", table.Out, StringComparison.Ordinal);
        Assert.Contains("none declared", table.Out, StringComparison.Ordinal);

        var refused = await As("officer.bw", "statistics", "footprints", "recompute");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("(HTTP 403)", refused.Error, StringComparison.Ordinal);
        var recomputed = await As("secretariat", "statistics", "footprints", "recompute");
        Assert.True(recomputed.ExitCode == 0, recomputed.ToString());
        Assert.Contains("RECOMPUTED", recomputed.Out, StringComparison.Ordinal);

        var unknown = await As("officer.bw", "statistics", "footprints", "--origin", "NA");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("error: footprint-not-found:", unknown.Error, StringComparison.Ordinal);
        var malformed = await As("officer.bw", "statistics", "footprints", "--hs", "7102.10");
        Assert.Equal(1, malformed.ExitCode);
        Assert.Contains("error: required:", malformed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Footprints_are_recomputed_and_read_on_the_local_database()
    {
        var recomputed = await CliHarness.LocalAsync(app, "statistics", "footprints", "recompute", "--json");
        Assert.True(recomputed.ExitCode == 0, recomputed.ToString());
        Assert.Equal(30, recomputed.Json.GetProperty("minimumSample").GetInt32());
        var shown = await CliHarness.LocalAsync(app, "statistics", "footprints", "--origin", "ZA", "--json");
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Equal("ZA", shown.Json.GetProperty("origin").GetString());
    }
}
