using Microsoft.EntityFrameworkCore;
using OpenKP.Audit;
using OpenKP.Data;
using OpenKP.Registry;

namespace OpenKP.Cli.Shared;

/// <summary>
/// Opens the local database as the web app does on first start: migrations, then the embedded
/// reference data if the registry is empty. Changes are audited as <c>cli:&lt;OS user&gt;</c>.
/// </summary>
internal static class LocalDatabase
{
    public static async Task<OpenKpDb> OpenAsync(LocalTarget target, CliContext context, bool loadReferenceData, CancellationToken ct)
    {
        if (target.DataDirectory is not null)
        {
            Directory.CreateDirectory(target.DataDirectory);
        }

        var options = DatabaseSetup.OpenKpOptions(target.Provider, target.ConnectionString);
        var db = new OpenKpDb(options, new SystemActor("cli:" + Environment.UserName), context.Clock);
        try
        {
            await db.Database.MigrateAsync(ct);
            if (!db.IsPostgres)
            {
                // As the web app: readers never wait for the writer, so the CLI can run beside it.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }

            if (loadReferenceData && !await db.Participants.AnyAsync(ct))
            {
                var loaded = await ReferenceDataLoader.LoadAsync(db, ReferenceFiles.Embedded(), context.Clock.GetUtcNow().UtcDateTime, ct);
                if (!loaded.Succeeded)
                {
                    throw new InvalidOperationException("The embedded reference data is invalid: " + string.Join("; ", loaded.Violations.Select(v => v.Message)));
                }
            }

            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>Where the database is, for messages: the SQLite file or the PostgreSQL host and database.</summary>
    public static string Describe(LocalTarget target) => target.DataDirectory is { } dir
        ? Path.Combine(dir, "openkp.db")
        : target.Provider == DatabaseProvider.Postgres ? "the PostgreSQL database given by --connection" : "the SQLite database given by --connection";
}
