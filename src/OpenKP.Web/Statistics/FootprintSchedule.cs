using OpenKP.Statistics;

namespace OpenKP.Web.Statistics;

/// <summary>
/// Recomputes the footprints at start and then every <c>OpenKP:Statistics:Footprints:EveryHours</c>
/// hours (default 24). <c>OpenKP:Statistics:Footprints:Schedule</c> turns it on or off; it is on by
/// default except in the Testing environment, where tests recompute when they mean to.
/// </summary>
internal sealed partial class FootprintSchedule(IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment environment, ILogger<FootprintSchedule> log)
    : BackgroundService
{
    public const string Actor = "footprint-schedule";

    /// <summary>The window and minimum sample from <c>OpenKP:Statistics:Footprints:WindowYears</c> and <c>:MinimumSample</c>.</summary>
    public static FootprintSettings SettingsFrom(IConfiguration configuration) => new FootprintSettings(
        configuration.GetValue("OpenKP:Statistics:Footprints:WindowYears", FootprintSettings.DefaultWindowYears),
        configuration.GetValue("OpenKP:Statistics:Footprints:MinimumSample", FootprintSettings.DefaultMinimumSample)).Checked();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("OpenKP:Statistics:Footprints:Schedule", !environment.IsEnvironment("Testing")))
        {
            return;
        }

        var hours = Math.Max(1, configuration.GetValue("OpenKP:Statistics:Footprints:EveryHours", 24));
        using var timer = new PeriodicTimer(TimeSpan.FromHours(hours));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<FootprintCalculator>().RecomputeAsync(Actor, stoppingToken);
                if (outcome.Succeeded)
                {
                    Recomputed(log, outcome.Value!.Footprints, outcome.Value.Lines);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(log, e, hours);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recomputed {Footprints} footprints from {Lines} certificate lines")]
    private static partial void Recomputed(ILogger logger, int footprints, int lines);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The footprint recomputation failed; it runs again in {Hours} hours")]
    private static partial void Failed(ILogger logger, Exception e, int hours);
}
