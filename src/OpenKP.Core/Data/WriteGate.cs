namespace OpenKP.Data;

/// <summary>
/// SQLite lets one transaction write at a time; a second writer is told "busy" and Microsoft.Data.Sqlite
/// retries it after a pause. Hot write paths (certificate issuance) queue here instead, in order and
/// without sleeping: one per app, because an app owns its SQLite file. On PostgreSQL the gate is open:
/// row locks order the writers there.
/// </summary>
public sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim _sqlite = new(1, 1);

    public void Dispose() => _sqlite.Dispose();

    /// <summary>Waits for the writer's turn on SQLite; dispose the result to let the next one in.</summary>
    public async Task<IDisposable> EnterAsync(OpenKpDb db, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            return Open.Instance;
        }

        await _sqlite.WaitAsync(ct);
        return new Release(_sqlite);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }

    private sealed class Open : IDisposable
    {
        public static readonly Open Instance = new();

        public void Dispose()
        {
        }
    }
}
