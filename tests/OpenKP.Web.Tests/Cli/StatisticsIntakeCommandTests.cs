using OpenKP.Web.Tests.Infrastructure;
using OpenKP.Web.Tests.Statistics;

namespace OpenKP.Web.Tests.Cli;

/// <summary><c>openkp statistics template | upload | production submit | production list</c> against the real app.</summary>
public sealed class StatisticsIntakeCommandTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static readonly Dictionary<string, string> Password = new() { ["OPENKP_PASSWORD"] = OpenKpApp.DemoPassword };

    private Task<CliResult> As(string user, params string[] args) => CliHarness.RemoteAsync(app, Password, [.. args, "--user", user]);

    [Fact]
    public async Task A_bad_upload_prints_every_bad_row_and_exits_1_and_a_good_one_is_saved()
    {
        var folder = Directory.CreateTempSubdirectory("openkp-cli-intake").FullName;
        var template = Path.Combine(folder, "template.csv");
        var written = await CliHarness.RemoteAsync(app, null, "statistics", "template", "--kind", "quarterly-figures", "--format", "csv", "--out", template);
        Assert.True(written.ExitCode == 0, written.ToString());
        Assert.StartsWith("flow,partner,hs_code,carats,usd,certificates", await File.ReadAllTextAsync(template), StringComparison.Ordinal);

        var bad = Path.Combine(folder, "bad.csv");
        await File.WriteAllBytesAsync(bad, Uploads.Csv(Uploads.ThreeBadRows));
        string[] upload = ["statistics", "upload", "--participant", "BW", "--year", "2025", "--quarter", "4", "--kind", "quarterly-figures"];

        var preview = await As("officer.bw", [.. upload, "--file", bad, "--preview"]);
        Assert.Equal(1, preview.ExitCode);
        Assert.Contains("INVALID  BW 2025-Q4: 3 bad rows", preview.Out, StringComparison.Ordinal);

        var rejected = await As("officer.bw", [.. upload, "--file", bad]);
        Assert.True(rejected.ExitCode == 1, rejected.ToString());
        Assert.Contains("REJECTED  3 bad rows", rejected.Out, StringComparison.Ordinal);
        foreach (var (row, code) in new[] { ("3", "row-partner-unknown"), ("4", "row-hs-code-invalid"), ("6", "row-amount-invalid") })
        {
            Assert.Matches($@"\| {row}\s+\| \S+\s+\| {code}", rejected.Out);
        }

        var good = Path.Combine(folder, "good.xlsx");
        await File.WriteAllBytesAsync(good, Uploads.Xlsx(Uploads.GoodFigures));
        var saved = await As("officer.bw", [.. upload, "--file", good]);
        Assert.True(saved.ExitCode == 0, saved.ToString());
        Assert.Contains("SAVED  BW 2025-Q4 revision 1: exports 110.50 ct", saved.Out, StringComparison.Ordinal);

        var notTheirs = await As("officer.za", [.. upload, "--file", good]);
        Assert.Equal(1, notTheirs.ExitCode);
        Assert.Contains("HTTP 403", notTheirs.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_production_return_is_submitted_corrected_and_listed()
    {
        string[] submit = ["statistics", "production", "submit", "--participant", "ZA", "--year", "2025", "--half", "2"];
        var first = await As("officer.za", [.. submit, "--line", "industrial:7102.10:1000.50:150000", "--line", "artisanal-alluvial::50:7500"]);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("SAVED  ZA 2025-H2 revision 1: 2 lines, 1,050.50 ct, US$ 157,500.00", first.Out, StringComparison.Ordinal);

        var bad = await As("officer.za", [.. submit, "--line", "open-pit:7102.10:1:1"]);
        Assert.Equal(1, bad.ExitCode);
        Assert.Matches(@"\| 1\s+\| mining_type\s+\| row-mining-type-invalid", bad.Out);

        var corrected = await As("officer.za", [.. submit, "--line", "industrial:7102.10:1100:160000"]);
        Assert.Contains("revision 2", corrected.Out, StringComparison.Ordinal);

        var list = await As("customs.za", "statistics", "production", "list", "--participant", "ZA", "--year", "2025");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Matches(@"2025-H1\s+\| 2025-08-29\s+\| late", list.Out);
        Assert.Matches(@"2025-H2\s+\| 2026-03-01\s+\| submitted\s+\| 2", list.Out);
    }
}
