using OpenKP.Compliance;

namespace OpenKP.Web.Compliance;

/// <summary>
/// Compliance and governance: meetings and decisions (whose effects drive the registry), the Chair and the
/// working bodies, admissions, annual reports, peer review, non-compliance cases and the Chair's report to
/// the UN General Assembly. One line per piece; each piece maps its own endpoints.
/// </summary>
internal static class ComplianceModule
{
    public static IServiceCollection AddCompliance(this IServiceCollection services)
    {
        services.AddScoped<DecisionDesk>();
        services.AddScoped<ComplianceCaseDesk>();
        services.AddScoped<PeerReviewDesk>();
        services.AddScoped<ChairReportDrafter>().AddScoped<ChairReportDesk>().AddHostedService<ComplianceDemo>();
        services.AddScoped<MeetingBook>().AddScoped<BodyRoster>();
        services.AddAnnualReports();
        services.AddScoped<AdmissionDesk>();
        return services;
    }

    public static WebApplication MapCompliance(this WebApplication app)
    {
        ComplianceCaseEndpoints.Map(app);
        PeerReviewEndpoints.Map(app);
        ChairReportEndpoints.Map(app);
        DecisionEndpoints.Map(app);
        MeetingEndpoints.Map(app);
        BodyEndpoints.Map(app);
        AnnualReportEndpoints.Map(app);
        AdmissionEndpoints.Map(app);
        return app;
    }
}
