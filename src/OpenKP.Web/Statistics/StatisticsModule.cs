using OpenKP.Statistics;

namespace OpenKP.Web.Statistics;

internal static class StatisticsModule
{
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.AddScoped<TradeStatistics>();
        services.AddScoped<AnnualFigures>();
        services.AddScoped(sp => new OpenKP.Statistics.Intake.UploadStore(Path.Combine(sp.GetRequiredService<OpenKP.Web.Shared.OpenKpEnvironment>().DataDirectory, "statistics-uploads")));
        services.AddScoped<OpenKP.Statistics.Intake.TradeSubmissionDesk>();
        services.AddScoped<OpenKP.Statistics.Intake.ProductionReturnDesk>();
        services.AddScoped<OpenKP.Statistics.Intake.SubmissionStatusBoard>();
        services.AddSingleton(sp => new StatisticsCalendar(sp.GetRequiredService<IConfiguration>().GetValue("OpenKP:Statistics:DueDays", StatisticsCalendar.DefaultDueDays)));
        return services;
    }

    public static WebApplication MapStatistics(this WebApplication app)
    {
        StatisticsEndpoints.Map(app);
        IntakeEndpoints.Map(app);
        return app;
    }
}
