using OpenKP.Statistics;
using OpenKP.Statistics.Synthetic;

namespace OpenKP.Web.Statistics;

internal static class StatisticsModule
{
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.AddScoped<TradeStatistics>();
        services.AddScoped<AnnualFigures>();
        services.AddScoped<SyntheticDataGenerator>();
        services.AddHostedService<StatisticsDemo>();
        services.AddSingleton(sp => new StatisticsCalendar(sp.GetRequiredService<IConfiguration>().GetValue("OpenKP:Statistics:DueDays", StatisticsCalendar.DefaultDueDays)));
        return services;
    }

    public static WebApplication MapStatistics(this WebApplication app)
    {
        StatisticsEndpoints.Map(app);
        return app;
    }
}
