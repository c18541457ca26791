using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenKP.Data;
using OpenKP.Registry;
using OpenKP.Statistics.Synthetic;

namespace OpenKP.Benchmarks.Statistics;

/// <summary>
/// A database holding a synthetic data set of a given seed and size, kept between runs (a SQLite file
/// under the temp folder, or a PostgreSQL database named after the size): generating 2 million
/// certificates takes minutes, measuring queries on them seconds. <c>OPENKP_SCALE_FRESH=1</c> regenerates.
/// </summary>
internal sealed class ScaleDatabase
{
    private ScaleDatabase(DatabaseProvider provider, string connectionString, string description)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Description = description;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public string Description { get; }

    /// <summary>How long generation took in this run; null when the data set was reused.</summary>
    public SyntheticResult? Generated { get; private set; }

    public OpenKpDb Open() => new(DatabaseSetup.OpenKpOptions(Provider, ConnectionString));

    public static async Task<ScaleDatabase> PrepareAsync(DatabaseProvider provider, ScaleSettings settings, Action<string> log)
    {
        var key = $"s{settings.Seed}_{settings.Years}y_{settings.CertificatesPerYear}";
        ScaleDatabase database;
        var fresh = settings.Fresh;
        if (provider == DatabaseProvider.Sqlite)
        {
            var directory = Path.Combine(settings.Directory, key);
            if (fresh && Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            Directory.CreateDirectory(directory);
            database = new ScaleDatabase(provider, DatabaseSetup.SqliteConnectionString(directory), Path.Combine(directory, "openkp.db"));
        }
        else
        {
            var name = "openkp_scale_" + key.ToLowerInvariant();
            await using (var admin = new NpgsqlConnection(settings.PostgresAdmin))
            {
                await admin.OpenAsync();
                if (fresh)
                {
                    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
                    await drop.ExecuteNonQueryAsync();
                }

                await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
                exists.Parameters.AddWithValue("name", name);
                if (await exists.ExecuteScalarAsync() is null)
                {
                    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
                    await create.ExecuteNonQueryAsync();
                }
            }

            var connection = new NpgsqlConnectionStringBuilder(settings.PostgresAdmin) { Database = name, CommandTimeout = 600, Timeout = 60 }.ConnectionString;
            database = new ScaleDatabase(provider, connection, $"PostgreSQL database {name}");
        }

        await using var db = database.Open();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.MigrateAsync();
        if (provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        if (!await db.Participants.AnyAsync())
        {
            var loaded = await ReferenceDataLoader.LoadAsync(db, ReferenceFiles.Embedded(), DateTime.UtcNow);
            if (!loaded.Succeeded)
            {
                throw new InvalidOperationException("The embedded reference data is invalid.");
            }
        }

        if (await SyntheticDataGenerator.ExistsAsync(db, CancellationToken.None))
        {
            log($"{provider}: reusing {database.Description} ({await db.Certificates.CountAsync():N0} certificates)");
            return database;
        }

        log($"{provider}: generating {settings.Years} years × {settings.CertificatesPerYear:N0} certificates into {database.Description} …");
        var lastYear = 0;
        var outcome = await new SyntheticDataGenerator(db, TimeProvider.System).GenerateAsync(
            new SyntheticRequest(settings.Years, settings.CertificatesPerYear, settings.Seed),
            new Progress<SyntheticProgress>(p =>
            {
                if (p.Year != lastYear)
                {
                    lastYear = p.Year;
                    log($"  {p.Year}: {p.CertificatesWritten:N0} certificates written");
                }
            }),
            CancellationToken.None);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", outcome.Violations.Select(v => v.Message)));
        }

        database.Generated = outcome.Value;
        return database;
    }
}
