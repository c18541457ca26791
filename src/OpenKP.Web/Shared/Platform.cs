using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenKP.Audit;
using OpenKP.Data;
using Scalar.AspNetCore;

namespace OpenKP.Web.Shared;

/// <summary>What every module stands on: configuration, database, errors, API docs, health, localisation.</summary>
internal static class Platform
{
    public static readonly CultureInfo[] Cultures = [new("en"), new("fr"), new("zh")];

    public static WebApplicationBuilder AddOpenKpPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection("OpenKP").Get<OpenKpOptions>() ?? new OpenKpOptions();
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(dataDirectory);
        var demo = options.Demo ?? builder.Environment.IsDevelopment();
        if (demo && !builder.Environment.IsDevelopment() && !builder.Environment.IsEnvironment("Testing"))
        {
            throw new InvalidOperationException(
                "OpenKP:Demo is on outside Development: demo mode creates accounts with the published password 'openkp-demo' and must not run in production. Set OpenKP__Demo=false.");
        }

        services.AddSingleton(new OpenKpEnvironment(dataDirectory, demo));
        services.Configure<OpenKpOptions>(builder.Configuration.GetSection("OpenKP"));
        services.TryAddSingletonTimeProvider();

        if (!DatabaseSetup.TryParseProvider(options.Database, out var provider))
        {
            throw new InvalidOperationException($"OpenKP:Database is '{options.Database}': use Sqlite or Postgres.");
        }

        var connectionString = builder.Configuration.GetConnectionString("OpenKP");
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("OpenKP:Database is Postgres but ConnectionStrings:OpenKP (ConnectionStrings__OpenKP) is not set.");
        }

        connectionString = provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString)
            ? DatabaseSetup.SqliteConnectionString(dataDirectory)
            : connectionString!;
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddDbContext<OpenKpDb>(o => o.UseOpenKpDatabase(provider, connectionString));

        services.AddDataProtection()
            .SetApplicationName("OpenKP")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys", "data-protection")));

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDefaults.Complete);
        services.AddExceptionHandler<UnhandledExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "OpenKP API";
            doc.Info.Description = "The Kimberley Process Certification Scheme: registry, certificates, shipments, statistics and compliance. Errors are RFC 9457 ProblemDetails with a stable `code`.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        services.AddRazorPages().AddViewLocalization().AddDataAnnotationsLocalization();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retry))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
        });
        services.AddScoped<IdempotencyStore>();
        services.AddScoped<DatabaseInitialiser>();
        return builder;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    public static WebApplication UseOpenKpPlatform(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(ProblemDefaults.WriteStatusCodeAsync);
        app.UseMiddleware<RequestBodyLimit>();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<IdempotencyKeys>();
        return app;
    }

    public static WebApplication MapPlatform(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapGet("/problems", ProblemCatalogue).AllowAnonymous().ExcludeFromDescription();
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("OpenKP API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        return app;
    }

    /// <summary>docs/problems.md, the page every problem's <c>type</c> points into.</summary>
    private static IResult ProblemCatalogue()
    {
        using var stream = typeof(Platform).Assembly.GetManifestResourceStream("OpenKP.Web.problems.md")!;
        using var reader = new StreamReader(stream);
        return Results.Text(reader.ReadToEnd(), "text/markdown; charset=utf-8");
    }

    /// <summary>Migrations, then reference data on first start, then demo data in demo mode.</summary>
    public static async Task InitialiseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var initialiser = scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>();
        await initialiser.InitialiseAsync(app.Lifetime.ApplicationStopping);
    }
}

/// <summary>The resolved data directory and mode, for the modules that store files.</summary>
public sealed record OpenKpEnvironment(string DataDirectory, bool Demo);

internal sealed class DatabaseHealthCheck(OpenKpDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("database reachable")
            : HealthCheckResult.Unhealthy("database unreachable");
}

/// <summary>Fills in <c>code</c> and <c>type</c> on problems the framework writes itself (401, 403, 404, 413, bad JSON).</summary>
internal static class ProblemDefaults
{
    public static void Complete(ProblemDetailsContext context)
    {
        var p = context.ProblemDetails;
        if (!p.Extensions.ContainsKey("code"))
        {
            var code = p.Status switch
            {
                400 => PlatformCodes.MalformedBody,
                401 => PlatformCodes.Unauthenticated,
                403 => PlatformCodes.Forbidden,
                404 => PlatformCodes.RouteNotFound,
                413 => PlatformCodes.BodyTooLarge,
                429 => PlatformCodes.RateLimited,
                _ when p.Status >= 500 => PlatformCodes.InternalError,
                _ => null,
            };
            if (code is not null)
            {
                p.Extensions["code"] = code;
                p.Type = Problems.DocsBase + code;
                p.Detail ??= code switch
                {
                    PlatformCodes.MalformedBody => "The request body or a parameter could not be read. Send JSON matching the documented schema.",
                    PlatformCodes.Unauthenticated => "Sign in, or send a bearer token from POST /api/auth/token.",
                    PlatformCodes.Forbidden => "Your account may not do this: the action belongs to another role, participant or company.",
                    PlatformCodes.RouteNotFound => "There is nothing at this address.",
                    PlatformCodes.BodyTooLarge => "The request body is larger than this endpoint accepts.",
                    PlatformCodes.RateLimited => "Too many requests from this client: wait for the time in Retry-After, then try again.",
                    _ => "Something went wrong on our side. It has been logged; please try again.",
                };
            }
        }

        p.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
    }

    public static async Task WriteStatusCodeAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (IsApi(http.Request.Path))
        {
            var writer = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await writer.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = http.Response.StatusCode } });
            return;
        }

        if (http.Response.StatusCode is 403 or 404 or 413 or 429 or 500)
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            var original = http.Request.Path;
            http.Items[StatusPageRerun] = true;
            http.Request.Path = $"/status/{http.Response.StatusCode.ToString(CultureInfo.InvariantCulture)}";
            try
            {
                await context.Next(http);
            }
            finally
            {
                http.Request.Path = original;
            }
        }
    }

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/health");

    /// <summary>Marks a request the status-code handler re-runs to render its HTML error page (see <see cref="IsStatusPageRerun"/>).</summary>
    private const string StatusPageRerun = "openkp.status-page-rerun";

    /// <summary>
    /// Whether this is the re-run that renders a page's HTML error page: the body limit and the rate
    /// limits have already judged the request once, and must not refuse (or count) it a second time.
    /// </summary>
    public static bool IsStatusPageRerun(HttpContext context) => context.Items.ContainsKey(StatusPageRerun);
}

internal sealed class UnhandledExceptionHandler(IProblemDetailsService problems, ILogger<UnhandledExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            DbUpdateConcurrencyException => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status500InternalServerError,
        };
        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status };
        if (status == StatusCodes.Status409Conflict)
        {
            problem.Title = "Conflict";
            problem.Detail = "Someone else changed this record; reload it and try again.";
            problem.Extensions["code"] = OpenKP.Registry.RegistryCodes.ConcurrencyConflict;
            problem.Type = Problems.DocsBase + OpenKP.Registry.RegistryCodes.ConcurrencyConflict;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = null });
    }
}

/// <summary>
/// Refuses bodies larger than <see cref="OpenKpOptions.MaxRequestBodyBytes"/> with 413, before anything reads them,
/// on every path (API and pages). An endpoint that takes uploads declares its own limit with
/// <c>[RequestSizeLimit]</c> (the verify page: a 10 MB photo), which this middleware honours instead.
/// </summary>
internal sealed class RequestBodyLimit(RequestDelegate next, IOptions<OpenKpOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (ProblemDefaults.IsStatusPageRerun(context))
        {
            await next(context); // rendering the 413 page for a body already refused
            return;
        }

        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? options.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    }
}
