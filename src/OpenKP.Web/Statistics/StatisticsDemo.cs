using OpenKP.Data;
using OpenKP.Statistics;
using OpenKP.Statistics.Synthetic;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Statistics;

/// <summary>
/// Demo mode only, on the first start, after the demo certificates and shipments: a small synthetic
/// trade network (by default the current year and the five before it, about 600 certificates a year,
/// under a second) so the statistics pages show real-looking years from the first run. Runs as the
/// host starts, after <c>InitialiseAsync</c> (so the shipment demo still picks its own certificates).
/// Configuration <c>OpenKP:Demo:SyntheticData</c>: <c>Enabled</c> (default on, except in the
/// <c>Testing</c> environment, so the test suite starts fast), <c>Years</c>, <c>CertificatesPerYear</c>, <c>Seed</c>.
/// </summary>
internal sealed class StatisticsDemo(
    IServiceScopeFactory scopes, OpenKpEnvironment environment, IConfiguration configuration, IHostEnvironment host, ILogger<StatisticsDemo> logger) : IHostedService
{
    public const string Section = "OpenKP:Demo:SyntheticData";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = configuration.GetSection(Section);
        if (!environment.Demo || !settings.GetValue("Enabled", !host.IsEnvironment("Testing")))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenKpDb>();
        if (await SyntheticDataGenerator.ExistsAsync(db, cancellationToken))
        {
            return;
        }

        var request = new SyntheticRequest(settings.GetValue("Years", 6), settings.GetValue("CertificatesPerYear", 600), settings.GetValue("Seed", 2026));
        var outcome = await scope.ServiceProvider.GetRequiredService<SyntheticDataGenerator>().GenerateAsync(request, null, cancellationToken);
        if (!outcome.Succeeded)
        {
            logger.LogWarning("Demo statistics not generated: {Codes}", string.Join(", ", outcome.Violations.Select(v => v.Code)));
            return;
        }

        var result = outcome.Value!;
        foreach (var observer in scope.ServiceProvider.GetServices<ISyntheticDataObserver>())
        {
            await observer.OnGeneratedAsync(result, cancellationToken);
        }

        logger.LogInformation("Demo statistics: {Certificates} synthetic certificates {First}–{Last}, {Planted} planted anomalies, in {Elapsed}",
            result.Certificates, result.FirstYear, result.LastYear, result.Planted.Count, result.Elapsed);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Demo only: after the synthetic years are written, the secretariat's work on them is done as it
/// would be — each complete year published (vintage 1), its anomalies detected, footprints computed —
/// so the public statistics, the anomaly list and the footprint pages show data from the first run.
/// </summary>
internal sealed class StatisticsDemoWork(StatisticsPublisher publisher, AnomalyDetector anomalies, FootprintCalculator footprints, ILogger<StatisticsDemoWork> logger) : ISyntheticDataObserver
{
    public const string By = "secretariat";

    public async Task OnGeneratedAsync(SyntheticResult result, CancellationToken ct)
    {
        foreach (var year in result.CompleteYears)
        {
            var published = await publisher.PublishAsync(year, null, By, ct);
            var detected = await anomalies.DetectAsync(year, ct);
            if (!published.Succeeded || !detected.Succeeded)
            {
                logger.LogWarning("Demo statistics {Year}: {Codes}", year, string.Join(", ", published.Violations.Concat(detected.Violations).Select(v => v.Code)));
            }
        }

        var computed = await footprints.RecomputeAsync(By, ct);
        if (!computed.Succeeded)
        {
            logger.LogWarning("Demo footprints: {Codes}", string.Join(", ", computed.Violations.Select(v => v.Code)));
        }
    }
}
