using OpenKP.Shared;

namespace OpenKP.Compliance;

/// <summary>One requirement of an application's checklist: its code, text (en/fr), source and how it was assessed (kebab-case).</summary>
public sealed record AdmissionChecklistView(string RequirementCode, string TextEn, string TextFr, string Source, string Assessment, string? Comment);

public sealed record AdmissionDocumentView(long Id, string Title, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTime UploadedAt);

/// <summary>An application to join the scheme as the API, the portal and the CLI show it; status in kebab-case.</summary>
public sealed record AdmissionView(
    long Id, string ApplicantCode, string ApplicantNameEn, string ApplicantNameFr, DateOnly ReceivedOn, string Status,
    string Legislation, string Authorities, string InternalControls, DateOnly? VisitOn, string? VisitReport,
    string? Assessment, string? Recommendation, long? DecisionId, string? DecisionNumber, string? DecisionStatus,
    int Assessed, IReadOnlyList<AdmissionChecklistView> Checklist, IReadOnlyList<AdmissionDocumentView> Documents,
    string CreatedBy, DateTime CreatedAt, Guid Version)
{
    /// <param name="a">The application.</param>
    /// <param name="decision">The decision behind it, if loaded.</param>
    /// <param name="seesDrafts">False for readers who may not learn that a decision is being drafted: they see the decision once adopted.</param>
    public static AdmissionView Of(AdmissionApplication a, Decision? decision, bool seesDrafts)
    {
        var show = seesDrafts || decision?.Status == Compliance.DecisionStatus.Adopted;
        return Build(a, show ? decision : null, show);
    }

    private static AdmissionView Build(AdmissionApplication a, Decision? decision, bool showDecision) => new(
        a.Id, a.ApplicantCode, a.ApplicantNameEn, a.ApplicantNameFr, a.ReceivedOn, Input.Kebab(a.Status),
        a.Legislation, a.Authorities, a.InternalControls, a.VisitOn, a.VisitReport, a.Assessment, a.Recommendation,
        showDecision ? a.DecisionId : null, decision?.Number, decision is null ? null : Input.Kebab(decision.Status),
        a.Checklist.Count(i => i.Assessment != RequirementAssessment.NotAssessed),
        [.. a.Checklist.OrderBy(i => AdmissionDesk.Order(i.RequirementCode)).Select(i =>
        {
            var r = MinimumRequirements.Find(i.RequirementCode);
            return new AdmissionChecklistView(i.RequirementCode, r?.En ?? i.RequirementCode, r?.Fr ?? i.RequirementCode, r?.Source ?? string.Empty, Input.Kebab(i.Assessment), i.Comment);
        })],
        [.. a.Documents.OrderBy(d => d.Id).Select(d => new AdmissionDocumentView(d.Id, d.Title, d.FileName, d.ContentType, d.Size, d.Sha256, d.UploadedBy, d.UploadedAt))],
        a.CreatedBy, a.CreatedAt, a.Version);
}
