using DocumentFormat.OpenXml.Packaging;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Cli;

/// <summary><c>openkp chair-report draft | show | issue | download</c> against the server.</summary>
public sealed class ChairReportCommandTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static readonly Dictionary<string, string> Password = new() { ["OPENKP_PASSWORD"] = OpenKpApp.DemoPassword };

    private Task<CliResult> As(string user, params string[] args) => CliHarness.RemoteAsync(app, Password, [.. args, "--user", user]);

    [Fact]
    public async Task The_secretariat_drafts_shows_and_issues_a_report_that_an_officer_then_downloads()
    {
        var refused = await As("officer.bw", "chair-report", "draft", "--year", "2025");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("(HTTP 403)", refused.Error, StringComparison.Ordinal);

        var drafted = await As("secretariat", "chair-report", "draft", "--year", "2025");
        Assert.True(drafted.ExitCode == 0, drafted.ToString());
        Assert.Contains("Chair's report for 2025: draft", drafted.Out, StringComparison.Ordinal);
        var shown = await As("secretariat", "chair-report", "show", "--year", "2025", "--json");
        Assert.Equal("draft", shown.Json.GetProperty("status").GetString());
        var hidden = await As("officer.bw", "chair-report", "show", "--year", "2025");
        Assert.Contains("chair-report-not-found", hidden.Error, StringComparison.Ordinal);

        var issued = await As("secretariat", "chair-report", "issue", "--year", "2025");
        Assert.True(issued.ExitCode == 0, issued.ToString());
        Assert.Contains("Chair's report for 2025: issued", issued.Out, StringComparison.Ordinal);

        var path = Path.Combine(app.DataDirectory, "chair-2025-fr.docx");
        var saved = await As("officer.bw", "chair-report", "download", "--year", "2025", "--format", "docx", "--lang", "fr", "--out", path);
        Assert.True(saved.ExitCode == 0, saved.ToString());
        Assert.Contains("SAVED", saved.Out, StringComparison.Ordinal);
        using var document = WordprocessingDocument.Open(path, false);
        Assert.Contains("Rapport de la présidence du Processus de Kimberley", document.MainDocumentPart!.Document!.InnerText, StringComparison.Ordinal);
    }
}
