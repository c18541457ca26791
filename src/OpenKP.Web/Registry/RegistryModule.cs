using OpenKP.Registry;

namespace OpenKP.Web.Registry;

internal static class RegistryModule
{
    public static IServiceCollection AddRegistry(this IServiceCollection services)
    {
        services.AddSingleton<RegistryCache>();
        services.AddScoped<ParticipantDirectory>();
        services.AddScoped<RegistryQueries>();
        services.AddScoped<RegistryEditor>();
        return services;
    }

    public static WebApplication MapRegistry(this WebApplication app)
    {
        RegistryEndpoints.Map(app);
        return app;
    }

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
