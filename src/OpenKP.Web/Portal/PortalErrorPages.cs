using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Portal;

/// <summary>
/// Gives pages outside /api friendly HTML error pages. The platform's status-code handler re-runs the
/// pipeline with the path <c>/status/{code}</c>, but routing has already chosen an endpoint by then; this
/// middleware points that re-run at the status page. It also turns an exception thrown by a page into the
/// 500 page (the API keeps its ProblemDetails).
/// </summary>
internal sealed partial class PortalErrorPages(RequestDelegate next, EndpointDataSource endpoints, PageLoader pages, ILogger<PortalErrorPages> logger)
{
    private const string StatusPage = "/Status/Index";
    private Endpoint? _statusEndpoint;

    public async Task InvokeAsync(HttpContext context)
    {
        if (IsStatusPath(context.Request.Path, out var code) && !IsStatusPage(context.GetEndpoint()))
        {
            await PointAtStatusPageAsync(context, code);
            await next(context);
            return;
        }

        if (ProblemDefaults.IsApi(context.Request.Path) || context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is null)
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested && !IsStatusPage(context.GetEndpoint()))
        {
            LogPageFailed(logger, e, context.Request.Method, context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await PointAtStatusPageAsync(context, "500");
            await next(context);
        }
    }

    private static bool IsStatusPath(PathString path, out string code)
    {
        code = string.Empty;
        if (!path.StartsWithSegments("/status", out var rest) || !rest.HasValue)
        {
            return false;
        }

        code = rest.Value!.TrimStart('/');
        return code.Length == 3 && code.All(char.IsAsciiDigit);
    }

    private static bool IsStatusPage(Endpoint? endpoint)
        => endpoint?.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath == StatusPage;

    private async Task PointAtStatusPageAsync(HttpContext context, string code)
    {
        if (_statusEndpoint is null)
        {
            var descriptor = endpoints.Endpoints.Select(e => e.Metadata.GetMetadata<PageActionDescriptor>())
                .First(d => d?.ViewEnginePath == StatusPage)!;
            var compiled = await pages.LoadAsync(descriptor, EndpointMetadataCollection.Empty);
            _statusEndpoint = compiled.Endpoint;
        }

        context.SetEndpoint(_statusEndpoint);
        context.Request.RouteValues = new() { ["page"] = StatusPage, ["code"] = code };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on page {Method} {Path}")]
    private static partial void LogPageFailed(ILogger logger, Exception exception, string method, string path);
}
