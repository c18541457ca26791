using OpenKP.Compliance;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Cli;

/// <summary><c>openkp admissions …</c> against the server: receive, assess every requirement, recommend, admit; list and show; refusals exit non-zero with the code.</summary>
public sealed class AdmissionCommandTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Password = new() { ["OPENKP_PASSWORD"] = OpenKpApp.DemoPassword };
    private readonly OpenKpApp _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private Task<CliResult> As(string user, params string[] args) => CliHarness.RemoteAsync(_app, Password, [.. args, "--user", user]);

    [Fact]
    public async Task The_secretariat_receives_assesses_recommends_and_admits_an_applicant_from_the_command_line()
    {
        var received = await As("secretariat", "admissions", "receive", "--applicant", "UG", "--name-en", "Uganda", "--name-fr", "Ouganda",
            "--legislation", "Mining Act.", "--authorities", "Ministry of Energy.", "--internal-controls", "Licensed dealers.", "--json");
        Assert.True(received.ExitCode == 0, received.ToString());
        var id = received.Json.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var refused = await As("officer.bw", "admissions", "receive", "--applicant", "NP", "--name-en", "Nepal", "--name-fr", "Népal",
            "--legislation", "L", "--authorities", "A", "--internal-controls", "I");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("(HTTP 403)", refused.Error, StringComparison.Ordinal);

        var early = await As("secretariat", "admissions", "recommend", id, "--assessment", "Good.", "--recommendation", "Admit.");
        Assert.Equal(1, early.ExitCode);
        Assert.Contains("error: admission-requirement-not-assessed:", early.Error, StringComparison.Ordinal);

        foreach (var requirement in MinimumRequirements.All)
        {
            var assessed = await As("secretariat", "admissions", "assess", id, "--requirement", requirement.Code, "--assessment", "met", "--comment", "Seen.");
            Assert.True(assessed.ExitCode == 0, assessed.ToString());
        }

        var recommended = await As("secretariat", "admissions", "recommend", id, "--assessment", "Meets all.", "--recommendation", "Admit Uganda.");
        Assert.True(recommended.ExitCode == 0, recommended.ToString());
        Assert.Contains("recommended", recommended.Out, StringComparison.Ordinal);

        var admitted = await As("secretariat", "admissions", "admit", id, "--effective-on", "2026-02-01", "--json");
        Assert.True(admitted.ExitCode == 0, admitted.ToString());
        Assert.Equal("admitted", admitted.Json.GetProperty("status").GetString());

        var list = await As("observer.wdc", "admissions", "list", "--status", "admitted");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("Uganda", list.Out, StringComparison.Ordinal);
        var show = await As("officer.za", "admissions", "show", id);
        Assert.Contains("internal-controls", show.Out, StringComparison.Ordinal);
        Assert.Contains("Admit Uganda.", show.Out, StringComparison.Ordinal);
    }
}
