namespace OpenKP.Compliance;

/// <summary>Stable violation codes of peer review (review visits and missions, their recommendations); each is documented in docs/problems.md.</summary>
public static class ReviewCodes
{
    public const string NotFound = "review-not-found";
    public const string Changed = "review-changed";
    public const string WrongStatus = "review-wrong-status";
    public const string ParticipantUnknown = "review-participant-unknown";
    public const string InvitationRequired = "review-invitation-required";
    public const string InvitedAfterStart = "review-invited-after-start";
    public const string DecisionNotAdopted = "review-decision-not-adopted";
    public const string EndsBeforeStart = "review-ends-before-start";
    public const string TeamRequired = "review-team-required";
    public const string TeamLeaderCount = "review-team-leader-count";
    public const string TeamParticipantRequired = "review-team-participant-required";
    public const string TeamParticipantUnknown = "review-team-participant-unknown";
    public const string TeamOwnParticipant = "review-team-own-participant";
    public const string TeamObserverRequired = "review-team-observer-required";
    public const string TeamObserverUnknown = "review-team-observer-unknown";
    public const string NotTheReviewedParticipant = "review-not-the-reviewed-participant";
    public const string SecretariatOnly = "review-secretariat-only";
    public const string RecommendationNotFound = "recommendation-not-found";
    public const string RecommendationChanged = "recommendation-changed";
    public const string RecommendationClosed = "recommendation-closed";
    public const string RecommendationTransition = "recommendation-transition";
    public const string RecommendationSecretariatCloses = "recommendation-secretariat-closes";
    public const string RecommendationDueBeforeReview = "recommendation-due-before-review";
}
