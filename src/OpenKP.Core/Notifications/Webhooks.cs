using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Shared;

namespace OpenKP.Notifications;

/// <summary>A subscription as the API shows it; the secret never appears here.</summary>
public sealed record WebhookView(long Id, string Participant, string Url, IReadOnlyList<string> Events, DateTime CreatedAt, string CreatedBy)
{
    public static WebhookView Of(WebhookSubscription s) => new(s.Id, s.ParticipantCode, s.Url, s.EventList, s.CreatedAt, s.CreatedBy);
}

/// <summary>The answer to a registration: the subscription and its signing secret, shown this once.</summary>
public sealed record WebhookCreatedView(long Id, string Participant, string Url, IReadOnlyList<string> Events, DateTime CreatedAt, string CreatedBy, string Secret);

public sealed record WebhookAttemptView(DateTime AttemptedAt, int? StatusCode, string? Error, long DurationMs);

/// <summary>One event's delivery to one endpoint: where it stands and every attempt.</summary>
public sealed record WebhookDeliveryView(
    long Id, long WebhookId, Guid EventId, string EventType, DateTime OccurredAt, string Status, int Attempts, DateTime? NextAttemptAt, DateTime? DeliveredAt,
    IReadOnlyList<WebhookAttemptView> AttemptLog);

/// <summary>
/// A participant's webhook endpoints: register (the server makes the secret and returns it once), list,
/// remove, read deliveries with their attempts, and redeliver one.
/// </summary>
public sealed class Webhooks(OpenKpDb db, TimeProvider clock, IWebhookSecrets secrets)
{
    public async Task<Outcome<WebhookCreatedView>> RegisterAsync(string participant, string? url, IReadOnlyList<string?>? events, string userName, CancellationToken ct)
    {
        var (uri, names, violations) = WebhookRules.CheckRegistration(url, events);
        if (violations.Count > 0)
        {
            return Outcome<WebhookCreatedView>.Invalid(violations);
        }

        var secret = WebhookRules.NewSecret();
        var row = new WebhookSubscription
        {
            ParticipantCode = participant,
            Url = uri!.AbsoluteUri,
            Events = string.Join(',', names),
            ProtectedSecret = secrets.Protect(secret),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = userName,
        };
        db.WebhookSubscriptions.Add(row);
        await db.SaveChangesAsync(ct);
        return Outcome<WebhookCreatedView>.Success(new(row.Id, row.ParticipantCode, row.Url, row.EventList, row.CreatedAt, row.CreatedBy, secret));
    }

    public async Task<IReadOnlyList<WebhookView>> ListAsync(string participant, CancellationToken ct)
    {
        var rows = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.ParticipantCode == participant && s.Active).OrderBy(s => s.Id).ToListAsync(ct);
        return [.. rows.Select(WebhookView.Of)];
    }

    /// <summary>Stops deliveries to the endpoint; its pending deliveries fail, its history stays.</summary>
    public async Task<Outcome<WebhookView>> RemoveAsync(string participant, long id, CancellationToken ct)
    {
        var row = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id && s.ParticipantCode == participant && s.Active, ct);
        if (row is null)
        {
            return NotFound<WebhookView>(participant, id);
        }

        row.Active = false;
        row.RemovedAt = clock.GetUtcNow().UtcDateTime;
        var pending = await db.WebhookDeliveries.Where(d => d.SubscriptionId == id && d.Status == DeliveryStatus.Pending).ToListAsync(ct);
        pending.ForEach(d => d.Status = DeliveryStatus.Failed);
        await db.SaveChangesAsync(ct);
        return Outcome<WebhookView>.Success(WebhookView.Of(row));
    }

    /// <summary>An endpoint's deliveries, newest first, each with its attempts.</summary>
    public async Task<Outcome<Paged<WebhookDeliveryView>>> DeliveriesAsync(string participant, long id, int page, int pageSize, CancellationToken ct)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id && s.ParticipantCode == participant && s.Active, ct))
        {
            return NotFound<Paged<WebhookDeliveryView>>(participant, id);
        }

        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id);
        var total = await query.CountAsync(ct);
        var rows = await query.Include(d => d.Event).Include(d => d.AttemptLog).OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).AsSplitQuery().ToListAsync(ct);
        return Outcome<Paged<WebhookDeliveryView>>.Success(new([.. rows.Select(View)], page, pageSize, total));
    }

    /// <summary>Sends a delivered or failed delivery again, now (its attempt count restarts; its history stays).</summary>
    public async Task<Outcome<WebhookDeliveryView>> RedeliverAsync(string participant, long deliveryId, CancellationToken ct)
    {
        var delivery = await db.WebhookDeliveries.Include(d => d.Event).Include(d => d.AttemptLog)
            .SingleOrDefaultAsync(d => d.Id == deliveryId && d.Subscription!.ParticipantCode == participant && d.Subscription.Active, ct);
        if (delivery is null)
        {
            return Outcome<WebhookDeliveryView>.NotFound(new(NotificationCodes.WebhookDeliveryNotFound, $"{participant} has no webhook delivery {deliveryId}.", "deliveryId"));
        }

        if (delivery.Status == DeliveryStatus.Pending)
        {
            return Outcome<WebhookDeliveryView>.Conflict(new(NotificationCodes.WebhookDeliveryPending,
                $"Delivery {deliveryId} is still being tried (next attempt {delivery.NextAttemptAt:u}); redeliver it once it has succeeded or failed.", "deliveryId"));
        }

        delivery.Status = DeliveryStatus.Pending;
        delivery.Attempts = 0;
        delivery.NextAttemptAt = clock.GetUtcNow().UtcDateTime;
        delivery.DeliveredAt = null;
        await db.SaveChangesAsync(ct);
        return Outcome<WebhookDeliveryView>.Success(View(delivery));
    }

    public static WebhookDeliveryView View(WebhookDelivery d) => new(
        d.Id, d.SubscriptionId, d.Event!.EventId, d.Event.Type, d.Event.OccurredAt, Input.Kebab(d.Status), d.Attempts,
        d.Status == DeliveryStatus.Pending ? d.NextAttemptAt : null, d.DeliveredAt,
        [.. d.AttemptLog.OrderBy(a => a.AttemptedAt).ThenBy(a => a.Id).Select(a => new WebhookAttemptView(a.AttemptedAt, a.StatusCode, a.Error, a.DurationMs))]);

    private static Outcome<T> NotFound<T>(string participant, long id)
        => Outcome<T>.NotFound(new(NotificationCodes.WebhookNotFound, $"{participant} has no webhook {id}.", "id"));
}
