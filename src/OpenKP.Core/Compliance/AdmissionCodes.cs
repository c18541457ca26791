namespace OpenKP.Compliance;

/// <summary>Stable violation codes of admissions (applications to join the scheme); each is documented in docs/problems.md.</summary>
public static class AdmissionCodes
{
    public const string NotFound = "admission-not-found";
    public const string AlreadyParticipant = "admission-already-participant";
    public const string ApplicationOpen = "admission-application-open";
    public const string ReceivedInFuture = "admission-received-in-future";
    public const string Closed = "admission-closed";
    public const string RequirementUnknown = "admission-requirement-unknown";
    public const string RequirementNotAssessed = "admission-requirement-not-assessed";
    public const string AssessmentRequired = "admission-assessment-required";
    public const string RecommendationRequired = "admission-recommendation-required";
    public const string VisitInFuture = "admission-visit-in-future";
    public const string VisitBeforeReceived = "admission-visit-before-received";
    public const string NotRecommended = "admission-not-recommended";
    public const string DecisionExists = "admission-decision-exists";
    public const string NoDecision = "admission-no-decision";
    public const string DocumentLimit = "admission-document-limit";
    public const string DocumentNotFound = "admission-document-not-found";
    public const string Changed = "admission-changed";
}
