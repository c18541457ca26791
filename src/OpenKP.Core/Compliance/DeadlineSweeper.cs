using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Notifications;
using OpenKP.Registry;
using OpenKP.Statistics;

namespace OpenKP.Compliance;

/// <summary>How many reminders one sweep sent, per kind of deadline.</summary>
public sealed record DeadlineSweep(DateOnly On, int AnnualReports, int Recommendations, int Questionnaires, int WorkPlanItems)
{
    public int Total => AnnualReports + Recommendations + Questionnaires + WorkPlanItems;
}

/// <summary>
/// Sends the reminders of compliance deadlines (issue 7 item 9) to the participant's authority officers and the
/// secretariat, each once per subject and stage (a <see cref="DeadlineReminder"/> row remembers it): the annual report
/// of the last two years (due soon, <see cref="ComplianceDeadlineSettings.DueSoonDays"/> before its due day, and
/// overdue), review recommendations open or in progress, Data Anomalies Questionnaires sent and unanswered (due soon
/// and overdue), and open work-plan items of non-compliance cases (overdue). A subject first swept after its due day
/// gets the overdue reminder only. Everything one sweep sends commits together.
/// </summary>
public sealed class DeadlineSweeper(OpenKpDb db, ParticipantDirectory directory, Notifier notifier, ComplianceDeadlineSettings settings, TimeProvider clock)
{
    public const string DueSoon = "due-soon";
    public const string Overdue = "overdue";

    /// <summary>The <see cref="DeadlineReminder.SubjectId"/> of a participant's annual report for a year (there may be no report row yet): year × 1,000,000 + the code's two characters.</summary>
    public static long AnnualReportSubject(string participant, int year)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return (year * 1_000_000L) + (participant[0] * 1_000L) + participant[^1];
    }

    public async Task<DeadlineSweep> SweepAsync(DateOnly today, CancellationToken ct = default)
    {
        var sent = await db.DeadlineReminders.AsNoTracking().Select(r => new { r.Kind, r.SubjectId, r.Stage }).ToListAsync(ct);
        var done = sent.Select(r => (r.Kind, r.SubjectId, r.Stage)).ToHashSet();
        var soon = settings.DueSoonDays;

        string? StageOf(DateOnly due, bool warnEarly)
            => today > due ? Overdue : warnEarly && today >= due.AddDays(-soon) ? DueSoon : null;

        bool Remind(string kind, long subject, DateOnly due, string stage)
        {
            if (!done.Add((kind, subject, stage)))
            {
                return false;
            }

            db.DeadlineReminders.Add(new DeadlineReminder { Kind = kind, SubjectId = subject, Stage = stage, DueOn = due, SentAt = clock.GetUtcNow().UtcDateTime });
            return true;
        }

        string When(string stage, DateOnly due) => stage == Overdue
            ? string.Create(CultureInfo.InvariantCulture, $"was due on {due:yyyy-MM-dd} and is overdue")
            : string.Create(CultureInfo.InvariantCulture, $"is due on {due:yyyy-MM-dd}");

        void Publish(string type, string participant, string subject, string body, string link, string stage, DateOnly due, string kind, long id)
            => notifier.Publish(new Notice(type, subject, body, link, [Audience.Authority(participant), Audience.Secretariat],
                new Dictionary<string, object?> { ["kind"] = kind, ["id"] = id, ["participant"] = participant, ["stage"] = stage, ["dueOn"] = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }));

        // Annual reports: the last two reporting years (the one coming due and the one just overdue).
        var annual = 0;
        var registry = await directory.SnapshotAsync(ct);
        foreach (var year in new[] { today.Year - 2, today.Year - 1 }.Where(y => y >= 2003))
        {
            var due = settings.AnnualReportDueOn(year);
            if (StageOf(due, true) is not { } stage)
            {
                continue;
            }

            var submitted = await db.AnnualReports.AsNoTracking().Where(r => r.Year == year && r.Status != AnnualReportStatus.Draft).Select(r => r.ParticipantCode).ToListAsync(ct);
            foreach (var code in AnnualFigures.MembersIn(registry, year).Except(submitted, StringComparer.Ordinal))
            {
                var subject = AnnualReportSubject(code, year);
                if (Remind("annual-report", subject, due, stage))
                {
                    annual++;
                    Publish(NoticeTypes.AnnualReportDue, code, $"{code}'s annual report for {year} {(stage == Overdue ? "is overdue" : "is due soon")}",
                        $"{code}'s annual report on its implementation of the KPCS in {year} {When(stage, due)}.", AnnualReportDesk.Link(code, year), stage, due, "annual-report", subject);
                }
            }
        }

        var recommendations = 0;
        var openRecommendations = await db.Recommendations.AsNoTracking()
            .Where(r => r.Status == RecommendationStatus.Open || r.Status == RecommendationStatus.InProgress)
            .Where(r => r.DueOn <= today.AddDays(soon))
            .Select(r => new { r.Id, r.ReviewId, r.ParticipantCode, r.Number, r.DueOn, r.Owner }).ToListAsync(ct);
        foreach (var r in openRecommendations)
        {
            if (StageOf(r.DueOn, true) is { } stage && Remind("recommendation", r.Id, r.DueOn, stage))
            {
                recommendations++;
                Publish(NoticeTypes.RecommendationDue, r.ParticipantCode, $"Review recommendation {r.Number} for {r.ParticipantCode} {(stage == Overdue ? "is overdue" : "is due soon")}",
                    $"Recommendation {r.Number} of review {r.ReviewId} (owner: {r.Owner}) {When(stage, r.DueOn)}.",
                    string.Create(CultureInfo.InvariantCulture, $"/compliance/reviews/{r.ReviewId}"), stage, r.DueOn, "recommendation", r.Id);
            }
        }

        var questionnaires = 0;
        var unanswered = await db.Questionnaires.AsNoTracking()
            .Where(q => q.Status == QuestionnaireStatus.Sent && q.AnsweredAt == null && q.DueOn <= today.AddDays(soon))
            .Select(q => new { q.Id, q.ParticipantCode, q.Period, q.DueOn }).ToListAsync(ct);
        foreach (var q in unanswered)
        {
            if (StageOf(q.DueOn, true) is { } stage && Remind("questionnaire", q.Id, q.DueOn, stage))
            {
                questionnaires++;
                Publish(NoticeTypes.QuestionnaireDue, q.ParticipantCode, $"Data Anomalies Questionnaire {q.Id} ({q.Period}) {(stage == Overdue ? "is overdue" : "is due soon")}",
                    $"The questionnaire sent to {q.ParticipantCode} about {q.Period} {When(stage, q.DueOn)}; answer every question.",
                    string.Create(CultureInfo.InvariantCulture, $"/statistics/questionnaires/{q.Id}"), stage, q.DueOn, "questionnaire", q.Id);
            }
        }

        var workPlan = 0;
        var items = await db.WorkPlanItems.AsNoTracking()
            .Where(i => i.Status == WorkPlanItemStatus.Open && i.DueOn < today)
            .Join(db.ComplianceCases.AsNoTracking().Where(c => c.Status != ComplianceCaseStatus.Closed), i => i.CaseId, c => c.Id, (i, c) => new { i.Id, i.CaseId, i.Text, i.DueOn, c.ParticipantCode })
            .ToListAsync(ct);
        foreach (var i in items)
        {
            if (Remind("work-plan", i.Id, i.DueOn, Overdue))
            {
                workPlan++;
                Publish(NoticeTypes.WorkPlanDue, i.ParticipantCode, $"A work-plan action of case {i.CaseId} is overdue",
                    $"\"{i.Text}\" (case {i.CaseId}, {i.ParticipantCode}) {When(Overdue, i.DueOn)}.",
                    string.Create(CultureInfo.InvariantCulture, $"/compliance/cases/{i.CaseId}"), Overdue, i.DueOn, "work-plan", i.Id);
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another sweep sent the same reminders at the same moment (the unique index): it has done the work.
            db.ChangeTracker.Clear();
            return new DeadlineSweep(today, 0, 0, 0, 0);
        }

        return new DeadlineSweep(today, annual, recommendations, questionnaires, workPlan);
    }
}
