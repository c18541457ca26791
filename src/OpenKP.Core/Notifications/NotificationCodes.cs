namespace OpenKP.Notifications;

/// <summary>Stable codes of the notifications module (inbox and webhooks), documented in docs/problems.md.</summary>
public static class NotificationCodes
{
    public const string InboxMessageNotFound = "inbox-message-not-found";
    public const string WebhookUrlInvalid = "webhook-url-invalid";
    public const string WebhookEventsRequired = "webhook-events-required";
    public const string WebhookEventUnknown = "webhook-event-unknown";
    public const string WebhookNotFound = "webhook-not-found";
    public const string WebhookDeliveryNotFound = "webhook-delivery-not-found";
    public const string WebhookDeliveryPending = "webhook-delivery-pending";
}
