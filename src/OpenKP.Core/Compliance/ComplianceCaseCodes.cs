namespace OpenKP.Compliance;

/// <summary>Stable codes of the non-compliance cases (issue 7 item 6); each is documented in docs/problems.md.</summary>
public static class ComplianceCaseCodes
{
    public const string NotFound = "compliance-case-not-found";
    public const string Forbidden = "compliance-case-forbidden";
    public const string Changed = "compliance-case-changed";
    public const string WrongStatus = "compliance-case-wrong-status";
    public const string Duplicate = "compliance-case-duplicate";
    public const string ParticipantUnknown = "compliance-case-participant-unknown";
    public const string TitleRequired = "compliance-case-title-required";
    public const string SummaryRequired = "compliance-case-summary-required";
    public const string SourceIdRequired = "compliance-case-source-id-required";
    public const string SourceIdNotAllowed = "compliance-case-source-id-not-allowed";
    public const string SourceNotFound = "compliance-case-source-not-found";
    public const string SourceOtherParticipant = "compliance-case-source-other-participant";
    public const string YearInvalid = "compliance-case-year-invalid";
    public const string AnnualReportSubmitted = "compliance-case-annual-report-submitted";
    public const string StepTextRequired = "compliance-case-step-text-required";
    public const string StepInFuture = "compliance-case-step-in-future";
    public const string ItemTextRequired = "compliance-case-item-text-required";
    public const string ItemDueInPast = "compliance-case-item-due-in-past";
    public const string ItemNotFound = "compliance-case-item-not-found";
    public const string ItemNotOpen = "compliance-case-item-not-open";
    public const string ItemChanged = "compliance-case-item-changed";
    public const string MeasureScopeRequired = "compliance-case-measure-scope-required";
    public const string MeasureReasonRequired = "compliance-case-measure-reason-required";
    public const string NoMeasure = "compliance-case-no-measure";
    public const string DecisionAlreadyProposed = "compliance-case-decision-already-proposed";
    public const string NoDecision = "compliance-case-no-decision";
    public const string DecisionPending = "compliance-case-decision-pending";
    public const string OutcomeRequired = "compliance-case-outcome-required";
}
