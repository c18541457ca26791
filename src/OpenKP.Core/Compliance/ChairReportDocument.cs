using OpenKP.Compliance.Documents;
using L = OpenKP.Compliance.ChairReportLabels;

namespace OpenKP.Compliance;

/// <summary>
/// The Chair's report as a <see cref="ComplianceDocument"/>, in the shape of the reports transmitted to the General
/// Assembly: I. Introduction; II. Implementation (participation, chairmanship, meetings and decisions, peer review,
/// statistics and annual reports, working bodies, compliance); III. Cooperation with the UN and the WCO;
/// IV. Recommendations; V. Outlook. Every heading, label and figure sentence in the report's language.
/// </summary>
public static class ChairReportDocument
{
    /// <summary>The download's file name: <c>kp-chair-report-2025-en.docx</c>.</summary>
    public static string FileName(int year, string language, string extension)
        => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"kp-chair-report-{year}-{language}.{extension}");

    public static ComplianceDocument Build(ChairReportView report, string language)
    {
        ArgumentNullException.ThrowIfNull(report);
        var f = report.Figures;
        var subtitle = L.Subtitle.In(language, f.Year) + " — " + (report.IssuedAt is { } issued
            ? L.IssuedOn.In(language, L.Date(DateOnly.FromDateTime(issued), language))
            : L.Draft.In(language, L.Date(DateOnly.FromDateTime(f.DraftedAt), language)));
        var doc = new DocumentBuilder(L.Title.In(language), subtitle, language);
        string N(long value) => L.Count(value, language);
        string D(DateOnly date) => L.Date(date, language);

        doc.Heading(L.Introduction.In(language)).Paragraph(report.Text("introduction", language));

        doc.Heading(L.Implementation.In(language));
        doc.Heading(L.Participation.In(language), 2);
        doc.Paragraph(f.EuMemberStates > 0
            ? L.ParticipantsSentence.In(language, D(f.AsOf), N(f.Participants), N(f.Countries), N(f.EuMemberStates))
            : L.ParticipantsSentenceNoEu.In(language, D(f.AsOf), N(f.Participants), N(f.Countries)));
        if (f.Admissions.Count == 0)
        {
            doc.Paragraph(L.NoAdmissions.In(language));
        }
        else
        {
            doc.Paragraph(L.AdmissionsSentence.In(language, N(f.Admissions.Count))).Bullets(f.Admissions.Select(a => a.Name(language)));
        }

        if (f.StatusChanges.Count > 0)
        {
            doc.Paragraph(L.StatusChangesSentence.In(language))
                .Bullets(f.StatusChanges.Select(c => L.StatusItem.In(language, c.Participant.Name(language), Status(c.Status, language), D(c.EffectiveOn))));
        }

        doc.Heading(L.Chairmanship.In(language), 2);
        if (f.Chair is null)
        {
            doc.Paragraph(L.NoChair.In(language, f.Year));
        }
        else
        {
            doc.Paragraph(L.ChairSentence.In(language, f.Chair.Name(language), f.Year));
            if (f.ChairPerson is { Length: > 0 } person)
            {
                doc.Paragraph(L.ChairPersonSentence.In(language, person));
            }

            if (f.ViceChair is { } vice)
            {
                doc.Paragraph(L.ViceChairSentence.In(language, vice.Name(language), f.Year + 1));
            }
        }

        doc.Heading(L.MeetingsAndDecisions.In(language), 2);
        if (f.Meetings.Count == 0)
        {
            doc.Paragraph(L.NoMeetings.In(language));
        }
        else
        {
            doc.Paragraph(L.MeetingsSentence.In(language, N(f.Meetings.Count)))
                .Bullets(f.Meetings.Select(m => L.MeetingItem.In(language, m.Title, (m.Kind == "plenary" ? L.Plenary : L.Intersessional).In(language), m.Place, D(m.StartsOn), D(m.EndsOn))));
        }

        if (f.Decisions.Count == 0)
        {
            doc.Paragraph(L.NoDecisions.In(language));
        }
        else
        {
            doc.Paragraph(L.DecisionsSentence.In(language, N(f.Decisions.Count)))
                .Table([L.DecisionNumber.In(language), L.DecisionTitle.In(language), L.DecisionAdopted.In(language)],
                    f.Decisions.Select(d => (IReadOnlyList<string>)[d.Number ?? "", d.Title, D(d.AdoptedOn)]));
        }

        doc.Heading(L.PeerReview.In(language), 2);
        if (f.Reviews.Count == 0)
        {
            doc.Paragraph(L.NoReviews.In(language));
        }
        else
        {
            doc.Paragraph(L.ReviewsSentence.In(language, N(f.Reviews.Count)))
                .Bullets(f.Reviews.Select(r => L.ReviewItem.In(language, r.Participant.Name(language), (r.Kind == "mission" ? L.Mission : L.Visit).In(language),
                    D(r.StartsOn), D(r.EndsOn), (r.FinalReport ? L.FinalReport : L.NoFinalReport).In(language), N(r.Recommendations))));
        }

        doc.Heading(L.StatisticsAndReports.In(language), 2);
        var w = f.World;
        doc.Paragraph(w.Source == "published" ? L.WorldSentencePublished.In(language, f.Year, w.Vintage ?? 0) : L.WorldSentenceLive.In(language, f.Year));
        doc.Table([L.Figure.In(language), L.Carats.In(language), L.Usd.In(language)],
            [
                [L.Production.In(language), L.Hundredths(w.ProductionCaratsHundredths, language), L.Hundredths(w.ProductionUsdCents, language)],
                [L.Exports.In(language), L.Hundredths(w.ExportCaratsHundredths, language), L.Hundredths(w.ExportUsdCents, language)],
                [L.Imports.In(language), L.Hundredths(w.ImportCaratsHundredths, language), L.Hundredths(w.ImportUsdCents, language)],
            ], 1, 2);
        doc.Paragraph(L.CertificatesSentence.In(language, N(w.Certificates)));
        doc.Paragraph(L.AnnualReportsSentence.In(language, N(f.AnnualReportsReceived), N(f.AnnualReportsDue), f.AnnualReportsYear, N(f.AnnualReportsAssessed)));
        if (f.AnnualReportsMissing.Count > 0)
        {
            doc.Paragraph(L.AnnualReportsMissing.In(language, string.Join(", ", f.AnnualReportsMissing.Select(p => p.Name(language)))));
        }

        doc.Heading(L.WorkingBodies.In(language), 2);
        if (f.BodyOutcomes.Count == 0)
        {
            doc.Paragraph(L.NoOutcomes.In(language));
        }

        foreach (var outcome in f.BodyOutcomes)
        {
            doc.Paragraph(L.IsFrench(language) ? outcome.NameFr : outcome.NameEn).Paragraph(outcome.Text);
        }

        doc.Heading(L.Compliance.In(language), 2);
        doc.Paragraph(L.ComplianceSentence.In(language, N(f.OpenCases), D(f.AsOf), N(f.OpenRecommendations), N(f.ImplementedRecommendations)));
        doc.Paragraph(report.Text("implementation", language));

        doc.Heading(L.Cooperation.In(language)).Paragraph(report.Text("cooperation", language));
        doc.Heading(L.Recommendations.In(language)).Paragraph(report.Text("recommendations", language));
        doc.Heading(L.Outlook.In(language)).Paragraph(report.Text("outlook", language));
        return doc.Build();
    }

    /// <summary>The text a section has where the secretariat wrote none, drafted from the figures.</summary>
    public static string DefaultText(string key, ChairReportFigures figures, string language)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return key switch
        {
            "introduction" => L.DefaultIntroduction.In(language, figures.Chair?.Name(language) ?? L.TheChair.In(language), figures.Year),
            "implementation" => L.DefaultImplementation.In(language, L.Count(figures.Decisions.Count, language), L.Count(figures.Reviews.Count, language)),
            "cooperation" => L.DefaultCooperation.In(language),
            "recommendations" => L.DefaultRecommendations.In(language, L.Count(figures.OpenRecommendations, language)),
            "outlook" => figures.ViceChair is { } vice
                ? L.DefaultOutlook.In(language, vice.Name(language), figures.Year + 1)
                : L.DefaultOutlookNoViceChair.In(language, figures.Year + 1),
            _ => "",
        };
    }

    private static string Status(string status, string language) => (status switch
    {
        "suspended" => L.Suspended,
        "self-suspended" => L.SelfSuspended,
        "special-measures" => L.SpecialMeasures,
        _ => L.Withdrawn,
    }).In(language);
}
