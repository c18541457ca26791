using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenKP.Compliance;
using OpenKP.Notifications;
using OpenKP.Statistics;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Compliance;

/// <summary>Annual reports through the API: draft (statistics prefilled) → submitted → assessed; the late and missing list; the deadline sweep.</summary>
public sealed class AnnualReportTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    /// <summary>Every section written; the legal framework substantively (20 words or more), the others briefly.</summary>
    public static object Sections(Guid version, string? statistics = null) => new
    {
        legalFramework = "The Diamonds Act of 2006 and its regulations designate the Diamond Hub as the KP authority; customs and police enforce the controls at every stage of the chain.",
        internalControls = "Licensed mines report monthly.",
        artisanalAlluvial = "No alluvial production.",
        statisticsSummary = statistics ?? "As recorded.",
        enforcement = "No infringements.",
        cooperation = "Regional cooperation continued.",
        systemOfWarranties = "Dealers audited twice.",
        challenges = "None reported.",
        version,
    };

    [Fact]
    public async Task A_report_goes_from_draft_with_prefilled_statistics_to_submitted_and_assessed_and_downloads_as_pdf()
    {
        await app.WithDb(async db =>
        {
            db.ProductionReturns.Add(new ProductionReturn
            {
                ParticipantCode = "BW",
                Year = 2026,
                Half = 1,
                Revision = 1,
                SubmittedBy = "officer.bw",
                SubmittedAt = DateTime.UtcNow,
                Lines = [new ProductionLine { MiningType = MiningType.Industrial, CaratsHundredths = 123_456, UsdCents = 9_876_543 }],
            });
            return await db.SaveChangesAsync();
        });
        ParticipantYear expected;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            expected = (await scope.ServiceProvider.GetRequiredService<AnnualFigures>().ForYearAsync(2026, default)).Single(f => f.Participant == "BW");
        }


        var officer = await app.ClientFor("officer.bw");
        var draft = await officer.PostJson("/api/participants/BW/annual-reports", new { year = 2026 }, HttpStatusCode.Created);
        Assert.Equal("draft", draft.Str("status"));
        Assert.Equal(AnnualReportDesk.Summary(expected, 2026), draft.Str("statisticsSummary"));
        Assert.Contains("Production: 1,234.56 carats, US$ 98,765.43", draft.Str("statisticsSummary"), StringComparison.Ordinal);
        Assert.Equal("2027-06-01", draft.Str("dueOn"));
        Assert.Equal([AnnualReportCodes.AlreadyStarted], (await officer.PostJson("/api/participants/BW/annual-reports", new { year = 2026 }, HttpStatusCode.Conflict)).Codes());
        Assert.Equal([AnnualReportCodes.YearOutOfRange], (await officer.PostJson("/api/participants/BW/annual-reports", new { year = 2027 }, HttpStatusCode.UnprocessableEntity)).Codes());

        // The draft is the participant's and the secretariat's only.
        await (await app.ClientFor("officer.za")).GetJson("/api/participants/BW/annual-reports/2026", HttpStatusCode.NotFound);
        await (await app.ClientFor("observer.wdc")).GetJson("/api/participants/BW/annual-reports/2026", HttpStatusCode.NotFound);

        const string url = "/api/participants/BW/annual-reports/2026";
        var version = Guid.Parse(draft.Str("version"));
        var empty = await officer.PostJson(url + "/submit", new { version }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(7, empty.Codes().Count(c => c == AnnualReportCodes.SectionRequired));

        var edited = await (await officer.PutAsJsonAsync(url, Sections(version, draft.Str("statisticsSummary")))).Json(HttpStatusCode.OK);
        Assert.Equal(25, edited.GetProperty("suggestedScore").GetInt32()); // 2 of 8 sections substantive: the legal framework and the prefilled statistics
        Assert.Equal([AnnualReportCodes.Changed], (await (await officer.PutAsJsonAsync(url, Sections(version))).Json(HttpStatusCode.Conflict)).Codes());

        var submitted = await officer.PostJson(url + "/submit", new { version = Guid.Parse(edited.Str("version")) }, HttpStatusCode.OK);
        Assert.Equal("submitted", submitted.Str("status"));
        Assert.False(submitted.GetProperty("submittedLate").GetBoolean());
        Assert.Equal([AnnualReportCodes.NotDraft], (await (await officer.PutAsJsonAsync(url, Sections(Guid.Parse(submitted.Str("version"))))).Json(HttpStatusCode.Conflict)).Codes());

        // Shared once submitted; assessed by the secretariat only.
        await (await app.ClientFor("officer.za")).GetJson(url);
        await (await app.ClientFor("observer.cso")).GetJson(url);
        await officer.PostJson(url + "/assessment", new { comments = "Fine.", score = 80 }, HttpStatusCode.Forbidden);
        var secretariat = await app.ClientFor("secretariat");
        var bad = await secretariat.PostJson(url + "/assessment", new { comments = " ", score = 150 }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal([AnnualReportCodes.CommentsRequired, AnnualReportCodes.ScoreOutOfRange], bad.Codes());
        var assessed = await secretariat.PostJson(url + "/assessment", new { comments = "Complete on the legal framework; thin elsewhere." }, HttpStatusCode.OK);
        Assert.Equal(("assessed", 25, "secretariat"), (assessed.Str("status"), assessed.GetProperty("completenessScore").GetInt32(), assessed.Str("assessedBy")));
        Assert.Equal([AnnualReportCodes.NotSubmitted], (await secretariat.PostJson(url + "/assessment", new { comments = "Again", score = 90 }, HttpStatusCode.Conflict)).Codes());

        var notices = await app.WithDb(db => db.InboxMessages.Include(m => m.Audiences)
            .Where(m => (m.Type == NoticeTypes.AnnualReportSubmitted || m.Type == NoticeTypes.AnnualReportAssessed) && m.Link == "/compliance/annual-reports/BW/2026").OrderBy(m => m.Id).ToListAsync());
        Assert.Equal([NoticeTypes.AnnualReportSubmitted, NoticeTypes.AnnualReportAssessed], notices.Select(n => n.Type));
        Assert.Equal([AudienceKind.Secretariat], notices[0].Audiences.Select(a => a.Kind));
        Assert.Contains(notices[1].Audiences, a => a.Kind == AudienceKind.Authority && a.Participant == "BW");

        var list = await (await app.ClientFor("observer.wdc")).GetJson("/api/compliance/annual-reports?year=2026&participant=BW");
        Assert.Equal(1, list.GetProperty("total").GetInt32());

        var pdf = await officer.GetAsync(url + "/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.True(bytes.Length > 2000);
        if (File.Exists("/usr/bin/pdftotext"))
        {
            var text = PdfText(bytes);
            Assert.Contains("Botswana", text, StringComparison.Ordinal);
            Assert.Contains("Complete on the legal framework", text, StringComparison.Ordinal);
        }

        var docx = await officer.GetAsync(url + "/docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await docx.Content.ReadAsByteArrayAsync())[..2]));
    }

    [Fact]
    public async Task The_late_list_and_the_deadline_sweep_follow_the_clock_and_each_reminder_goes_once()
    {
        var secretariat = await app.ClientFor("secretariat");
        var before = await secretariat.GetJson("/api/compliance/annual-reports/status?year=2025");
        Assert.Equal("2026-06-01", before.Str("dueOn"));
        var members = await app.WithDb(async db => AnnualFigures.MembersIn(await new OpenKP.Registry.ParticipantDirectory(db).SnapshotAsync(), 2025));
        Assert.Equal(members, before.GetProperty("lines").EnumerateArray().Select(l => l.Str("participant")));
        Assert.Equal("pending", Line(before, "BW").Str("standing"));
        await SubmitAsync("AE", 2025);

        // Deadlines of other parts, written directly: a recommendation due in 17 days, a questionnaire in 26, a work-plan action 5 days ago.
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var (recommendationId, questionnaireId, itemId) = await app.WithDb(async db =>
        {
            var review = new PeerReview
            {
                ParticipantCode = "ZA",
                Kind = ReviewKind.Visit,
                StartsOn = today.AddDays(-200),
                EndsOn = today.AddDays(-195),
                TermsOfReference = "Visit",
                CreatedBy = "secretariat",
                Recommendations = [new Recommendation { ParticipantCode = "ZA", Number = 1, Text = "Strengthen controls", Owner = "Mines ministry", DueOn = today.AddDays(17), Status = RecommendationStatus.InProgress }],
            };
            var questionnaire = new Questionnaire { ParticipantCode = "IN", Year = 2025, Period = "2025-Q3", Status = QuestionnaireStatus.Sent, DueOn = today.AddDays(26), CreatedBy = "secretariat", SentAt = DateTime.UtcNow };
            var @case = new ComplianceCase
            {
                ParticipantCode = "CF",
                Title = "Exports from a non-compliant zone",
                Summary = "Alert",
                OpenedBy = "secretariat",
                WorkPlan = [new WorkPlanItem { Text = "Report on controls in Berberati", DueOn = today.AddDays(-5) }],
            };
            db.AddRange(review, questionnaire, @case);
            await db.SaveChangesAsync();
            return (review.Recommendations[0].Id, questionnaire.Id, @case.WorkPlan[0].Id);
        });

        var first = await secretariat.PostJson("/api/compliance/deadlines/sweep", new { }, HttpStatusCode.OK);
        var members2024 = await app.WithDb(async db => AnnualFigures.MembersIn(await new OpenKP.Registry.ParticipantDirectory(db).SnapshotAsync(), 2024));
        Assert.Equal((members2024.Count, 1, 1, 1), (first.GetProperty("annualReports").GetInt32(), first.GetProperty("recommendations").GetInt32(), first.GetProperty("questionnaires").GetInt32(), first.GetProperty("workPlanItems").GetInt32()));
        Assert.Equal(0, (await secretariat.PostJson("/api/compliance/deadlines/sweep", new { }, HttpStatusCode.OK)).GetProperty("total").GetInt32());
        var recommendationNotice = await app.WithDb(db => db.InboxMessages.Include(m => m.Audiences).SingleAsync(m => m.Type == NoticeTypes.RecommendationDue));
        Assert.Equal([(AudienceKind.Authority, "ZA"), (AudienceKind.Secretariat, (string?)null)], recommendationNotice.Audiences.Select(a => (a.Kind, a.Participant)).OrderBy(a => a.Kind));
        Assert.Contains("due soon", recommendationNotice.Subject, StringComparison.Ordinal);
        var officerInbox = await (await app.ClientFor("officer.za")).GetJson("/api/inbox");
        Assert.Contains(officerInbox.GetProperty("items").EnumerateArray(), m => m.Str("type") == NoticeTypes.RecommendationDue);

        // Past the due date of the 2025 reports: BW is late; ZA submits late; AE was on time.
        app.Advance(TimeSpan.FromDays(138)); // 2026-06-02
        await SubmitAsync("ZA", 2025);
        var after = await (await app.ClientFor("observer.cso")).GetJson("/api/compliance/annual-reports/status?year=2025");
        Assert.Equal(("late", "submitted-on-time", "submitted-late"), (Line(after, "BW").Str("standing"), Line(after, "AE").Str("standing"), Line(after, "ZA").Str("standing")));
        Assert.Equal(members.Count - 2, after.GetProperty("late").GetInt32());
        var zaReport = await (await app.ClientFor("officer.za")).GetJson("/api/participants/ZA/annual-reports/2025");
        Assert.True(zaReport.GetProperty("submittedLate").GetBoolean());

        secretariat = await app.ClientFor("secretariat"); // a fresh token on the moved clock
        var second = await secretariat.PostJson("/api/compliance/deadlines/sweep", new { }, HttpStatusCode.OK);
        Assert.Equal((members.Count - 2, 1, 1, 0), (second.GetProperty("annualReports").GetInt32(), second.GetProperty("recommendations").GetInt32(), second.GetProperty("questionnaires").GetInt32(), second.GetProperty("workPlanItems").GetInt32()));
        Assert.Equal(0, (await secretariat.PostJson("/api/compliance/deadlines/sweep", new { }, HttpStatusCode.OK)).GetProperty("total").GetInt32());
        var reminders = await app.WithDb(db => db.DeadlineReminders.ToListAsync());
        Assert.Equal(["due-soon", "overdue"], reminders.Where(r => r.Kind == "recommendation" && r.SubjectId == recommendationId).Select(r => r.Stage).Order());
        Assert.Equal(["due-soon", "overdue"], reminders.Where(r => r.Kind == "questionnaire" && r.SubjectId == questionnaireId).Select(r => r.Stage).Order());
        Assert.Equal(["overdue"], reminders.Where(r => r.Kind == "work-plan" && r.SubjectId == itemId).Select(r => r.Stage));
        Assert.DoesNotContain(reminders, r => r.Kind == "annual-report" && r.SubjectId == DeadlineSweeper.AnnualReportSubject("AE", 2025));
        var bwDue = await app.WithDb(db => db.InboxMessages.Include(m => m.Audiences).Where(m => m.Type == NoticeTypes.AnnualReportDue && m.Link == "/compliance/annual-reports/BW/2025").ToListAsync());
        Assert.Single(bwDue);
        Assert.Contains(bwDue[0].Audiences, a => a.Kind == AudienceKind.Authority && a.Participant == "BW");
    }

    private async Task SubmitAsync(string participant, int year)
    {
        var officer = await app.ClientFor("officer." + participant.ToLowerInvariant());
        var url = $"/api/participants/{participant}/annual-reports";
        var draft = await officer.PostJson(url, new { year }, HttpStatusCode.Created);
        var edited = await (await officer.PutAsJsonAsync($"{url}/{year}", Sections(Guid.Parse(draft.Str("version"))))).Json(HttpStatusCode.OK);
        await officer.PostJson($"{url}/{year}/submit", new { version = Guid.Parse(edited.Str("version")) }, HttpStatusCode.OK);
    }

    private static System.Text.Json.JsonElement Line(System.Text.Json.JsonElement list, string participant)
        => list.GetProperty("lines").EnumerateArray().Single(l => l.Str("participant") == participant);

    internal static string PdfText(byte[] pdf)
    {
        var path = Path.GetTempFileName();
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/pdftotext", [path, "-"]) { RedirectStandardOutput = true })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
