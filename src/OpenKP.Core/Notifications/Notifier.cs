using System.Text.Json;
using OpenKP.Accounts;
using OpenKP.Data;

namespace OpenKP.Notifications;

/// <summary>
/// Publishes notices through the caller's unit of work: <see cref="Publish"/> adds the rows (inbox,
/// e-mail and webhook outbox) to <see cref="OpenKpDb"/> without saving, so they commit with the
/// change they announce, or not at all.
/// </summary>
public sealed class Notifier(OpenKpDb db, TimeProvider clock, RecipientCache? cache = null)
{
    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Adds the notice's rows to the context; the caller's SaveChanges commits them. Each call is a new event
    /// (a new event id): publish once per change. Reads the recipients (users, webhook subscriptions) now.
    /// </summary>
    public void Publish(Notice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var now = clock.GetUtcNow().UtcDateTime;
        var eventId = Guid.NewGuid();
        var payload = JsonSerializer.Serialize(new { id = eventId, type = notice.Type, occurredAt = now, data = notice.Data }, PayloadJson);
        var outbox = new OutboxEvent { EventId = eventId, Type = notice.Type, OccurredAt = now, Payload = payload };
        db.OutboxEvents.Add(outbox);

        var audiences = notice.To.Distinct().ToList();
        db.InboxMessages.Add(new InboxMessage
        {
            EventId = eventId,
            Type = notice.Type,
            Subject = Clip(notice.Subject, 300),
            Body = Clip(notice.Body, 4000),
            Link = notice.Link,
            CreatedAt = now,
            Audiences = [.. audiences.Select(a => new InboxAudience { Kind = a.Kind, Participant = a.Participant?.ToUpperInvariant(), OperatorId = a.OperatorId })],
        });

        foreach (var user in Recipients(audiences).Where(u => !string.IsNullOrWhiteSpace(u.Email)))
        {
            db.EmailMessages.Add(new EmailMessage
            {
                EventId = eventId,
                ToAddress = user.Email!.Trim(),
                ToName = user.DisplayName,
                Subject = Clip(notice.Subject, 300),
                Body = Clip(notice.Body, 4000),
                Link = notice.Link,
                CreatedAt = now,
                Status = DeliveryStatus.Pending,
                NextAttemptAt = now,
            });
        }

        foreach (var subscription in Subscriptions(audiences).Where(s => s.Wants(notice.Type)))
        {
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                SubscriptionId = subscription.Id,
                Event = outbox,
                CreatedAt = now,
                Status = DeliveryStatus.Pending,
                NextAttemptAt = now,
            });
        }
    }

    private sealed record Recipient(string? Email, string DisplayName);

    /// <summary>The accounts and active subscriptions: from the app's cache when it has one, else read now.</summary>
    private (IReadOnlyList<Account> Accounts, IReadOnlyList<WebhookSubscription> Subscriptions) Directory()
        => cache?.Get(db) ?? RecipientCache.Load(db);

    /// <summary>Every account in one of the audiences (distinct).</summary>
    private List<Recipient> Recipients(List<Audience> audiences)
    {
        var all = audiences.Any(a => a.Kind == AudienceKind.AllAuthorities);
        var secretariat = all || audiences.Any(a => a.Kind == AudienceKind.Secretariat);
        var authorities = Participants(audiences, AudienceKind.Authority);
        var customs = Participants(audiences, AudienceKind.Customs);
        var operators = audiences.Where(a => a.Kind == AudienceKind.Operator && a.OperatorId is not null).Select(a => a.OperatorId).Distinct().ToList();
        return [.. Directory().Accounts
            .Where(u => (u.Role == Roles.AuthorityOfficer && (all || authorities.Contains(u.Participant ?? string.Empty)))
                || (u.Role == Roles.CustomsOfficer && customs.Contains(u.Participant ?? string.Empty))
                || (secretariat && u.Role == Roles.Secretariat)
                || (u.OperatorId is not null && operators.Contains(u.OperatorId)))
            .DistinctBy(u => u.Id)
            .Select(u => new Recipient(u.Email, u.DisplayName))];
    }

    /// <summary>Active subscriptions of the participants whose authority or customs officers are in the audience (every participant for AllAuthorities).</summary>
    private List<WebhookSubscription> Subscriptions(List<Audience> audiences)
    {
        var all = audiences.Any(a => a.Kind == AudienceKind.AllAuthorities);
        var participants = audiences.Where(a => a.Kind is AudienceKind.Authority or AudienceKind.Customs && a.Participant is not null)
            .Select(a => a.Participant!.ToUpperInvariant()).Distinct().ToList();
        if (!all && participants.Count == 0)
        {
            return [];
        }

        return [.. Directory().Subscriptions.Where(s => all || participants.Contains(s.ParticipantCode))];
    }

    private static List<string> Participants(List<Audience> audiences, AudienceKind kind)
        => [.. audiences.Where(a => a.Kind == kind && a.Participant is not null).Select(a => a.Participant!.ToUpperInvariant()).Distinct()];

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
