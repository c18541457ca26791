namespace OpenKP.Compliance;

/// <summary>Draft (the participant edits it) → submitted (read-only, shared) → assessed by the Working Group on Monitoring.</summary>
public enum AnnualReportStatus
{
    Draft,
    Submitted,
    Assessed,
}

/// <summary>
/// A participant's annual report on its implementation of the KPCS for a calendar year, in the scheme's
/// template sections. Each section is free text; <see cref="StatisticsSummary"/> is prefilled from OpenKP's figures.
/// One per participant and year.
/// </summary>
public sealed class AnnualReport
{
    public long Id { get; set; }
    public required string ParticipantCode { get; set; }
    /// <summary>The calendar year reported on.</summary>
    public int Year { get; set; }
    public AnnualReportStatus Status { get; set; }
    public string? LegalFramework { get; set; }
    public string? InternalControls { get; set; }
    public string? ArtisanalAlluvial { get; set; }
    public string? StatisticsSummary { get; set; }
    public string? Enforcement { get; set; }
    public string? Cooperation { get; set; }
    public string? SystemOfWarranties { get; set; }
    public string? Challenges { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    /// <summary>The Working Group on Monitoring's comments.</summary>
    public string? AssessmentComments { get; set; }
    /// <summary>0–100: how completely the report answers the template.</summary>
    public int? CompletenessScore { get; set; }
    public string? AssessedBy { get; set; }
    public DateTime? AssessedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
