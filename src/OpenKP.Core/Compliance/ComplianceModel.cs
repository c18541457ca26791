using Microsoft.EntityFrameworkCore;
using OpenKP.Registry;

namespace OpenKP.Compliance;

internal static class ComplianceModel
{
    private const int Text = 20000;

    public static void ConfigureCompliance(this ModelBuilder b)
    {
        b.Entity<Meeting>(e =>
        {
            e.ToTable("meetings");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Place).HasMaxLength(200);
            e.Property(x => x.ChairParticipantCode).HasMaxLength(2);
            e.Property(x => x.Summary).HasMaxLength(Text);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.StartsOn);
        });
        b.Entity<Decision>(e =>
        {
            e.ToTable("decisions");
            e.Property(x => x.Number).HasMaxLength(32);
            e.Property(x => x.Title).HasMaxLength(500);
            e.Property(x => x.Text).HasMaxLength(Text);
            e.Property(x => x.Procedure).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.WorkingBodyCode).HasMaxLength(16);
            e.Property(x => x.Objections).HasMaxLength(Text);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.AdoptedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.Number).IsUnique();
            e.HasIndex(x => new { x.Status, x.AdoptedOn });
            e.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Effects).WithOne().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<DecisionEffect>(e =>
        {
            e.ToTable("decision_effects");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.ParticipantCode).HasMaxLength(2);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Scope).HasMaxLength(500);
            e.Property(x => x.ZoneName).HasMaxLength(200);
            e.Property(x => x.Note).HasMaxLength(4000);
            e.HasIndex(x => x.ParticipantCode);
        });
        b.Entity<Chairmanship>(e =>
        {
            e.ToTable("chairmanships");
            e.HasKey(x => x.Year);
            e.Property(x => x.Year).ValueGeneratedNever();
            e.Property(x => x.ChairParticipantCode).HasMaxLength(2);
            e.Property(x => x.ViceChairParticipantCode).HasMaxLength(2);
            e.Property(x => x.ChairPerson).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<BodyMembership>(e =>
        {
            e.ToTable("body_memberships");
            e.Property(x => x.BodyCode).HasMaxLength(16);
            e.Property(x => x.MemberKind).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.ParticipantCode).HasMaxLength(2);
            e.Property(x => x.ObserverName).HasMaxLength(200);
            e.Property(x => x.Role).HasConversion<string>().HasMaxLength(32);
            e.HasIndex(x => new { x.BodyCode, x.Year });
        });
        b.Entity<BodyOutcome>(e =>
        {
            e.ToTable("body_outcomes");
            e.Property(x => x.BodyCode).HasMaxLength(16);
            e.Property(x => x.Text).HasMaxLength(Text);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.BodyCode, x.Year }).IsUnique();
        });
        b.Entity<AdmissionApplication>(e =>
        {
            e.ToTable("admission_applications");
            e.Property(x => x.ApplicantCode).HasMaxLength(2);
            e.Property(x => x.ApplicantNameEn).HasMaxLength(200);
            e.Property(x => x.ApplicantNameFr).HasMaxLength(200);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
            foreach (var p in new[] { nameof(AdmissionApplication.Legislation), nameof(AdmissionApplication.Authorities), nameof(AdmissionApplication.InternalControls), nameof(AdmissionApplication.VisitReport), nameof(AdmissionApplication.Assessment), nameof(AdmissionApplication.Recommendation) })
            {
                e.Property(p).HasMaxLength(Text);
            }

            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.ApplicantCode);
            e.HasOne<Decision>().WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Checklist).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Documents).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AdmissionChecklistItem>(e =>
        {
            e.ToTable("admission_checklist_items");
            e.Property(x => x.RequirementCode).HasMaxLength(64);
            e.Property(x => x.Assessment).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Comment).HasMaxLength(4000);
            e.HasIndex(x => new { x.ApplicationId, x.RequirementCode }).IsUnique();
        });
        b.Entity<AdmissionDocument>(e =>
        {
            e.ToTable("admission_documents");
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.FileName).HasMaxLength(300);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.UploadedBy).HasMaxLength(256);
        });
        b.Entity<AnnualReport>(e =>
        {
            e.ToTable("annual_reports");
            e.Property(x => x.ParticipantCode).HasMaxLength(2);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
            foreach (var p in new[]
                     {
                         nameof(AnnualReport.LegalFramework), nameof(AnnualReport.InternalControls), nameof(AnnualReport.ArtisanalAlluvial), nameof(AnnualReport.StatisticsSummary),
                         nameof(AnnualReport.Enforcement), nameof(AnnualReport.Cooperation), nameof(AnnualReport.SystemOfWarranties), nameof(AnnualReport.Challenges), nameof(AnnualReport.AssessmentComments),
                     })
            {
                e.Property(p).HasMaxLength(Text);
            }

            e.Property(x => x.SubmittedBy).HasMaxLength(256);
            e.Property(x => x.AssessedBy).HasMaxLength(256);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.ParticipantCode, x.Year }).IsUnique();
            e.HasIndex(x => new { x.Year, x.Status });
            e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantCode).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<PeerReview>(e =>
        {
            e.ToTable("peer_reviews");
            e.Property(x => x.ParticipantCode).HasMaxLength(2);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
            foreach (var p in new[] { nameof(PeerReview.TermsOfReference), nameof(PeerReview.DraftReport), nameof(PeerReview.ParticipantComments), nameof(PeerReview.FinalReport) })
            {
                e.Property(p).HasMaxLength(Text);
            }

            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.ParticipantCode, x.StartsOn });
            e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Decision>().WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Team).WithOne().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Recommendations).WithOne().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ReviewTeamMember>(e =>
        {
            e.ToTable("review_team_members");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.ParticipantCode).HasMaxLength(2);
            e.Property(x => x.ObserverName).HasMaxLength(200);
            e.Property(x => x.PersonName).HasMaxLength(200);
        });
        b.Entity<Recommendation>(e =>
        {
            e.ToTable("recommendations");
            e.Property(x => x.ParticipantCode).HasMaxLength(2);
            e.Property(x => x.Text).HasMaxLength(4000);
            e.Property(x => x.Owner).HasMaxLength(300);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.ReviewId, x.Number }).IsUnique();
            e.HasIndex(x => new { x.ParticipantCode, x.Status });
            e.HasMany(x => x.Updates).WithOne().HasForeignKey(x => x.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<RecommendationUpdate>(e =>
        {
            e.ToTable("recommendation_updates");
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Note).HasMaxLength(4000);
            e.Property(x => x.By).HasMaxLength(256);
        });
        b.Entity<ComplianceCase>(e =>
        {
            e.ToTable("compliance_cases");
            e.Property(x => x.ParticipantCode).HasMaxLength(2);
            e.Property(x => x.Source).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.RecommendedMeasure).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Summary).HasMaxLength(Text);
            e.Property(x => x.MeasureScope).HasMaxLength(500);
            e.Property(x => x.MeasureReason).HasMaxLength(Text);
            e.Property(x => x.Outcome).HasMaxLength(Text);
            e.Property(x => x.OpenedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.ParticipantCode, x.Status });
            e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Decision>().WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Steps).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.WorkPlan).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ComplianceCaseStep>(e =>
        {
            e.ToTable("compliance_case_steps");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Text).HasMaxLength(Text);
            e.Property(x => x.By).HasMaxLength(256);
        });
        b.Entity<WorkPlanItem>(e =>
        {
            e.ToTable("work_plan_items");
            e.Property(x => x.Text).HasMaxLength(4000);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.Status, x.DueOn });
        });
        b.Entity<ChairReport>(e =>
        {
            e.ToTable("chair_reports");
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.IssuedBy).HasMaxLength(256);
            e.Property(x => x.IssuedSnapshot).HasMaxLength(1_000_000);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.Year).IsUnique();
            e.HasMany(x => x.Sections).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ChairReportSection>(e =>
        {
            e.ToTable("chair_report_sections");
            e.Property(x => x.Key).HasMaxLength(64);
            e.Property(x => x.Language).HasMaxLength(8);
            e.Property(x => x.Text).HasMaxLength(Text);
            e.HasIndex(x => new { x.ReportId, x.Key, x.Language }).IsUnique();
        });
        b.Entity<DeadlineReminder>(e =>
        {
            e.ToTable("deadline_reminders");
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.Stage).HasMaxLength(32);
            e.HasIndex(x => new { x.Kind, x.SubjectId, x.Stage }).IsUnique();
        });
    }
}
