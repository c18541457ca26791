using Microsoft.EntityFrameworkCore;

namespace OpenKP.Statistics;

internal static class FootprintModel
{
    public static void ConfigureFootprints(this ModelBuilder b)
    {
        b.Entity<FootprintRun>(e =>
        {
            e.ToTable("footprint_runs");
            e.Property(x => x.ComputedBy).HasMaxLength(256);
            e.HasMany(x => x.Rows).WithOne().HasForeignKey(f => f.FootprintRunId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.ComputedAt);
        });
        b.Entity<Footprint>(e =>
        {
            e.ToTable("footprints");
            e.Property(x => x.Origin).HasMaxLength(8);
            e.Property(x => x.Zone).HasMaxLength(200);
            e.Property(x => x.HsCode).HasMaxLength(16);
            e.Ignore(x => x.HasBand);
            e.Ignore(x => x.MeanStoneCarats);
            // The review and the arrival check look one footprint up by this key: one index seek.
            e.HasIndex(x => new { x.Origin, x.Zone, x.HsCode }).IsUnique();
        });
    }
}
