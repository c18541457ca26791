using Microsoft.EntityFrameworkCore;

namespace OpenKP.Audit;

internal static class AuditModel
{
    public static void ConfigureAudit(this ModelBuilder b)
    {
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            // Ids are assigned under the chain lock so each row's hash can cover its own id.
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.UserName).HasMaxLength(256);
            e.Property(x => x.Role).HasMaxLength(64);
            e.Property(x => x.Participant).HasMaxLength(2);
            e.Property(x => x.Action).HasMaxLength(16);
            e.Property(x => x.Entity).HasMaxLength(128);
            e.Property(x => x.EntityKey).HasMaxLength(256);
            e.Property(x => x.PreviousHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.HasIndex(x => new { x.Entity, x.EntityKey });
        });
    }
}
