namespace OpenKP.Compliance;

/// <summary>A review visit (at the participant's invitation) or a review mission (decided on indications of non-compliance).</summary>
public enum ReviewKind
{
    Visit,
    Mission,
}

/// <summary>Planned → draft report issued → the reviewed participant's comments → final report; or cancelled.</summary>
public enum ReviewStatus
{
    Planned,
    DraftReport,
    Commented,
    Final,
    Cancelled,
}

/// <summary>
/// A peer review of one participant: its team, schedule [StartsOn, EndsOn], terms of reference, the draft and
/// final reports with the participant's comments between them, and its recommendations.
/// </summary>
public sealed class PeerReview
{
    public long Id { get; set; }
    /// <summary>The participant reviewed.</summary>
    public required string ParticipantCode { get; set; }
    public ReviewKind Kind { get; set; }
    public ReviewStatus Status { get; set; }
    /// <summary>Visit: the day the participant's invitation was received.</summary>
    public DateOnly? InvitedOn { get; set; }
    /// <summary>Mission: the decision that ordered it.</summary>
    public long? DecisionId { get; set; }
    public DateOnly StartsOn { get; set; }
    /// <summary>The last day on site (inclusive).</summary>
    public DateOnly EndsOn { get; set; }
    public required string TermsOfReference { get; set; }
    public string? DraftReport { get; set; }
    public DateTime? DraftIssuedAt { get; set; }
    public string? ParticipantComments { get; set; }
    public DateTime? CommentedAt { get; set; }
    public string? FinalReport { get; set; }
    public DateTime? FinalIssuedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<ReviewTeamMember> Team { get; set; } = [];
    public List<Recommendation> Recommendations { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>Who a review team member represents.</summary>
public enum TeamMemberKind
{
    Participant,
    Industry,
    CivilSociety,
    Secretariat,
}

public sealed class ReviewTeamMember
{
    public long Id { get; set; }
    public long ReviewId { get; set; }
    public TeamMemberKind Kind { get; set; }
    /// <summary>For <see cref="TeamMemberKind.Participant"/>: the participant the expert comes from.</summary>
    public string? ParticipantCode { get; set; }
    /// <summary>For industry and civil society: the observer organisation.</summary>
    public string? ObserverName { get; set; }
    public required string PersonName { get; set; }
    public bool IsLeader { get; set; }
}

/// <summary>Follow-up of a recommendation: open → in progress → implemented → closed (or closed as not implemented).</summary>
public enum RecommendationStatus
{
    Open,
    InProgress,
    Implemented,
    Closed,
    NotImplemented,
}

/// <summary>A recommendation of a review to the reviewed participant, with an owner, a due date and its follow-up.</summary>
public sealed class Recommendation
{
    public long Id { get; set; }
    public long ReviewId { get; set; }
    /// <summary>The reviewed participant (copied from the review, for the dashboard).</summary>
    public required string ParticipantCode { get; set; }
    /// <summary>1, 2, … within the review.</summary>
    public int Number { get; set; }
    public required string Text { get; set; }
    /// <summary>Who is to act on it (an institution or office of the participant).</summary>
    public required string Owner { get; set; }
    public DateOnly DueOn { get; set; }
    public RecommendationStatus Status { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<RecommendationUpdate> Updates { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>One follow-up entry: the status it moved to and what was done.</summary>
public sealed class RecommendationUpdate
{
    public long Id { get; set; }
    public long RecommendationId { get; set; }
    public RecommendationStatus Status { get; set; }
    public required string Note { get; set; }
    public required string By { get; set; }
    public DateTime At { get; set; }
}
