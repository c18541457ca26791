using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Compliance;

/// <summary>
/// Every peer review endpoint over every kind of caller: anonymous 401; customs officers and operators 403; observers and
/// every participant's officers read what is shared; the draft (report, its recommendations) only the secretariat and the
/// reviewed participant (others 404 on it); writes the secretariat's, comments and progress the reviewed participant's.
/// </summary>
public sealed class PeerReviewAccessTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    [Fact]
    public async Task Every_endpoint_answers_each_caller_as_the_who_sees_what_rules_say()
    {
        var secretariat = await app.ClientFor("secretariat");
        var planned = await secretariat.PostJson("/api/compliance/reviews", PeerReviewTests.Visit(), HttpStatusCode.Created);
        var id = planned.GetProperty("id").GetInt64();
        var draft = await secretariat.PostJson($"/api/compliance/reviews/{id}/draft-report", PeerReviewTests.TwoRecommendations(planned.Str("version")), HttpStatusCode.OK);
        var rec = draft.GetProperty("recommendations")[0].GetProperty("id").GetInt64();

        var r = $"/api/compliance/reviews/{id}";
        var u = $"/api/compliance/recommendations/{rec}/updates";
        var team = new { team = new[] { new { kind = "participant", personName = "A", participantCode = "BW", isLeader = true } } };
        var report = new { report = "R." };
        var comments = new { comments = "C." };
        var progress = new { status = "in-progress", note = "N." };
        var empty = new { };
        string?[] others = [null, "customs.za", "operator.za", "observer.wdc", "officer.za", "officer.bw"];
        string?[] outsiders = [null, "customs.za", "operator.za"];
        string?[] readers = ["observer.wdc", "observer.cso", "officer.za", "officer.bw", "secretariat"];
        var table = new List<(string? User, string Method, string Url, object? Body, HttpStatusCode Expected)>();

        void Reads(string url, HttpStatusCode forOthers = HttpStatusCode.OK, HttpStatusCode forOwn = HttpStatusCode.OK)
        {
            table.AddRange(outsiders.Select(w => (w, "GET", url, (object?)null, w is null ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden)));
            table.AddRange(readers.Select(w => (w, "GET", url, (object?)null, w is "officer.za" or "secretariat" ? forOwn : forOthers)));
        }

        // A secretariat write: everyone else refused; the secretariat's own call answered as given (no state change).
        void SecretariatWrites(string method, string url, object body, HttpStatusCode forSecretariat)
        {
            table.AddRange(others.Select(w => (w, method, url, (object?)body, w is null ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden)));
            table.Add(("secretariat", method, url, body, forSecretariat));
        }

        Reads("/api/compliance/reviews");
        SecretariatWrites("POST", "/api/compliance/reviews", empty, HttpStatusCode.BadRequest);
        Reads("/api/compliance/reviews/due");
        Reads(r);
        Reads(r + "/team");
        SecretariatWrites("PUT", r + "/team", team, HttpStatusCode.Conflict);
        SecretariatWrites("POST", r + "/draft-report", report, HttpStatusCode.Conflict);
        SecretariatWrites("POST", r + "/final-report", empty, HttpStatusCode.BadRequest);
        SecretariatWrites("POST", r + "/cancel", empty, HttpStatusCode.Conflict);
        Reads(r + "/recommendations");
        SecretariatWrites("POST", r + "/recommendations", new { text = "T.", owner = "O.", dueOn = "2026-01-01" }, HttpStatusCode.UnprocessableEntity);
        Reads("/api/compliance/recommendations");
        Reads("/api/compliance/recommendations/dashboard");
        Reads(u, forOthers: HttpStatusCode.NotFound);
        table.AddRange(
        [
            (null, "POST", r + "/comments", comments, HttpStatusCode.Unauthorized),
            ("customs.za", "POST", r + "/comments", comments, HttpStatusCode.Forbidden),
            ("operator.za", "POST", r + "/comments", comments, HttpStatusCode.Forbidden),
            ("observer.wdc", "POST", r + "/comments", comments, HttpStatusCode.NotFound),
            ("officer.bw", "POST", r + "/comments", comments, HttpStatusCode.NotFound),
            ("secretariat", "POST", r + "/comments", comments, HttpStatusCode.Forbidden),
            ("officer.za", "POST", r + "/comments", empty, HttpStatusCode.BadRequest),
            (null, "POST", u, progress, HttpStatusCode.Unauthorized),
            ("customs.za", "POST", u, progress, HttpStatusCode.Forbidden),
            ("operator.za", "POST", u, progress, HttpStatusCode.Forbidden),
            ("observer.wdc", "POST", u, progress, HttpStatusCode.NotFound),
            ("officer.bw", "POST", u, progress, HttpStatusCode.NotFound),
            ("officer.za", "POST", u, new { status = "closed", note = "N." }, HttpStatusCode.Forbidden),
            ("officer.za", "POST", u, new { status = "open", note = "N." }, HttpStatusCode.UnprocessableEntity),
            ("secretariat", "POST", u, empty, HttpStatusCode.BadRequest),
            ("officer.za", "GET", "/api/compliance/recommendations?status=nonsense", null, HttpStatusCode.BadRequest),
            ("observer.wdc", "GET", "/api/compliance/reviews?year=1999", null, HttpStatusCode.BadRequest),
            ("observer.wdc", "GET", "/api/compliance/reviews/999999", null, HttpStatusCode.NotFound),
        ]);

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

        // Nothing changed; the draft report and its recommendations are seen by the secretariat and ZA only.
        foreach (var (user, sees) in new[] { ("secretariat", true), ("officer.za", true), ("officer.bw", false), ("observer.wdc", false), ("observer.cso", false) })
        {
            var seen = await (await app.ClientFor(user)).GetJson(r);
            Assert.Equal("draft-report", seen.Str("status"));
            Assert.True(sees == (seen.GetProperty("draftReport").ValueKind == JsonValueKind.String), user);
            Assert.Equal(sees ? 2 : 0, seen.GetProperty("recommendations").GetArrayLength());
            Assert.Equal(sees ? 2 : 0, (await (await app.ClientFor(user)).GetJson("/api/compliance/recommendations")).GetProperty("total").GetInt32());
        }

        Assert.Equal("open", (await secretariat.GetJson(u)).Str("status"));
    }
}
