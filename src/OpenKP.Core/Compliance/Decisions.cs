using OpenKP.Registry;

namespace OpenKP.Compliance;

/// <summary>Where the scheme meets: the annual plenary, or an intersessional meeting between plenaries.</summary>
public enum MeetingKind
{
    Plenary,
    Intersessional,
}

/// <summary>A plenary or intersessional meeting: its dates [StartsOn, EndsOn], place and Chair.</summary>
public sealed class Meeting
{
    public long Id { get; set; }
    public MeetingKind Kind { get; set; }
    /// <summary>As the scheme names it, e.g. "Kimberley Process Plenary, Dubai 2024".</summary>
    public required string Title { get; set; }
    public DateOnly StartsOn { get; set; }
    /// <summary>The last day of the meeting (inclusive).</summary>
    public DateOnly EndsOn { get; set; }
    public required string Place { get; set; }
    /// <summary>The participant holding the Chair at the meeting.</summary>
    public string? ChairParticipantCode { get; set; }
    public string? Summary { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>How a decision is taken: by the plenary (by consensus, or by a recorded vote) or by written procedure ("no objection" by a deadline).</summary>
public enum DecisionProcedure
{
    PlenaryConsensus,
    PlenaryVote,
    WrittenProcedure,
}

/// <summary>
/// Where a decision stands. Only <see cref="Adopted"/> decisions are public and only they change the registry.
/// A written procedure is <see cref="WrittenProcedureOpen"/> until its deadline; an objection breaks the
/// silence and the decision is <see cref="Rejected"/>.
/// </summary>
public enum DecisionStatus
{
    Draft,
    WrittenProcedureOpen,
    Adopted,
    Rejected,
    Withdrawn,
}

/// <summary>
/// An administrative decision of the plenary or a written procedure (KPCS Section VI). Its <see cref="Effects"/>
/// are applied to the registry when it is adopted, dated on <see cref="EffectiveOn"/>, each registry record
/// linking back here (<see cref="DecisionReference.DecisionId"/>, <see cref="Zone.DecisionId"/>).
/// </summary>
public sealed class Decision
{
    public long Id { get; set; }
    /// <summary>Given at adoption: <c>AD/2026/03</c> (third decision adopted in 2026). Null before.</summary>
    public string? Number { get; set; }
    public required string Title { get; set; }
    /// <summary>The operative text.</summary>
    public required string Text { get; set; }
    public DecisionProcedure Procedure { get; set; }
    public DecisionStatus Status { get; set; }
    /// <summary>The meeting that adopted it (plenary procedures), if recorded.</summary>
    public long? MeetingId { get; set; }
    /// <summary>The working body that proposed it (<see cref="WorkingBodies"/> code), if any.</summary>
    public string? WorkingBodyCode { get; set; }
    public DateOnly? AdoptedOn { get; set; }
    /// <summary>The day its effects start; on or after <see cref="AdoptedOn"/>.</summary>
    public DateOnly? EffectiveOn { get; set; }
    public int? VotesFor { get; set; }
    public int? VotesAgainst { get; set; }
    public int? VotesAbstaining { get; set; }
    /// <summary>Written procedure: the last day an objection may be raised.</summary>
    public DateOnly? ObjectionDeadline { get; set; }
    /// <summary>Written procedure: the objections received (who and why), if any.</summary>
    public string? Objections { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? AdoptedBy { get; set; }
    public List<DecisionEffect> Effects { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>What a decision does to the registry once adopted.</summary>
public enum DecisionEffectKind
{
    /// <summary>A status event for <see cref="DecisionEffect.ParticipantCode"/> (suspension, special measures, admission as active, …).</summary>
    StatusChange,
    /// <summary>A compliant zone of a zone-limited participant, from the effective date.</summary>
    CompliantZone,
    /// <summary>An area special measures apply to, from the effective date.</summary>
    SpecialMeasuresArea,
    /// <summary>An embargo record on rough diamonds of origin <see cref="DecisionEffect.ParticipantCode"/>.</summary>
    Embargo,
}

/// <summary>
/// One effect a decision carries. It starts on the decision's effective date; <see cref="EndsOn"/> bounds zones
/// and embargoes. <see cref="AppliedAt"/> is set when adoption wrote it to the registry.
/// </summary>
public sealed class DecisionEffect
{
    public long Id { get; set; }
    public long DecisionId { get; set; }
    public DecisionEffectKind Kind { get; set; }
    /// <summary>The participant concerned (for an embargo: the origin country).</summary>
    public required string ParticipantCode { get; set; }
    /// <summary>For <see cref="DecisionEffectKind.StatusChange"/>: the new status.</summary>
    public ParticipantStatus? Status { get; set; }
    /// <summary>For special measures: what they cover.</summary>
    public string? Scope { get; set; }
    /// <summary>For zones: the zone's name.</summary>
    public string? ZoneName { get; set; }
    public DateOnly? EndsOn { get; set; }
    public bool GovernmentCertifiedExempt { get; set; }
    public required string Note { get; set; }
    public DateTime? AppliedAt { get; set; }
}
