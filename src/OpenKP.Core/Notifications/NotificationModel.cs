using Microsoft.EntityFrameworkCore;

namespace OpenKP.Notifications;

internal static class NotificationModel
{
    public static void ConfigureNotifications(this ModelBuilder b)
    {
        b.Entity<OutboxEvent>(e =>
        {
            e.ToTable("outbox_events");
            e.Property(x => x.Type).HasMaxLength(64);
            e.HasIndex(x => x.EventId).IsUnique();
        });
        b.Entity<InboxMessage>(e =>
        {
            e.ToTable("inbox_messages");
            e.Property(x => x.Type).HasMaxLength(64);
            e.Property(x => x.Subject).HasMaxLength(300);
            e.Property(x => x.Body).HasMaxLength(4000);
            e.Property(x => x.Link).HasMaxLength(1000);
            e.HasMany(x => x.Audiences).WithOne().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.CreatedAt);
        });
        b.Entity<InboxAudience>(e =>
        {
            e.ToTable("inbox_audiences");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Participant).HasMaxLength(2);
            e.HasIndex(x => new { x.Kind, x.Participant });
            e.HasIndex(x => x.OperatorId);
        });
        b.Entity<InboxRead>(e =>
        {
            e.ToTable("inbox_reads");
            e.Property(x => x.UserId).HasMaxLength(450);
            e.HasOne<InboxMessage>().WithMany().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.UserId, x.MessageId }).IsUnique();
        });
        b.Entity<EmailMessage>(e =>
        {
            e.ToTable("email_messages");
            e.Property(x => x.ToAddress).HasMaxLength(256);
            e.Property(x => x.ToName).HasMaxLength(256);
            e.Property(x => x.Subject).HasMaxLength(300);
            e.Property(x => x.Body).HasMaxLength(4000);
            e.Property(x => x.Link).HasMaxLength(1000);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.LastError).HasMaxLength(1000);
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
        });
        b.Entity<WebhookSubscription>(e =>
        {
            e.ToTable("webhook_subscriptions");
            e.Property(x => x.ParticipantCode).HasMaxLength(2);
            e.Property(x => x.Url).HasMaxLength(WebhookRules.MaxUrlLength);
            e.Property(x => x.Events).HasMaxLength(2000);
            e.Property(x => x.ProtectedSecret).HasMaxLength(1000);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Ignore(x => x.EventList);
            e.HasIndex(x => new { x.ParticipantCode, x.Active });
        });
        b.Entity<WebhookDelivery>(e =>
        {
            e.ToTable("webhook_deliveries");
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.HasOne(x => x.Subscription).WithMany().HasForeignKey(x => x.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Event).WithMany().HasForeignKey(x => x.OutboxEventId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.AttemptLog).WithOne().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
            e.HasIndex(x => new { x.SubscriptionId, x.CreatedAt });
        });
        b.Entity<WebhookAttempt>(e =>
        {
            e.ToTable("webhook_attempts");
            e.Property(x => x.Error).HasMaxLength(1000);
        });
    }
}
