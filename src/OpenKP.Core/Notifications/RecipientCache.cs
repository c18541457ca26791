using Microsoft.EntityFrameworkCore;
using OpenKP.Data;

namespace OpenKP.Notifications;

/// <summary>An account a notice may reach: its role, scope and address.</summary>
internal sealed record Account(string Id, string? Email, string DisplayName, string Role, string? Participant, long? OperatorId);

/// <summary>
/// Keeps the accounts (with their roles) and the active webhook subscriptions in memory, so publishing
/// a notice inside a write transaction (an issuance, an arrival check) reads nothing. One per database:
/// a singleton of the app. <see cref="OpenKpDb"/> invalidates it whenever it saves an account, a role
/// membership or a subscription; a short lifetime also picks up changes made by another process.
/// </summary>
public sealed class RecipientCache
{
    /// <summary>How long the lists serve at most, for changes this process did not make.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private long _version;
    private Entry? _entry;

    /// <summary>Called when an account, a role membership or a subscription is saved: the next publisher loads afresh.</summary>
    public void Invalidate() => Interlocked.Increment(ref _version);

    internal (IReadOnlyList<Account> Accounts, IReadOnlyList<WebhookSubscription> Subscriptions) Get(OpenKpDb db)
    {
        var entry = Volatile.Read(ref _entry);
        var version = Interlocked.Read(ref _version);
        if (entry is not null && entry.Version == version && Environment.TickCount64 - entry.LoadedAt < Lifetime.TotalMilliseconds)
        {
            return (entry.Accounts, entry.Subscriptions);
        }

        // The version is read before loading: a change saved while loading leaves this entry stale and unused.
        var loaded = Load(db);
        Volatile.Write(ref _entry, new Entry(version, Environment.TickCount64, loaded.Accounts, loaded.Subscriptions));
        return loaded;
    }

    /// <summary>Reads every account with its role, and every active subscription, with the caller's context.</summary>
    internal static (IReadOnlyList<Account> Accounts, IReadOnlyList<WebhookSubscription> Subscriptions) Load(OpenKpDb db)
    {
        var accounts =
            (from u in db.Users
             join ur in db.UserRoles on u.Id equals ur.UserId
             join r in db.Roles on ur.RoleId equals r.Id
             select new { u.Id, u.Email, u.DisplayName, Role = r.Name, u.ParticipantCode, u.OperatorId })
            .AsNoTracking().ToList()
            .Select(a => new Account(a.Id, a.Email, a.DisplayName, a.Role ?? string.Empty, a.ParticipantCode, a.OperatorId)).ToList();
        var subscriptions = db.WebhookSubscriptions.AsNoTracking().Where(s => s.Active).OrderBy(s => s.Id).ToList();
        return (accounts, subscriptions);
    }

    private sealed record Entry(long Version, long LoadedAt, IReadOnlyList<Account> Accounts, IReadOnlyList<WebhookSubscription> Subscriptions);
}
