using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Portal;

/// <summary>
/// A visitor to the portal: keeps cookies like a browser, does not follow redirects (tests check them),
/// and posts forms with the antiforgery token read from the page it came from.
/// </summary>
public sealed partial class PortalClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public static PortalClient Anonymous(OpenKpApp app)
        => new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public static async Task<PortalClient> SignedIn(OpenKpApp app, string userName)
    {
        var client = Anonymous(app);
        var response = await client.SignIn(userName, OpenKpApp.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async Task<HttpResponseMessage> SignIn(string userName, string password, string? returnUrl = null)
    {
        var url = "/account/sign-in" + (returnUrl is null ? string.Empty : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        return await PostForm(url, new() { ["userName"] = userName, ["password"] = password, ["ReturnUrl"] = returnUrl ?? string.Empty });
    }

    /// <summary>GETs the page, then POSTs the fields to it with the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostForm(string url, Dictionary<string, string> fields)
    {
        var (status, html) = await Get(url);
        Assert.True(status == HttpStatusCode.OK, $"GET {url} answered {(int)status}");
        return await PostForm(url, fields, Token(html));
    }

    public async Task<HttpResponseMessage> PostForm(string url, Dictionary<string, string> fields, string token)
    {
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await Http.PostAsync(url, new FormUrlEncodedContent(body));
    }

    /// <summary>GETs the page, then POSTs a multipart form (fields and one file) to <paramref name="action"/> with the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFile(
        string page, string action, string field, string fileName, byte[] content, string contentType, Dictionary<string, string>? fields = null)
    {
        var (status, html) = await Get(page);
        Assert.True(status == HttpStatusCode.OK, $"GET {page} answered {(int)status}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Token(html)), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields ?? [])
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, field, fileName);
        return await Http.PostAsync(action, form);
    }

    public async Task<(HttpStatusCode Status, string Html)> Get(string url)
    {
        using var response = await Http.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>GETs a page and follows redirects on this site, as a browser would.</summary>
    public async Task<(HttpStatusCode Status, string Html, string Url)> Follow(string url)
    {
        for (var hops = 0; hops < 5; hops++)
        {
            using var response = await Http.GetAsync(url);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
            {
                url = Location(response);
                continue;
            }

            return (response.StatusCode, await response.Content.ReadAsStringAsync(), url);
        }

        throw new InvalidOperationException($"Too many redirects from {url}");
    }

    public static string Location(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException("No Location header");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    public static string Token(string html)
    {
        var match = TokenInput().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public void UseCulture(string culture)
        => Http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(culture));

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
