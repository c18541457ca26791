namespace OpenKP.Statistics.Intake;

/// <summary>Stable codes of statistics intake (uploads and production returns), documented in docs/problems.md; never renamed or reused.</summary>
public static class IntakeCodes
{
    // The file as a whole.
    public const string UploadTypeNotSupported = "upload-type-not-supported";
    public const string UploadTooLarge = "upload-too-large";
    public const string UploadUnreadable = "upload-unreadable";
    public const string UploadEmpty = "upload-empty";
    public const string UploadTooManyRows = "upload-too-many-rows";
    public const string UploadColumnsMissing = "upload-columns-missing";

    // One row of the file (the field names the row as the user sees it: rows[3].partner, the header being row 1).
    public const string RowValueMissing = "row-value-missing";
    public const string RowFlowInvalid = "row-flow-invalid";
    public const string RowPartnerUnknown = "row-partner-unknown";
    public const string RowPartnerSelf = "row-partner-self";
    public const string RowHsCodeInvalid = "row-hs-code-invalid";
    public const string RowAmountInvalid = "row-amount-invalid";
    public const string RowCountInvalid = "row-count-invalid";
    public const string RowDateInvalid = "row-date-invalid";
    public const string RowDateOutsidePeriod = "row-date-outside-period";
    public const string RowCertificateNumberInvalid = "row-certificate-number-invalid";
    public const string RowOriginInvalid = "row-origin-invalid";
    public const string RowMiningTypeInvalid = "row-mining-type-invalid";
    public const string RowDuplicate = "row-duplicate";

    // The period and the revisions.
    public const string PeriodNotEnded = "statistics-period-not-ended";
    public const string RevisionConflict = "statistics-revision-conflict";
    public const string SubmissionNotFound = "trade-submission-not-found";
    public const string SubmissionParticipantUnknown = "statistics-participant-unknown";
}
