using Microsoft.EntityFrameworkCore;
using OpenKP.Registry;

namespace OpenKP.Shipments;

internal static class ShipmentModel
{
    public static void ConfigureShipments(this ModelBuilder b)
    {
        b.Entity<Alert>(e =>
        {
            e.ToTable("alerts");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.RaisedByParticipant).HasMaxLength(2);
            e.Property(x => x.RaisedBy).HasMaxLength(256);
            e.Property(x => x.CertificateNumber).HasMaxLength(64);
            e.Property(x => x.Subject).HasMaxLength(200);
            e.Property(x => x.Details).HasMaxLength(4000);
            e.HasMany(x => x.Acknowledgements).WithOne().HasForeignKey(a => a.AlertId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.RaisedAt);
        });
        b.Entity<AlertAcknowledgement>(e =>
        {
            e.ToTable("alert_acknowledgements");
            e.Property(x => x.ParticipantCode).HasMaxLength(2);
            e.Property(x => x.AcknowledgedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.AlertId, x.ParticipantCode }).IsUnique();
        });
        b.Entity<ExportApplication>(e =>
        {
            e.ToTable("export_applications");
            e.Property(x => x.ParticipantCode).HasMaxLength(2);
            e.Property(x => x.ExporterLicence).HasMaxLength(64);
            e.Property(x => x.ImportingParticipant).HasMaxLength(2);
            e.Property(x => x.ImporterName).HasMaxLength(300);
            e.Property(x => x.ImporterAddress).HasMaxLength(1000);
            e.Property(x => x.ImporterLicence).HasMaxLength(64);
            e.Property(x => x.Origin).HasMaxLength(8);
            e.Property(x => x.Provenance).HasMaxLength(2);
            e.Property(x => x.OriginZone).HasMaxLength(200);
            e.Property(x => x.InvoiceReference).HasMaxLength(100);
            e.Property(x => x.QualityNotes).HasMaxLength(2000);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.FirstApprovedBy).HasMaxLength(256);
            e.Property(x => x.DecidedBy).HasMaxLength(256);
            e.Property(x => x.DecisionNote).HasMaxLength(2000);
            e.Property(x => x.CertificateNumber).HasMaxLength(64);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Attachments).WithOne().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Operator>().WithMany().HasForeignKey(x => x.OperatorId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.ParticipantCode, x.Status });
            e.HasIndex(x => new { x.OperatorId, x.UpdatedAt });
        });
        b.Entity<ApplicationLine>(e =>
        {
            e.ToTable("export_application_lines");
            e.Property(x => x.HsCode).HasMaxLength(7);
            e.HasIndex(x => new { x.ApplicationId, x.Position }).IsUnique();
        });
        b.Entity<ApplicationAttachment>(e =>
        {
            e.ToTable("export_application_attachments");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.ContentType).HasMaxLength(64);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.UploadedBy).HasMaxLength(256);
        });
        b.Entity<Shipment>(e =>
        {
            e.ToTable("shipments");
            e.Property(x => x.CertificateNumber).HasMaxLength(64);
            e.HasIndex(x => x.CertificateNumber).IsUnique();
            e.Property(x => x.ExportingParticipant).HasMaxLength(2);
            e.Property(x => x.ImportingParticipant).HasMaxLength(2);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.DepartedBy).HasMaxLength(256);
            e.Property(x => x.DepartureNote).HasMaxLength(2000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.ImportingParticipant, x.Status });
            e.HasIndex(x => new { x.ExportingParticipant, x.Status, x.IssuedOn });
            e.HasIndex(x => x.ExporterOperatorId);
        });
        b.Entity<ArrivalCheck>(e =>
        {
            e.ToTable("arrival_checks");
            e.Property(x => x.CertificateNumber).HasMaxLength(64);
            e.Property(x => x.ImportingParticipant).HasMaxLength(2);
            e.Property(x => x.ExportingParticipant).HasMaxLength(8);
            e.Property(x => x.CheckedBy).HasMaxLength(256);
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Notes).HasMaxLength(2000);
            e.HasIndex(x => x.CertificateNumber);
        });
        b.Entity<ImportConfirmation>(e =>
        {
            e.ToTable("import_confirmations");
            e.Property(x => x.CertificateNumber).HasMaxLength(64);
            // A certificate is confirmed once: the database refuses a second confirmation even under a race.
            e.HasIndex(x => x.CertificateNumber).IsUnique();
            // Statistics read a period's imports by date of receipt (trade figures, reconciliation).
            e.HasIndex(x => x.ReceivedOn);
            e.Property(x => x.ExportingParticipant).HasMaxLength(2);
            e.Property(x => x.ImportingParticipant).HasMaxLength(2);
            e.Property(x => x.ConfirmingAuthority).HasMaxLength(300);
            e.Property(x => x.ExporterName).HasMaxLength(300);
            e.Property(x => x.ImporterName).HasMaxLength(300);
            e.Property(x => x.ConfirmedBy).HasMaxLength(256);
            e.Property(x => x.KeyId).HasMaxLength(16);
            e.Property(x => x.SignedText).HasMaxLength(4000);
            e.HasIndex(x => new { x.ExportingParticipant, x.ReceivedOn });
        });
        b.Entity<DetentionCase>(e =>
        {
            e.ToTable("detention_cases");
            e.Property(x => x.CertificateNumber).HasMaxLength(64);
            e.Property(x => x.ExportingParticipant).HasMaxLength(8);
            e.Property(x => x.ImportingParticipant).HasMaxLength(2);
            e.Property(x => x.OpenedBy).HasMaxLength(256);
            e.Property(x => x.Resolution).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.ResolutionNote).HasMaxLength(2000);
            e.Property(x => x.ResolvedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasMany(x => x.Notes).WithOne().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.CertificateNumber);
            e.HasIndex(x => x.ExportingParticipant);
            e.HasIndex(x => x.ImportingParticipant);
        });
        b.Entity<CaseNote>(e =>
        {
            e.ToTable("detention_case_notes");
            e.Property(x => x.Participant).HasMaxLength(2);
            e.Property(x => x.Author).HasMaxLength(256);
            e.Property(x => x.Text).HasMaxLength(4000);
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.ContentType).HasMaxLength(64);
            e.Property(x => x.FileSha256).HasMaxLength(64);
        });
        b.Entity<TransitRecord>(e =>
        {
            e.ToTable("transit_records");
            e.Property(x => x.CertificateNumber).HasMaxLength(64);
            e.Property(x => x.TransitParticipant).HasMaxLength(2);
            e.Property(x => x.RecordedBy).HasMaxLength(256);
            e.Property(x => x.Notes).HasMaxLength(2000);
            e.HasIndex(x => x.CertificateNumber);
        });
        b.Entity<ShipmentSettings>(e =>
        {
            e.ToTable("shipment_settings");
            e.HasKey(x => x.ParticipantCode);
            e.Property(x => x.ParticipantCode).HasMaxLength(2);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantCode).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<StoredFile>(e =>
        {
            e.ToTable("stored_files");
            e.HasKey(x => x.Sha256);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.ContentType).HasMaxLength(64);
        });
    }
}
