namespace OpenKP.Compliance;

/// <summary>What a non-compliance case was opened from (<see cref="ComplianceCase.SourceId"/> names the record).</summary>
public enum CaseSource
{
    Review,
    Anomaly,
    Alert,
    MissingAnnualReport,
    Other,
}

/// <summary>Open → consultation → work plan → interim measure recommended → decided → closed.</summary>
public enum ComplianceCaseStatus
{
    Open,
    Consultation,
    WorkPlan,
    MeasureRecommended,
    Decided,
    Closed,
}

/// <summary>The interim measure a case recommends to the plenary.</summary>
public enum InterimMeasure
{
    None,
    SpecialMeasures,
    Suspension,
}

/// <summary>
/// A non-compliance case against a participant (KPCS Section VI §15–16 and the 2003 administrative decision on
/// non-compliance): consultation, a work plan with deadlines, a recommended interim measure, and the decision
/// that applies it to the registry.
/// </summary>
public sealed class ComplianceCase
{
    public long Id { get; set; }
    public required string ParticipantCode { get; set; }
    public CaseSource Source { get; set; }
    /// <summary>The review, anomaly, alert or annual report id the case came from.</summary>
    public long? SourceId { get; set; }
    public required string Title { get; set; }
    public required string Summary { get; set; }
    public ComplianceCaseStatus Status { get; set; }
    public InterimMeasure RecommendedMeasure { get; set; }
    /// <summary>For special measures: what they cover.</summary>
    public string? MeasureScope { get; set; }
    public string? MeasureReason { get; set; }
    /// <summary>The decision taken on the case.</summary>
    public long? DecisionId { get; set; }
    public string? Outcome { get; set; }
    public required string OpenedBy { get; set; }
    public DateTime OpenedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public List<ComplianceCaseStep> Steps { get; set; } = [];
    public List<WorkPlanItem> WorkPlan { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();
}

public enum CaseStepKind
{
    Consultation,
    Letter,
    Meeting,
    Note,
}

/// <summary>A dated step of a case: a consultation, a letter, a meeting or a note.</summary>
public sealed class ComplianceCaseStep
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public CaseStepKind Kind { get; set; }
    public DateOnly On { get; set; }
    public required string Text { get; set; }
    public required string By { get; set; }
    public DateTime At { get; set; }
}

public enum WorkPlanItemStatus
{
    Open,
    Done,
    Missed,
}

/// <summary>An action of a case's work plan with its deadline.</summary>
public sealed class WorkPlanItem
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public required string Text { get; set; }
    public DateOnly DueOn { get; set; }
    public WorkPlanItemStatus Status { get; set; }
    public DateOnly? DoneOn { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
