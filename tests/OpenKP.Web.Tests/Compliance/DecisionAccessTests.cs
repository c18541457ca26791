using System.Net;
using System.Net.Http.Json;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Compliance;

/// <summary>
/// Every meeting, decision and working-body endpoint answers each kind of caller as the ComplianceReader rules say:
/// adopted decisions to everyone, a draft to the secretariat and the concerned participant's officers only (404 to
/// others), what the scheme shares to the secretariat, authority officers and observers (401 anonymous, 403 customs
/// and operators), and every write to the secretariat alone.
/// </summary>
public sealed class DecisionAccessTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static readonly string?[] Callers = [null, "customs.ao", "operator.ao", "observer.wdc", "officer.ao", "officer.za", "secretariat"];

    private enum Audience
    {
        /// <summary>Anyone, signed in or not.</summary>
        Public,
        /// <summary>The secretariat and the officers of the participant concerned; others get 404.</summary>
        Draft,
        /// <summary>The secretariat, authority officers and observers.</summary>
        Shared,
        /// <summary>The secretariat only.</summary>
        Secretariat,
    }

    private static HttpStatusCode Expected(Audience audience, string? caller, HttpStatusCode allowed) => (audience, caller) switch
    {
        (Audience.Public, _) => allowed,
        (Audience.Draft, "secretariat" or "officer.ao") => allowed,
        (Audience.Draft, _) => HttpStatusCode.NotFound,
        (_, null) => HttpStatusCode.Unauthorized,
        (Audience.Shared, "observer.wdc" or "officer.ao" or "officer.za" or "secretariat") => allowed,
        (Audience.Secretariat, "secretariat") => allowed,
        _ => HttpStatusCode.Forbidden,
    };

    [Fact]
    public async Task Every_endpoint_answers_each_caller_as_the_compliance_rules_say()
    {
        var secretariat = await app.ClientFor("secretariat");
        var draft = (await secretariat.PostJson("/api/compliance/decisions", new { title = "Suspension of Angola", text = "Suspended.", procedure = "plenary-consensus", effects = new[] { new { kind = "status-change", participant = "AO", status = "suspended" } } }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var adopted = (await secretariat.PostJson("/api/compliance/decisions", new { title = "Note of thanks", text = "Thanks the host.", procedure = "plenary-consensus" }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await secretariat.PostJson($"/api/compliance/decisions/{adopted}/adopt", new { }, HttpStatusCode.OK);
        var meeting = (await secretariat.PostJson("/api/compliance/meetings", new { kind = "intersessional", title = "Intersessional 2026", startsOn = "2026-06-01", place = "Gaborone" }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await secretariat.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/compliance/bodies/wgs/outcomes/2026") { Content = JsonContent.Create(new { text = "Statistics reviewed." }) });
        var member = (await secretariat.PostJson("/api/compliance/bodies/wgs/members", new { year = 2026, kind = "participant", member = "ZA" }, HttpStatusCode.Created)).GetProperty("id").GetInt64();

        var meetingBody = new { kind = "plenary", title = "Plenary", startsOn = "2026-11-01", place = "Dubai" };
        // Secretariat writes are given bodies that break a rule (422) or a state (409), so the table leaves the data as it found it.
        (string Method, string Url, object? Body, Audience Audience, HttpStatusCode Allowed)[] table =
        [
            ("GET", "/api/compliance/decisions", null, Audience.Public, HttpStatusCode.OK),
            ("GET", $"/api/compliance/decisions/{adopted}", null, Audience.Public, HttpStatusCode.OK),
            ("GET", $"/api/compliance/decisions/{draft}", null, Audience.Draft, HttpStatusCode.OK),
            ("POST", "/api/compliance/decisions", new { title = "", text = "", procedure = "plenary-consensus" }, Audience.Secretariat, HttpStatusCode.UnprocessableEntity),
            ("PUT", $"/api/compliance/decisions/{adopted}", new { title = "x", text = "y", procedure = "plenary-consensus" }, Audience.Secretariat, HttpStatusCode.Conflict),
            ("POST", $"/api/compliance/decisions/{adopted}/adopt", new { }, Audience.Secretariat, HttpStatusCode.Conflict),
            ("POST", $"/api/compliance/decisions/{draft}/written-procedure", new { objectionDeadline = "2026-12-01" }, Audience.Secretariat, HttpStatusCode.UnprocessableEntity),
            ("POST", $"/api/compliance/decisions/{draft}/objections", new { participant = "CA", reason = "No." }, Audience.Secretariat, HttpStatusCode.Conflict),
            ("POST", $"/api/compliance/decisions/{adopted}/withdraw", new { }, Audience.Secretariat, HttpStatusCode.Conflict),
            ("GET", $"/api/compliance/decisions/{draft}/what-if", null, Audience.Secretariat, HttpStatusCode.OK),
            ("GET", "/api/compliance/meetings", null, Audience.Shared, HttpStatusCode.OK),
            ("GET", $"/api/compliance/meetings/{meeting}", null, Audience.Shared, HttpStatusCode.OK),
            ("POST", "/api/compliance/meetings", meetingBody, Audience.Secretariat, HttpStatusCode.Created),
            ("PUT", $"/api/compliance/meetings/{meeting}", new { kind = "intersessional", title = "Intersessional 2026", startsOn = "2026-06-01", endsOn = "2026-05-01", place = "Gaborone" }, Audience.Secretariat, HttpStatusCode.UnprocessableEntity),
            ("GET", "/api/compliance/chairmanships", null, Audience.Shared, HttpStatusCode.OK),
            ("PUT", "/api/compliance/chairmanships/2026", new { chair = "QQ" }, Audience.Secretariat, HttpStatusCode.UnprocessableEntity),
            ("GET", "/api/compliance/bodies", null, Audience.Shared, HttpStatusCode.OK),
            ("GET", "/api/compliance/bodies/wgs/members", null, Audience.Shared, HttpStatusCode.OK),
            ("POST", "/api/compliance/bodies/wgs/members", new { year = 2026, kind = "participant", member = "ZA" }, Audience.Secretariat, HttpStatusCode.UnprocessableEntity),
            ("DELETE", $"/api/compliance/bodies/wgm/members/{member}", null, Audience.Secretariat, HttpStatusCode.NotFound),
            ("GET", "/api/compliance/bodies/wgs/outcomes/2026", null, Audience.Shared, HttpStatusCode.OK),
            ("PUT", "/api/compliance/bodies/nope/outcomes/2026", new { text = "x" }, Audience.Secretariat, HttpStatusCode.NotFound),
        ];

        var failures = new List<string>();
        foreach (var caller in Callers)
        {
            var client = await app.ClientFor(caller);
            foreach (var (method, url, body, audience, allowed) in table)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = body is null ? null : JsonContent.Create(body, body.GetType()) };
                var response = await client.SendAsync(request);
                var expected = Expected(audience, caller, allowed);
                if (response.StatusCode != expected)
                {
                    failures.Add($"{caller ?? "anonymous"} {method} {url}: expected {(int)expected}, got {(int)response.StatusCode}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.Equal("draft", (await secretariat.GetJson($"/api/compliance/decisions/{draft}")).Str("status"));
        Assert.Equal(1, (await secretariat.GetJson("/api/compliance/meetings?kind=plenary")).GetProperty("total").GetInt32());
    }
}
