using OpenKP.Certificates;
using OpenKP.Shared;
using OpenKP.Statistics;

namespace OpenKP.Shipments;

public sealed record ApplicationAttachmentView(long Id, string Kind, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTime UploadedAt);

public sealed record ApplicationImporterView(string Name, string Address, string? Licence);

/// <summary>An export application as the API shows it; <c>version</c> goes back with changes and decisions.</summary>
public sealed record ApplicationView(
    long Id, string Status, string Participant, long OperatorId, string ExporterLicence, string ImportingParticipant, ApplicationImporterView Importer,
    string Origin, string? Provenance, string? OriginZone, IReadOnlyList<CertificateLineView> Lines, int Parcels, string InvoiceReference,
    IReadOnlyList<string> SealNumbers, IReadOnlyList<string> ContainerNumbers, string? QualityNotes, DateOnly? PlannedDeparture, DateOnly? ExpectedArrival,
    decimal TotalCarats, decimal TotalUsd, decimal? UsdPerCarat, string CreatedBy, DateTime CreatedAt, DateTime UpdatedAt, DateTime? SubmittedAt,
    string? FirstApprovedBy, DateTime? FirstApprovedAt, string? DecidedBy, DateTime? DecidedAt, string? DecisionNote, string? CertificateNumber,
    IReadOnlyList<ApplicationAttachmentView> Attachments, Guid Version)
{
    public static ApplicationView Of(ExportApplication a) => new(
        a.Id, Input.Kebab(a.Status), a.ParticipantCode, a.OperatorId, a.ExporterLicence, a.ImportingParticipant,
        new ApplicationImporterView(a.ImporterName, a.ImporterAddress, a.ImporterLicence), a.Origin, a.Provenance, a.OriginZone,
        [.. a.Lines.OrderBy(l => l.Position).Select(l => new CertificateLineView(l.HsCode, l.CaratsHundredths / 100m, l.UsdCents / 100m))],
        a.Parcels, a.InvoiceReference, a.SealNumbers, a.ContainerNumbers, a.QualityNotes, a.PlannedDeparture, a.ExpectedArrival,
        a.TotalCaratsHundredths / 100m, a.TotalUsdCents / 100m, a.TotalCaratsHundredths > 0 ? Math.Round((decimal)a.TotalUsdCents / a.TotalCaratsHundredths, 2) : null,
        a.CreatedBy, a.CreatedAt, a.UpdatedAt, a.SubmittedAt, a.FirstApprovedBy, a.FirstApprovedAt, a.DecidedBy, a.DecidedAt, a.DecisionNote, a.CertificateNumber,
        [.. a.Attachments.OrderBy(x => x.Id).Select(x => new ApplicationAttachmentView(x.Id, Input.Kebab(x.Kind), x.FileName, x.ContentType, x.Size, x.Sha256, x.UploadedBy, x.UploadedAt))],
        a.Version);
}

/// <summary>
/// The review screen: the application, every rule its certificate would break today, the price check, whether two officers must
/// approve, and each line against its origin's footprint (<c>footprint.warnings</c>: lines outside p1–p99, a prompt, not a block).
/// </summary>
public sealed record ApplicationReviewView(ApplicationView Application, IReadOnlyList<Violation> Violations, PriceCheck Price, bool NeedsTwoApprovals, FootprintCheck Footprint)
{
    public static ApplicationReviewView Of(ApplicationReview r) => new(ApplicationView.Of(r.Application), r.Violations, r.Price, r.NeedsTwoApprovals, r.Footprint);
}

/// <summary>An approval: the application, and the certificate when it was issued (null while a second approval is awaited).</summary>
public sealed record ApprovalView(ApplicationView Application, CertificateView? Certificate);

public sealed record ArrivalCheckView(
    long Id, string CertificateNumber, string ImportingParticipant, string ExportingParticipant, string CheckedBy, DateTime CheckedAt, DateOnly ReceivedOn,
    bool CertificateValid, IReadOnlyList<string> VerificationReasons, bool SealIntact, int Parcels, decimal Carats, decimal Usd, string Outcome,
    IReadOnlyList<string> Discrepancies, string? Notes)
{
    public static ArrivalCheckView Of(ArrivalCheck a) => new(
        a.Id, a.CertificateNumber, a.ImportingParticipant, a.ExportingParticipant, a.CheckedBy, a.CheckedAt, a.ReceivedOn, a.CertificateValid,
        a.VerificationReasons, a.SealIntact, a.Parcels, a.CaratsHundredths / 100m, a.UsdCents / 100m, Input.Kebab(a.Outcome), a.Discrepancies, a.Notes);
}

/// <summary>An import confirmation: the return slip's fields and its signed text (<c>KPC1:</c>), which verifies against the trust list.</summary>
public sealed record ConfirmationView(
    string CertificateNumber, string ExportingParticipant, string ImportingParticipant, string ConfirmingAuthority, string ExporterName, string ImporterName,
    int Parcels, decimal Carats, DateOnly ReceivedOn, string ConfirmedBy, DateTime ConfirmedAt, string KeyId, string SignedText)
{
    public static ConfirmationView Of(ImportConfirmation c) => new(
        c.CertificateNumber, c.ExportingParticipant, c.ImportingParticipant, c.ConfirmingAuthority, c.ExporterName, c.ImporterName,
        c.Parcels, c.CaratsHundredths / 100m, c.ReceivedOn, c.ConfirmedBy, c.ConfirmedAt, c.KeyId, c.SignedText);
}

public sealed record CaseNoteView(long Id, string Participant, string Author, DateTime At, string Text, string? FileName, string? ContentType, long? FileSize);

/// <summary>
/// A detention case. <c>notifyBy</c>: the one-month limit for telling the issuing authority;
/// <c>issuerNotifiedAt</c>: when OpenKP told it (when the case opened).
/// </summary>
public sealed record CaseView(
    long Id, string CertificateNumber, string ExportingParticipant, string ImportingParticipant, IReadOnlyList<string> Discrepancies, DateTime OpenedAt,
    string OpenedBy, DateOnly NotifyBy, DateTime? IssuerNotifiedAt, string Status, string? Resolution, string? ResolutionNote, DateTime? ResolvedAt,
    string? ResolvedBy, IReadOnlyList<CaseNoteView> Notes, Guid Version)
{
    public static CaseView Of(DetentionCase c) => new(
        c.Id, c.CertificateNumber, c.ExportingParticipant, c.ImportingParticipant, c.Discrepancies, c.OpenedAt, c.OpenedBy, c.NotifyBy, c.IssuerNotifiedAt,
        c.Resolution is null ? "open" : "resolved", c.Resolution is { } r ? Input.Kebab(r) : null, c.ResolutionNote, c.ResolvedAt, c.ResolvedBy,
        [.. c.Notes.OrderBy(n => n.At).ThenBy(n => n.Id).Select(n => new CaseNoteView(n.Id, n.Participant, n.Author, n.At, n.Text, n.FileName, n.ContentType, n.FileSize))],
        c.Version);
}

public sealed record TransitView(long Id, string CertificateNumber, string TransitParticipant, string RecordedBy, DateTime RecordedAt, bool CertificateValid,
    IReadOnlyList<string> VerificationReasons, bool SealIntact, string? Notes)
{
    public static TransitView Of(TransitRecord t) => new(t.Id, t.CertificateNumber, t.TransitParticipant, t.RecordedBy, t.RecordedAt, t.CertificateValid,
        t.VerificationReasons, t.SealIntact, t.Notes);
}

/// <summary>A shipment in a list: where it stands, and when it is expected.</summary>
public sealed record ShipmentSummary(
    string CertificateNumber, string ExportingParticipant, string ImportingParticipant, string Status, DateOnly IssuedOn, DateOnly ExpiresOn,
    DateOnly ExpectedArrival, DateTime? DepartedAt, long? ApplicationId)
{
    public static ShipmentSummary Of(Shipment s) => new(
        s.CertificateNumber, s.ExportingParticipant, s.ImportingParticipant, Input.Kebab(s.Status), s.IssuedOn, s.ExpiresOn, s.ExpectedArrival, s.DepartedAt, s.ApplicationId);
}

/// <summary>A shipment with its departure, transits, arrival checks, confirmation and cases.</summary>
public sealed record ShipmentView(
    ShipmentSummary Shipment, string? DepartedBy, IReadOnlyList<string> DepartureSeals, string? DepartureNote, IReadOnlyList<TransitView> Transits,
    IReadOnlyList<ArrivalCheckView> Arrivals, ConfirmationView? Confirmation, IReadOnlyList<CaseView> Cases, Guid Version)
{
    public static ShipmentView Of(ShipmentRecord r) => new(
        ShipmentSummary.Of(r.Shipment), r.Shipment.DepartedBy, r.Shipment.DepartureSeals, r.Shipment.DepartureNote,
        [.. r.Transits.Select(TransitView.Of)], [.. r.Arrivals.Select(ArrivalCheckView.Of)],
        r.Confirmation is { } c ? ConfirmationView.Of(c) : null, [.. r.Cases.Select(CaseView.Of)], r.Shipment.Version);
}

/// <summary>
/// The outcome of an arrival check: accepted with its confirmation, or detained with its case id; the verifier's verdict; and
/// the certificate's lines against its origin's footprint (<c>footprint.warnings</c>: a warning, the outcome does not change).
/// </summary>
public sealed record ArrivalResultView(ArrivalCheckView Check, ConfirmationView? Confirmation, long? CaseId, VerificationView Verification, FootprintCheck Footprint)
{
    public static ArrivalResultView Of(ArrivalResult r) => new(
        ArrivalCheckView.Of(r.Check), r.Confirmation is { } c ? ConfirmationView.Of(c) : null, r.Case?.Id, VerificationView.Of(r.Verification), r.Footprint);
}

public sealed record OverdueView(ShipmentSummary Shipment, string Reason, int DaysSinceIssue, DateTime? LastReminderAt)
{
    public static OverdueView Of(OverdueShipment o) => new(ShipmentSummary.Of(o.Shipment), Input.Kebab(o.Reason), o.DaysSinceIssue, o.Shipment.LastReminderAt);
}

/// <summary>A participant's shipment settings: US$ amounts in dollars, tolerances in percent.</summary>
public sealed record ShipmentSettingsView(string Participant, decimal? FourEyesThresholdUsd, int OverdueAfterDays, decimal WeightTolerancePercent, decimal ValueTolerancePercent, Guid Version)
{
    public static ShipmentSettingsView Of(ShipmentSettings s) => new(
        s.ParticipantCode, s.FourEyesThresholdUsdCents / 100m, s.OverdueAfterDays, s.WeightToleranceBasisPoints / 100m, s.ValueToleranceBasisPoints / 100m, s.Version);
}

/// <summary>The verdict on an import confirmation's signed text.</summary>
public sealed record ConfirmationVerificationView(bool Valid, IReadOnlyList<Violation> Reasons, ConfirmationContent? Confirmation, string? KeyId, string? Authority)
{
    public static ConfirmationVerificationView Of(ConfirmationVerification v) => new(v.Valid, v.Reasons, v.Confirmation, v.Key?.KeyIdHex, v.Key?.Authority);
}
