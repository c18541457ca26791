using OpenKP.Statistics;
using OpenKP.Statistics.Synthetic;

namespace OpenKP.Web.Statistics;

internal static class StatisticsModule
{
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.AddScoped<TradeStatistics>();
        services.AddScoped<AnnualFigures>();
        services.AddSingleton(sp => FootprintSchedule.SettingsFrom(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<FootprintGate>();
        services.AddScoped<FootprintCalculator>();
        services.AddScoped<FootprintChecker>();
        services.AddScoped<FootprintQueries>();
        services.AddHostedService<FootprintSchedule>();
        services.AddScoped<PublishedStatistics>();
        services.AddScoped<StatisticsPublisher>();
        services.AddScoped<IStatisticsRevisionObserver>(sp => sp.GetRequiredService<StatisticsPublisher>());
        services.AddScoped<ReconciliationRunner>();
        services.AddScoped(sp => new OpenKP.Statistics.Intake.UploadStore(Path.Combine(sp.GetRequiredService<OpenKP.Web.Shared.OpenKpEnvironment>().DataDirectory, "statistics-uploads")));
        services.AddScoped<OpenKP.Statistics.Intake.TradeSubmissionDesk>();
        services.AddScoped<OpenKP.Statistics.Intake.ProductionReturnDesk>();
        services.AddScoped<OpenKP.Statistics.Intake.SubmissionStatusBoard>();
        services.AddScoped<AnomalySettingsStore>().AddScoped<AnomalyDetector>().AddScoped<AnomalyQuestionnaires>();
        services.AddScoped<SyntheticDataGenerator>();
        services.AddHostedService<StatisticsDemo>();
        services.AddScoped<ISyntheticDataObserver, StatisticsDemoWork>();
        services.AddSingleton(sp => new StatisticsCalendar(sp.GetRequiredService<IConfiguration>().GetValue("OpenKP:Statistics:DueDays", StatisticsCalendar.DefaultDueDays)));
        return services;
    }

    public static WebApplication MapStatistics(this WebApplication app)
    {
        StatisticsEndpoints.Map(app);
        FootprintEndpoints.Map(app);
        PublicationEndpoints.Map(app);
        ReconciliationEndpoints.Map(app);
        IntakeEndpoints.Map(app);
        AnomalyEndpoints.Map(app);
        return app;
    }
}
