using System.Globalization;
using OpenKP.Web.Tests.Compliance;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Cli;

/// <summary><c>openkp compliance-cases …</c> against the server: open from an anomaly, list, show, record a step, recommend a measure and propose the decision.</summary>
public sealed class ComplianceCaseCommandTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static readonly Dictionary<string, string> Password = new() { ["OPENKP_PASSWORD"] = OpenKpApp.DemoPassword };

    private Task<CliResult> As(string user, params string[] args) => CliHarness.RemoteAsync(app, Password, [.. args, "--user", user]);

    [Fact]
    public async Task The_secretariat_opens_a_case_the_officer_answers_and_the_secretariat_recommends_a_suspension_and_proposes_the_decision()
    {
        var anomaly = (await CaseData.AnomalyOf(app, "CN")).ToString(CultureInfo.InvariantCulture);
        var wrong = await As("secretariat", "compliance-cases", "open", "--participant", "ZA", "--source", "anomaly", "--source-id", anomaly, "--title", " ", "--summary", "s");
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("compliance-case-title-required", wrong.Error, StringComparison.Ordinal);
        Assert.Contains("compliance-case-source-other-participant", wrong.Error, StringComparison.Ordinal);
        var refused = await As("officer.cn", "compliance-cases", "open", "--participant", "CN", "--source", "other", "--title", "t", "--summary", "s");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("(HTTP 403)", refused.Error, StringComparison.Ordinal);

        var opened = await As("secretariat", "compliance-cases", "open", "--participant", "CN", "--source", "anomaly", "--source-id", anomaly, "--title", "Export surge", "--summary", "Exports far above the band.", "--json");
        Assert.True(opened.ExitCode == 0, opened.ToString());
        Assert.Equal("open", opened.Json.GetProperty("status").GetString());
        var id = opened.Json.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);

        var future = await As("officer.cn", "compliance-cases", "step", id, "--kind", "consultation", "--on", "2027-01-01", "--text", "Later.");
        Assert.Equal(1, future.ExitCode);
        Assert.Contains("compliance-case-step-in-future", future.Error, StringComparison.Ordinal);
        var step = await As("officer.cn", "compliance-cases", "step", id, "--kind", "consultation", "--text", "Our response: a re-export.");
        Assert.True(step.ExitCode == 0, step.ToString());
        Assert.Contains("consultation", step.Out, StringComparison.Ordinal);
        Assert.Contains("Our response: a re-export.", step.Out, StringComparison.Ordinal);

        var noScope = await As("secretariat", "compliance-cases", "measure", id, "--measure", "special-measures", "--reason", "Why.");
        Assert.Equal(1, noScope.ExitCode);
        Assert.Contains("compliance-case-measure-scope-required", noScope.Error, StringComparison.Ordinal);
        var measure = await As("secretariat", "compliance-cases", "measure", id, "--measure", "suspension", "--reason", "Exports without certificates.");
        Assert.True(measure.ExitCode == 0, measure.ToString());
        Assert.Contains("measure-recommended", measure.Out, StringComparison.Ordinal);
        var proposed = await As("secretariat", "compliance-cases", "propose-decision", id, "--json");
        Assert.True(proposed.ExitCode == 0, proposed.ToString());
        Assert.Equal("draft", proposed.Json.GetProperty("decisionStatus").GetString());

        var shown = await As("observer.wdc", "compliance-cases", "show", id);
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains("Export surge", shown.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Our response", shown.Out, StringComparison.Ordinal);
        var listed = await As("officer.bw", "compliance-cases", "list", "--participant", "CN", "--source", "anomaly");
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Contains("Export surge", listed.Out, StringComparison.Ordinal);
        var customs = await As("customs.cn", "compliance-cases", "list");
        Assert.Equal(1, customs.ExitCode);
        Assert.Contains("(HTTP 403)", customs.Error, StringComparison.Ordinal);
    }
}
