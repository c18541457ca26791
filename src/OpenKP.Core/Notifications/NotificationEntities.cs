namespace OpenKP.Notifications;

/// <summary>
/// Rows that OpenKP writes about a change rather than the change itself (the outbox, the inbox, e-mails,
/// webhook deliveries and their attempts): derived from the audited change they announce, or delivery
/// bookkeeping, so they are not audited themselves (ADR 0012).
/// </summary>
public interface INotificationRow;

/// <summary>
/// One published notice in the transactional outbox: committed with the change it announces, or not at all.
/// <see cref="Payload"/> is the exact JSON body webhooks receive: <c>{id, type, occurredAt, data}</c>.
/// </summary>
public sealed class OutboxEvent : INotificationRow
{
    public long Id { get; set; }
    /// <summary>The event id receivers de-duplicate by (<c>X-OpenKP-Event-Id</c>).</summary>
    public Guid EventId { get; set; }
    public required string Type { get; set; }
    /// <summary>When the notice was published (UTC, from the injected clock).</summary>
    public DateTime OccurredAt { get; set; }
    public required string Payload { get; set; }
}

/// <summary>
/// An in-app message, stored once per notice and addressed to audiences (<see cref="InboxAudience"/>):
/// a user sees it when they belong to one of them. Read state is per user (<see cref="InboxRead"/>).
/// </summary>
public sealed class InboxMessage : INotificationRow
{
    public long Id { get; set; }
    public Guid EventId { get; set; }
    public required string Type { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    /// <summary>A portal path (<c>/alerts#alert-12</c>) to the thing the message is about, if any.</summary>
    public string? Link { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<InboxAudience> Audiences { get; set; } = [];
}

/// <summary>One audience an inbox message is addressed to (the shape of <see cref="Audience"/>).</summary>
public sealed class InboxAudience : INotificationRow
{
    public long Id { get; set; }
    public long MessageId { get; set; }
    public AudienceKind Kind { get; set; }
    public string? Participant { get; set; }
    public long? OperatorId { get; set; }
}

/// <summary>A user has read a message: one row per user and message.</summary>
public sealed class InboxRead : INotificationRow
{
    public long Id { get; set; }
    public long MessageId { get; set; }
    public required string UserId { get; set; }
    public DateTime ReadAt { get; set; }
}

/// <summary>Where an outgoing e-mail or webhook delivery stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Waiting for its next attempt (<c>NextAttemptAt</c>).</summary>
    Pending,
    /// <summary>Sent: SMTP accepted it, the .eml file was written, or the receiver answered 2xx.</summary>
    Delivered,
    /// <summary>Every attempt failed; a webhook delivery can be redelivered by hand.</summary>
    Failed,
}

/// <summary>
/// An e-mail to one recipient, written in the same transaction as the notice; a background sender
/// claims it with a lease and sends it through SMTP or writes it as an .eml file.
/// </summary>
public sealed class EmailMessage : INotificationRow
{
    public long Id { get; set; }
    public Guid EventId { get; set; }
    public required string ToAddress { get; set; }
    public required string ToName { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    /// <summary>A portal path; the sender makes it absolute with <c>OpenKP:PublicUrl</c> when set.</summary>
    public string? Link { get; set; }
    public DateTime CreatedAt { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    /// <summary>Until when a sender holds this row; another sender may claim it after.</summary>
    public DateTime? LeaseUntil { get; set; }
    public Guid? LeaseOwner { get; set; }
    public DateTime? SentAt { get; set; }
    /// <summary>Why the last attempt failed, without credentials.</summary>
    public string? LastError { get; set; }
}

/// <summary>
/// A national system's endpoint for a participant: OpenKP POSTs the events it subscribed to, signed with
/// its secret. Removing one deactivates it (its delivery history stays).
/// </summary>
public sealed class WebhookSubscription
{
    public long Id { get; set; }
    public required string ParticipantCode { get; set; }
    public required string Url { get; set; }
    /// <summary>Event names separated by commas (<see cref="NoticeTypes"/>), or <c>*</c> for all.</summary>
    public required string Events { get; set; }
    /// <summary>The signing secret, encrypted (<see cref="IWebhookSecrets"/>); redacted from the audit trail.</summary>
    public required string ProtectedSecret { get; set; }
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? RemovedAt { get; set; }

    public IReadOnlyList<string> EventList => Events.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool Wants(string type) => EventList.Any(e => e == WebhookRules.AllEvents || e == type);
}

/// <summary>One event to POST to one subscription, retried with backoff until 2xx or <see cref="WebhookRules.MaxAttempts"/>.</summary>
public sealed class WebhookDelivery : INotificationRow
{
    public long Id { get; set; }
    public long SubscriptionId { get; set; }
    public WebhookSubscription? Subscription { get; set; }
    public long OutboxEventId { get; set; }
    public OutboxEvent? Event { get; set; }
    public DateTime CreatedAt { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public Guid? LeaseOwner { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public List<WebhookAttempt> AttemptLog { get; set; } = [];
}

/// <summary>One POST of a delivery: the receiver's status code, or why there was none, and how long it took.</summary>
public sealed class WebhookAttempt : INotificationRow
{
    public long Id { get; set; }
    public long DeliveryId { get; set; }
    public DateTime AttemptedAt { get; set; }
    public int? StatusCode { get; set; }
    public string? Error { get; set; }
    public long DurationMs { get; set; }
}
