using OpenKP.Statistics;
using OpenKP.Statistics.Synthetic;
using OpenKP.Web.Tests.Infrastructure;
using OpenKP.Web.Tests.Statistics;

namespace OpenKP.Web.Tests.Cli;

/// <summary><c>openkp demo generate</c> end to end on a fresh local database (both databases).</summary>
public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_generate_fills_a_fresh_database_prints_the_planted_anomalies_and_refuses_a_second_run()
    {
        if (TestEnvironment.UsePostgres)
        {
            TestEnvironment.RequirePostgres();
        }

        await using var database = await SyntheticDatabase.CreateAsync();
        var manifest = Path.Combine(Path.GetTempPath(), $"openkp-manifest-{Guid.NewGuid():N}.json");
        string[] target = ["--database", database.Database.Provider.ToString().ToLowerInvariant(), "--connection", database.Database.ConnectionString];
        try
        {
            var run = await CliHarness.RunAsync(["demo", "generate", "--years", "5", "--certificates-per-year", "100", "--seed", "5", "--manifest", manifest, .. target]);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("2022–2026", run.Out, StringComparison.Ordinal);
            foreach (var kind in new[] { AnomalyKind.PriceOutsideOwnBand, AnomalyKind.ExportsExceedSupply, AnomalyKind.PeriodChange, AnomalyKind.CertificateCountJump, AnomalyKind.MissingSubmission })
            {
                Assert.Contains(kind.ToString(), run.Out, StringComparison.Ordinal);
            }

            var written = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(manifest, TestContext.Current.CancellationToken)).RootElement;
            Assert.Equal(5, written.GetProperty("planted").GetArrayLength());
            Assert.True(written.GetProperty("certificates").GetInt64() > 400);
            Assert.Equal("missing-submission", written.GetProperty("planted")[4].GetProperty("kind").GetString());

            var again = await CliHarness.RunAsync(["demo", "generate", "--years", "5", "--certificates-per-year", "100", "--seed", "5", "--json", .. target]);
            Assert.Equal(1, again.ExitCode);
            Assert.Contains($"error: {SyntheticCodes.AlreadyGenerated}:", again.Error, StringComparison.Ordinal);

            var remote = await CliHarness.RunAsync(["demo", "generate", "--server", "http://localhost/"]);
            Assert.Equal(1, remote.ExitCode);
            Assert.Contains("error: local-only:", remote.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(manifest);
        }
    }
}
