using OpenKP.Compliance;

namespace OpenKP.Web.Compliance;

/// <summary>
/// Once a day, sends the compliance deadline reminders (<see cref="DeadlineSweeper"/>: annual reports, review
/// recommendations, Data Anomalies Questionnaires, case work plans), each once. <c>OpenKP:Compliance:Deadlines</c>
/// false turns it off; it is off in the Testing environment unless that setting turns it on.
/// </summary>
internal sealed partial class ComplianceDeadlines(IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment environment, TimeProvider clock, ILogger<ComplianceDeadlines> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("OpenKP:Compliance:Deadlines", !environment.IsEnvironment("Testing")))
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                var sweep = await scope.ServiceProvider.GetRequiredService<DeadlineSweeper>().SweepAsync(today, stoppingToken);
                if (sweep.Total > 0)
                {
                    Reminded(log, sweep.Total);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} compliance deadline reminders")]
    private static partial void Reminded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The compliance deadline sweep failed; it runs again tomorrow")]
    private static partial void Failed(ILogger logger, Exception e);
}

/// <summary>The services of annual reports and deadlines (one line in <see cref="ComplianceModule"/>).</summary>
internal static class AnnualReportServices
{
    public static IServiceCollection AddAnnualReports(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            return ComplianceDeadlineSettings.Parse(configuration["OpenKP:Compliance:AnnualReportDue"], configuration["OpenKP:Compliance:DueSoonDays"]);
        });
        services.AddScoped<AnnualReportDesk>();
        services.AddScoped<DeadlineSweeper>();
        services.AddHostedService<ComplianceDeadlines>();
        return services;
    }
}
