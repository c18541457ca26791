namespace OpenKP.Compliance;

/// <summary>Draft (figures live, narrative editable) → issued (figures and narrative frozen).</summary>
public enum ChairReportStatus
{
    Draft,
    Issued,
}

/// <summary>
/// The Chair's annual report to the UN General Assembly for a year. Figures are drafted from the data;
/// narrative sections (<see cref="ChairReportSection"/>) are written per language before issue. Once issued,
/// <see cref="IssuedSnapshot"/> holds the figures as they were (JSON), so the issued text never changes.
/// </summary>
public sealed class ChairReport
{
    public long Id { get; set; }
    public int Year { get; set; }
    public ChairReportStatus Status { get; set; }
    public DateTime? IssuedAt { get; set; }
    public string? IssuedBy { get; set; }
    public string? IssuedSnapshot { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<ChairReportSection> Sections { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>The narrative of one section of a Chair's report in one language (<c>en</c>, <c>fr</c>, <c>zh</c>).</summary>
public sealed class ChairReportSection
{
    public long Id { get; set; }
    public long ReportId { get; set; }
    /// <summary>The section's stable key (e.g. <c>implementation</c>, <c>cooperation</c>, <c>recommendations</c>).</summary>
    public required string Key { get; set; }
    public required string Language { get; set; }
    public required string Text { get; set; }
}

/// <summary>
/// A deadline reminder already sent, so a sweep sends each one once: <see cref="Kind"/> (<c>annual-report</c>,
/// <c>recommendation</c>, <c>questionnaire</c>, <c>work-plan</c>), the record's id and the stage (<c>due-soon</c>, <c>overdue</c>).
/// </summary>
public sealed class DeadlineReminder
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public long SubjectId { get; set; }
    public required string Stage { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime SentAt { get; set; }
}
