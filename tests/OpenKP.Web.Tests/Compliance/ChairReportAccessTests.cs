using System.Net;
using System.Net.Http.Json;
using OpenKP.Web.Tests.Infrastructure;
using OpenKP.Web.Tests.Portal;

namespace OpenKP.Web.Tests.Compliance;

/// <summary>
/// Every Chair's report endpoint and page against every kind of caller: a draft is "not found" for all but the
/// secretariat; an issued report is public, downloadable anonymously; only the secretariat drafts, writes and issues.
/// </summary>
public sealed class ChairReportAccessTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static readonly string?[] Others = [null, "customs.bw", "operator.bw", "observer.wdc", "officer.bw", "officer.za"];

    [Fact]
    public async Task Drafts_are_the_secretariats_and_issued_reports_are_public()
    {
        var secretariat = await app.ClientFor("secretariat");
        await secretariat.PostJson("/api/compliance/chair-reports", new { year = 2023 }, HttpStatusCode.Created);
        await secretariat.PostJson("/api/compliance/chair-reports/2023/issue", new { }, HttpStatusCode.OK);
        await secretariat.PostJson("/api/compliance/chair-reports", new { year = 2024 }, HttpStatusCode.Created);
        await secretariat.PostJson("/api/compliance/chair-reports", new { year = 2021 }, HttpStatusCode.Created);

        var section = new { text = "Text" };
        var table = new List<(string? User, string Method, string Url, object? Body, HttpStatusCode Expected)>();
        foreach (var user in Others)
        {
            var write = user is null ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
            table.AddRange(
            [
                (user, "GET", "/api/compliance/chair-reports", null, HttpStatusCode.OK),
                (user, "GET", "/api/compliance/chair-reports/2024", null, HttpStatusCode.NotFound),
                (user, "GET", "/api/compliance/chair-reports/2024/report.html", null, HttpStatusCode.NotFound),
                (user, "GET", "/api/compliance/chair-reports/2023", null, HttpStatusCode.OK),
                (user, "GET", "/api/compliance/chair-reports/2023/report.pdf?lang=fr", null, HttpStatusCode.OK),
                (user, "GET", "/api/compliance/chair-reports/2023/report.docx", null, HttpStatusCode.OK),
                (user, "POST", "/api/compliance/chair-reports", new { year = 2022 }, write),
                (user, "PUT", "/api/compliance/chair-reports/2024/sections/introduction/en", section, write),
                (user, "POST", "/api/compliance/chair-reports/2024/issue", new { }, write),
                (user, "GET", "/compliance/chair-reports", null, HttpStatusCode.OK),
                (user, "GET", "/compliance/chair-reports/2023", null, HttpStatusCode.OK),
                (user, "GET", "/compliance/chair-reports/2024", null, HttpStatusCode.NotFound),
                (user, "GET", "/compliance/chair-reports/2024?handler=download&format=docx&lang=en", null, HttpStatusCode.NotFound),
            ]);
        }

        table.AddRange(
        [
            ("secretariat", "GET", "/api/compliance/chair-reports/2024", null, HttpStatusCode.OK),
            ("secretariat", "GET", "/api/compliance/chair-reports/2024/report.html?lang=fr", null, HttpStatusCode.OK),
            ("secretariat", "GET", "/api/compliance/chair-reports/2024/report.html?lang=de", null, HttpStatusCode.BadRequest),
            ("secretariat", "PUT", "/api/compliance/chair-reports/2024/sections/introduction/en", section, HttpStatusCode.OK),
            ("secretariat", "POST", "/api/compliance/chair-reports", new { year = 2022 }, HttpStatusCode.Created),
            ("secretariat", "POST", "/api/compliance/chair-reports/2021/issue", new { }, HttpStatusCode.OK),
            ("secretariat", "PUT", "/api/compliance/chair-reports/2023/sections/introduction/en", section, HttpStatusCode.Conflict),
            ("secretariat", "GET", "/compliance/chair-reports/2024", null, HttpStatusCode.OK),
            ("secretariat", "GET", "/compliance/chair-reports/2024?handler=download&format=pdf&lang=fr", null, HttpStatusCode.OK),
        ]);

        var failures = new List<string>();
        var portals = new Dictionary<string, PortalClient>();
        foreach (var (user, method, url, body, expected) in table)
        {
            // The API with bearer tokens; the pages with the portal's sign-in cookie.
            var client = !url.StartsWith("/compliance", StringComparison.Ordinal) ? await app.ClientFor(user)
                : (portals.TryGetValue(user ?? "", out var portal) ? portal : portals[user ?? ""] = user is null ? PortalClient.Anonymous(app) : await PortalClient.SignedIn(app, user)).Http;
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = body is null ? null : JsonContent.Create(body, body.GetType()) };
            var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            if (response.StatusCode != expected)
            {
                failures.Add($"{user ?? "anonymous"} {method} {url}: expected {(int)expected}, got {(int)response.StatusCode}");
            }
        }

        foreach (var portal in portals.Values)
        {
            portal.Dispose();
        }

        Assert.Empty(failures);
        var list = await (await app.ClientFor(null)).GetJson("/api/compliance/chair-reports");
        Assert.Equal([2023, 2021], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("year").GetInt32()));
    }

    [Fact]
    public async Task The_secretariat_drafts_a_year_and_writes_a_section_from_the_pages()
    {
        var ct = TestContext.Current.CancellationToken;
        var api = await app.ClientFor("secretariat");
        using var secretariat = await PortalClient.SignedIn(app, "secretariat");
        using var observer = await PortalClient.SignedIn(app, "observer.wdc");
        Assert.Contains("data-testid=\"draft-form\"", (await secretariat.Get("/compliance/chair-reports")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"draft-form\"", (await observer.Get("/compliance/chair-reports")).Html, StringComparison.Ordinal);

        var bad = await secretariat.PostForm("/compliance/chair-reports", new() { ["year"] = "20x5" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var drafted = await secretariat.PostForm("/compliance/chair-reports", new() { ["year"] = "2020" });
        Assert.Equal("/compliance/chair-reports/2020", drafted.Headers.Location?.OriginalString);
        var (_, page) = await secretariat.Get("/compliance/chair-reports/2020");
        Assert.Contains("data-testid=\"section-outlook-fr\"", page, StringComparison.Ordinal);
        var version = (await api.GetJson("/api/compliance/chair-reports/2020")).Str("version");
        var token = PortalClient.Token(page);
        var saved = await secretariat.PostForm("/compliance/chair-reports/2020?handler=section", new() { ["key"] = "outlook", ["lang"] = "fr", ["text"] = "Perspectives écrites.", ["version"] = version }, token);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Perspectives écrites.", (await secretariat.Get("/compliance/chair-reports/2020")).Html, StringComparison.Ordinal);
        var stale = await secretariat.PostForm("/compliance/chair-reports/2020?handler=section", new() { ["key"] = "outlook", ["lang"] = "fr", ["text"] = "x", ["version"] = version }, token);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("chair-report-changed", await stale.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }
}
