using OpenKP.Statistics;

namespace OpenKP.Web.Statistics;

internal static class StatisticsModule
{
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.AddScoped<TradeStatistics>();
        services.AddScoped<AnnualFigures>();
        services.AddScoped<AnomalySettingsStore>().AddScoped<AnomalyDetector>().AddScoped<AnomalyQuestionnaires>();
        services.AddSingleton(sp => new StatisticsCalendar(sp.GetRequiredService<IConfiguration>().GetValue("OpenKP:Statistics:DueDays", StatisticsCalendar.DefaultDueDays)));
        return services;
    }

    public static WebApplication MapStatistics(this WebApplication app)
    {
        StatisticsEndpoints.Map(app);
        AnomalyEndpoints.Map(app);
        return app;
    }
}
