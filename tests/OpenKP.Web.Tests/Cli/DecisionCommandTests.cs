using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Cli;

/// <summary><c>openkp decisions …</c>, <c>openkp meetings …</c> and <c>openkp bodies list</c> against the server.</summary>
public sealed class DecisionCommandTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static readonly Dictionary<string, string> Password = new() { ["OPENKP_PASSWORD"] = OpenKpApp.DemoPassword };

    private Task<CliResult> As(string user, params string[] args) => CliHarness.RemoteAsync(app, Password, [.. args, "--user", user]);

    [Fact]
    public async Task The_secretariat_records_a_meeting_drafts_foresees_and_adopts_a_decision_that_anyone_then_lists()
    {
        var meeting = await As("secretariat", "meetings", "add", "--kind", "plenary", "--title", "Plenary, Victoria Falls 2026", "--starts-on", "2026-11-07", "--place", "Victoria Falls", "--chair", "ZA");
        Assert.True(meeting.ExitCode == 0, meeting.ToString());
        Assert.Contains("RECORDED  meeting", meeting.Out, StringComparison.Ordinal);
        Assert.Contains("Victoria Falls", (await As("observer.wdc", "meetings", "list")).Out, StringComparison.Ordinal);
        var refused = await As("officer.bw", "meetings", "add", "--kind", "plenary", "--title", "x", "--starts-on", "2026-11-07", "--place", "x");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("(HTTP 403)", refused.Error, StringComparison.Ordinal);

        var bad = await As("secretariat", "decisions", "draft", "--title", "Bad", "--text", "x", "--effect", "status-change");
        Assert.Equal(1, bad.ExitCode);
        var draft = await As("secretariat", "decisions", "draft", "--title", "Suspension of Russia", "--text", "Suspended.", "--effect", "status-change:RU:suspended", "--json");
        Assert.True(draft.ExitCode == 0, draft.ToString());
        var id = draft.Json.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var whatIf = await As("secretariat", "decisions", "what-if", id, "--on", "2026-04-01");
        Assert.True(whatIf.ExitCode == 0, whatIf.ToString());
        Assert.Contains("for RU:", whatIf.Out, StringComparison.Ordinal);
        var shown = await As("secretariat", "decisions", "show", id);
        Assert.Contains("Suspension of Russia (draft)", shown.Out, StringComparison.Ordinal);
        var adopted = await As("secretariat", "decisions", "adopt", id, "--effective-on", "2026-04-01");
        Assert.True(adopted.ExitCode == 0, adopted.ToString());
        Assert.Contains("(adopted)", adopted.Out, StringComparison.Ordinal);
        var again = await As("secretariat", "decisions", "adopt", id);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("decision-not-draft", again.Error, StringComparison.Ordinal);
        var list = await As("officer.bw", "decisions", "list", "--participant", "RU");
        Assert.Contains("Suspension of Russia", list.Out, StringComparison.Ordinal);

        var bodies = await As("observer.cso", "bodies", "list", "--year", "2026");
        Assert.True(bodies.ExitCode == 0, bodies.ToString());
        Assert.Contains("wgm", bodies.Out, StringComparison.Ordinal);
    }
}
