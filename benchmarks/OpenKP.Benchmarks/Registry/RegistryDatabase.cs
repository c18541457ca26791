using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Registry;

namespace OpenKP.Benchmarks.Registry;

/// <summary>
/// A SQLite registry as the app has it after its first start: migrated, with the embedded reference
/// data loaded, in a file of its own under the temp folder. Each <see cref="Open"/> is a fresh
/// <see cref="OpenKpDb"/>, as each HTTP request gets one.
/// </summary>
public sealed class RegistryDatabase : IDisposable
{
    private readonly string _directory;
    private readonly DbContextOptions<OpenKpDb> _options;

    private RegistryDatabase(string directory, DbContextOptions<OpenKpDb> options)
    {
        _directory = directory;
        _options = options;
    }

    public static async Task<RegistryDatabase> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "openkp-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var builder = new DbContextOptionsBuilder<OpenKpDb>();
        builder.UseOpenKpDatabase(DatabaseProvider.Sqlite, DatabaseSetup.SqliteConnectionString(directory));
        var database = new RegistryDatabase(directory, builder.Options);

        await using var db = database.Open();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        var outcome = await ReferenceDataLoader.LoadAsync(db, ReferenceFiles.Embedded(), DateTime.UtcNow);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException("The embedded reference data is invalid: " + string.Join("; ", outcome.Violations.Select(v => v.Message)));
        }

        return database;
    }

    public OpenKpDb Open() => new(_options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
