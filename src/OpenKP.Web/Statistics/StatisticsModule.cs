using OpenKP.Statistics;

namespace OpenKP.Web.Statistics;

internal static class StatisticsModule
{
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.AddScoped<TradeStatistics>();
        return services;
    }

    public static WebApplication MapStatistics(this WebApplication app)
    {
        StatisticsEndpoints.Map(app);
        return app;
    }
}
