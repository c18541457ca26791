using OpenKP.Cli.Shared;
using OpenKP.Statistics;
using OpenKP.Web.Tests.Infrastructure;
using OpenKP.Web.Tests.Statistics;

namespace OpenKP.Web.Tests.Cli;

/// <summary><c>openkp statistics publish | summary</c> against the server, and the summary on the local database.</summary>
public sealed class PublicationCommandTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Password = new() { ["OPENKP_PASSWORD"] = OpenKpApp.DemoPassword };
    private readonly OpenKpApp _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private Task<CliResult> As(string user, params string[] args) => CliHarness.RemoteAsync(_app, Password, [.. args, "--user", user]);

    [Fact]
    public async Task The_secretariat_publishes_a_year_and_anyone_reads_its_summary_as_the_public_download()
    {
        await PublishedYears.AddProductionAsync(_app);
        PublishedYears.IntoNextYear(_app);

        var notYet = await CliHarness.LocalAsync(_app, "statistics", "summary", "--year", "2026");
        Assert.Equal(ExitCodes.Error, notYet.ExitCode);
        Assert.Contains(PublicationCodes.YearNotPublished, notYet.Error + notYet.Out, StringComparison.Ordinal);

        var refused = await As("officer.bw", "statistics", "publish", "--year", "2026");
        Assert.Equal(ExitCodes.Error, refused.ExitCode);
        var local = await CliHarness.LocalAsync(_app, "statistics", "publish", "--year", "2026");
        Assert.Contains("server-required", local.Error + local.Out, StringComparison.Ordinal);

        var published = await As("secretariat", "statistics", "publish", "--year", "2026");
        Assert.True(published.ExitCode == ExitCodes.Ok, published.ToString());
        Assert.Contains("PUBLISHED  2026 vintage 1", published.Out, StringComparison.Ordinal);
        var again = await As("secretariat", "statistics", "publish", "--year", "2026", "--reason", "Nothing new");
        Assert.Contains(PublicationCodes.VintageUnchanged, again.Error + again.Out, StringComparison.Ordinal);

        var download = await (await _app.ClientFor(null)).GetStringAsync("/api/public/statistics/2026?format=csv");
        var remote = await CliHarness.RemoteAsync(_app, null, "statistics", "summary", "--year", "2026", "--format", "csv");
        Assert.True(remote.ExitCode == ExitCodes.Ok, remote.ToString());
        Assert.Equal(download.TrimEnd('\n'), remote.Out.TrimEnd('\n'));
        var onDisk = await CliHarness.LocalAsync(_app, "statistics", "summary", "--year", "2026", "--format", "csv");
        Assert.Equal(download.TrimEnd('\n'), onDisk.Out.TrimEnd('\n'));

        var table = await CliHarness.RemoteAsync(_app, null, "statistics", "summary", "--year", "2026");
        Assert.True(table.ExitCode == ExitCodes.Ok, table.ToString());
        Assert.Contains("2026, vintage 1", table.Out, StringComparison.Ordinal);
        Assert.Contains("WORLD", table.Out, StringComparison.Ordinal);
        var json = await CliHarness.LocalAsync(_app, "statistics", "summary", "--year", "2026", "--json");
        Assert.Equal(1, json.Json.GetProperty("vintage").GetProperty("number").GetInt32());
    }
}
