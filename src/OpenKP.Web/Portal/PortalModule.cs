using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Portal;

/// <summary>The server-rendered portal: the language switch and HTML error pages for everything outside /api.</summary>
internal static class PortalModule
{
    /// <summary>The cultures the portal offers in its language switch, each named in its own language.</summary>
    public static readonly IReadOnlyList<(string Culture, string Name)> Languages = [("en", "English"), ("fr", "Français"), ("zh", "中文")];

    /// <summary>
    /// Pages write French and Chinese as characters, not as <c>&amp;#xE9;</c> entities: the portal is
    /// served as UTF-8, and readable source helps screen readers, search and tests alike.
    /// </summary>
    public static IServiceCollection AddPortal(this IServiceCollection services)
        => services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

    /// <summary>HTML error pages for the portal, the language switch, and the Razor pages themselves.</summary>
    public static WebApplication MapPortal(this WebApplication app)
    {
        app.UseMiddleware<PortalErrorPages>();
        app.MapGet("/language/{culture}", SwitchLanguage).AllowAnonymous().ExcludeFromDescription();
        app.MapRazorPages();
        return app;
    }

    /// <summary>Remembers the chosen language in the culture cookie and returns to the page the user was on.</summary>
    internal static IResult SwitchLanguage(string culture, string? returnUrl, HttpContext context)
    {
        var chosen = Platform.Cultures.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase));
        if (chosen is not null)
        {
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Path = "/" });
        }

        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    /// <summary>A path on this site (<c>/participants?on=…</c>), never <c>//host</c> or <c>/\host</c>.</summary>
    public static bool IsLocal(string? url)
        => !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    /// <summary>The address of the language switch for <paramref name="culture"/> that comes back to the current page.</summary>
    public static string SwitchUrl(HttpRequest request, string culture)
    {
        // Drop ?culture= so the query string does not override the new choice on the way back.
        var query = QueryString.Create(request.Query
            .Where(q => !q.Key.Equals("culture", StringComparison.OrdinalIgnoreCase) && !q.Key.Equals("ui-culture", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))));
        var back = request.PathBase + request.Path + query;
        return $"/language/{culture}?returnUrl={Uri.EscapeDataString(back)}";
    }
}
