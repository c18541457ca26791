using System.Net;
using OpenKP.Compliance;
using OpenKP.Web.Tests.Infrastructure;
using OpenKP.Web.Tests.Portal;
using OpenKP.Web.Tests.Shipments;

namespace OpenKP.Web.Tests.Compliance;

/// <summary>
/// The admissions pages: the list and the dossier for shared readers (read-only but for the secretariat), refused to
/// customs officers and operators, sign-in for the public; the secretariat's forms run the same rules as the API.
/// </summary>
public sealed class AdmissionPageTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static Dictionary<string, string> Receive(string code, string nameEn = "Kenya", string receivedOn = "2026-01-10") => new()
    {
        ["applicantCode"] = code,
        ["nameEn"] = nameEn,
        ["nameFr"] = "Kenya",
        ["receivedOn"] = receivedOn,
        ["legislation"] = "Mining Act 2016.",
        ["authorities"] = "State Department for Mining.",
        ["internalControls"] = "Licensed dealers; export permits.",
    };

    private async Task<long> ReceivedThroughApi(string code)
    {
        var secretariat = await app.ClientFor("secretariat");
        return (await secretariat.PostJson("/api/compliance/admissions", AdmissionTests.Application(code), HttpStatusCode.Created)).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task Shared_readers_see_the_list_and_the_dossier_only_the_secretariat_gets_forms_and_others_are_refused()
    {
        var id = await ReceivedThroughApi("UG");
        var details = $"/compliance/admissions/{id}";

        foreach (var user in new[] { "secretariat", "officer.bw", "observer.wdc" })
        {
            using var reader = await PortalClient.SignedIn(app, user);
            var (listStatus, list) = await reader.Get("/compliance/admissions");
            Assert.True(listStatus == HttpStatusCode.OK, $"{user}: list {(int)listStatus}");
            Assert.Contains($"href=\"{details}\"", list, StringComparison.Ordinal);
            Assert.Equal(user == "secretariat", list.Contains("href=\"/compliance/admissions/new\"", StringComparison.Ordinal));

            var (status, html) = await reader.Get(details);
            Assert.True(status == HttpStatusCode.OK, $"{user}: details {(int)status}");
            Assert.Contains("data-status=\"received\"", html, StringComparison.Ordinal);
            Assert.Contains("Mine-to-export chain of custody", html, StringComparison.Ordinal);
            Assert.Contains("data-requirement=\"legislation\"", html, StringComparison.Ordinal);
            Assert.Contains("An importing authority and an exporting authority are designated.", html, StringComparison.Ordinal);
            foreach (var form in new[] { "assess-form", "dossier-form", "upload-form", "visit-form", "recommend-form", "withdraw-form" })
            {
                Assert.True(html.Contains($"data-testid=\"{form}\"", StringComparison.Ordinal) == (user == "secretariat"), $"{user}: {form}");
            }
        }

        // The checklist reads in French for a French reader.
        using (var french = await PortalClient.SignedIn(app, "observer.cso"))
        {
            french.UseCulture("fr");
            var (_, html) = await french.Get(details);
            Assert.Contains("Une autorité d'importation et une autorité d'exportation sont désignées.", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        }

        foreach (var user in new[] { "customs.bw", "operator.bw" })
        {
            using var refused = await PortalClient.SignedIn(app, user);
            foreach (var url in new[] { "/compliance/admissions", details, "/compliance/admissions/new" })
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await refused.Get(url)).Status);
            }
        }

        using (var officer = await PortalClient.SignedIn(app, "officer.bw"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await officer.Get("/compliance/admissions/new")).Status);
            // A reader who is not the secretariat cannot post a step either.
            var (_, html) = await officer.Get(details);
            using var posted = await officer.PostForm(details + "?handler=withdraw", new() { ["version"] = Guid.NewGuid().ToString() }, PortalClient.Token(html));
            Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        }

        using var anonymous = PortalClient.Anonymous(app);
        foreach (var url in new[] { "/compliance/admissions", details, "/compliance/admissions/new" })
        {
            using var response = await anonymous.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/sign-in?ReturnUrl=" + Uri.EscapeDataString(url), PortalClient.Location(response), StringComparison.Ordinal);
        }

        using var secretariat = await PortalClient.SignedIn(app, "secretariat");
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.Get("/compliance/admissions/999999")).Status);
        var (_, filtered) = await secretariat.Get("/compliance/admissions?status=admitted");
        Assert.DoesNotContain($"href=\"{details}\"", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secretariat_receives_an_application_assesses_a_requirement_and_adds_a_document_through_the_forms()
    {
        using var secretariat = await PortalClient.SignedIn(app, "secretariat");
        using var received = await secretariat.PostForm("/compliance/admissions/new", Receive("ke"));
        Assert.Equal(HttpStatusCode.Redirect, received.StatusCode);
        var details = PortalClient.Location(received);
        Assert.Matches("^/compliance/admissions/[0-9]+$", details);
        var id = long.Parse(details["/compliance/admissions/".Length..], System.Globalization.CultureInfo.InvariantCulture);

        var (_, page) = await secretariat.Get(details);
        Assert.Contains("data-testid=\"notice\"", page, StringComparison.Ordinal);
        Assert.Contains("<code>KE</code>", page, StringComparison.Ordinal);
        var version = System.Text.RegularExpressions.Regex.Match(page, "name=\"version\" value=\"([^\"]+)\"").Groups[1].Value;

        using var assessed = await secretariat.PostForm(details + "?handler=assess", new()
        {
            ["requirement"] = "legislation",
            ["itemAssessment"] = "partly-met",
            ["itemComment"] = "Penalties not yet in force.",
            ["version"] = version,
        }, PortalClient.Token(page));
        Assert.Equal(HttpStatusCode.Redirect, assessed.StatusCode);

        var (_, after) = await secretariat.Get(details);
        Assert.Contains("data-status=\"under-assessment\"", after, StringComparison.Ordinal);
        Assert.Contains("data-requirement=\"legislation\" data-assessment=\"partly-met\"", after, StringComparison.Ordinal);
        Assert.Contains("Penalties not yet in force.", after, StringComparison.Ordinal);

        using var uploaded = await secretariat.PostFile(details, details + "?handler=upload", "file", "map.png", Files.Png(), "image/png", new() { ["title"] = "Map of the mining areas" });
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);

        var api = await (await app.ClientFor("secretariat")).GetJson($"/api/compliance/admissions/{id}");
        Assert.Equal(("KE", "under-assessment", 1), (api.Str("applicantCode"), api.Str("status"), api.GetProperty("assessed").GetInt32()));
        var document = api.GetProperty("documents")[0];
        Assert.Equal(("Map of the mining areas", "image/png"), (document.Str("title"), document.Str("contentType")));
        var (_, withDocument) = await secretariat.Get(details);
        Assert.Contains($"href=\"/api/compliance/admissions/{id}/documents/{document.GetProperty("id").GetInt64()}\"", withDocument, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_form_post_shows_the_violation_code_beside_the_field()
    {
        using var secretariat = await PortalClient.SignedIn(app, "secretariat");

        // Malformed: a name missing (400), every typed value kept.
        using var blank = await secretariat.PostForm("/compliance/admissions/new", Receive("ml", nameEn: " "));
        var html = await blank.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("id=\"nameEn-error\"", html, StringComparison.Ordinal);
        Assert.Contains("<code class=\"error-code\">required</code>", html, StringComparison.Ordinal);
        Assert.Contains("Mining Act 2016.", html, StringComparison.Ordinal);

        // A rule broken (422): received in the future; an existing participant.
        using var future = await secretariat.PostForm("/compliance/admissions/new", Receive("BW", receivedOn: "2026-02-01"));
        html = await future.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
        Assert.Contains("id=\"receivedOn-error\"", html, StringComparison.Ordinal);
        Assert.Contains(AdmissionCodes.ReceivedInFuture, html, StringComparison.Ordinal);
        Assert.Contains("id=\"applicantCode-error\"", html, StringComparison.Ordinal);
        Assert.Contains(AdmissionCodes.AlreadyParticipant, html, StringComparison.Ordinal);

        // On the dossier: a checklist item's form without an assessment, a visit before the application.
        var id = await ReceivedThroughApi("NP");
        var details = $"/compliance/admissions/{id}";
        var (_, page) = await secretariat.Get(details);
        using var noAssessment = await secretariat.PostForm(details + "?handler=assess", new() { ["requirement"] = "statistics", ["itemAssessment"] = "" }, PortalClient.Token(page));
        html = await noAssessment.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, noAssessment.StatusCode);
        Assert.Contains("id=\"checklist.statistics.assessment-error\"", html, StringComparison.Ordinal);

        using var visit = await secretariat.PostForm(details + "?handler=visit", new() { ["visitOn"] = "2025-12-01", ["report"] = "Visited." }, PortalClient.Token(page));
        html = await visit.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, visit.StatusCode);
        Assert.Contains("id=\"visitOn-error\"", html, StringComparison.Ordinal);
        Assert.Contains(AdmissionCodes.VisitBeforeReceived, html, StringComparison.Ordinal);
        Assert.Contains("value=\"2025-12-01\"", html, StringComparison.Ordinal);

        // Recommending before every requirement is assessed: the codes stand beside the unassessed items.
        using var early = await secretariat.PostForm(details + "?handler=recommend", new() { ["recommend"] = "true", ["assessment"] = "A.", ["recommendation"] = "R." }, PortalClient.Token(page));
        html = await early.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Contains("id=\"checklist.transparency-error\"", html, StringComparison.Ordinal);
        Assert.Contains(AdmissionCodes.RequirementNotAssessed, html, StringComparison.Ordinal);

        var api = await (await app.ClientFor("secretariat")).GetJson($"/api/compliance/admissions/{id}");
        Assert.Equal(("received", 0), (api.Str("status"), api.GetProperty("assessed").GetInt32()));
    }
}
