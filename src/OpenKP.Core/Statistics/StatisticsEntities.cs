namespace OpenKP.Statistics;

/// <summary>
/// A detail row written only with its audited parent (a return's line, an upload's row, a vintage's
/// row): the parent's audit row records the change, so these are not audited one by one — an upload
/// of 50,000 records is one audit row, not 50,001.
/// </summary>
public interface IStatisticsDetailRow;

/// <summary>How the diamonds of a production return were mined (KP statistics distinguish the two).</summary>
public enum MiningType
{
    Industrial,
    ArtisanalAlluvial,
}

/// <summary>
/// One revision of a participant's production return for a half year: carats and US$ by mining type,
/// optionally by HS code. A correction is a new revision with the next <see cref="Revision"/> number;
/// earlier revisions are kept, and the highest is the one that counts.
/// </summary>
public sealed class ProductionReturn : Audit.IAuditKeyed
{
    /// <summary>Audit rows name a return by participant, half and revision: <c>ZA-2026-H1-r2</c>.</summary>
    string Audit.IAuditKeyed.AuditKey => $"{ParticipantCode}-{Year}-H{Half}-r{Revision}";

    public long Id { get; set; }
    public required string ParticipantCode { get; set; }
    public int Year { get; set; }
    /// <summary>1 (January–June) or 2 (July–December).</summary>
    public int Half { get; set; }
    /// <summary>1 for the first submission, then one more for each correction.</summary>
    public int Revision { get; set; }
    /// <summary>How it came in: typed in the portal or the API (<see cref="SubmissionSource.Entered"/>), or uploaded as a file.</summary>
    public SubmissionSource Source { get; set; }
    public string? Note { get; set; }
    public required string SubmittedBy { get; set; }
    public DateTime SubmittedAt { get; set; }
    public List<ProductionLine> Lines { get; set; } = [];

    public long TotalCaratsHundredths => Lines.Sum(l => l.CaratsHundredths);
    public long TotalUsdCents => Lines.Sum(l => l.UsdCents);
}

/// <summary>One line of a production return: a mining type, optionally an HS code, carats in hundredths and US$ in cents.</summary>
public sealed class ProductionLine : IStatisticsDetailRow
{
    public long Id { get; set; }
    public long ProductionReturnId { get; set; }
    public MiningType MiningType { get; set; }
    /// <summary>Null when the return is not broken down by HS code.</summary>
    public string? HsCode { get; set; }
    public long CaratsHundredths { get; set; }
    public long UsdCents { get; set; }
}

/// <summary>How data reached OpenKP.</summary>
public enum SubmissionSource
{
    Entered,
    Uploaded,
}

/// <summary>What a participant running its own national system sends for a quarter instead of OpenKP's certificates.</summary>
public enum SubmissionKind
{
    /// <summary>Figures per flow, partner and HS code (the KP's quarterly template).</summary>
    QuarterlyFigures,
    /// <summary>One row per certificate line (export certificates issued, import certificates received).</summary>
    CertificateRecords,
}

/// <summary>
/// One revision of a participant's trade data for a quarter, uploaded because the participant runs its
/// own national system. While a participant has a submission for a quarter, its latest revision
/// replaces the figures OpenKP would derive from certificates for that participant and quarter.
/// Revisions are never changed or deleted.
/// </summary>
public sealed class TradeSubmission : Audit.IAuditKeyed
{
    /// <summary>Audit rows name a submission by participant, quarter and revision: <c>IN-2026-Q1-r2</c>.</summary>
    string Audit.IAuditKeyed.AuditKey => $"{ParticipantCode}-{Year}-Q{QuarterNumber}-r{Revision}";

    public long Id { get; set; }
    public required string ParticipantCode { get; set; }
    public int Year { get; set; }
    /// <summary>1–4.</summary>
    public int QuarterNumber { get; set; }
    public int Revision { get; set; }
    public SubmissionKind Kind { get; set; }
    /// <summary>The uploaded file's name as sent, for the revision list.</summary>
    public string? FileName { get; set; }
    /// <summary>The uploaded file's SHA-256, lowercase hex (the file itself is in the file store).</summary>
    public string? FileSha256 { get; set; }
    public string? Note { get; set; }
    public required string SubmittedBy { get; set; }
    public DateTime SubmittedAt { get; set; }
    public List<SubmittedFigure> Figures { get; set; } = [];
    public List<SubmittedRecord> Records { get; set; } = [];

    public Quarter Quarter => new(Year, QuarterNumber);
}

/// <summary>A figure of a <see cref="SubmissionKind.QuarterlyFigures"/> submission.</summary>
public sealed class SubmittedFigure : IStatisticsDetailRow
{
    public long Id { get; set; }
    public long TradeSubmissionId { get; set; }
    public TradeFlow Flow { get; set; }
    /// <summary>The partner participant (ISO code or <c>EU</c>).</summary>
    public required string Partner { get; set; }
    public required string HsCode { get; set; }
    public long CaratsHundredths { get; set; }
    public long UsdCents { get; set; }
    public int Certificates { get; set; }
}

/// <summary>
/// A certificate line of a <see cref="SubmissionKind.CertificateRecords"/> submission: an export
/// certificate the participant issued (dated by issue) or an import certificate it received (dated by
/// receipt). Reconciliation matches these against the partner's records by certificate number.
/// </summary>
public sealed class SubmittedRecord : IStatisticsDetailRow
{
    public long Id { get; set; }
    public long TradeSubmissionId { get; set; }
    public TradeFlow Flow { get; set; }
    public required string CertificateNumber { get; set; }
    /// <summary>The partner participant: the importer of an export, the exporter of an import.</summary>
    public required string Partner { get; set; }
    /// <summary>Issue date of an export, date of receipt of an import.</summary>
    public DateOnly Date { get; set; }
    /// <summary>ISO code of the country of origin, or <c>mixed</c>; null when not declared.</summary>
    public string? Origin { get; set; }
    public required string HsCode { get; set; }
    public long CaratsHundredths { get; set; }
    public long UsdCents { get; set; }
    /// <summary>The number of stones, where declared (feeds the mean stone size of footprints).</summary>
    public int? Stones { get; set; }
}

/// <summary>
/// A year's statistics as published by the secretariat, frozen: the public sees only published years,
/// each table states the vintage it shows, and a revision after publication makes a new vintage.
/// </summary>
public sealed class StatisticsVintage : Audit.IAuditKeyed
{
    /// <summary>Audit rows name a vintage by year and number: <c>2025-v2</c>.</summary>
    string Audit.IAuditKeyed.AuditKey => $"{Year}-v{Number}";

    public long Id { get; set; }
    public int Year { get; set; }
    /// <summary>1 for the first publication of the year, then one more per new vintage.</summary>
    public int Number { get; set; }
    public DateTime PublishedAt { get; set; }
    public required string PublishedBy { get; set; }
    /// <summary>Why this vintage exists: the first publication, or the revision that made it.</summary>
    public required string Reason { get; set; }
    public List<VintageRow> Rows { get; set; } = [];
}

/// <summary>One participant's published figures in a vintage. Amounts are hundredths of a carat and US cents.</summary>
public sealed class VintageRow : IStatisticsDetailRow
{
    public long Id { get; set; }
    public long StatisticsVintageId { get; set; }
    public required string ParticipantCode { get; set; }
    public long ProductionCaratsHundredths { get; set; }
    public long ProductionUsdCents { get; set; }
    public long ExportCaratsHundredths { get; set; }
    public long ExportUsdCents { get; set; }
    public int ExportCertificates { get; set; }
    public long ImportCaratsHundredths { get; set; }
    public long ImportUsdCents { get; set; }
    public int ImportCertificates { get; set; }
    /// <summary>False when the participant owed a production return for the year and sent none (the public list of non-submitters).</summary>
    public bool ProductionSubmitted { get; set; }
}

/// <summary>
/// Told when statistics of a year were revised (a production return corrected, a quarter re-uploaded),
/// inside the transaction that saved the revision, so that a published year gets its new vintage with
/// the revision or not at all.
/// </summary>
public interface IStatisticsRevisionObserver
{
    Task OnRevisedAsync(int year, string reason, string revisedBy, CancellationToken ct);
}

/// <summary>The kinds of data anomaly the Working Group on Statistics looks for (names are stable: API, questionnaires, the generator's plants).</summary>
public enum AnomalyKind
{
    /// <summary>A participant's US$/ct for an origin or HS code outside its own band (its history).</summary>
    PriceOutsideOwnBand,
    /// <summary>A participant's US$/ct outside the band of its peers (other participants exporting the same origin).</summary>
    PriceOutsidePeerBand,
    /// <summary>Exports over a year above production plus imports.</summary>
    ExportsExceedSupply,
    /// <summary>Exported or imported carats or US$ changed by more than the threshold from the previous period.</summary>
    PeriodChange,
    /// <summary>The number of certificates changed by more than the threshold from the previous period.</summary>
    CertificateCountJump,
    /// <summary>A production return or quarterly upload past its due date and never sent.</summary>
    MissingSubmission,
    /// <summary>Sent, but after its due date.</summary>
    LateSubmission,
}
