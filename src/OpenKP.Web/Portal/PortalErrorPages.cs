using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Portal;

/// <summary>
/// Gives pages outside /api friendly HTML error pages. The platform's status-code handler re-runs the
/// pipeline with the path <c>/status/{code}</c>, but routing has already chosen an endpoint (or none) by
/// then; this middleware runs the status page itself for that re-run. It also turns an exception thrown
/// by a page into the 500 page (the API keeps its ProblemDetails).
/// </summary>
internal sealed partial class PortalErrorPages(
    RequestDelegate next, EndpointDataSource endpoints, PageLoader pages, IActionInvokerFactory invokers, ILogger<PortalErrorPages> logger)
{
    private const string StatusPage = "/Status/Index";
    private CompiledPageActionDescriptor? _statusPage;

    public async Task InvokeAsync(HttpContext context)
    {
        if (IsStatusPath(context.Request.Path, out var code) && !IsStatusPage(context.GetEndpoint()))
        {
            await RenderStatusPageAsync(context, code);
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
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            LogPageFailed(logger, e, context.Request.Method, context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.ContentType = "text/html; charset=utf-8";
            await RenderStatusPageAsync(context, "500");
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

    /// <summary>Invokes the status page as its endpoint would, with <c>code</c> as the route value.</summary>
    private async Task RenderStatusPageAsync(HttpContext context, string code)
    {
        if (_statusPage is null)
        {
            var route = endpoints.Endpoints.First(e => IsStatusPage(e));
            _statusPage = await pages.LoadAsync(route.Metadata.GetRequiredMetadata<PageActionDescriptor>(), route.Metadata);
        }

        var routeData = new RouteData();
        routeData.Values["page"] = StatusPage;
        routeData.Values["code"] = code;
        context.Request.RouteValues = new(routeData.Values);
        var invoker = invokers.CreateInvoker(new ActionContext(context, routeData, _statusPage))
            ?? throw new InvalidOperationException("The status page could not be invoked.");
        await invoker.InvokeAsync();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on page {Method} {Path}")]
    private static partial void LogPageFailed(ILogger logger, Exception exception, string method, string path);
}
