using OpenKP.Shipments;

namespace OpenKP.Web.Shipments;

internal static class ShipmentsModule
{
    public static IServiceCollection AddShipments(this IServiceCollection services)
    {
        services.AddScoped<Alerts>();
        return services;
    }

    public static WebApplication MapShipments(this WebApplication app)
    {
        AlertEndpoints.Map(app);
        return app;
    }
}
