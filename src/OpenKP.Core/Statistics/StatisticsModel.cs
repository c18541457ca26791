using Microsoft.EntityFrameworkCore;

namespace OpenKP.Statistics;

internal static class StatisticsModel
{
    public static void ConfigureStatistics(this ModelBuilder b)
    {
        b.Entity<ProductionReturn>(e =>
        {
            e.ToTable("production_returns");
            e.Property(x => x.ParticipantCode).HasMaxLength(2);
            e.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.Property(x => x.SubmittedBy).HasMaxLength(256);
            e.Ignore(x => x.TotalCaratsHundredths);
            e.Ignore(x => x.TotalUsdCents);
            e.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.ProductionReturnId).OnDelete(DeleteBehavior.Cascade);
            // Two corrections at once get different numbers or one of them fails: never two revision 2s.
            e.HasIndex(x => new { x.ParticipantCode, x.Year, x.Half, x.Revision }).IsUnique();
            e.HasIndex(x => x.Year);
        });
        b.Entity<ProductionLine>(e =>
        {
            e.ToTable("production_lines");
            e.Property(x => x.MiningType).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.HsCode).HasMaxLength(16);
        });
        b.Entity<TradeSubmission>(e =>
        {
            e.ToTable("trade_submissions");
            e.Property(x => x.ParticipantCode).HasMaxLength(2);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.FileName).HasMaxLength(260);
            e.Property(x => x.FileSha256).HasMaxLength(64);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.Property(x => x.SubmittedBy).HasMaxLength(256);
            e.Ignore(x => x.Quarter);
            e.HasMany(x => x.Figures).WithOne().HasForeignKey(f => f.TradeSubmissionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Records).WithOne().HasForeignKey(r => r.TradeSubmissionId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ParticipantCode, x.Year, x.QuarterNumber, x.Revision }).IsUnique();
            e.HasIndex(x => x.Year);
        });
        b.Entity<SubmittedFigure>(e =>
        {
            e.ToTable("submitted_figures");
            e.Property(x => x.Flow).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Partner).HasMaxLength(2);
            e.Property(x => x.HsCode).HasMaxLength(16);
        });
        b.Entity<SubmittedRecord>(e =>
        {
            e.ToTable("submitted_records");
            e.Property(x => x.Flow).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.CertificateNumber).HasMaxLength(64);
            e.Property(x => x.Partner).HasMaxLength(2);
            e.Property(x => x.Origin).HasMaxLength(8);
            e.Property(x => x.HsCode).HasMaxLength(16);
            e.HasIndex(x => x.CertificateNumber);
            e.HasIndex(x => new { x.TradeSubmissionId, x.Flow });
        });
        b.Entity<StatisticsVintage>(e =>
        {
            e.ToTable("statistics_vintages");
            e.Property(x => x.PublishedBy).HasMaxLength(256);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.HasMany(x => x.Rows).WithOne().HasForeignKey(r => r.StatisticsVintageId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.Year, x.Number }).IsUnique();
        });
        b.Entity<VintageRow>(e =>
        {
            e.ToTable("statistics_vintage_rows");
            e.Property(x => x.ParticipantCode).HasMaxLength(2);
            e.HasIndex(x => new { x.StatisticsVintageId, x.ParticipantCode }).IsUnique();
        });
    }
}
