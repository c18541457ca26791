using OpenKP.Data;

namespace OpenKP.Notifications;

/// <summary>
/// Publishes notices through the caller's unit of work: <see cref="Publish"/> adds the rows (inbox,
/// e-mail and webhook outbox) to <see cref="OpenKpDb"/> without saving, so they commit with the
/// change they announce, or not at all.
/// </summary>
public sealed class Notifier(OpenKpDb db, TimeProvider clock)
{
    /// <summary>Adds the notice's rows to the context; the caller's SaveChanges commits them.</summary>
    public void Publish(Notice notice)
    {
        // Placeholder until the notifications branch lands (same session): the rows are added there.
        _ = db;
        _ = clock;
        ArgumentNullException.ThrowIfNull(notice);
    }
}
