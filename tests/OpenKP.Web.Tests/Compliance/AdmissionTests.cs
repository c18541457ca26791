using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OpenKP.Compliance;
using OpenKP.Web.Tests.Infrastructure;
using OpenKP.Web.Tests.Shipments;

namespace OpenKP.Web.Tests.Compliance;

/// <summary>
/// Admission of an applicant end to end through the API: received (in the registry as an applicant), every KPCS
/// minimum requirement assessed, the visit, the recommendation, the admission decision adopted with an effective
/// day; the registry then shows it active from that day (and not before) and it may trade.
/// </summary>
public sealed class AdmissionTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(OpenKpApp.Today.UtcDateTime);

    internal static object Application(string code, string? receivedOn = null) => new
    {
        applicantCode = code,
        nameEn = "Nepal",
        nameFr = "Népal",
        receivedOn,
        legislation = "Rough Diamonds Act 2026.",
        authorities = "Department of Mines and Geology (export and import).",
        internalControls = "Mine-to-export chain of custody with licensed dealers.",
    };

    internal static async Task<HttpResponseMessage> Upload(HttpClient client, long id, byte[] bytes, string fileName, string title = "Act")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/pdf");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(title), "title");
        return await client.PostAsync($"/api/compliance/admissions/{id}/documents", form);
    }

    private static async Task<JsonElement> Put(HttpClient client, string url, object body, HttpStatusCode expected)
        => await (await client.PutAsJsonAsync(url, body)).Json(expected);

    [Fact]
    public async Task An_applicant_received_assessed_visited_recommended_and_admitted_is_active_from_the_effective_day_and_may_trade()
    {
        var secretariat = await app.ClientFor("secretariat");
        var anonymous = await app.ClientFor(null);
        var received = await secretariat.PostJson("/api/compliance/admissions", Application("np", Today.AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), HttpStatusCode.Created);
        var id = received.GetProperty("id").GetInt64();
        Assert.Equal(("NP", "received"), (received.Str("applicantCode"), received.Str("status")));
        Assert.Equal(MinimumRequirements.All.Select(r => r.Code), received.GetProperty("checklist").EnumerateArray().Select(i => i.Str("requirementCode")));
        Assert.All(received.GetProperty("checklist").EnumerateArray(), i => Assert.Equal("not-assessed", i.Str("assessment")));

        // In the registry as an applicant from the day received: it may not trade.
        var applicant = await anonymous.GetJson("/api/participants/NP");
        Assert.Equal("applicant", applicant.GetProperty("today").Str("status").ToLowerInvariant());
        Assert.False((await anonymous.GetJson("/api/trade-permission?exporter=NP&importer=BW&origin=NP")).GetProperty("allowed").GetBoolean());

        // A second application while this one is open, and an active participant, are refused.
        Assert.Equal([AdmissionCodes.ApplicationOpen], (await secretariat.PostJson("/api/compliance/admissions", Application("NP"), HttpStatusCode.UnprocessableEntity)).Codes());
        Assert.Equal([AdmissionCodes.AlreadyParticipant], (await secretariat.PostJson("/api/compliance/admissions", Application("BW"), HttpStatusCode.UnprocessableEntity)).Codes());

        // Documents by content: a PDF is kept and downloads; a text file named .pdf is refused.
        var document = await (await Upload(secretariat, id, Files.Pdf(), "act.pdf")).Json(HttpStatusCode.Created);
        Assert.Equal("application/pdf", document.Str("contentType"));
        var fake = await (await Upload(secretariat, id, "just text, not a PDF"u8.ToArray(), "act.pdf")).Json(HttpStatusCode.UnprocessableEntity);
        Assert.Equal([OpenKP.Shipments.ShipmentCodes.AttachmentTypeNotAllowed], fake.Codes());
        var observer = await app.ClientFor("observer.cso");
        var download = await observer.GetAsync($"/api/compliance/admissions/{id}/documents/{document.GetProperty("id").GetInt64()}");
        Assert.Equal(Files.Pdf(), await download.Content.ReadAsByteArrayAsync());

        // Recommending too early lists every requirement not assessed, and the missing texts, at once.
        var version = (await secretariat.GetJson($"/api/compliance/admissions/{id}")).GetProperty("version").GetGuid();
        var early = await secretariat.PostJson($"/api/compliance/admissions/{id}/recommendation", new { recommend = true, assessment = " ", version }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal([.. Enumerable.Repeat(AdmissionCodes.RequirementNotAssessed, MinimumRequirements.All.Count), AdmissionCodes.AssessmentRequired, AdmissionCodes.RecommendationRequired], early.Codes());

        JsonElement current = default;
        foreach (var requirement in MinimumRequirements.All)
        {
            current = await Put(secretariat, $"/api/compliance/admissions/{id}/checklist/{requirement.Code}", new { assessment = "met", comment = "Seen in the dossier.", version }, HttpStatusCode.OK);
            version = current.GetProperty("version").GetGuid();
        }

        Assert.Equal(("under-assessment", MinimumRequirements.All.Count), (current.Str("status"), current.GetProperty("assessed").GetInt32()));
        var stale = await Put(secretariat, $"/api/compliance/admissions/{id}/visit", new { visitOn = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), report = "Visited.", version = Guid.NewGuid() }, HttpStatusCode.Conflict);
        Assert.Equal([AdmissionCodes.Changed], stale.Codes());
        var visit = await Put(secretariat, $"/api/compliance/admissions/{id}/visit", new { visitOn = Today.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), report = "Review visit: controls in place.", version }, HttpStatusCode.OK);
        var recommended = await secretariat.PostJson($"/api/compliance/admissions/{id}/recommendation",
            new { recommend = true, assessment = "Meets every minimum requirement.", recommendation = "Admit Nepal.", version = visit.GetProperty("version").GetGuid() }, HttpStatusCode.OK);
        Assert.Equal("recommended", recommended.Str("status"));

        var proposed = await secretariat.PostJson($"/api/compliance/admissions/{id}/decision", new { outcome = "admit", version = recommended.GetProperty("version").GetGuid() }, HttpStatusCode.OK);
        Assert.Equal("draft", proposed.Str("decisionStatus"));
        var effective = Today.AddDays(20);
        var iso = (DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var admitted = await secretariat.PostJson($"/api/compliance/admissions/{id}/decision/adopt",
            new { adoptedOn = iso(Today), effectiveOn = iso(effective), version = proposed.GetProperty("version").GetGuid() }, HttpStatusCode.OK);
        Assert.Equal(("admitted", "adopted"), (admitted.Str("status"), admitted.Str("decisionStatus")));
        Assert.StartsWith("AD/", admitted.Str("decisionNumber"), StringComparison.Ordinal);

        // The registry: an applicant until the effective day, active from it; trade allowed with an active partner from then only.
        Assert.Equal("applicant", (await anonymous.GetJson($"/api/participants/NP/status?on={iso(effective.AddDays(-1))}")).Str("status").ToLowerInvariant());
        var active = await anonymous.GetJson($"/api/participants/NP/status?on={iso(effective)}");
        Assert.Equal("active", active.Str("status").ToLowerInvariant());
        Assert.True(active.GetProperty("mayTrade").GetBoolean());
        Assert.Contains(iso(effective), (await anonymous.GetJson("/api/participants/NP")).Str("admitted"), StringComparison.Ordinal);
        Assert.False((await anonymous.GetJson($"/api/trade-permission?exporter=NP&importer=BW&origin=NP&on={iso(effective.AddDays(-1))}")).GetProperty("allowed").GetBoolean());
        var trade = await anonymous.GetJson($"/api/trade-permission?exporter=NP&importer=BW&origin=NP&on={iso(effective)}");
        Assert.True(trade.GetProperty("allowed").GetBoolean(), trade.ToString());

        // Closed: no more steps.
        Assert.Equal([AdmissionCodes.Closed], (await secretariat.PostJson($"/api/compliance/admissions/{id}/withdraw", new { }, HttpStatusCode.Conflict)).Codes());
        var list = await observer.GetJson("/api/compliance/admissions?status=admitted");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task A_decision_needs_the_recommendation_and_a_refusal_closes_the_application_without_touching_the_registry()
    {
        var secretariat = await app.ClientFor("secretariat");
        var created = await secretariat.PostJson("/api/compliance/admissions", Application("UG"), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        var tooEarly = await secretariat.PostJson($"/api/compliance/admissions/{id}/decision", new { outcome = "refuse" }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal([AdmissionCodes.NotRecommended], tooEarly.Codes());
        Assert.Equal([AdmissionCodes.NoDecision], (await secretariat.PostJson($"/api/compliance/admissions/{id}/decision/adopt", new { }, HttpStatusCode.Conflict)).Codes());
        var malformed = await secretariat.PostJson($"/api/compliance/admissions/{id}/decision", new { outcome = "maybe", procedure = "coin-toss" }, HttpStatusCode.BadRequest);
        Assert.Equal(2, malformed.Codes().Length);

        foreach (var requirement in MinimumRequirements.All)
        {
            await Put(secretariat, $"/api/compliance/admissions/{id}/checklist/{requirement.Code}", new { assessment = requirement.Code == "legislation" ? "not-met" : "partly-met" }, HttpStatusCode.OK);
        }

        Assert.Equal([AdmissionCodes.RequirementUnknown], (await Put(secretariat, $"/api/compliance/admissions/{id}/checklist/nope", new { assessment = "met" }, HttpStatusCode.UnprocessableEntity)).Codes());
        await secretariat.PostJson($"/api/compliance/admissions/{id}/recommendation", new { recommend = false, assessment = "No legislation yet.", recommendation = "Do not admit." }, HttpStatusCode.OK);
        Assert.Equal([AdmissionCodes.NotRecommended], (await secretariat.PostJson($"/api/compliance/admissions/{id}/decision", new { outcome = "admit" }, HttpStatusCode.UnprocessableEntity)).Codes());
        await secretariat.PostJson($"/api/compliance/admissions/{id}/decision", new { outcome = "refuse" }, HttpStatusCode.OK);
        var refused = await secretariat.PostJson($"/api/compliance/admissions/{id}/decision/adopt", new { }, HttpStatusCode.OK);
        Assert.Equal("refused", refused.Str("status"));
        Assert.Equal("applicant", (await (await app.ClientFor(null)).GetJson("/api/participants/UG")).GetProperty("today").Str("status").ToLowerInvariant());
    }

    [Fact]
    public async Task A_rejected_decision_lets_a_new_one_be_proposed_and_withdrawing_the_application_withdraws_the_pending_decision()
    {
        var secretariat = await app.ClientFor("secretariat");
        var id = (await secretariat.PostJson("/api/compliance/admissions", Application("SO"), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        foreach (var requirement in MinimumRequirements.All)
        {
            await Put(secretariat, $"/api/compliance/admissions/{id}/checklist/{requirement.Code}", new { assessment = "met" }, HttpStatusCode.OK);
        }

        await secretariat.PostJson($"/api/compliance/admissions/{id}/recommendation", new { recommend = true, assessment = "Meets every requirement.", recommendation = "Admit." }, HttpStatusCode.OK);
        var first = (await secretariat.PostJson($"/api/compliance/admissions/{id}/decision", new { outcome = "admit", procedure = "written-procedure" }, HttpStatusCode.OK)).GetProperty("decisionId").GetInt64();

        // While the decision is drafted, only the secretariat learns of it.
        Assert.Equal(JsonValueKind.Null, (await (await app.ClientFor("observer.wdc")).GetJson($"/api/compliance/admissions/{id}")).GetProperty("decisionId").ValueKind);

        await secretariat.PostJson($"/api/compliance/decisions/{first}/written-procedure", new { objectionDeadline = Today.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, HttpStatusCode.OK);
        await secretariat.PostJson($"/api/compliance/decisions/{first}/objections", new { participant = "ZA", reason = "The visit report is not circulated yet." }, HttpStatusCode.OK);
        var second = (await secretariat.PostJson($"/api/compliance/admissions/{id}/decision", new { outcome = "admit" }, HttpStatusCode.OK)).GetProperty("decisionId").GetInt64();
        Assert.NotEqual(first, second);

        var withdrawn = await secretariat.PostJson($"/api/compliance/admissions/{id}/withdraw", new { }, HttpStatusCode.OK);
        Assert.Equal("withdrawn", withdrawn.Str("status"));
        Assert.Equal("withdrawn", (await secretariat.GetJson($"/api/compliance/decisions/{second}")).Str("status"));
        await secretariat.PostJson($"/api/compliance/decisions/{second}/adopt", new { }, HttpStatusCode.Conflict);
        Assert.Equal("applicant", (await (await app.ClientFor(null)).GetJson("/api/participants/SO")).GetProperty("today").Str("status").ToLowerInvariant());
    }
}
