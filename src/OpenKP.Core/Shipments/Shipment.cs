namespace OpenKP.Shipments;

/// <summary>
/// Where a certified shipment stands, from issuance to the end of the KP loop: waiting to leave,
/// gone, confirmed by the importing authority, or detained at arrival and then released (which
/// confirms it), seized or returned; or cancelled, its certificate voided before the goods arrived.
/// </summary>
public enum ShipmentStatus
{
    AwaitingDeparture,
    Departed,
    Confirmed,
    Detained,
    Seized,
    Returned,
    Cancelled,
}

/// <summary>
/// One certified shipment, opened the moment its certificate is issued: the importing participant
/// sees it as incoming from then on. The certificate stays the record of what was certified; this
/// row records what happened to the goods.
/// </summary>
public sealed class Shipment : Audit.IAuditKeyed
{
    /// <summary>Audit rows name a shipment by its certificate's number (known before the row is saved: one round trip).</summary>
    string Audit.IAuditKeyed.AuditKey => CertificateNumber;

    public long Id { get; set; }
    public required string CertificateNumber { get; set; }
    public required string ExportingParticipant { get; set; }
    public required string ImportingParticipant { get; set; }
    /// <summary>The exporting company, when the certificate names a licensed operator of the exporting participant.</summary>
    public long? ExporterOperatorId { get; set; }
    /// <summary>The importing company, when the importer's licence is in the importing participant's register.</summary>
    public long? ImporterOperatorId { get; set; }
    public long? ApplicationId { get; set; }
    public DateOnly IssuedOn { get; set; }
    public DateOnly ExpiresOn { get; set; }
    public DateOnly ExpectedArrival { get; set; }
    public ShipmentStatus Status { get; set; }
    public DateTime? DepartedAt { get; set; }
    public string? DepartedBy { get; set; }
    /// <summary>The seal numbers customs found on the container at departure.</summary>
    public List<string> DepartureSeals { get; set; } = [];
    public string? DepartureNote { get; set; }
    public DateTime? ClosedAt { get; set; }
    /// <summary>When the importing side was last reminded that the confirmation is overdue.</summary>
    public DateTime? LastReminderAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The KP loop is closed: confirmed, seized, returned or cancelled.</summary>
    public bool Closed => Status is ShipmentStatus.Confirmed or ShipmentStatus.Seized or ShipmentStatus.Returned or ShipmentStatus.Cancelled;
}

/// <summary>What customs concluded at arrival.</summary>
public enum ArrivalOutcome
{
    Accepted,
    Detained,
}

/// <summary>
/// An importing customs officer's check of an arriving shipment: the certificate verified, the seal,
/// the parcels counted, the carats weighed and the value found. Kept whatever the outcome.
/// </summary>
public sealed class ArrivalCheck
{
    public long Id { get; set; }
    public required string CertificateNumber { get; set; }
    public required string ImportingParticipant { get; set; }
    /// <summary>The participant the certificate says issued it.</summary>
    public required string ExportingParticipant { get; set; }
    public required string CheckedBy { get; set; }
    public DateTime CheckedAt { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public bool CertificateValid { get; set; }
    /// <summary>The verifier's reason codes when the certificate did not verify.</summary>
    public List<string> VerificationReasons { get; set; } = [];
    public bool SealIntact { get; set; }
    public int Parcels { get; set; }
    public long CaratsHundredths { get; set; }
    public long UsdCents { get; set; }
    public ArrivalOutcome Outcome { get; set; }
    /// <summary>The discrepancy codes found (certificate-invalid, seal-broken, parcels-differ, …); empty when accepted.</summary>
    public List<string> Discrepancies { get; set; } = [];
    public string? Notes { get; set; }
}

/// <summary>
/// The importing authority's confirmation of receipt, sent to the exporting authority: signed with
/// the importing authority's key like a certificate (<c>KPC1:</c>), so anyone with the trust list
/// can verify it.
/// </summary>
public sealed class ImportConfirmation
{
    public long Id { get; set; }
    public required string CertificateNumber { get; set; }
    public required string ExportingParticipant { get; set; }
    public required string ImportingParticipant { get; set; }
    public required string ConfirmingAuthority { get; set; }
    public required string ExporterName { get; set; }
    public required string ImporterName { get; set; }
    public int Parcels { get; set; }
    public long CaratsHundredths { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public required string ConfirmedBy { get; set; }
    public DateTime ConfirmedAt { get; set; }
    public required string KeyId { get; set; }
    /// <summary>The signed form, <c>KPC1:…</c>.</summary>
    public required string SignedText { get; set; }
}

/// <summary>How a detention ended.</summary>
public enum CaseResolution
{
    Released,
    Seized,
    Returned,
}

/// <summary>
/// A detained shipment's case: both authorities see it and add notes and evidence; the importing side
/// resolves it. <see cref="NotifyBy"/> is the one-month limit for telling the issuing authority (KPCS
/// practice; EU Regulation 2368/2002 art. 5): OpenKP tells it at once, when the case opens.
/// </summary>
public sealed class DetentionCase
{
    public long Id { get; set; }
    public required string CertificateNumber { get; set; }
    public long? ShipmentId { get; set; }
    public long ArrivalCheckId { get; set; }
    public required string ExportingParticipant { get; set; }
    public required string ImportingParticipant { get; set; }
    public List<string> Discrepancies { get; set; } = [];
    public DateTime OpenedAt { get; set; }
    public required string OpenedBy { get; set; }
    public DateOnly NotifyBy { get; set; }
    public DateTime? IssuerNotifiedAt { get; set; }
    public CaseResolution? Resolution { get; set; }
    public string? ResolutionNote { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public List<CaseNote> Notes { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>A note on a case, with an evidence file when one was attached.</summary>
public sealed class CaseNote
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public required string Participant { get; set; }
    public required string Author { get; set; }
    public DateTime At { get; set; }
    public required string Text { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public long? FileSize { get; set; }
    public string? FileSha256 { get; set; }
}

/// <summary>A sealed shipment seen crossing a third participant, recorded there without a new certificate.</summary>
public sealed class TransitRecord
{
    public long Id { get; set; }
    public required string CertificateNumber { get; set; }
    public required string TransitParticipant { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
    public bool CertificateValid { get; set; }
    public List<string> VerificationReasons { get; set; } = [];
    public bool SealIntact { get; set; }
    public string? Notes { get; set; }
}

/// <summary>
/// A participant's shipment settings. <see cref="FourEyesThresholdUsdCents"/>: applications worth at
/// least this need two officers (null: one suffices). <see cref="OverdueAfterDays"/>: a certificate
/// with no confirmation this long after issue is overdue (default 30). Tolerances at the arrival
/// check, in basis points (1/100 %): weight default 0.5 %, value default 5 %.
/// </summary>
public sealed class ShipmentSettings
{
    public const int DefaultOverdueAfterDays = 30;
    public const int DefaultWeightToleranceBasisPoints = 50;
    public const int DefaultValueToleranceBasisPoints = 500;

    public required string ParticipantCode { get; set; }
    public long? FourEyesThresholdUsdCents { get; set; }
    public int OverdueAfterDays { get; set; } = DefaultOverdueAfterDays;
    public int WeightToleranceBasisPoints { get; set; } = DefaultWeightToleranceBasisPoints;
    public int ValueToleranceBasisPoints { get; set; } = DefaultValueToleranceBasisPoints;
    public Guid Version { get; set; } = Guid.NewGuid();

    public static ShipmentSettings DefaultFor(string participant) => new() { ParticipantCode = participant };
}

/// <summary>A file kept by content hash (attachments, case evidence): stored once however often it is attached.</summary>
public sealed class StoredFile
{
    public required string Sha256 { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public DateTime StoredAt { get; set; }
}
