using System.Globalization;
using OpenKP.Compliance.Documents;
using OpenKP.Shared;

namespace OpenKP.Compliance;

/// <summary>
/// An annual report as the API shows it: status in kebab case (<c>draft</c>, <c>submitted</c>, <c>assessed</c>), the
/// template's sections by key, its due date and whether it was submitted late, the completeness score the desk
/// suggests (0–100, the share of sections written substantively) and the assessment once made.
/// </summary>
public sealed record AnnualReportView(
    long Id, string Participant, int Year, string Status, DateOnly DueOn, bool SubmittedLate,
    string? LegalFramework, string? InternalControls, string? ArtisanalAlluvial, string? StatisticsSummary,
    string? Enforcement, string? Cooperation, string? SystemOfWarranties, string? Challenges,
    int SuggestedScore, DateTime? SubmittedAt, string? SubmittedBy, string? AssessmentComments, int? CompletenessScore,
    string? AssessedBy, DateTime? AssessedAt, string CreatedBy, DateTime CreatedAt, DateTime UpdatedAt, Guid Version)
{
    public static AnnualReportView Of(AnnualReport r, ComplianceDeadlineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(settings);
        var due = settings.AnnualReportDueOn(r.Year);
        return new(r.Id, r.ParticipantCode, r.Year, Input.Kebab(r.Status), due, r.SubmittedAt is { } at && DateOnly.FromDateTime(at) > due,
            r.LegalFramework, r.InternalControls, r.ArtisanalAlluvial, r.StatisticsSummary, r.Enforcement, r.Cooperation, r.SystemOfWarranties, r.Challenges,
            AnnualReportSection.SuggestedScore(r), r.SubmittedAt, r.SubmittedBy, r.AssessmentComments, r.CompletenessScore, r.AssessedBy, r.AssessedAt,
            r.CreatedBy, r.CreatedAt, r.UpdatedAt, r.Version);
    }
}

/// <summary>One line of the late and missing list: standing is <c>pending</c>, <c>late</c>, <c>submitted-on-time</c> or <c>submitted-late</c>; status null when no report was started.</summary>
public sealed record AnnualReportStatusLineView(string Participant, string Name, string? Status, DateTime? SubmittedAt, string Standing);

/// <summary>The late and missing list of a year, with its due date and counts.</summary>
public sealed record AnnualReportStatusView(int Year, DateOnly DueOn, int Members, int Late, int SubmittedOnTime, int SubmittedLate, IReadOnlyList<AnnualReportStatusLineView> Lines)
{
    public static AnnualReportStatusView Of(AnnualReportStatusList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return new(list.Year, list.DueOn, list.Lines.Count,
            list.Lines.Count(l => l.Standing == AnnualReportStanding.Late),
            list.Lines.Count(l => l.Standing == AnnualReportStanding.SubmittedOnTime),
            list.Lines.Count(l => l.Standing == AnnualReportStanding.SubmittedLate),
            [.. list.Lines.Select(l => new AnnualReportStatusLineView(l.Participant, l.Name, l.Status is { } s ? Input.Kebab(s) : null, l.SubmittedAt, Input.Kebab(l.Standing)))]);
    }
}

/// <summary>What one deadline sweep sent.</summary>
public sealed record DeadlineSweepView(DateOnly On, int AnnualReports, int Recommendations, int Questionnaires, int WorkPlanItems, int Total)
{
    public static DeadlineSweepView Of(DeadlineSweep s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.On, s.AnnualReports, s.Recommendations, s.Questionnaires, s.WorkPlanItems, s.Total);
    }
}

/// <summary>An annual report as one document (English, the scheme's working language), for the PDF and Word downloads.</summary>
public static class AnnualReportDocument
{
    public static ComplianceDocument Build(AnnualReport r, string participantName, ComplianceDeadlineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(settings);
        var c = CultureInfo.InvariantCulture;
        var status = r.Status switch
        {
            AnnualReportStatus.Draft => "Draft, not submitted",
            AnnualReportStatus.Submitted => string.Create(c, $"Submitted on {r.SubmittedAt:yyyy-MM-dd} by {r.SubmittedBy}"),
            _ => string.Create(c, $"Submitted on {r.SubmittedAt:yyyy-MM-dd}; assessed on {r.AssessedAt:yyyy-MM-dd}"),
        };
        var builder = new DocumentBuilder(
            string.Create(c, $"{participantName}: annual report on the implementation of the KPCS, {r.Year}"),
            string.Create(c, $"Participant {r.ParticipantCode} · {status} · due {settings.AnnualReportDueOn(r.Year):yyyy-MM-dd}"),
            "en");
        var number = 0;
        foreach (var s in AnnualReportSection.All)
        {
            builder.Heading(string.Create(c, $"{++number}. {s.Title}"));
            var text = s.Get(r);
            builder.Paragraph(string.IsNullOrWhiteSpace(text) ? "(Not written.)" : text);
        }

        if (r.Status == AnnualReportStatus.Assessed)
        {
            builder.Heading("Assessment by the Working Group on Monitoring")
                .Table(["Completeness score", "Assessed by", "Assessed on"],
                    [[string.Create(c, $"{r.CompletenessScore}/100"), r.AssessedBy ?? string.Empty, string.Create(c, $"{r.AssessedAt:yyyy-MM-dd}")]])
                .Paragraph(r.AssessmentComments);
        }

        return builder.Build();
    }
}
