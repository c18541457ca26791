using Microsoft.EntityFrameworkCore;

namespace OpenKP.Data;

/// <summary>Which database OpenKP runs on. SQLite is the default; PostgreSQL by configuration.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The one place that points <see cref="OpenKpDb"/> at a provider and its migrations assembly.</summary>
public static class DatabaseSetup
{
    public static DbContextOptionsBuilder UseOpenKpDatabase(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
        => provider switch
        {
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, o => o.MigrationsAssembly("OpenKP.Migrations.Postgres")),
            _ => options.UseSqlite(connectionString, o => o.MigrationsAssembly("OpenKP.Migrations.Sqlite")),
        };

    /// <summary>Typed form, for building <see cref="OpenKpDb"/> options by hand (CLI, design-time factories, benchmarks).</summary>
    public static DbContextOptions<OpenKpDb> OpenKpOptions(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<OpenKpDb>();
        builder.UseOpenKpDatabase(provider, connectionString);
        return builder.Options;
    }

    /// <summary>The SQLite connection string for a data directory: <c>{dir}/openkp.db</c>.</summary>
    public static string SqliteConnectionString(string dataDirectory)
        => $"Data Source={Path.Combine(dataDirectory, "openkp.db")};Foreign Keys=True;Pooling=True";

    public static bool TryParseProvider(string? value, out DatabaseProvider provider)
    {
        provider = DatabaseProvider.Sqlite;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (value.Equals("postgres", StringComparison.OrdinalIgnoreCase) || value.Equals("postgresql", StringComparison.OrdinalIgnoreCase))
        {
            provider = DatabaseProvider.Postgres;
            return true;
        }

        return value.Equals("sqlite", StringComparison.OrdinalIgnoreCase);
    }
}
