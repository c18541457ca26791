using Microsoft.EntityFrameworkCore;

namespace OpenKP.Statistics;

internal static class AnomalyModel
{
    public static void ConfigureAnomalies(this ModelBuilder b)
    {
        b.Entity<Anomaly>(e =>
        {
            e.ToTable("statistics_anomalies");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.ParticipantCode).HasMaxLength(2);
            e.Property(x => x.Period).HasMaxLength(16);
            e.Property(x => x.Subject).HasMaxLength(64);
            e.Property(x => x.Unit).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Details).HasMaxLength(1000);
            // Detecting again finds the same row: never two anomalies of one kind about one thing.
            e.HasIndex(x => new { x.Kind, x.ParticipantCode, x.Period, x.Subject }).IsUnique();
            e.HasIndex(x => new { x.Year, x.ParticipantCode });
        });
        b.Entity<AnomalySettings>(e =>
        {
            e.ToTable("anomaly_settings");
            e.HasKey(x => x.Scheme);
            e.Property(x => x.Scheme).HasMaxLength(8);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<Questionnaire>(e =>
        {
            e.ToTable("anomaly_questionnaires");
            e.Property(x => x.ParticipantCode).HasMaxLength(2);
            e.Property(x => x.Period).HasMaxLength(16);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.SentBy).HasMaxLength(256);
            e.Property(x => x.AnsweredBy).HasMaxLength(256);
            e.Property(x => x.DecidedBy).HasMaxLength(256);
            e.Property(x => x.DecisionNote).HasMaxLength(2000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasMany(x => x.Questions).WithOne().HasForeignKey(q => q.QuestionnaireId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ParticipantCode, x.Status });
            e.HasIndex(x => new { x.Status, x.DueOn });
        });
        b.Entity<QuestionnaireQuestion>(e =>
        {
            e.ToTable("anomaly_questionnaire_questions");
            e.Property(x => x.Text).HasMaxLength(4000);
            e.Property(x => x.Answer).HasMaxLength(8000);
            e.HasOne<Anomaly>().WithMany().HasForeignKey(x => x.AnomalyId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.QuestionnaireId, x.Number });
            e.HasIndex(x => x.AnomalyId);
        });
    }
}
