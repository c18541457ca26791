using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenKP.Web.Tests.Certificates;
using OpenKP.Web.Tests.Infrastructure;
using OpenKP.Web.Tests.Portal;

namespace OpenKP.Web.Tests.Compliance;

/// <summary>Meetings, decisions (drafted, foreseen, adopted by each procedure) and the working bodies, through the HTTP API on the real app.</summary>
public sealed class DecisionApiTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static async Task<JsonElement> Send(HttpClient client, HttpMethod method, string url, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body, body.GetType()) };
        return await (await client.SendAsync(request)).Json(expected);
    }

    private static object Suspension(string code, string title) => new
    {
        title,
        text = $"The plenary suspends {code} pending a review visit.",
        procedure = "plenary-consensus",
        effects = new[] { new { kind = "status-change", participant = code, status = "suspended", note = "Suspended pending review" } },
    };

    [Fact]
    public async Task A_suspension_from_a_future_day_foresees_the_certificate_in_flight_then_stops_trade_from_exactly_that_day_and_links_back()
    {
        var officer = await app.ClientFor("officer.ao");
        var certificate = (await officer.PostJson("/api/certificates", Drafts.Valid() with { ExporterLicence = "AO-OP-001" }, HttpStatusCode.Created)).Str("number");
        var secretariat = await app.ClientFor("secretariat");
        var draft = await secretariat.PostJson("/api/compliance/decisions", Suspension("AO", "Suspension of Angola"), HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetInt64();
        Assert.Equal(("draft", JsonValueKind.Null), (draft.Str("status"), draft.GetProperty("number").ValueKind));

        var whatIf = await secretariat.GetJson($"/api/compliance/decisions/{id}/what-if?on=2026-02-15");
        Assert.Equal(["AO"], whatIf.GetProperty("participants").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains(certificate, whatIf.GetProperty("certificates").EnumerateArray().Select(c => c.Str("number")));
        Assert.Empty((await secretariat.GetJson($"/api/compliance/decisions/{id}/what-if?on=2099-01-01")).GetProperty("certificates").EnumerateArray());

        // A draft is the secretariat's and the concerned participant's: to the public and other participants it does not exist.
        await (await app.ClientFor(null)).GetJson($"/api/compliance/decisions/{id}", HttpStatusCode.NotFound);
        await (await app.ClientFor("officer.za")).GetJson($"/api/compliance/decisions/{id}", HttpStatusCode.NotFound);
        await officer.GetJson($"/api/compliance/decisions/{id}");

        var adopted = await secretariat.PostJson($"/api/compliance/decisions/{id}/adopt", new { effectiveOn = "2026-02-15", version = draft.GetProperty("version").GetGuid() }, HttpStatusCode.OK);
        Assert.Equal("adopted", adopted.Str("status"));
        Assert.Matches(@"^AD/2026/\d\d$", adopted.Str("number"));
        Assert.Contains(certificate, (await secretariat.GetJson($"/api/compliance/decisions/{id}/what-if")).GetProperty("certificates").EnumerateArray().Select(c => c.Str("number")));

        var anonymous = await app.ClientFor(null);
        Assert.Equal("adopted", (await anonymous.GetJson($"/api/compliance/decisions/{id}")).Str("status"));
        Assert.True((await anonymous.GetJson("/api/trade-permission?exporter=AO&importer=AE&origin=AO&on=2026-02-14")).GetProperty("allowed").GetBoolean());
        var refused = await anonymous.GetJson("/api/trade-permission?exporter=AO&importer=AE&origin=AO&on=2026-02-15");
        Assert.False(refused.GetProperty("allowed").GetBoolean());
        Assert.Contains("exporter-suspended", refused.Codes());

        var history = (await anonymous.GetJson("/api/participants/AO")).GetProperty("history").EnumerateArray()
            .Single(e => e.GetProperty("decision").GetProperty("decisionId").ValueKind == JsonValueKind.Number && e.GetProperty("decision").GetProperty("decisionId").GetInt64() == id);
        Assert.Equal(("2026-02-15", "suspended"), (history.Str("date"), history.Str("status")));
        var (status, html) = await PortalClient.Anonymous(app).Get("/participants/AO");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"href=\"/compliance/decisions/{id}\"", html, StringComparison.Ordinal);

        var inbox = (await (await app.ClientFor("officer.bw")).GetJson("/api/inbox?pageSize=500")).GetProperty("items").EnumerateArray();
        Assert.Contains(inbox, m => m.Str("type") == "decision.adopted" && m.GetProperty("link").GetString() == $"/compliance/decisions/{id}");
    }

    [Fact]
    public async Task A_written_procedure_is_rejected_by_an_objection_and_adopted_by_silence_after_its_deadline()
    {
        var secretariat = await app.ClientFor("secretariat");
        async Task<long> Draft(string title) => (await secretariat.PostJson("/api/compliance/decisions", new
        {
            title,
            text = "Amends the administrative decision on peer review visits.",
            procedure = "written-procedure",
        }, HttpStatusCode.Created)).GetProperty("id").GetInt64();

        var objected = await Draft("Objected procedure");
        Assert.Equal(["decision-written-procedure-not-open"], (await secretariat.PostJson($"/api/compliance/decisions/{objected}/adopt", new { }, HttpStatusCode.Conflict)).Codes());
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(["decision-objection-deadline-past"], (await secretariat.PostJson($"/api/compliance/decisions/{objected}/written-procedure", new { objectionDeadline = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, HttpStatusCode.UnprocessableEntity)).Codes());
        var deadline = today.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("written-procedure-open", (await secretariat.PostJson($"/api/compliance/decisions/{objected}/written-procedure", new { objectionDeadline = deadline }, HttpStatusCode.OK)).Str("status"));
        await secretariat.PostJson($"/api/compliance/decisions/{objected}/objections", new { participant = "", reason = "" }, HttpStatusCode.BadRequest);
        var rejected = await secretariat.PostJson($"/api/compliance/decisions/{objected}/objections", new { participant = "CA", reason = "Needs more consultation." }, HttpStatusCode.OK);
        Assert.Equal(("rejected", "CA: Needs more consultation."), (rejected.Str("status"), rejected.Str("objections")));
        await secretariat.PostJson($"/api/compliance/decisions/{objected}/adopt", new { }, HttpStatusCode.Conflict);
        await (await app.ClientFor(null)).GetJson($"/api/compliance/decisions/{objected}", HttpStatusCode.NotFound);

        var silent = await Draft("Silent procedure");
        await secretariat.PostJson($"/api/compliance/decisions/{silent}/written-procedure", new { objectionDeadline = deadline }, HttpStatusCode.OK);
        Assert.Equal(["decision-written-procedure-running"], (await secretariat.PostJson($"/api/compliance/decisions/{silent}/adopt", new { }, HttpStatusCode.UnprocessableEntity)).Codes());
        app.Advance(TimeSpan.FromDays(11));
        secretariat = await app.ClientFor("secretariat");
        Assert.Equal(["decision-objection-too-late"], (await secretariat.PostJson($"/api/compliance/decisions/{silent}/objections", new { participant = "CA", reason = "Late." }, HttpStatusCode.Conflict)).Codes());
        Assert.Equal("adopted", (await secretariat.PostJson($"/api/compliance/decisions/{silent}/adopt", new { }, HttpStatusCode.OK)).Str("status"));

        // Edit under the version read, withdraw once.
        var other = await secretariat.PostJson("/api/compliance/decisions", Suspension("CD", "Suspension of the DRC"), HttpStatusCode.Created);
        var otherId = other.GetProperty("id").GetInt64();
        await Send(secretariat, HttpMethod.Put, $"/api/compliance/decisions/{otherId}", new { title = "Stale", text = "x", procedure = "plenary-vote", version = Guid.NewGuid() }, HttpStatusCode.Conflict);
        var edited = await Send(secretariat, HttpMethod.Put, $"/api/compliance/decisions/{otherId}", new { title = "Special measures for the DRC", text = "Special measures.", procedure = "plenary-vote", version = other.GetProperty("version").GetGuid(), effects = new[] { new { kind = "status-change", participant = "CD", status = "special-measures", scope = "Kasai" } } }, HttpStatusCode.OK);
        Assert.Equal(("Special measures for the DRC", "special-measures"), (edited.Str("title"), edited.GetProperty("effects")[0].Str("status")));
        Assert.Equal(["decision-votes-required"], (await secretariat.PostJson($"/api/compliance/decisions/{otherId}/adopt", new { }, HttpStatusCode.UnprocessableEntity)).Codes());
        Assert.Equal("withdrawn", (await secretariat.PostJson($"/api/compliance/decisions/{otherId}/withdraw", new { }, HttpStatusCode.OK)).Str("status"));
        Assert.Equal(["decision-not-withdrawable"], (await secretariat.PostJson($"/api/compliance/decisions/{otherId}/withdraw", new { }, HttpStatusCode.Conflict)).Codes());
        Assert.Equal(["decision-what-if-not-applicable"], (await secretariat.GetJson($"/api/compliance/decisions/{otherId}/what-if", HttpStatusCode.Conflict)).Codes());
    }

    [Fact]
    public async Task Meetings_list_their_decisions_the_list_filters_and_pages_and_the_bodies_keep_chairs_members_and_outcomes()
    {
        var secretariat = await app.ClientFor("secretariat");
        var bad = await secretariat.PostJson("/api/compliance/meetings", new { kind = "plenary", title = "Plenary", startsOn = "2026-11-10", endsOn = "2026-11-08", place = "Dubai", chair = "QQ" }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["meeting-ends-before-start", "meeting-chair-unknown"], bad.Codes());
        await secretariat.PostJson("/api/compliance/meetings", new { kind = "nonsense", title = "", startsOn = "11/10/2026", place = "Dubai" }, HttpStatusCode.BadRequest);
        var meeting = await secretariat.PostJson("/api/compliance/meetings", new { kind = "plenary", title = "Kimberley Process Plenary, Dubai 2026", startsOn = "2026-11-10", endsOn = "2026-11-13", place = "Dubai", chair = "AE" }, HttpStatusCode.Created);
        var meetingId = meeting.GetProperty("id").GetInt64();
        var edited = await Send(secretariat, HttpMethod.Put, $"/api/compliance/meetings/{meetingId}", new { kind = "plenary", title = "Kimberley Process Plenary, Dubai 2026", startsOn = "2026-11-10", endsOn = "2026-11-14", place = "Dubai", chair = "AE", summary = "Adopted the zone decision.", version = meeting.GetProperty("version").GetGuid() }, HttpStatusCode.OK);
        Assert.Equal("2026-11-14", edited.Str("endsOn"));

        var zone = await secretariat.PostJson("/api/compliance/decisions", new
        {
            title = "Compliant zone of Berberati (CAR)",
            text = "Berberati is a compliant zone.",
            procedure = "plenary-consensus",
            meetingId,
            workingBody = "wgm",
            effects = new[] { new { kind = "compliant-zone", participant = "CF", zoneName = "Berberati" } },
        }, HttpStatusCode.Created);
        await secretariat.PostJson($"/api/compliance/decisions/{zone.GetProperty("id").GetInt64()}/adopt", new { }, HttpStatusCode.OK);
        var observer = await app.ClientFor("observer.wdc");
        var record = await observer.GetJson($"/api/compliance/meetings/{meetingId}");
        Assert.Equal(["Compliant zone of Berberati (CAR)"], record.GetProperty("decisions").EnumerateArray().Select(d => d.Str("title")));
        Assert.True((await observer.GetJson("/api/compliance/meetings?kind=plenary&year=2026")).GetProperty("total").GetInt32() >= 1);

        var anonymous = await app.ClientFor(null);
        var found = await anonymous.GetJson("/api/compliance/decisions?participant=CF&q=BERBERATI&status=adopted&year=2026");
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Equal(0, (await anonymous.GetJson("/api/compliance/decisions?status=draft")).GetProperty("total").GetInt32());
        var firstPage = await anonymous.GetJson("/api/compliance/decisions?pageSize=1");
        Assert.Equal(1, firstPage.GetProperty("items").GetArrayLength());
        Assert.Equal(["invalid-value", "invalid-code", "invalid-page"], (await anonymous.GetJson("/api/compliance/decisions?status=nonsense&participant=1&pageSize=0", HttpStatusCode.BadRequest)).Codes());

        var chair = await Send(secretariat, HttpMethod.Put, "/api/compliance/chairmanships/2026", new { chair = "AE", viceChair = "ZA", chairPerson = "A. Chair" }, HttpStatusCode.OK);
        Assert.Equal(["body-vice-chair-same-as-chair"], (await Send(secretariat, HttpMethod.Put, "/api/compliance/chairmanships/2027", new { chair = "ZA", viceChair = "ZA" }, HttpStatusCode.UnprocessableEntity)).Codes());
        await Send(secretariat, HttpMethod.Put, "/api/compliance/chairmanships/2026", new { chair = "ZA", version = Guid.NewGuid() }, HttpStatusCode.Conflict);
        Assert.Equal(("AE", "ZA"), ((await observer.GetJson("/api/compliance/chairmanships"))[0].Str("chair"), chair.Str("viceChair")));

        var member = await secretariat.PostJson("/api/compliance/bodies/wgm/members", new { year = 2026, kind = "participant", member = "bw", role = "chair" }, HttpStatusCode.Created);
        Assert.Equal(("BW", "chair", "2026-01-01"), (member.Str("member"), member.Str("role"), member.Str("from")));
        Assert.Equal(["body-member-duplicate"], (await secretariat.PostJson("/api/compliance/bodies/wgm/members", new { year = 2026, kind = "participant", member = "BW" }, HttpStatusCode.UnprocessableEntity)).Codes());
        Assert.Equal(["body-member-observer-unknown", "body-member-term-outside-year"], (await secretariat.PostJson("/api/compliance/bodies/wgm/members", new { year = 2026, kind = "observer", member = "Nobody", from = "2025-06-01" }, HttpStatusCode.UnprocessableEntity)).Codes());
        await secretariat.PostJson("/api/compliance/bodies/nope/members", new { year = 2026, kind = "participant", member = "BW" }, HttpStatusCode.NotFound);
        var observerName = (await anonymous.GetJson("/api/observers"))[0].Str("name");
        await secretariat.PostJson("/api/compliance/bodies/wgm/members", new { year = 2026, kind = "observer", member = observerName }, HttpStatusCode.Created);
        await observer.GetJson("/api/compliance/bodies/wgm/outcomes/2026", HttpStatusCode.NotFound);
        await Send(secretariat, HttpMethod.Put, "/api/compliance/bodies/wgm/outcomes/2026", new { text = "Two review visits completed." }, HttpStatusCode.OK);
        Assert.Equal("Two review visits completed.", (await observer.GetJson("/api/compliance/bodies/wgm/outcomes/2026")).Str("text"));
        var wgm = (await observer.GetJson("/api/compliance/bodies?year=2026")).EnumerateArray().Single(b => b.Str("code") == "wgm");
        Assert.Equal(2, wgm.GetProperty("members").GetArrayLength());
        Assert.Equal("Two review visits completed.", wgm.GetProperty("outcome").Str("text"));
        Assert.Equal(2, (await observer.GetJson("/api/compliance/bodies/wgm/members?year=2026")).GetArrayLength());
        await Send(secretariat, HttpMethod.Delete, $"/api/compliance/bodies/wgm/members/{member.GetProperty("id").GetInt64()}", null, HttpStatusCode.NoContent);
        Assert.Equal(1, (await observer.GetJson("/api/compliance/bodies/wgm/members?year=2026")).GetArrayLength());
    }
}
