namespace OpenKP.Statistics;

/// <summary>Where a detected anomaly stands.</summary>
public enum AnomalyStatus
{
    /// <summary>Found by the last detection that judged its period.</summary>
    Open,
    /// <summary>A later detection no longer finds it (the figures were corrected, a return came in): kept for the record.</summary>
    Resolved,
}

/// <summary>The unit of an anomaly's measured value and band.</summary>
public enum AnomalyUnit
{
    /// <summary>US cents per carat (US$/ct × 100).</summary>
    UsdCentsPerCarat,
    /// <summary>Hundredths of a carat.</summary>
    CaratsHundredths,
    /// <summary>US cents.</summary>
    UsdCents,
    /// <summary>A number of certificates.</summary>
    Certificates,
    /// <summary>Days past a due date.</summary>
    Days,
}

/// <summary>
/// A data anomaly found by <see cref="AnomalyDetector"/>: one kind, for one participant and period, about one
/// <see cref="Subject"/> (an HS code, a flow and measure, a submission). The four together are unique:
/// detecting again updates the row instead of adding one (and writes nothing when nothing changed). Values
/// are integers in <see cref="Unit"/>.
/// </summary>
public sealed class Anomaly : Audit.IAuditKeyed
{
    /// <summary>Audit rows name an anomaly by what it is about: <c>price-outside-own-band/BW/2027-Q2/export 7102.10</c>.</summary>
    string Audit.IAuditKeyed.AuditKey => $"{Shared.Input.Kebab(Kind)}/{ParticipantCode}/{Period}/{Subject}";

    public long Id { get; set; }
    public AnomalyKind Kind { get; set; }
    public required string ParticipantCode { get; set; }
    /// <summary>The calendar year the period falls in (filters and detection runs are by year).</summary>
    public int Year { get; set; }
    /// <summary>The period judged: <c>2027-Q2</c>, <c>2027-H1</c> or <c>2027</c>.</summary>
    public required string Period { get; set; }
    /// <summary>What in the period: <c>export 7102.10</c>, <c>export carats</c>, <c>production</c>, <c>origin CD 7102.31</c>…</summary>
    public required string Subject { get; set; }
    public AnomalyUnit Unit { get; set; }
    public long Measured { get; set; }
    /// <summary>The lower end of the expected band, when the rule has one.</summary>
    public long? ExpectedLow { get; set; }
    /// <summary>The upper end of the expected band (or the threshold exceeded).</summary>
    public long? ExpectedHigh { get; set; }
    /// <summary>The finding in one English sentence, naming the figures (the questionnaire's question starts from it).</summary>
    public required string Details { get; set; }
    public AnomalyStatus Status { get; set; }
    /// <summary>When a detection first found it (or found it again after it was resolved).</summary>
    public DateTime DetectedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
}

/// <summary>
/// The thresholds of the anomaly rules, one row for the scheme, changed by the secretariat (Working
/// Group on Statistics). The KP has not published its own figures (reference §4.4), so the defaults
/// are OpenKP's: a band widened by 25 %, a 50 % period change, a doubling of certificates, above
/// 1,000 ct, US$ 1 million or 10 certificates.
/// </summary>
public sealed class AnomalySettings
{
    public const string SchemeKey = "KP";

    /// <summary>Always <see cref="SchemeKey"/>: the settings are the scheme's.</summary>
    public string Scheme { get; set; } = SchemeKey;
    /// <summary>How many quarters before the one judged make a participant's own price band (4–12).</summary>
    public int OwnBandQuarters { get; set; } = 8;
    /// <summary>The fewest earlier quarters with trade for an own band to be judged at all (2–12).</summary>
    public int OwnBandMinimumQuarters { get; set; } = 4;
    /// <summary>Bands are p10 less this percentage to p90 plus this percentage (0–500).</summary>
    public int BandWideningPercent { get; set; } = 25;
    /// <summary>The fewest other exporters of an origin and HS code for a peer band (2–50).</summary>
    public int PeerMinimumParticipants { get; set; } = 3;
    /// <summary>Exports may exceed production plus imports by this percentage (0–500) before they are flagged.</summary>
    public int SupplyTolerancePercent { get; set; } = 10;
    /// <summary>A change of carats or US$ from the previous period above this percentage is flagged (1–1000).</summary>
    public int PeriodChangePercent { get; set; } = 50;
    /// <summary>A change of the number of certificates above this percentage is flagged (1–1000).</summary>
    public int CertificateJumpPercent { get; set; } = 100;
    /// <summary>Volume floor, hundredths of a carat: carat rules and prices judge only above it (default 1,000 ct).</summary>
    public long MinimumCaratsHundredths { get; set; } = 100_000;
    /// <summary>Volume floor, US cents: US$ rules judge only above it (default US$ 1,000,000).</summary>
    public long MinimumUsdCents { get; set; } = 100_000_000;
    /// <summary>Certificate counts are judged only when one of the two periods has at least this many (default 10).</summary>
    public int MinimumCertificates { get; set; } = 10;
    /// <summary>Days a participant has to answer a questionnaire, the default due date (7–180).</summary>
    public int QuestionnaireDueDays { get; set; } = 30;
    public string? UpdatedBy { get; set; }
    public DateTime? UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public static AnomalySettings Default() => new();
}

/// <summary>Where a Data Anomalies Questionnaire stands: open (being written) → sent → answered → closed or escalated.</summary>
public enum QuestionnaireStatus
{
    /// <summary>Created by the secretariat; questions and due date can still be edited; the participant does not see it yet.</summary>
    Open,
    /// <summary>Sent to the participant, which must answer every question by the due date.</summary>
    Sent,
    /// <summary>Every question answered by the participant's authority.</summary>
    Answered,
    /// <summary>The secretariat accepted the answers.</summary>
    Closed,
    /// <summary>The secretariat escalated it (unanswered past due, or answers not accepted), with a reason.</summary>
    Escalated,
}

/// <summary>
/// A Data Anomalies Questionnaire (WGS administrative decision, 2012): questions to one participant about
/// anomalies of one period; the participant must answer every question; one left unanswered past its due
/// date puts the participant on the public list.
/// </summary>
public sealed class Questionnaire
{
    public long Id { get; set; }
    public required string ParticipantCode { get; set; }
    public int Year { get; set; }
    /// <summary>The period of its anomalies (<c>2027-Q2</c>), or the year when they span several.</summary>
    public required string Period { get; set; }
    public QuestionnaireStatus Status { get; set; }
    public DateOnly DueOn { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? SentBy { get; set; }
    public DateTime? SentAt { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTime? AnsweredAt { get; set; }
    /// <summary>Who closed or escalated it.</summary>
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    /// <summary>The closing note or the reason for escalation.</summary>
    public string? DecisionNote { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<QuestionnaireQuestion> Questions { get; set; } = [];
}

/// <summary>One question of a questionnaire, drawn from an anomaly (or added by the secretariat), and its answer.</summary>
public sealed class QuestionnaireQuestion
{
    public long Id { get; set; }
    public long QuestionnaireId { get; set; }
    /// <summary>1, 2, … in the order asked.</summary>
    public int Number { get; set; }
    /// <summary>The anomaly the question is about; null for a question the secretariat added.</summary>
    public long? AnomalyId { get; set; }
    public required string Text { get; set; }
    public string? Answer { get; set; }
}
