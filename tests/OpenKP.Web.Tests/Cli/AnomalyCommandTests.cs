using OpenKP.Web.Tests.Infrastructure;
using static OpenKP.Web.Tests.Statistics.Anomalies;

namespace OpenKP.Web.Tests.Cli;

/// <summary><c>openkp statistics anomalies …</c> and <c>questionnaires …</c> against the server: detect, list, and a questionnaire from draft to closed (own app: the clock moves on).</summary>
public sealed class AnomalyCommandTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Password = new() { ["OPENKP_PASSWORD"] = OpenKpApp.DemoPassword };
    private readonly OpenKpApp _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private Task<CliResult> As(string user, params string[] args) => CliHarness.RemoteAsync(_app, Password, [.. args, "--user", user]);

    [Fact]
    public async Task The_secretariat_detects_and_sends_a_questionnaire_that_the_officer_answers_in_full()
    {
        MoveTo(_app, Day(2026, 9, 1));
        var detected = await As("secretariat", "statistics", "anomalies", "detect", "--year", "2026");
        Assert.True(detected.ExitCode == 0, detected.ToString());
        Assert.Matches(@"DETECTED  \d+ anomalies in 2026: \d+ new, 0 changed, 0 resolved\.", detected.Out);

        var refused = await As("officer.bw", "statistics", "anomalies", "detect", "--year", "2026");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("(HTTP 403)", refused.Error, StringComparison.Ordinal);

        var table = await As("officer.bw", "statistics", "anomalies", "list", "--kind", "missing-submission");
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("production return", table.Out, StringComparison.Ordinal);
        var listed = await As("secretariat", "statistics", "anomalies", "list", "--year", "2026", "--participant", "BW", "--kind", "missing-submission", "--json");
        var anomaly = listed.Json.GetProperty("items")[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var created = await As("secretariat", "statistics", "questionnaires", "create", "--anomaly", anomaly, "--due-on", "2026-10-01", "--json");
        Assert.True(created.ExitCode == 0, created.ToString());
        var id = created.Json.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var question = created.Json.GetProperty("questions")[0].GetProperty("id").GetInt64();
        Assert.Contains("sent", (await As("secretariat", "statistics", "questionnaires", "send", id)).Out, StringComparison.Ordinal);

        var blank = await As("officer.bw", "statistics", "questionnaires", "answer", id, "--answer", $"{question}= ");
        Assert.Equal(1, blank.ExitCode);
        Assert.Contains("error: questionnaire-answer-required:", blank.Error, StringComparison.Ordinal);
        var answered = await As("officer.bw", "statistics", "questionnaires", "answer", id, "--answer", $"{question}=Sent on 3 September.");
        Assert.True(answered.ExitCode == 0, answered.ToString());
        Assert.Contains("Sent on 3 September.", answered.Out, StringComparison.Ordinal);

        var closed = await As("secretariat", "statistics", "questionnaires", "close", id, "--note", "Accepted.", "--json");
        Assert.Equal("closed", closed.Json.GetProperty("status").GetString());
        var all = await As("officer.bw", "statistics", "questionnaires", "list");
        Assert.Contains("closed", all.Out, StringComparison.Ordinal);
    }
}
