using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.RateLimiting;
using OpenKP.Certificates;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Certificates;

internal static class CertificatesModule
{
    public const string VerifyRateLimit = "verify";

    public static IServiceCollection AddCertificates(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ISigningKeyVault>(sp => new FileKeyVault(
            Path.Combine(sp.GetRequiredService<OpenKpEnvironment>().DataDirectory, "keys", "signing"),
            sp.GetRequiredService<IDataProtectionProvider>()));
        services.AddSingleton<OpenKP.Data.WriteGate>();
        services.AddScoped<SigningKeyRing>();
        services.AddScoped<CertificateIssuer>();
        services.AddScoped<CertificateQueries>();
        services.AddScoped<TrustListPublisher>();
        services.AddScoped<CertificateSettings>();
        services.AddScoped<CertificateDemo>();

        // Public verification: so many per minute per client address (OpenKP:VerifyRequestsPerMinute, default 60),
        // POST /api/verify and the verify page's POSTs together. Only verifications count: showing the page
        // (GET), and re-rendering it as an HTML error page, are free.
        var perMinute = configuration.GetValue("OpenKP:VerifyRequestsPerMinute", 60);
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(VerifyRateLimit, context =>
            !HttpMethods.IsPost(context.Request.Method) || ProblemDefaults.IsStatusPageRerun(context)
                ? RateLimitPartition.GetNoLimiter("free")
                : RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        return services;
    }

    public static WebApplication MapCertificates(this WebApplication app)
    {
        CertificateEndpoints.Map(app);
        TrustListEndpoints.Map(app);
        return app;
    }
}
