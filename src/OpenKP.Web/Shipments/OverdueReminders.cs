using OpenKP.Shipments;

namespace OpenKP.Web.Shipments;

/// <summary>
/// Once an hour, reminds the importing side of each overdue shipment (at most once a week per
/// shipment, <see cref="OverdueWatch.ReminderIntervalDays"/>). <c>OpenKP:Shipments:Reminders</c> false turns it off.
/// </summary>
internal sealed partial class OverdueReminders(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<OverdueReminders> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("OpenKP:Shipments:Reminders", true))
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var reminded = await scope.ServiceProvider.GetRequiredService<OverdueWatch>().RemindAllAsync(stoppingToken);
                if (reminded > 0)
                {
                    Reminded(log, reminded);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminded the importing side of {Count} overdue shipments")]
    private static partial void Reminded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The overdue reminders failed; they run again within the hour")]
    private static partial void Failed(ILogger logger, Exception e);
}
