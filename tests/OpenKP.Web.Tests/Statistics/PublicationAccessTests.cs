using System.Net;
using System.Net.Http.Json;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Statistics;

/// <summary>Every publication endpoint answers each kind of caller as it should: public reads for everyone, the desk for the secretariat only.</summary>
public sealed class PublicationAccessTests : IAsyncLifetime
{
    private readonly OpenKpApp _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Every_endpoint_admits_its_audience_and_refuses_everyone_else()
    {
        await PublishedYears.AddProductionAsync(_app);
        PublishedYears.IntoNextYear(_app);
        await PublishedYears.PublishAsync(_app);
        await PublishedYears.ReviseProductionAsync(_app, "ZA", 2, 240_000_00, 70_000_000_00, "ZA sent its H2 return");

        string?[] everyone = [null, "observer.wdc", "operator.bw", "officer.bw", "customs.ae", "secretariat"];
        (string Method, string Url, object? Body, HttpStatusCode Secretariat, HttpStatusCode Others, HttpStatusCode Anonymous)[] table =
        [
            ("GET", "/api/public/statistics", null, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK),
            ("GET", "/api/public/statistics/2026", null, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK),
            ("GET", "/api/public/statistics/2026?format=csv", null, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK),
            ("GET", "/api/public/statistics/2026?format=xlsx&vintage=1", null, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK),
            ("GET", "/api/public/statistics/2025", null, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            ("GET", "/api/public/statistics/2026?format=pdf", null, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest),
            ("GET", "/api/public/statistics/2026?sort=colour", null, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest),
            ("GET", "/api/public/statistics/participants/BW", null, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK),
            ("GET", "/statistics/charts/world.svg", null, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK),
            ("GET", "/statistics/charts/2026/top-producers.svg", null, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK),
            ("GET", "/statistics/charts/2026/price.svg", null, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK),
            ("GET", "/statistics/charts/participants/ZA.svg", null, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK),
            ("GET", "/api/statistics/years", null, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized),
            ("GET", "/api/statistics/years/2025/preview", null, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized),
            ("GET", "/api/statistics/years/2025/preview?format=csv", null, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized),
            ("GET", "/api/statistics/years/2026/vintages", null, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized),
            ("GET", "/api/statistics/years/2026/vintages/1/diff/2", null, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized),
            ("GET", "/api/statistics/years/2026/vintages/1/diff/9", null, HttpStatusCode.NotFound, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized),
            ("GET", "/api/statistics/years/2025/vintages", null, HttpStatusCode.NotFound, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized),
            ("POST", "/api/statistics/years/2026/publish", new { reason = "Nothing new" }, HttpStatusCode.Conflict, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized),
            ("POST", "/api/statistics/years/1999/publish", new { }, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized),
        ];
        foreach (var (method, url, body, secretariat, others, anonymous) in table)
        {
            foreach (var user in everyone)
            {
                var expected = user switch { null => anonymous, "secretariat" => secretariat, _ => others };
                var client = await _app.ClientFor(user);
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = body is null ? null : JsonContent.Create(body) };
                var response = await client.SendAsync(request);
                Assert.True(expected == response.StatusCode, $"{user ?? "anonymous"} {method} {url}: expected {(int)expected}, got {(int)response.StatusCode}");
            }
        }

        // The pages: public for published years, the desk for the secretariat (others are sent to sign in, or to the access-denied page).
        (string Url, HttpStatusCode Secretariat, HttpStatusCode Others, HttpStatusCode Anonymous)[] pages =
        [
            ("/statistics", HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK),
            ("/statistics/2026", HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK),
            ("/statistics/2026?vintage=1", HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK),
            ("/statistics/2026/vintages", HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK),
            ("/statistics/2025", HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            ("/statistics/2025/vintages", HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            ("/statistics/participants/BW", HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK),
            ("/statistics/publication", HttpStatusCode.OK, HttpStatusCode.Redirect, HttpStatusCode.Redirect),
        ];
        foreach (var (url, secretariat, others, anonymous) in pages)
        {
            foreach (var user in everyone)
            {
                using var portal = user is null ? Portal.PortalClient.Anonymous(_app) : await Portal.PortalClient.SignedIn(_app, user);
                var expected = user switch { null => anonymous, "secretariat" => secretariat, _ => others };
                var status = (await portal.Http.GetAsync(url)).StatusCode;
                Assert.True(expected == status, $"{user ?? "anonymous"} {url}: expected {(int)expected}, got {(int)status}");
            }
        }
    }
}
