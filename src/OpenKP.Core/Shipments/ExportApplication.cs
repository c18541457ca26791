namespace OpenKP.Shipments;

/// <summary>
/// Where an export application stands. An operator keeps a <see cref="Draft"/> (or one
/// <see cref="SentBack"/> for changes) and submits it; officers approve it (then the certificate is
/// issued: <see cref="Issued"/>) or reject it. Above the participant's four-eyes threshold the first
/// approval leaves it <see cref="AwaitingSecondApproval"/>.
/// </summary>
public enum ApplicationStatus
{
    Draft,
    Submitted,
    AwaitingSecondApproval,
    SentBack,
    Rejected,
    Issued,
}

/// <summary>
/// An exporter's request for a KP certificate: what the certificate will say, plus what the authority
/// needs to check it (invoice reference, attachments, planned dates). Amounts are whole hundredths of a
/// carat and US cents, as on certificates.
/// </summary>
public sealed class ExportApplication
{
    public long Id { get; set; }
    /// <summary>The exporting participant: the operator's, whose authority reviews it.</summary>
    public required string ParticipantCode { get; set; }
    /// <summary>The exporting company (a licensed operator of <see cref="ParticipantCode"/>).</summary>
    public long OperatorId { get; set; }
    public required string ExporterLicence { get; set; }
    public required string ImportingParticipant { get; set; }
    public required string ImporterName { get; set; }
    public required string ImporterAddress { get; set; }
    public string? ImporterLicence { get; set; }
    public required string Origin { get; set; }
    public string? Provenance { get; set; }
    public string? OriginZone { get; set; }
    public List<ApplicationLine> Lines { get; set; } = [];
    public int Parcels { get; set; }
    public required string InvoiceReference { get; set; }
    public List<string> SealNumbers { get; set; } = [];
    public List<string> ContainerNumbers { get; set; } = [];
    public string? QualityNotes { get; set; }
    public DateOnly? PlannedDeparture { get; set; }
    public DateOnly? ExpectedArrival { get; set; }
    public long TotalCaratsHundredths { get; set; }
    public long TotalUsdCents { get; set; }
    public ApplicationStatus Status { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? FirstApprovedBy { get; set; }
    public DateTime? FirstApprovedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    /// <summary>Why it was rejected or sent back.</summary>
    public string? DecisionNote { get; set; }
    public string? CertificateNumber { get; set; }
    public List<ApplicationAttachment> Attachments { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The operator may change it: a draft, or one sent back.</summary>
    public bool Editable => Status is ApplicationStatus.Draft or ApplicationStatus.SentBack;

    /// <summary>Officers may decide on it.</summary>
    public bool AwaitingDecision => Status is ApplicationStatus.Submitted or ApplicationStatus.AwaitingSecondApproval;
}

/// <summary>One line of an application: HS code, carats in hundredths, US$ in cents.</summary>
public sealed class ApplicationLine
{
    public long Id { get; set; }
    public long ApplicationId { get; set; }
    public int Position { get; set; }
    public required string HsCode { get; set; }
    public long CaratsHundredths { get; set; }
    public long UsdCents { get; set; }
}

/// <summary>What an attached file is for.</summary>
public enum AttachmentKind
{
    Invoice,
    ValuationReport,
    Other,
}

/// <summary>A file attached to an application; its bytes are in the file store under <see cref="Sha256"/>.</summary>
public sealed class ApplicationAttachment
{
    public long Id { get; set; }
    public long ApplicationId { get; set; }
    public AttachmentKind Kind { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required string UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
}
