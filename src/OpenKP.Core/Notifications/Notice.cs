namespace OpenKP.Notifications;

/// <summary>
/// Who a notice is for. Exactly one shape: the authority officers of a participant, its customs
/// officers, the users of one licensed operator (company), the secretariat, or every participant's
/// authority officers together with the secretariat (<see cref="AllAuthorities"/>).
/// </summary>
public sealed record Audience(AudienceKind Kind, string? Participant = null, long? OperatorId = null)
{
    public static Audience Authority(string participant) => new(AudienceKind.Authority, participant);
    public static Audience Customs(string participant) => new(AudienceKind.Customs, participant);
    public static Audience Operator(long operatorId) => new(AudienceKind.Operator, OperatorId: operatorId);
    public static Audience Secretariat { get; } = new(AudienceKind.Secretariat);
    public static Audience AllAuthorities { get; } = new(AudienceKind.AllAuthorities);
}

public enum AudienceKind
{
    Authority,
    Customs,
    Operator,
    Secretariat,
    AllAuthorities,
}

/// <summary>
/// Something that happened that people and national systems are told about: in-app inbox, e-mail,
/// and webhooks of the participants in the audience. <see cref="Type"/> is a stable event name
/// (<c>certificate.incoming</c>, <c>import.confirmed</c>, …; see <see cref="NoticeTypes"/>);
/// <see cref="Data"/> is the event's JSON payload for webhooks; <see cref="Link"/> a portal path.
/// </summary>
public sealed record Notice(
    string Type,
    string Subject,
    string Body,
    string? Link,
    IReadOnlyList<Audience> To,
    IReadOnlyDictionary<string, object?> Data);

/// <summary>The event names OpenKP publishes; never renamed or reused (webhook receivers subscribe by them).</summary>
public static class NoticeTypes
{
    public const string ApplicationSubmitted = "application.submitted";
    public const string ApplicationApproved = "application.approved";
    public const string ApplicationNeedsSecondApproval = "application.needs-second-approval";
    public const string ApplicationRejected = "application.rejected";
    public const string ApplicationSentBack = "application.sent-back";
    public const string CertificateIssued = "certificate.issued";
    public const string CertificateIncoming = "certificate.incoming";
    public const string CertificateVoided = "certificate.voided";
    public const string ShipmentDeparted = "shipment.departed";
    public const string TransitRecorded = "transit.recorded";
    public const string ImportConfirmed = "import.confirmed";
    public const string ShipmentDetained = "shipment.detained";
    public const string CaseUpdated = "case.updated";
    public const string CaseResolved = "case.resolved";
    public const string ConfirmationOverdue = "confirmation.overdue";
    public const string AlertRaised = "alert.raised";
    public const string DecisionAdopted = "decision.adopted";
    public const string AnnualReportDue = "annual-report.due";
    public const string AnnualReportSubmitted = "annual-report.submitted";
    public const string AnnualReportAssessed = "annual-report.assessed";
    public const string RecommendationDue = "recommendation.due";
    public const string QuestionnaireDue = "questionnaire.due";
    public const string WorkPlanDue = "work-plan.due";

    public static IReadOnlyList<string> All { get; } =
    [
        ApplicationSubmitted, ApplicationApproved, ApplicationNeedsSecondApproval, ApplicationRejected, ApplicationSentBack,
        CertificateIssued, CertificateIncoming, CertificateVoided, ShipmentDeparted, TransitRecorded, ImportConfirmed, ShipmentDetained,
        CaseUpdated, CaseResolved, ConfirmationOverdue, AlertRaised,
        DecisionAdopted,
        AnnualReportDue, AnnualReportSubmitted, AnnualReportAssessed, RecommendationDue, QuestionnaireDue, WorkPlanDue,
    ];
}
