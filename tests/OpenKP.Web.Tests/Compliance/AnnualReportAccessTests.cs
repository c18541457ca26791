using System.Net;
using System.Net.Http.Json;
using OpenKP.Compliance;
using OpenKP.Web.Tests.Infrastructure;
using OpenKP.Web.Tests.Portal;

namespace OpenKP.Web.Tests.Compliance;

/// <summary>
/// Who reaches each annual report endpoint and page: anonymous 401 (pages: sign-in), customs officers and operators 403,
/// another participant's draft 404 for everyone but its own officers and the secretariat, writes only for the owner, the
/// assessment only for the secretariat. The pages run the same desk: a report started, written, submitted and assessed by forms.
/// </summary>
public sealed class AnnualReportAccessTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private async Task<Guid> StartAsync(string participant, int year, bool submit)
    {
        var officer = await app.ClientFor("officer." + participant.ToLowerInvariant());
        var url = $"/api/participants/{participant}/annual-reports";
        var draft = await officer.PostJson(url, new { year }, HttpStatusCode.Created);
        if (!submit)
        {
            return Guid.Parse(draft.Str("version"));
        }

        var edited = await (await officer.PutAsJsonAsync($"{url}/{year}", AnnualReportTests.Sections(Guid.Parse(draft.Str("version"))))).Json(HttpStatusCode.OK);
        return Guid.Parse((await officer.PostJson($"{url}/{year}/submit", new { version = Guid.Parse(edited.Str("version")) }, HttpStatusCode.OK)).Str("version"));
    }

    [Fact]
    public async Task Every_endpoint_answers_each_kind_of_caller_as_the_rules_say()
    {
        await StartAsync("BW", 2026, submit: false);
        await StartAsync("AE", 2025, submit: true);
        const string draft = "/api/participants/BW/annual-reports/2026";
        const string shared = "/api/participants/AE/annual-reports/2025";
        var stale = new { legalFramework = "x", version = Guid.NewGuid() };
        var step = new { version = Guid.NewGuid() };
        var assess = new { comments = "Fine", score = 101 };
        const string list = "/api/compliance/annual-reports";
        const string status = "/api/compliance/annual-reports/status?year=2025";
        const string sweep = "/api/compliance/deadlines/sweep";
        const string start = "/api/participants/BW/annual-reports";
        const HttpStatusCode Ok = HttpStatusCode.OK, Unauthorized = HttpStatusCode.Unauthorized, Forbidden = HttpStatusCode.Forbidden, NotFound = HttpStatusCode.NotFound,
            Conflict = HttpStatusCode.Conflict, BadRequest = HttpStatusCode.BadRequest, Invalid = HttpStatusCode.UnprocessableEntity;
        (string? User, string Method, string Url, object? Body, HttpStatusCode Expected)[] table =
        [
            (null, "GET", list, null, Unauthorized), ("customs.bw", "GET", list, null, Forbidden), ("operator.bw", "GET", list, null, Forbidden),
            ("observer.wdc", "GET", list, null, Ok), ("officer.bw", "GET", list, null, Ok), ("officer.za", "GET", list, null, Ok), ("secretariat", "GET", list, null, Ok),
            ("secretariat", "GET", list + "?status=lost", null, BadRequest),
            (null, "GET", status, null, Unauthorized), ("customs.bw", "GET", status, null, Forbidden), ("operator.bw", "GET", status, null, Forbidden),
            ("observer.cso", "GET", status, null, Ok), ("officer.za", "GET", status, null, Ok), ("secretariat", "GET", status, null, Ok),
            ("secretariat", "GET", "/api/compliance/annual-reports/status?year=1990", null, BadRequest),
            (null, "POST", sweep, new { }, Unauthorized), ("customs.bw", "POST", sweep, new { }, Forbidden), ("operator.bw", "POST", sweep, new { }, Forbidden),
            ("observer.wdc", "POST", sweep, new { }, Forbidden), ("officer.bw", "POST", sweep, new { }, Forbidden), ("secretariat", "POST", sweep, new { }, Ok),
            (null, "POST", start, new { year = 2025 }, Unauthorized), ("customs.bw", "POST", start, new { year = 2025 }, Forbidden), ("operator.bw", "POST", start, new { year = 2025 }, Forbidden),
            ("observer.wdc", "POST", start, new { year = 2025 }, Forbidden), ("officer.za", "POST", start, new { year = 2025 }, Forbidden),
            ("officer.bw", "POST", start, new { year = 2027 }, Invalid), ("secretariat", "POST", start, new { }, BadRequest),
            ("secretariat", "POST", "/api/participants/QQ/annual-reports", new { year = 2025 }, NotFound),
            (null, "GET", draft, null, Unauthorized), ("customs.bw", "GET", draft, null, Forbidden), ("operator.bw", "GET", draft, null, Forbidden),
            ("observer.wdc", "GET", draft, null, NotFound), ("officer.za", "GET", draft, null, NotFound), ("officer.bw", "GET", draft, null, Ok), ("secretariat", "GET", draft, null, Ok),
            ("customs.ae", "GET", shared, null, Forbidden), ("observer.wdc", "GET", shared, null, Ok), ("officer.za", "GET", shared, null, Ok),
            ("secretariat", "GET", "/api/participants/B1/annual-reports/2026", null, BadRequest),
            (null, "PUT", draft, stale, Unauthorized), ("customs.bw", "PUT", draft, stale, Forbidden), ("observer.wdc", "PUT", draft, stale, NotFound),
            ("officer.za", "PUT", draft, stale, NotFound), ("officer.bw", "PUT", draft, stale, Conflict), ("secretariat", "PUT", draft, stale, Conflict),
            ("officer.za", "PUT", shared, stale, Forbidden), ("observer.cso", "PUT", shared, stale, Forbidden), ("officer.ae", "PUT", shared, stale, Conflict),
            (null, "POST", draft + "/submit", step, Unauthorized), ("operator.bw", "POST", draft + "/submit", step, Forbidden), ("observer.wdc", "POST", draft + "/submit", step, NotFound),
            ("officer.za", "POST", draft + "/submit", step, NotFound), ("officer.bw", "POST", draft + "/submit", step, Conflict),
            (null, "POST", shared + "/assessment", assess, Unauthorized), ("customs.ae", "POST", shared + "/assessment", assess, Forbidden),
            ("observer.wdc", "POST", shared + "/assessment", assess, Forbidden), ("officer.ae", "POST", shared + "/assessment", assess, Forbidden),
            ("officer.za", "POST", shared + "/assessment", assess, Forbidden), ("secretariat", "POST", shared + "/assessment", assess, Invalid),
            ("secretariat", "POST", draft + "/assessment", new { comments = "x", score = 50 }, Conflict),
            (null, "GET", draft + "/pdf", null, Unauthorized), ("operator.bw", "GET", draft + "/pdf", null, Forbidden), ("observer.wdc", "GET", draft + "/pdf", null, NotFound),
            ("officer.za", "GET", draft + "/pdf", null, NotFound), ("officer.bw", "GET", draft + "/pdf", null, Ok), ("observer.cso", "GET", shared + "/pdf", null, Ok),
            (null, "GET", draft + "/docx", null, Unauthorized), ("customs.bw", "GET", draft + "/docx", null, Forbidden), ("officer.za", "GET", draft + "/docx", null, NotFound),
            ("secretariat", "GET", draft + "/docx", null, Ok),
        ];

        var failures = new List<string>();
        foreach (var (user, method, url, body, expected) in table)
        {
            var client = await app.ClientFor(user);
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = body is null ? null : JsonContent.Create(body, body.GetType()) };
            var response = await client.SendAsync(request);
            if (response.StatusCode != expected)
            {
                failures.Add($"{user ?? "anonymous"} {method} {url}: expected {(int)expected}, got {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
        // Nothing changed: the draft is still an empty draft, the submitted report unassessed.
        var secretariat = await app.ClientFor("secretariat");
        var after = await secretariat.GetJson(draft);
        Assert.Equal(("draft", System.Text.Json.JsonValueKind.Null), (after.Str("status"), after.GetProperty("legalFramework").ValueKind));
        Assert.Equal("submitted", (await secretariat.GetJson(shared)).Str("status"));
        // Lists: another participant's officers see the shared report, not the draft.
        var za = await (await app.ClientFor("officer.za")).GetJson(list);
        Assert.DoesNotContain(za.GetProperty("items").EnumerateArray(), r => r.Str("participant") == "BW" && r.GetProperty("year").GetInt32() == 2026);
        Assert.Contains(za.GetProperty("items").EnumerateArray(), r => r.Str("participant") == "AE");
    }

    [Fact]
    public async Task The_pages_start_write_submit_and_assess_a_report_and_refuse_who_may_not_see_it()
    {
        using var anonymous = PortalClient.Anonymous(app);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.Get("/compliance/annual-reports")).Status);
        using var customs = await PortalClient.SignedIn(app, "customs.za");
        Assert.Equal(HttpStatusCode.Forbidden, (await customs.Get("/compliance/annual-reports")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await customs.Get("/compliance/annual-reports/status")).Status);

        using var officer = await PortalClient.SignedIn(app, "officer.za");
        using var refused = await officer.PostForm("/compliance/annual-reports?handler=start", new() { ["year"] = "2030" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains(AnnualReportCodes.YearOutOfRange, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var started = await officer.PostForm("/compliance/annual-reports?handler=start", new() { ["year"] = "2025" });
        Assert.Equal("/compliance/annual-reports/ZA/2025", PortalClient.Location(started));
        const string page = "/compliance/annual-reports/ZA/2025";
        var (status, html) = await officer.Get(page);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"edit-form\"", html, StringComparison.Ordinal);
        Assert.Contains("Figures recorded in OpenKP for 2025", html, StringComparison.Ordinal);
        using var other = await PortalClient.SignedIn(app, "officer.bw");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Get(page)).Status);

        // Submitting with empty sections shows each violation beside its field.
        using var early = await officer.PostForm(page + "?handler=submit", new() { ["version"] = Version(html) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Contains(AnnualReportCodes.SectionRequired, await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var fields = AnnualReportSection.All.ToDictionary(s => s.Key, s => s.Title + ": written for the page test.");
        fields["version"] = Version(html);
        using var saved = await officer.PostForm(page + "?handler=edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        (_, html) = await officer.Get(page);
        using var submitted = await officer.PostForm(page + "?handler=submit", new() { ["version"] = Version(html) });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        (_, html) = await other.Get(page);
        Assert.Contains("data-status=\"submitted\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("assess-form", html, StringComparison.Ordinal);

        using var secretariat = await PortalClient.SignedIn(app, "secretariat");
        (_, html) = await secretariat.Get(page);
        Assert.Contains("data-testid=\"suggested-score\"", html, StringComparison.Ordinal);
        using var assessed = await secretariat.PostForm(page + "?handler=assess", new() { ["comments"] = "Brief throughout.", ["score"] = "", ["version"] = Version(html) });
        Assert.Equal(HttpStatusCode.Redirect, assessed.StatusCode);
        using var observer = await PortalClient.SignedIn(app, "observer.wdc");
        (status, html) = await observer.Get(page);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-status=\"assessed\"", html, StringComparison.Ordinal);
        Assert.Contains("Brief throughout.", html, StringComparison.Ordinal);
        Assert.Contains("0/100", html, StringComparison.Ordinal);

        (status, html) = await observer.Get("/compliance/annual-reports?year=2025");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-report=\"ZA-2025\"", html, StringComparison.Ordinal);
        (status, html) = await observer.Get("/compliance/annual-reports/status?year=2025");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-participant=\"ZA\" data-standing=\"submitted-on-time\"", html, StringComparison.Ordinal);
        Assert.Contains("data-participant=\"CD\" data-standing=\"pending\"", html, StringComparison.Ordinal);
    }

    private static string Version(string html)
        => System.Text.RegularExpressions.Regex.Match(html, "name=\"version\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
}
