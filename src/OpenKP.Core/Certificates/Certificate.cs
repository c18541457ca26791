namespace OpenKP.Certificates;

/// <summary>Where an issued certificate stands. A voided certificate fails verification from the moment it is voided.</summary>
public enum CertificateStatus
{
    Issued,
    Voided,
}

/// <summary>
/// An issued KP certificate as stored: the signed QR text is the authority (what was signed), the
/// columns beside it make it searchable. Amounts are whole hundredths of a carat and US cents, so
/// SQLite and PostgreSQL sum them alike.
/// </summary>
public sealed class Certificate : Audit.IAuditKeyed
{
    /// <summary>Audit rows name a certificate by its number.</summary>
    string Audit.IAuditKeyed.AuditKey => Number;

    public long Id { get; set; }
    public required string Number { get; set; }
    public required string IssuingParticipant { get; set; }
    public required string IssuingAuthority { get; set; }
    /// <summary>The importing participant as the certificate names it (ISO code or <c>EU</c>).</summary>
    public required string ImportingParticipant { get; set; }
    public required string ExporterName { get; set; }
    public required string ExporterAddress { get; set; }
    public required string ExporterLicence { get; set; }
    public required string ImporterName { get; set; }
    public required string ImporterAddress { get; set; }
    public string? ImporterLicence { get; set; }
    /// <summary>ISO code of the country of origin, or <c>mixed</c>.</summary>
    public required string Origin { get; set; }
    public string? Provenance { get; set; }
    public string? OriginZone { get; set; }
    public int Parcels { get; set; }
    public DateOnly IssuedOn { get; set; }
    public DateOnly ExpiresOn { get; set; }
    public List<string> SealNumbers { get; set; } = [];
    public List<string> ContainerNumbers { get; set; } = [];
    public string? QualityNotes { get; set; }
    /// <summary>The voided certificate this one replaces.</summary>
    public string? Replaces { get; set; }
    /// <summary>The certificate that replaced this one, once voided and replaced.</summary>
    public string? ReplacedBy { get; set; }
    public long TotalCaratsHundredths { get; set; }
    public long TotalUsdCents { get; set; }
    public List<CertificateLineRow> Lines { get; set; } = [];
    /// <summary>The signing key's id, lowercase hex.</summary>
    public required string KeyId { get; set; }
    /// <summary>The signed form, <c>KP1:…</c>: what the QR carries.</summary>
    public required string QrText { get; set; }
    public CertificateStatus Status { get; set; }
    public DateTime? VoidedAt { get; set; }
    public string? VoidReason { get; set; }
    public string? VoidedBy { get; set; }
    public required string IssuedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The certificate's content, rebuilt from the columns (equal to what was signed).</summary>
    public CertificateContent Content() => new(
        Number, IssuingParticipant, IssuingAuthority,
        new CertificateExporter(ExporterName, ExporterAddress, ExporterLicence),
        new CertificateImporter(ImporterName, ImporterAddress, ImportingParticipant, ImporterLicence),
        Origin, Provenance, OriginZone,
        [.. Lines.OrderBy(l => l.Position).Select(l => new CertificateLine(l.HsCode, l.CaratsHundredths / 100m, l.UsdCents / 100m))],
        Parcels, IssuedOn, ExpiresOn, SealNumbers, ContainerNumbers, QualityNotes, Replaces);

    /// <summary>A new row for signed content.</summary>
    public static Certificate From(CertificateContent c, string keyId, string qrText, string issuedBy, DateTime createdAt) => new()
    {
        Number = c.Number,
        IssuingParticipant = c.IssuingParticipant,
        IssuingAuthority = c.IssuingAuthority,
        ImportingParticipant = c.Importer.Participant,
        ExporterName = c.Exporter.Name,
        ExporterAddress = c.Exporter.Address,
        ExporterLicence = c.Exporter.Licence,
        ImporterName = c.Importer.Name,
        ImporterAddress = c.Importer.Address,
        ImporterLicence = c.Importer.Licence,
        Origin = c.Origin,
        Provenance = c.Provenance,
        OriginZone = c.OriginZone,
        Parcels = c.Parcels,
        IssuedOn = c.IssuedOn,
        ExpiresOn = c.ExpiresOn,
        SealNumbers = [.. c.SealNumbers],
        ContainerNumbers = [.. c.ContainerNumbers],
        QualityNotes = c.QualityNotes,
        Replaces = c.Replaces,
        TotalCaratsHundredths = Hundredths(c.TotalCarats),
        TotalUsdCents = Hundredths(c.TotalUsd),
        Lines = [.. c.Lines.Select((l, i) => new CertificateLineRow
        {
            Position = i + 1, HsCode = l.HsCode, CaratsHundredths = Hundredths(l.Carats), UsdCents = Hundredths(l.Usd),
        })],
        KeyId = keyId,
        QrText = qrText,
        Status = CertificateStatus.Issued,
        IssuedBy = issuedBy,
        CreatedAt = createdAt,
    };

    /// <summary>Carats or US$ as whole hundredths (of a carat, cents), as every amount is stored; checked, never wrapping.</summary>
    internal static long Hundredths(decimal amount) => checked((long)(amount * 100m));
}

/// <summary>One line of a stored certificate: HS code, carats in hundredths, US$ in cents.</summary>
public sealed class CertificateLineRow
{
    public long Id { get; set; }
    public long CertificateId { get; set; }
    /// <summary>1-based, in the order the certificate lists its lines.</summary>
    public int Position { get; set; }
    public required string HsCode { get; set; }
    public long CaratsHundredths { get; set; }
    public long UsdCents { get; set; }
}

/// <summary>
/// The last number a participant issued in a numbering period (a year, or 0 when its format has no
/// year). Bumped in the same transaction that stores the certificate, so numbers never repeat and
/// never skip: a failed issuance rolls the bump back with it.
/// </summary>
public sealed class CertificateSequence
{
    public required string ParticipantCode { get; set; }
    public int Period { get; set; }
    public long Last { get; set; }
}

/// <summary>Why a number was reported: blank forms or numbers lost, or stolen.</summary>
public enum ReportedNumberKind
{
    Lost,
    Stolen,
}

/// <summary>A certificate number (or a blank form's number) reported lost or stolen: it fails verification and joins the revocation list.</summary>
public sealed class ReportedNumber
{
    public long Id { get; set; }
    public required string ParticipantCode { get; set; }
    public required string Number { get; set; }
    public ReportedNumberKind Kind { get; set; }
    public DateOnly ReportedOn { get; set; }
    public string? Note { get; set; }
    public required string ReportedBy { get; set; }
}
