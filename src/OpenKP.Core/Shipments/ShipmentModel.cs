using Microsoft.EntityFrameworkCore;

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
    }
}
