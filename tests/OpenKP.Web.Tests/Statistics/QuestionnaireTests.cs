using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenKP.Web.Tests.Infrastructure;
using static OpenKP.Web.Tests.Statistics.Anomalies;

namespace OpenKP.Web.Tests.Statistics;

/// <summary>
/// The Data Anomalies Questionnaire through the API (both databases): open → sent → answered → closed with
/// its audit rows; every question must be answered; escalation; the public list of participants that left one
/// unanswered past its due date.
/// </summary>
public sealed class QuestionnaireTests : IAsyncLifetime
{
    // The test moves the clock past due dates: an app of its own.
    private readonly OpenKpApp _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>2026-H1 production returns are due on 29 August: on 1 September every member's is missing.</summary>
    private async Task<long> MissingReturnOf(string participant)
    {
        MoveTo(_app, Day(2026, 9, 1));
        var secretariat = await _app.ClientFor("secretariat");
        await secretariat.PostJson("/api/statistics/anomalies/detect?year=2026", new { }, HttpStatusCode.OK);
        var page = await secretariat.GetJson($"/api/statistics/anomalies?year=2026&participant={participant}&kind=missing-submission");
        return page.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetInt64();
    }

    private static Guid Version(JsonElement q) => q.GetProperty("version").GetGuid();

    [Fact]
    public async Task A_questionnaire_goes_from_open_to_sent_to_answered_to_closed_and_every_step_is_audited()
    {
        var anomaly = await MissingReturnOf("BW");
        var secretariat = await _app.ClientFor("secretariat");
        var officer = await _app.ClientFor("officer.bw");

        var draft = await secretariat.PostJson("/api/statistics/questionnaires", new { anomalyIds = new[] { anomaly } }, HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetInt64();
        Assert.Equal(("open", "BW", "2026-H1", "2026-10-01"), (draft.Str("status"), draft.Str("participant"), draft.Str("period"), draft.Str("dueOn")));
        var question = draft.GetProperty("questions").EnumerateArray().Single();
        Assert.Equal(anomaly, question.GetProperty("anomalyId").GetInt64());
        Assert.StartsWith("The production return for 2026-H1 was due on 2026-08-29 and has not been sent", question.Str("text"), StringComparison.Ordinal);
        // A draft is the secretariat's: the participant does not see it yet.
        await officer.GetJson($"/api/statistics/questionnaires/{id}", HttpStatusCode.NotFound);
        // The same anomaly cannot be asked twice at once.
        var twice = await secretariat.PostJson("/api/statistics/questionnaires", new { anomalyIds = new[] { anomaly } }, HttpStatusCode.Conflict);
        Assert.Equal("questionnaire-anomaly-already-asked", twice.Str("code"));

        // Edited before sending: the generated question reworded, one question added, a later due date.
        var edited = await (await secretariat.PutAsJsonAsync($"/api/statistics/questionnaires/{id}", new
        {
            questions = new object[]
            {
                new { id = question.GetProperty("id").GetInt64(), text = question.Str("text") + " Give the date you will send it." },
                new { text = "Which mines produced in the half year?" },
            },
            dueOn = "2026-10-15",
            version = Version(draft),
        })).Json(HttpStatusCode.OK);
        Assert.Equal(2, edited.GetProperty("questions").GetArrayLength());
        var sent = await secretariat.PostJson($"/api/statistics/questionnaires/{id}/send", new { version = Version(edited) }, HttpStatusCode.OK);
        Assert.Equal(("sent", "secretariat"), (sent.Str("status"), sent.Str("sentBy")));
        var stale = await secretariat.PostJson($"/api/statistics/questionnaires/{id}/send", new { version = Version(edited) }, HttpStatusCode.Conflict);
        Assert.Equal("questionnaire-wrong-status", stale.Str("code"));

        // The participant sees it and must answer every question: one missing refuses all.
        var received = await officer.GetJson($"/api/statistics/questionnaires/{id}");
        var ids = received.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetInt64()).ToList();
        var partial = await officer.PostJson($"/api/statistics/questionnaires/{id}/answer",
            new { answers = new[] { new { questionId = ids[0], answer = "Sent on 30 September." }, new { questionId = ids[1], answer = " " } }, version = Version(received) },
            HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["questionnaire-answer-required"], partial.Codes());
        Assert.Equal($"answers[{ids[1]}]", partial.GetProperty("violations")[0].Str("field"));
        Assert.Equal("sent", (await officer.GetJson($"/api/statistics/questionnaires/{id}")).Str("status"));

        var answered = await officer.PostJson($"/api/statistics/questionnaires/{id}/answer",
            new { answers = new[] { new { questionId = ids[0], answer = "Sent on 30 September." }, new { questionId = ids[1], answer = "Jwaneng and Orapa." } }, version = Version(received) },
            HttpStatusCode.OK);
        Assert.Equal(("answered", "officer.bw"), (answered.Str("status"), answered.Str("answeredBy")));
        Assert.Equal(["Sent on 30 September.", "Jwaneng and Orapa."], answered.GetProperty("questions").EnumerateArray().Select(q => q.Str("answer")));

        // Only the secretariat closes.
        await officer.PostJson($"/api/statistics/questionnaires/{id}/close", new { }, HttpStatusCode.Forbidden);
        var closed = await secretariat.PostJson($"/api/statistics/questionnaires/{id}/close", new { note = "Return received.", version = Version(answered) }, HttpStatusCode.OK);
        Assert.Equal(("closed", "Return received."), (closed.Str("status"), closed.Str("decisionNote")));

        var audit = await _app.WithDb(db => Task.FromResult(db.AuditEntries.Where(e => e.Entity == "Questionnaire" && e.EntityKey == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).Select(e => new { e.Action, e.UserName, e.After }).ToList()));
        Assert.Equal(["added secretariat", "modified secretariat", "modified secretariat", "modified officer.bw", "modified secretariat"], audit.Select(a => $"{a.Action} {a.UserName}"));
        Assert.Contains("\"Status\":\"Closed\"", audit[^1].After, StringComparison.Ordinal);
        Assert.Equal(2, await _app.WithDb(db => Task.FromResult(db.AuditEntries.Count(e => e.Entity == "QuestionnaireQuestion" && e.UserName == "officer.bw"))));
    }

    [Fact]
    public async Task An_unanswered_questionnaire_past_due_puts_the_participant_on_the_public_list_and_can_be_escalated()
    {
        var anomaly = await MissingReturnOf("ZA");
        var secretariat = await _app.ClientFor("secretariat");
        var draft = await secretariat.PostJson("/api/statistics/questionnaires", new { anomalyIds = new[] { anomaly }, dueOn = "2026-09-30" }, HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetInt64();
        await secretariat.PostJson($"/api/statistics/questionnaires/{id}/send", new { }, HttpStatusCode.OK);

        var anonymous = await _app.ClientFor(null);
        Assert.Equal(0, (await anonymous.GetJson("/api/public/statistics/overdue-questionnaires")).GetArrayLength());
        MoveTo(_app, Day(2026, 10, 1));
        var listed = await (await _app.ClientFor(null)).GetJson("/api/public/statistics/overdue-questionnaires");
        var entry = Assert.Single(listed.EnumerateArray());
        Assert.Equal(("ZA", "South Africa", "2026-09-30"), (entry.Str("participant"), entry.Str("name"), entry.Str("overdueSince")));
        Assert.Equal(["participant", "name", "overdueSince"], entry.EnumerateObject().Select(p => p.Name));

        secretariat = await _app.ClientFor("secretariat");
        var missingReason = await secretariat.PostJson($"/api/statistics/questionnaires/{id}/escalate", new { note = " " }, HttpStatusCode.BadRequest);
        Assert.Equal(["required"], missingReason.Codes());
        var escalated = await secretariat.PostJson($"/api/statistics/questionnaires/{id}/escalate", new { note = "No answer by the due date; raised with the WGS chair." }, HttpStatusCode.OK);
        Assert.Equal(("escalated", true), (escalated.Str("status"), escalated.GetProperty("overdue").GetBoolean()));
        // Still unanswered: still listed. An escalated questionnaire is no longer answered through the form.
        Assert.Single((await (await _app.ClientFor(null)).GetJson("/api/public/statistics/overdue-questionnaires")).EnumerateArray());
        var late = await (await _app.ClientFor("officer.za")).PostJson($"/api/statistics/questionnaires/{id}/answer",
            new { answers = escalated.GetProperty("questions").EnumerateArray().Select(q => new { questionId = q.GetProperty("id").GetInt64(), answer = "Sorry." }).ToArray() },
            HttpStatusCode.Conflict);
        Assert.Equal("questionnaire-wrong-status", late.Str("code"));
    }

    [Fact]
    public async Task A_questionnaire_asks_one_participant_about_one_year()
    {
        var bw = await MissingReturnOf("BW");
        var secretariat = await _app.ClientFor("secretariat");
        var za = (await secretariat.GetJson("/api/statistics/anomalies?year=2026&participant=ZA&kind=missing-submission")).GetProperty("items")[0].GetProperty("id").GetInt64();
        var mixed = await secretariat.PostJson("/api/statistics/questionnaires", new { anomalyIds = new[] { bw, za }, dueOn = "2026-09-01" }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["questionnaire-anomalies-mixed", "questionnaire-due-in-past"], mixed.Codes());
        var unknown = await secretariat.PostJson("/api/statistics/questionnaires", new { anomalyIds = new[] { 999_999L } }, HttpStatusCode.NotFound);
        Assert.Equal("anomaly-not-found", unknown.Str("code"));
        await secretariat.PostJson("/api/statistics/questionnaires", new { anomalyIds = Array.Empty<long>() }, HttpStatusCode.BadRequest);
    }
}
