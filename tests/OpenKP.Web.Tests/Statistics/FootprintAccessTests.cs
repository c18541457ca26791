using System.Net;
using System.Net.Http.Json;
using OpenKP.Web.Tests.Infrastructure;
using OpenKP.Web.Tests.Portal;

namespace OpenKP.Web.Tests.Statistics;

/// <summary>
/// Every footprint endpoint and page against every kind of caller: the participants' officials, the
/// secretariat and observers read footprints; operators and anonymous callers do not; only the secretariat
/// recomputes. (Footprints are aggregates of at least the minimum sample; a trader who saw the bands would
/// know what value passes unflagged.)
/// </summary>
public sealed class FootprintAccessTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    [Fact]
    public async Task Every_footprint_endpoint_refuses_callers_outside_its_audience()
    {
        (string? User, string Method, string Url, HttpStatusCode Expected)[] table =
        [
            (null, "POST", "/api/statistics/footprints/recompute", HttpStatusCode.Unauthorized),
            ("operator.bw", "POST", "/api/statistics/footprints/recompute", HttpStatusCode.Forbidden),
            ("officer.bw", "POST", "/api/statistics/footprints/recompute", HttpStatusCode.Forbidden),
            ("customs.ae", "POST", "/api/statistics/footprints/recompute", HttpStatusCode.Forbidden),
            ("observer.wdc", "POST", "/api/statistics/footprints/recompute", HttpStatusCode.Forbidden),
            ("secretariat", "POST", "/api/statistics/footprints/recompute", HttpStatusCode.OK),
            (null, "GET", "/api/statistics/footprints", HttpStatusCode.Unauthorized),
            ("operator.bw", "GET", "/api/statistics/footprints", HttpStatusCode.Forbidden),
            ("operator.ae", "GET", "/api/statistics/footprints", HttpStatusCode.Forbidden),
            ("officer.bw", "GET", "/api/statistics/footprints", HttpStatusCode.OK),
            ("officer.za", "GET", "/api/statistics/footprints", HttpStatusCode.OK),
            ("customs.ae", "GET", "/api/statistics/footprints", HttpStatusCode.OK),
            ("observer.wdc", "GET", "/api/statistics/footprints", HttpStatusCode.OK),
            ("observer.cso", "GET", "/api/statistics/footprints", HttpStatusCode.OK),
            ("secretariat", "GET", "/api/statistics/footprints", HttpStatusCode.OK),
            (null, "GET", "/api/statistics/footprints/BW", HttpStatusCode.Unauthorized),
            ("operator.bw", "GET", "/api/statistics/footprints/BW", HttpStatusCode.Forbidden),
            ("officer.za", "GET", "/api/statistics/footprints/BW?hs=7102.10", HttpStatusCode.OK),
            ("customs.ae", "GET", "/api/statistics/footprints/BW", HttpStatusCode.OK),
            ("observer.wdc", "GET", "/api/statistics/footprints/BW", HttpStatusCode.OK),
            ("secretariat", "GET", "/api/statistics/footprints/BW", HttpStatusCode.OK),
            ("secretariat", "GET", "/api/statistics/footprints/NA", HttpStatusCode.NotFound),
        ];

        var failures = new List<string>();
        foreach (var (user, method, url, expected) in table)
        {
            var client = await app.ClientFor(user);
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "POST" ? JsonContent.Create(new { }) : null };
            var response = await client.SendAsync(request);
            if (response.StatusCode != expected)
            {
                failures.Add($"{user ?? "anonymous"} {method} {url}: expected {(int)expected}, got {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task The_footprint_pages_are_for_officials_the_secretariat_and_observers()
    {
        await (await app.ClientFor("secretariat")).PostJson("/api/statistics/footprints/recompute", new { }, HttpStatusCode.OK);
        (string? User, string Url, HttpStatusCode Expected)[] table =
        [
            (null, "/statistics/footprints", HttpStatusCode.Redirect),
            (null, "/statistics/footprints/BW", HttpStatusCode.Redirect),
            ("operator.bw", "/statistics/footprints", HttpStatusCode.Forbidden),
            ("operator.bw", "/statistics/footprints/BW", HttpStatusCode.Forbidden),
            ("operator.bw", "/statistics/footprints/BW?handler=chart&hs=7102.31", HttpStatusCode.Forbidden),
            ("officer.bw", "/statistics/footprints", HttpStatusCode.OK),
            ("customs.ae", "/statistics/footprints/BW", HttpStatusCode.OK),
            ("observer.wdc", "/statistics/footprints/BW", HttpStatusCode.OK),
            ("secretariat", "/statistics/footprints", HttpStatusCode.OK),
            ("secretariat", "/statistics/footprints/NA", HttpStatusCode.NotFound),
        ];

        var failures = new List<string>();
        foreach (var (user, url, expected) in table)
        {
            using var portal = user is null ? PortalClient.Anonymous(app) : await PortalClient.SignedIn(app, user);
            var (status, _) = await portal.Get(url);
            if (status != expected)
            {
                failures.Add($"{user ?? "anonymous"} GET {url}: expected {(int)expected}, got {(int)status}");
            }
        }

        Assert.Empty(failures);

        // Only the secretariat is offered, and may use, the recompute button.
        using var officer = await PortalClient.SignedIn(app, "officer.bw");
        var (_, html) = await officer.Get("/statistics/footprints");
        Assert.DoesNotContain("data-testid=\"recompute\"", html, StringComparison.Ordinal);
        var refused = await officer.PostForm("/statistics/footprints?handler=recompute", []);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
