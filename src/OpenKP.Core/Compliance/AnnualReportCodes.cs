namespace OpenKP.Compliance;

/// <summary>Stable violation codes of annual reports and compliance deadlines; each is documented in docs/problems.md, never renamed or reused.</summary>
public static class AnnualReportCodes
{
    public const string NotFound = "annual-report-not-found";
    public const string AlreadyStarted = "annual-report-already-started";
    public const string YearOutOfRange = "annual-report-year-out-of-range";
    public const string ParticipantUnknown = "annual-report-participant-unknown";
    public const string NotAMember = "annual-report-not-a-member";
    public const string NotDraft = "annual-report-not-draft";
    public const string NotSubmitted = "annual-report-not-submitted";
    public const string Changed = "annual-report-changed";
    public const string SectionRequired = "annual-report-section-required";
    public const string ScoreOutOfRange = "annual-report-score-out-of-range";
    public const string CommentsRequired = "annual-report-comments-required";
    public const string Forbidden = "annual-report-forbidden";
}
