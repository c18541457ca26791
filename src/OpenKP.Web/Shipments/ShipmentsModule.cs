using OpenKP.Certificates;
using OpenKP.Shipments;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Shipments;

internal static class ShipmentsModule
{
    public static IServiceCollection AddShipments(this IServiceCollection services)
    {
        services.AddScoped<Alerts>();
        services.AddScoped<FileStore>(sp => new FileStore(
            sp.GetRequiredService<OpenKP.Data.OpenKpDb>(), sp.GetRequiredService<TimeProvider>(),
            Path.Combine(sp.GetRequiredService<OpenKpEnvironment>().DataDirectory, "files")));
        services.AddScoped<ShipmentOpener>();
        services.AddScoped<ICertificateIssuedObserver>(sp => sp.GetRequiredService<ShipmentOpener>());
        services.AddScoped<ShipmentSettingsStore>();
        services.AddScoped<ApplicationDesk>();
        services.AddScoped<ApplicationReviewer>();
        services.AddScoped<ImportConfirmer>();
        services.AddScoped<ArrivalChecker>();
        services.AddScoped<DepartureRecorder>();
        services.AddScoped<DetentionCases>();
        services.AddScoped<OverdueWatch>();
        services.AddScoped<ShipmentQueries>();
        services.AddScoped<ShipmentDemo>();
        services.AddHostedService<OverdueReminders>();
        return services;
    }

    public static WebApplication MapShipments(this WebApplication app)
    {
        AlertEndpoints.Map(app);
        ShipmentEndpoints.Map(app);
        return app;
    }
}
