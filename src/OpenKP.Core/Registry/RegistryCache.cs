namespace OpenKP.Registry;

/// <summary>
/// Keeps the last <see cref="RegistrySnapshot"/> in memory (one per database: a singleton of the app).
/// <see cref="Data.OpenKpDb"/> invalidates it whenever it saves a registry row, so rules judge today's
/// registry; a short lifetime also picks up changes made by another process (the CLI's import).
/// </summary>
public sealed class RegistryCache
{
    /// <summary>How long a snapshot serves at most, for changes this process did not make.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private long _version;
    private Entry? _entry;

    /// <summary>Called when a registry row is saved: the next reader loads afresh.</summary>
    public void Invalidate() => Interlocked.Increment(ref _version);

    public async Task<RegistrySnapshot> GetAsync(Func<CancellationToken, Task<RegistrySnapshot>> load, CancellationToken ct)
    {
        var entry = Volatile.Read(ref _entry);
        var version = Interlocked.Read(ref _version);
        if (entry is not null && entry.Version == version && Environment.TickCount64 - entry.LoadedAt < Lifetime.TotalMilliseconds)
        {
            return entry.Snapshot;
        }

        // The version is read before loading: a change saved while loading leaves this entry stale and unused.
        var snapshot = await load(ct);
        Volatile.Write(ref _entry, new Entry(version, Environment.TickCount64, snapshot));
        return snapshot;
    }

    private sealed record Entry(long Version, long LoadedAt, RegistrySnapshot Snapshot);
}
