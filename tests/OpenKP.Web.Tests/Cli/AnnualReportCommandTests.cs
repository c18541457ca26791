using System.Net;
using System.Net.Http.Json;
using OpenKP.Web.Tests.Compliance;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Cli;

/// <summary><c>openkp annual-reports list | show | status | pdf</c> and <c>openkp deadlines sweep</c> against the server.</summary>
public sealed class AnnualReportCommandTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Password = new() { ["OPENKP_PASSWORD"] = OpenKpApp.DemoPassword };
    private readonly OpenKpApp _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private Task<CliResult> As(string user, params string[] args) => CliHarness.RemoteAsync(_app, Password, [.. args, "--user", user]);

    [Fact]
    public async Task Reports_are_listed_shown_saved_as_pdf_and_the_late_list_and_sweep_run_from_the_command_line()
    {
        var officer = await _app.ClientFor("officer.bw");
        var draft = await officer.PostJson("/api/participants/BW/annual-reports", new { year = 2025 }, HttpStatusCode.Created);
        var edited = await (await officer.PutAsJsonAsync("/api/participants/BW/annual-reports/2025", AnnualReportTests.Sections(Guid.Parse(draft.Str("version"))))).Json(HttpStatusCode.OK);
        await officer.PostJson("/api/participants/BW/annual-reports/2025/submit", new { version = Guid.Parse(edited.Str("version")) }, HttpStatusCode.OK);

        var list = await As("observer.wdc", "annual-reports", "list", "--year", "2025");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("BW", list.Out, StringComparison.Ordinal);
        Assert.Contains("submitted", list.Out, StringComparison.Ordinal);

        var show = await As("officer.za", "annual-reports", "show", "BW", "2025", "--json");
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Equal("submitted", show.Json.GetProperty("status").GetString());
        var shown = await As("officer.za", "annual-reports", "show", "bw", "2025");
        Assert.Contains("Legal framework and institutions", shown.Out, StringComparison.Ordinal);
        var hidden = await As("customs.bw", "annual-reports", "show", "BW", "2025");
        Assert.Equal(1, hidden.ExitCode);
        Assert.Contains("(HTTP 403)", hidden.Error, StringComparison.Ordinal);

        var status = await As("secretariat", "annual-reports", "status", "--year", "2025");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("Annual reports for 2025, due 2026-06-01", status.Out, StringComparison.Ordinal);
        Assert.Contains("submitted-on-time", status.Out, StringComparison.Ordinal);

        var path = Path.Combine(_app.DataDirectory, "bw-2025.pdf");
        var pdf = await As("officer.bw", "annual-reports", "pdf", "BW", "2025", "--out", path);
        Assert.True(pdf.ExitCode == 0, pdf.ToString());
        Assert.Contains("SAVED", pdf.Out, StringComparison.Ordinal);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path)[..4]));

        var swept = await As("secretariat", "deadlines", "sweep");
        Assert.True(swept.ExitCode == 0, swept.ToString());
        Assert.Matches(@"SWEPT  \d+ reminders on 2026-01-15", swept.Out);
        var again = await As("secretariat", "deadlines", "sweep", "--json");
        Assert.Equal(0, again.Json.GetProperty("total").GetInt32());
        var notAllowed = await As("officer.bw", "deadlines", "sweep");
        Assert.Equal(1, notAllowed.ExitCode);
        Assert.Contains("(HTTP 403)", notAllowed.Error, StringComparison.Ordinal);
    }
}
