using Npgsql;

namespace OpenKP.Web.Tests.Infrastructure;

/// <summary>
/// Which database the suite runs on, and whether missing PostgreSQL or Chromium skips or fails.
/// <c>OPENKP_TEST_DATABASE=postgres</c> runs every SQL-touching test on PostgreSQL
/// (<c>OPENKP_TEST_POSTGRES</c>, default the CI role on 127.0.0.1). <c>OPENKP_REQUIRE_ALL=1</c>
/// turns every "not available, skipped" into a failure.
/// </summary>
public static class TestEnvironment
{
    public static bool RequireAll => Environment.GetEnvironmentVariable("OPENKP_REQUIRE_ALL") is "1" or "true";

    public static bool UsePostgres => string.Equals(Environment.GetEnvironmentVariable("OPENKP_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static string PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable("OPENKP_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5432;Username=openkp;Password=openkp;Database=postgres;Timeout=5";

    private static readonly Lazy<string?> PostgresProblem = new(() =>
    {
        try
        {
            using var connection = new NpgsqlConnection(PostgresAdminConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return e.Message;
        }
    });

    /// <summary>Null when PostgreSQL answers; otherwise why not.</summary>
    public static string? PostgresUnavailableReason => PostgresProblem.Value;

    /// <summary>Skips the test (or fails it under OPENKP_REQUIRE_ALL=1) when PostgreSQL is not reachable.</summary>
    public static void RequirePostgres()
    {
        if (PostgresUnavailableReason is { } why)
        {
            var message = $"PostgreSQL not available at {Redact(PostgresAdminConnectionString)}: {why}. Start it (see .ci/run) or set OPENKP_TEST_POSTGRES.";
            if (RequireAll)
            {
                Assert.Fail(message + " (OPENKP_REQUIRE_ALL=1)");
            }

            Assert.Skip("SKIPPED: " + message);
        }
    }

    private static string Redact(string cs) => string.Join(';', cs.Split(';').Where(p => !p.StartsWith("Password", StringComparison.OrdinalIgnoreCase)));
}
