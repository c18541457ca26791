namespace OpenKP.Compliance;

/// <summary>
/// Where an application to join the scheme stands: received, assessed by the Committee on Participation
/// and Chairmanship (with a visit), recommended or not, then admitted or refused by a decision.
/// </summary>
public enum AdmissionStatus
{
    Received,
    UnderAssessment,
    Recommended,
    NotRecommended,
    Admitted,
    Refused,
    Withdrawn,
}

/// <summary>
/// An applicant's request to become a participant, with its dossier. The applicant is in the registry as a
/// participant with status <see cref="Registry.ParticipantStatus.Applicant"/> from <see cref="ReceivedOn"/>; the
/// admission decision (<see cref="DecisionId"/>) makes it active from its effective date.
/// </summary>
public sealed class AdmissionApplication
{
    public long Id { get; set; }
    /// <summary>ISO 3166-1 alpha-2 code of the applicant.</summary>
    public required string ApplicantCode { get; set; }
    public required string ApplicantNameEn { get; set; }
    public required string ApplicantNameFr { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public AdmissionStatus Status { get; set; }
    /// <summary>Dossier: the laws and regulations implementing the KPCS.</summary>
    public required string Legislation { get; set; }
    /// <summary>Dossier: the designated importing and exporting authorities.</summary>
    public required string Authorities { get; set; }
    /// <summary>Dossier: the system of internal controls from mine to export.</summary>
    public required string InternalControls { get; set; }
    public DateOnly? VisitOn { get; set; }
    public string? VisitReport { get; set; }
    /// <summary>The committee's assessment.</summary>
    public string? Assessment { get; set; }
    /// <summary>The committee's recommendation to the plenary, in words.</summary>
    public string? Recommendation { get; set; }
    /// <summary>The decision that admitted or refused the applicant.</summary>
    public long? DecisionId { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<AdmissionChecklistItem> Checklist { get; set; } = [];
    public List<AdmissionDocument> Documents { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>How far the applicant meets one minimum requirement.</summary>
public enum RequirementAssessment
{
    NotAssessed,
    Met,
    PartlyMet,
    NotMet,
}

/// <summary>One minimum requirement of the KPCS (by stable code) as assessed for an application.</summary>
public sealed class AdmissionChecklistItem
{
    public long Id { get; set; }
    public long ApplicationId { get; set; }
    public required string RequirementCode { get; set; }
    public RequirementAssessment Assessment { get; set; }
    public string? Comment { get; set; }
}

/// <summary>A document of the dossier, stored by content (PDF, PNG or JPEG) through the shipments' file store.</summary>
public sealed class AdmissionDocument
{
    public long Id { get; set; }
    public long ApplicationId { get; set; }
    public required string Title { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    /// <summary>Hex SHA-256 of the content: the stored file's key.</summary>
    public required string Sha256 { get; set; }
    public long Size { get; set; }
    public required string UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
}
