using Microsoft.EntityFrameworkCore;

namespace OpenKP.Registry;

internal static class RegistryModel
{
    public static void ConfigureRegistry(this ModelBuilder b)
    {
        b.Entity<Participant>(e =>
        {
            e.ToTable("participants");
            e.HasKey(p => p.Code);
            e.Property(p => p.Code).HasMaxLength(2);
            e.Property(p => p.NameEn).HasMaxLength(200);
            e.Property(p => p.NameFr).HasMaxLength(200);
            e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(p => p.AdmittedPrecision).HasConversion<string>().HasMaxLength(8);
            e.Property(p => p.Source).HasMaxLength(2000);
            e.Property(p => p.CertificateNumberFormat).HasMaxLength(40);
            e.Property(p => p.CertificateLanguage).HasMaxLength(8);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.Ignore(p => p.Admitted);
        });
        b.Entity<StatusEvent>(e =>
        {
            e.ToTable("status_events");
            e.Property(x => x.ParticipantCode).HasMaxLength(2);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Precision).HasConversion<string>().HasMaxLength(8);
            e.Property(x => x.Scope).HasMaxLength(500);
            e.Property(x => x.Note).HasMaxLength(4000);
            e.Property(x => x.Confidence).HasMaxLength(16);
            e.Property(x => x.EnteredBy).HasMaxLength(256);
            e.OwnsOne(x => x.Decision, Decision);
            e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantCode).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.ParticipantCode, x.EffectiveOn });
        });
        b.Entity<Embargo>(e =>
        {
            e.ToTable("embargoes");
            e.Property(x => x.OriginCode).HasMaxLength(2);
            e.Property(x => x.Note).HasMaxLength(4000);
            e.Property(x => x.EnteredBy).HasMaxLength(256);
            e.OwnsOne(x => x.Decision, Decision);
            e.Ignore(x => x.Period);
            e.HasIndex(x => x.OriginCode);
        });
        b.Entity<Zone>(e =>
        {
            e.ToTable("zones");
            e.Property(x => x.ParticipantCode).HasMaxLength(2);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Source).HasMaxLength(2000);
            e.Property(x => x.EnteredBy).HasMaxLength(256);
            e.Ignore(x => x.Period);
            e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantCode).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<EuMembership>(e =>
        {
            e.ToTable("eu_memberships");
            e.HasKey(x => x.CountryCode);
            e.Property(x => x.CountryCode).HasMaxLength(2);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Ignore(x => x.Period);
        });
        b.Entity<Authority>(e =>
        {
            e.ToTable("authorities");
            e.Property(x => x.ParticipantCode).HasMaxLength(2);
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.Address).HasMaxLength(1000);
            e.Property(x => x.Contact).HasMaxLength(500);
            e.Property(x => x.Role).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantCode).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Operator>(e =>
        {
            e.ToTable("operators");
            e.Property(x => x.ParticipantCode).HasMaxLength(2);
            e.Property(x => x.CompanyName).HasMaxLength(300);
            e.Property(x => x.Address).HasMaxLength(1000);
            e.Property(x => x.LicenceNumber).HasMaxLength(64);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.ParticipantCode, x.LicenceNumber }).IsUnique();
            e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantCode).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Observer>(e =>
        {
            e.ToTable("observers");
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Source).HasMaxLength(2000);
            e.HasIndex(x => x.Name).IsUnique();
        });
    }

    private static void Decision<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.OwnedNavigationBuilder<T, DecisionReference> d)
        where T : class
    {
        d.Property(x => x.Title).HasColumnName("decision_title").HasMaxLength(4000);
        d.Property(x => x.Date).HasColumnName("decision_date");
        d.Property(x => x.Reference).HasColumnName("decision_reference").HasMaxLength(2000);
        d.Property(x => x.DecisionId).HasColumnName("decision_id");
    }
}
