using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenKP.Web.Tests.Infrastructure;
using OpenKP.Web.Tests.Statistics;

namespace OpenKP.Web.Tests.Portal;

/// <summary>The statistics intake pages: upload with a preview step (bad-row report, or rows and a confirm button), production entry, the secretariat's overview.</summary>
public sealed partial class IntakePageTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private const string Page = "/statistics/submissions?year=2025";

    [Fact]
    public async Task An_upload_is_previewed_with_its_bad_rows_and_only_a_clean_file_is_confirmed_into_a_revision()
    {
        using var officer = await PortalClient.SignedIn(app, "officer.bw");
        var (status, html) = await officer.Get(Page);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"upload-form\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"derived-note\"", html, StringComparison.Ordinal);

        var fields = new Dictionary<string, string> { ["quarter"] = "4", ["kind"] = "quarterly-figures" };
        using var bad = await officer.PostFile(Page, Page + "&handler=preview", "file", "q4.csv", Uploads.Csv(Uploads.ThreeBadRows), "text/csv", fields);
        var report = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal(["3 row-partner-unknown", "4 row-hs-code-invalid", "6 row-amount-invalid"],
            BadRow().Matches(report).Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value}"));
        Assert.DoesNotContain("data-testid=\"confirm-form\"", report, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDb(db => db.TradeSubmissions.CountAsync(s => s.ParticipantCode == "BW")));

        using var good = await officer.PostFile(Page, Page + "&handler=preview", "file", "q4.xlsx", Uploads.Xlsx(Uploads.GoodFigures), "application/octet-stream", fields);
        var preview = await good.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"preview-table\"", preview, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"preview-rows\">3<", preview, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDb(db => db.TradeSubmissions.CountAsync(s => s.ParticipantCode == "BW")));

        var sha = Hidden("sha256").Match(preview).Groups[1].Value;
        using var confirmed = await officer.PostForm(Page + "&handler=commit",
            new() { ["quarter"] = "4", ["kind"] = "quarterly-figures", ["sha256"] = sha, ["fileName"] = "q4.xlsx" }, PortalClient.Token(preview));
        Assert.True(HttpStatusCode.Redirect == confirmed.StatusCode, await confirmed.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.WithDb(db => db.TradeSubmissions.CountAsync(s => s.ParticipantCode == "BW")));
        var (_, after, _) = await officer.Follow(PortalClient.Location(confirmed));
        Assert.Contains("data-testid=\"notice\"", after, StringComparison.Ordinal);
        Assert.Contains("data-revision=\"2025-Q4-r1\"", after, StringComparison.Ordinal);
        Assert.Contains("data-period=\"2025-Q4\" data-status=\"submitted\"", after, StringComparison.Ordinal);

        // Customs read the same page without the form.
        using var customs = await PortalClient.SignedIn(app, "customs.bw");
        var (_, read) = await customs.Get(Page);
        Assert.Contains("data-revision=\"2025-Q4-r1\"", read, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"upload-form\"", read, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_production_return_is_entered_with_every_bad_line_reported_and_the_overview_shows_who_is_late()
    {
        const string page = "/statistics/production?year=2025";
        using var officer = await PortalClient.SignedIn(app, "officer.ca");
        officer.UseCulture("fr");
        var (_, html) = await officer.Get(page);
        Assert.Contains("Déclarations de production 2025", html, StringComparison.Ordinal);

        using var bad = await officer.PostForm(page + "&handler=enter", new()
        {
            ["half"] = "1",
            ["lines[0].miningType"] = "industrial",
            ["lines[0].hsCode"] = "7102.10",
            ["lines[0].carats"] = "100.00",
            ["lines[0].usd"] = "10000",
            ["lines[1].miningType"] = "industrial",
            ["lines[1].hsCode"] = "7102.10",
            ["lines[1].carats"] = "5",
            ["lines[1].usd"] = "5",
            ["lines[2].miningType"] = "artisanal-alluvial",
            ["lines[2].hsCode"] = "",
            ["lines[2].carats"] = "5",
            ["lines[2].usd"] = "0",
        }, PortalClient.Token(html));
        var report = await bad.Content.ReadAsStringAsync();
        Assert.Equal(["2 row-duplicate", "3 row-amount-invalid"], BadRow().Matches(report).Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value}"));
        Assert.Contains("Montant invalide", report, StringComparison.Ordinal);

        using var good = await officer.PostForm(page + "&handler=enter", new()
        {
            ["half"] = "1",
            ["lines[0].miningType"] = "industrial",
            ["lines[0].hsCode"] = "",
            ["lines[0].carats"] = "1000.50",
            ["lines[0].usd"] = "150000",
        }, PortalClient.Token(html));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var (_, saved, _) = await officer.Follow(PortalClient.Location(good));
        Assert.Contains("data-revision=\"2025-H1-r1\"", saved, StringComparison.Ordinal);

        using var secretariat = await PortalClient.SignedIn(app, "secretariat");
        var (status, overview) = await secretariat.Get("/statistics/submission-status?year=2025");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches("data-participant=\"CA\"[\\s\\S]*?data-label=\"2025-H1\" data-status=\"submitted-late\"", overview);

        using var operatorBw = await PortalClient.SignedIn(app, "operator.bw");
        Assert.NotEqual(HttpStatusCode.OK, (await operatorBw.Get("/statistics/submissions")).Status);
        Assert.NotEqual(HttpStatusCode.OK, (await officer.Get("/statistics/submission-status")).Status);
    }

    [GeneratedRegex("<tr data-row=\"(\\d+)\" data-code=\"([a-z-]+)\"")]
    private static partial Regex BadRow();

    private static Regex Hidden(string name) => new($"name=\"{name}\" value=\"([^\"]*)\"");
}
