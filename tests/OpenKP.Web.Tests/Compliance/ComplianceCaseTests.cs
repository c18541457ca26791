using System.Net;
using OpenKP.Compliance;
using OpenKP.Statistics;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Compliance;

/// <summary>Test data for non-compliance cases: an anomaly and an annual report written straight to the database.</summary>
internal static class CaseData
{
    public static Task<long> AnomalyOf(OpenKpApp app, string participant) => app.WithDb(async db =>
    {
        var a = new Anomaly
        {
            Kind = AnomalyKind.PeriodChange,
            ParticipantCode = participant,
            Year = 2025,
            Period = "2025-Q4",
            Subject = "export carats",
            Unit = AnomalyUnit.CaratsHundredths,
            Measured = 900_000,
            ExpectedLow = 100_000,
            ExpectedHigh = 300_000,
            Details = "Export carats in 2025-Q4 were 9,000.00 ct against 2,000.00 ct in 2025-Q3.",
            DetectedAt = DateTime.UtcNow,
        };
        db.Anomalies.Add(a);
        await db.SaveChangesAsync();
        return a.Id;
    });

    public static Task<long> SubmittedReport(OpenKpApp app, string participant, int year) => app.WithDb(async db =>
    {
        var r = new AnnualReport { ParticipantCode = participant, Year = year, Status = AnnualReportStatus.Submitted, SubmittedAt = DateTime.UtcNow, SubmittedBy = "officer", CreatedBy = "officer", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.AnnualReports.Add(r);
        await db.SaveChangesAsync();
        return r.Id;
    });
}

/// <summary>A non-compliance case from its source to its close, through the API, and the rules on opening one.</summary>
public sealed class ComplianceCaseTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(OpenKpApp.Today.UtcDateTime);

    [Fact]
    public async Task A_case_from_an_anomaly_runs_to_a_suspension_that_refuses_trade_from_its_effective_day_and_is_closed()
    {
        var anomaly = await CaseData.AnomalyOf(app, "CD");
        var secretariat = await app.ClientFor("secretariat");
        var officer = await app.ClientFor("officer.cd");
        var opened = await secretariat.PostJson("/api/compliance/cases", new { participant = "cd", source = "anomaly", sourceId = anomaly, title = "Export surge", summary = "Exports far above the band." }, HttpStatusCode.Created);
        var id = opened.GetProperty("id").GetInt64();
        var url = $"/api/compliance/cases/{id}";
        Assert.Equal(("CD", "open", "anomaly"), (opened.Str("participant"), opened.Str("status"), opened.Str("source")));
        var duplicate = await secretariat.PostJson("/api/compliance/cases", new { participant = "CD", source = "anomaly", sourceId = anomaly, title = "Again", summary = "Again." }, HttpStatusCode.Conflict);
        Assert.Equal([ComplianceCaseCodes.Duplicate], duplicate.Codes());

        var consulted = await secretariat.PostJson(url + "/steps", new { kind = "letter", on = "2026-01-14", text = "Letter to the authority.", version = opened.Str("version") }, HttpStatusCode.OK);
        Assert.Equal("consultation", consulted.Str("status"));
        var stale = await secretariat.PostJson(url + "/steps", new { kind = "note", text = "Late.", version = opened.Str("version") }, HttpStatusCode.Conflict);
        Assert.Equal([ComplianceCaseCodes.Changed], stale.Codes());
        var response = await officer.PostJson(url + "/steps", new { kind = "consultation", text = "Our response: the figures include a re-export." }, HttpStatusCode.OK);
        Assert.Equal(2, response.GetProperty("steps").GetArrayLength());

        var planned = await secretariat.PostJson(url + "/work-plan", new { text = "Submit corrected statistics.", dueOn = Today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, HttpStatusCode.OK);
        Assert.Equal("work-plan", planned.Str("status"));
        var item = planned.GetProperty("workPlan")[0];
        var missedByOfficer = await officer.PostJson($"{url}/work-plan/{item.GetProperty("id").GetInt64()}", new { status = "missed" }, HttpStatusCode.Forbidden);
        Assert.Equal([ComplianceCaseCodes.Forbidden], missedByOfficer.Codes());
        var done = await officer.PostJson($"{url}/work-plan/{item.GetProperty("id").GetInt64()}", new { status = "done", version = item.Str("version") }, HttpStatusCode.OK);
        Assert.Equal("done", done.GetProperty("workPlan")[0].Str("status"));

        var noScope = await secretariat.PostJson(url + "/measure", new { measure = "special-measures" }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal([ComplianceCaseCodes.MeasureScopeRequired, ComplianceCaseCodes.MeasureReasonRequired], noScope.Codes());
        var measured = await secretariat.PostJson(url + "/measure", new { measure = "suspension", reason = "The corrected figures show exports without certificates." }, HttpStatusCode.OK);
        Assert.Equal(("measure-recommended", "suspension"), (measured.Str("status"), measured.Str("measure")));

        var proposed = await secretariat.PostJson(url + "/decision", new { }, HttpStatusCode.OK);
        var decisionId = proposed.GetProperty("decisionId").GetInt64();
        Assert.Equal("draft", proposed.Str("decisionStatus"));
        await secretariat.PostJson(url + "/decision", new { }, HttpStatusCode.UnprocessableEntity);
        var pending = await secretariat.PostJson(url + "/close", new { outcome = "Too early." }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal([ComplianceCaseCodes.DecisionPending], pending.Codes());

        var effective = Today.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var adopted = await secretariat.PostJson(url + "/decision/adopt", new { effectiveOn = effective }, HttpStatusCode.OK);
        Assert.Equal(("decided", "adopted", effective), (adopted.Str("status"), adopted.Str("decisionStatus"), adopted.Str("decisionEffectiveOn")));
        await app.WithDb(async db =>
        {
            var effect = Assert.Single(db.StatusEvents.Where(e => e.Decision.DecisionId == decisionId));
            Assert.Equal(("CD", OpenKP.Registry.ParticipantStatus.Suspended), (effect.ParticipantCode, effect.Status));
            return await Task.FromResult(0);
        });

        var anonymous = await app.ClientFor(null);
        var before = await anonymous.GetJson($"/api/trade-permission?exporter=CD&importer=AE&origin=CD&on={Today.AddDays(9).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}");
        var after = await anonymous.GetJson($"/api/trade-permission?exporter=CD&importer=AE&origin=CD&on={effective}");
        Assert.True(before.GetProperty("allowed").GetBoolean());
        Assert.False(after.GetProperty("allowed").GetBoolean());

        var observer = await app.ClientFor("observer.cso");
        var seen = await observer.GetJson(url);
        Assert.Equal(("decided", false), (seen.Str("status"), seen.GetProperty("full").GetBoolean()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, seen.GetProperty("steps").ValueKind);

        var closed = await secretariat.PostJson(url + "/close", new { outcome = "Suspended by decision; the case is closed." }, HttpStatusCode.OK);
        Assert.Equal("closed", closed.Str("status"));
        var listed = await observer.GetJson("/api/compliance/cases?participant=CD&status=closed&source=anomaly");
        Assert.Equal(id, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        await secretariat.PostJson(url + "/steps", new { kind = "note", text = "After." }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_case_for_a_missing_annual_report_is_refused_once_the_report_was_submitted()
    {
        var secretariat = await app.ClientFor("secretariat");
        await CaseData.SubmittedReport(app, "CF", 2024);
        var submitted = await secretariat.PostJson("/api/compliance/cases", new { participant = "CF", source = "missing-annual-report", sourceId = 2024, title = "No report", summary = "Missing." }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal([ComplianceCaseCodes.AnnualReportSubmitted], submitted.Codes());
        var missing = await secretariat.PostJson("/api/compliance/cases", new { participant = "CF", source = "missing-annual-report", sourceId = 2025, title = "No report for 2025", summary = "Missing." }, HttpStatusCode.Created);
        Assert.Equal(2025, missing.GetProperty("sourceId").GetInt64());
        var future = await secretariat.PostJson("/api/compliance/cases", new { participant = "CF", source = "missing-annual-report", sourceId = 2026, title = "x", summary = "x" }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal([ComplianceCaseCodes.YearInvalid], future.Codes());
    }

    [Fact]
    public async Task Opening_names_every_wrong_source_and_participant_at_once()
    {
        var anomaly = await CaseData.AnomalyOf(app, "BW");
        var secretariat = await app.ClientFor("secretariat");
        var wrong = await secretariat.PostJson("/api/compliance/cases", new { participant = "QQ", source = "anomaly", sourceId = anomaly, title = " ", summary = "" }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal([ComplianceCaseCodes.ParticipantUnknown, ComplianceCaseCodes.TitleRequired, ComplianceCaseCodes.SummaryRequired, ComplianceCaseCodes.SourceOtherParticipant], wrong.Codes());
        var other = await secretariat.PostJson("/api/compliance/cases", new { participant = "ZA", source = "anomaly", sourceId = anomaly, title = "t", summary = "s" }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal([ComplianceCaseCodes.SourceOtherParticipant], other.Codes());
        var missing = await secretariat.PostJson("/api/compliance/cases", new { participant = "ZA", source = "review", sourceId = 999_999, title = "t", summary = "s" }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal([ComplianceCaseCodes.SourceNotFound], missing.Codes());
        var noId = await secretariat.PostJson("/api/compliance/cases", new { participant = "ZA", source = "alert", title = "t", summary = "s" }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal([ComplianceCaseCodes.SourceIdRequired], noId.Codes());
        var otherWithId = await secretariat.PostJson("/api/compliance/cases", new { participant = "ZA", source = "other", sourceId = 1, title = "t", summary = "s" }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal([ComplianceCaseCodes.SourceIdNotAllowed], otherWithId.Codes());
        var malformed = await secretariat.PostJson("/api/compliance/cases", new { participant = "1", source = "rumour" }, HttpStatusCode.BadRequest);
        Assert.Equal(2, malformed.Codes().Length);
        await app.WithDb(async db => { Assert.Empty(db.ComplianceCases.Where(c => c.ParticipantCode == "ZA")); return await Task.FromResult(0); });
    }
}
