using Npgsql;
using OpenKP.Data;

namespace OpenKP.Web.Tests.Infrastructure;

/// <summary>A fresh, empty database for one app: a SQLite file in a temp folder, or a new PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseProvider provider, string connectionString, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _postgresName = postgresName;
    }

    private readonly string? _postgresName;

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static TestDatabase Create(DatabaseProvider provider, string dataDirectory)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(provider, DatabaseSetup.SqliteConnectionString(dataDirectory), null);
        }

        TestEnvironment.RequirePostgres();
        var name = "openkp_test_" + Guid.NewGuid().ToString("N")[..16];
        using (var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString))
        {
            admin.Open();
            using var cmd = admin.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE \"{name}\"";
            cmd.ExecuteNonQuery();
        }

        var builder = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdminConnectionString) { Database = name, MaxPoolSize = 20, Timeout = 60 };
        return new TestDatabase(provider, builder.ConnectionString, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString);
        await admin.OpenAsync();
        await using var cmd = admin.CreateCommand();
        cmd.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)";
        await cmd.ExecuteNonQueryAsync();
    }
}
