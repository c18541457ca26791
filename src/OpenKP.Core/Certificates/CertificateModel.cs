using Microsoft.EntityFrameworkCore;
using OpenKP.Registry;

namespace OpenKP.Certificates;

internal static class CertificateModel
{
    public static void ConfigureCertificates(this ModelBuilder b)
    {
        b.Entity<Certificate>(e =>
        {
            e.ToTable("certificates");
            e.Property(x => x.Number).HasMaxLength(64);
            e.HasIndex(x => x.Number).IsUnique();
            e.Property(x => x.IssuingParticipant).HasMaxLength(2);
            e.Property(x => x.IssuingAuthority).HasMaxLength(300);
            e.Property(x => x.ImportingParticipant).HasMaxLength(2);
            e.Property(x => x.ExporterName).HasMaxLength(300);
            e.Property(x => x.ExporterAddress).HasMaxLength(1000);
            e.Property(x => x.ExporterLicence).HasMaxLength(64);
            e.Property(x => x.ImporterName).HasMaxLength(300);
            e.Property(x => x.ImporterAddress).HasMaxLength(1000);
            e.Property(x => x.ImporterLicence).HasMaxLength(64);
            e.Property(x => x.Origin).HasMaxLength(8);
            e.Property(x => x.Provenance).HasMaxLength(2);
            e.Property(x => x.OriginZone).HasMaxLength(200);
            e.Property(x => x.QualityNotes).HasMaxLength(2000);
            e.Property(x => x.Replaces).HasMaxLength(64);
            e.Property(x => x.ReplacedBy).HasMaxLength(64);
            e.Property(x => x.KeyId).HasMaxLength(16);
            e.Property(x => x.QrText).HasMaxLength(4000);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.VoidReason).HasMaxLength(1000);
            e.Property(x => x.VoidedBy).HasMaxLength(256);
            e.Property(x => x.IssuedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.CertificateId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Participant>().WithMany().HasForeignKey(x => x.IssuingParticipant).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.IssuingParticipant, x.IssuedOn });
            e.HasIndex(x => new { x.ImportingParticipant, x.IssuedOn });
            e.HasIndex(x => x.Status);
            // Statistics read a year of every participant's certificates by issue date.
            e.HasIndex(x => x.IssuedOn);
        });
        b.Entity<CertificateLineRow>(e =>
        {
            e.ToTable("certificate_lines");
            e.Property(x => x.HsCode).HasMaxLength(7);
            e.HasIndex(x => new { x.CertificateId, x.Position }).IsUnique();
        });
        b.Entity<CertificateSequence>(e =>
        {
            e.ToTable("certificate_sequences");
            e.HasKey(x => new { x.ParticipantCode, x.Period });
            e.Property(x => x.ParticipantCode).HasMaxLength(2);
        });
        b.Entity<ReportedNumber>(e =>
        {
            e.ToTable("reported_numbers");
            e.Property(x => x.ParticipantCode).HasMaxLength(2);
            e.Property(x => x.Number).HasMaxLength(64);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.ReportedBy).HasMaxLength(256);
            e.HasIndex(x => x.Number).IsUnique();
        });
        b.Entity<SigningKey>(e =>
        {
            e.ToTable("signing_keys");
            e.HasKey(x => x.KeyId);
            e.Property(x => x.KeyId).HasMaxLength(16);
            e.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.ParticipantCode).HasMaxLength(2);
            e.Property(x => x.Authority).HasMaxLength(300);
            e.Property(x => x.PublicKey).HasMaxLength(200);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.StatusReason).HasMaxLength(1000);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.ParticipantCode, x.Status });
        });
    }
}
