using System.Net;
using System.Net.Http.Json;
using OpenKP.Web.Shipments;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Shipments;

/// <summary>Every shipments endpoint refuses who may not use it: anonymous 401, wrong role 403, out of scope 404 (or 403 where the caller sees it).</summary>
public sealed class ShipmentAccessTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    [Fact]
    public async Task Every_endpoint_refuses_callers_outside_its_audience()
    {
        // A BW application (submitted) and a BW → AE certificate detained at arrival, to aim at.
        var operatorBw = await app.ClientFor("operator.bw");
        var applicationId = (await operatorBw.PostJson("/api/applications", Applications.Valid(), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await operatorBw.PostJson($"/api/applications/{applicationId}/submit", new { }, HttpStatusCode.OK);
        var issuedId = (await operatorBw.PostJson("/api/applications", Applications.Valid(), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await operatorBw.PostJson($"/api/applications/{issuedId}/submit", new { }, HttpStatusCode.OK);
        var certificate = (await (await app.ClientFor("officer.bw")).PostJson($"/api/applications/{issuedId}/approve", new { }, HttpStatusCode.OK)).GetProperty("certificate");
        var number = certificate.Str("number");
        var caseId = (await (await app.ClientFor("customs.ae")).PostJson("/api/arrivals", Applications.Matching(certificate.Str("qr")) with { Parcels = 2 }, HttpStatusCode.Created))
            .GetProperty("caseId").GetInt64();

        var application = Applications.Valid();
        var arrival = Applications.Matching(certificate.Str("qr"));
        var departure = new DepartureRequest(["SEAL-0001", "SEAL-0002"], null, null);
        var settings = new ShipmentSettingsRequest(null, 30, 0.5m, 5m, null);
        var reason = new DecisionRequest("No", null);
        var resolve = new ResolveCaseRequest("returned", "Back to sender", null);
        (string? User, string Method, string Url, object? Body, HttpStatusCode Expected)[] table =
        [
            (null, "POST", "/api/applications", application, HttpStatusCode.Unauthorized),
            ("customs.bw", "POST", "/api/applications", application, HttpStatusCode.Forbidden),
            ("observer.wdc", "POST", "/api/applications", application, HttpStatusCode.Forbidden),
            ("secretariat", "POST", "/api/applications", application, HttpStatusCode.Forbidden),
            (null, "GET", "/api/applications", null, HttpStatusCode.Unauthorized),
            ("customs.bw", "GET", "/api/applications", null, HttpStatusCode.Forbidden),
            ("observer.cso", "GET", "/api/applications", null, HttpStatusCode.Forbidden),
            ("operator.bw", "GET", "/api/applications/queue", null, HttpStatusCode.Forbidden),
            ("customs.bw", "GET", "/api/applications/queue", null, HttpStatusCode.Forbidden),
            (null, "GET", $"/api/applications/{applicationId}", null, HttpStatusCode.Unauthorized),
            ("operator.za", "GET", $"/api/applications/{applicationId}", null, HttpStatusCode.NotFound),
            ("officer.ae", "GET", $"/api/applications/{applicationId}", null, HttpStatusCode.NotFound),
            ("customs.bw", "GET", $"/api/applications/{applicationId}", null, HttpStatusCode.NotFound),
            ("operator.za", "PUT", $"/api/applications/{applicationId}", application, HttpStatusCode.NotFound),
            ("officer.ae", "DELETE", $"/api/applications/{applicationId}", null, HttpStatusCode.NotFound),
            ("operator.za", "POST", $"/api/applications/{applicationId}/submit", new { }, HttpStatusCode.NotFound),
            ("operator.za", "GET", $"/api/applications/{applicationId}/attachments/1", null, HttpStatusCode.NotFound),
            ("operator.bw", "GET", $"/api/applications/{applicationId}/review", null, HttpStatusCode.NotFound),
            ("officer.za", "GET", $"/api/applications/{applicationId}/review", null, HttpStatusCode.NotFound),
            ("operator.bw", "POST", $"/api/applications/{applicationId}/approve", new { }, HttpStatusCode.Forbidden),
            ("customs.bw", "POST", $"/api/applications/{applicationId}/approve", new { }, HttpStatusCode.Forbidden),
            ("secretariat", "POST", $"/api/applications/{applicationId}/approve", new { }, HttpStatusCode.Forbidden),
            ("officer.za", "POST", $"/api/applications/{applicationId}/approve", new { }, HttpStatusCode.NotFound),
            ("operator.bw", "POST", $"/api/applications/{applicationId}/reject", reason, HttpStatusCode.Forbidden),
            ("officer.za", "POST", $"/api/applications/{applicationId}/reject", reason, HttpStatusCode.NotFound),
            ("operator.bw", "POST", $"/api/applications/{applicationId}/send-back", reason, HttpStatusCode.Forbidden),
            (null, "GET", "/api/shipments", null, HttpStatusCode.Unauthorized),
            ("observer.wdc", "GET", "/api/shipments", null, HttpStatusCode.Forbidden),
            ("officer.za", "GET", "/api/shipments?participant=BW", null, HttpStatusCode.Forbidden),
            ("officer.za", "GET", $"/api/shipments/{number}", null, HttpStatusCode.NotFound),
            ("operator.za", "GET", $"/api/shipments/{number}", null, HttpStatusCode.NotFound),
            ("observer.wdc", "GET", $"/api/shipments/{number}", null, HttpStatusCode.NotFound),
            ("officer.bw", "POST", $"/api/shipments/{number}/departure", departure, HttpStatusCode.Forbidden),
            ("customs.ae", "POST", $"/api/shipments/{number}/departure", departure, HttpStatusCode.NotFound),
            ("customs.bw", "POST", $"/api/shipments/{number}/remind", new { }, HttpStatusCode.Forbidden),
            ("officer.ae", "POST", $"/api/shipments/{number}/remind", new { }, HttpStatusCode.NotFound),
            ("operator.bw", "GET", "/api/shipments/overdue", null, HttpStatusCode.Forbidden),
            ("officer.za", "GET", $"/api/shipments/{number}/confirmation", null, HttpStatusCode.NotFound),
            ("officer.za", "GET", $"/api/shipments/{number}/confirmation/pdf", null, HttpStatusCode.NotFound),
            (null, "POST", "/api/arrivals", arrival, HttpStatusCode.Unauthorized),
            ("officer.ae", "POST", "/api/arrivals", arrival, HttpStatusCode.Forbidden),
            ("operator.ae", "POST", "/api/arrivals", arrival, HttpStatusCode.Forbidden),
            ("customs.za", "POST", "/api/arrivals", arrival, HttpStatusCode.Forbidden),
            (null, "POST", "/api/transits", new TransitRequest(certificate.Str("qr"), true, null), HttpStatusCode.Unauthorized),
            ("officer.za", "POST", "/api/transits", new TransitRequest(certificate.Str("qr"), true, null), HttpStatusCode.Forbidden),
            (null, "GET", "/api/cases", null, HttpStatusCode.Unauthorized),
            ("operator.bw", "GET", "/api/cases", null, HttpStatusCode.Forbidden),
            ("observer.wdc", "GET", "/api/cases", null, HttpStatusCode.Forbidden),
            ("officer.za", "GET", $"/api/cases/{caseId}", null, HttpStatusCode.NotFound),
            ("operator.bw", "GET", $"/api/cases/{caseId}", null, HttpStatusCode.NotFound),
            ("officer.za", "POST", $"/api/cases/{caseId}/notes", new CaseNoteRequest("Hello"), HttpStatusCode.NotFound),
            ("operator.ae", "POST", $"/api/cases/{caseId}/notes", new CaseNoteRequest("Hello"), HttpStatusCode.NotFound),
            ("officer.za", "GET", $"/api/cases/{caseId}/notes/1/file", null, HttpStatusCode.NotFound),
            ("officer.bw", "POST", $"/api/cases/{caseId}/resolve", resolve, HttpStatusCode.Forbidden),
            ("customs.bw", "POST", $"/api/cases/{caseId}/resolve", resolve, HttpStatusCode.Forbidden),
            ("officer.za", "POST", $"/api/cases/{caseId}/resolve", resolve, HttpStatusCode.NotFound),
            (null, "GET", "/api/participants/BW/shipment-settings", null, HttpStatusCode.Unauthorized),
            ("officer.ae", "GET", "/api/participants/BW/shipment-settings", null, HttpStatusCode.Forbidden),
            ("operator.bw", "GET", "/api/participants/BW/shipment-settings", null, HttpStatusCode.Forbidden),
            ("customs.bw", "PUT", "/api/participants/BW/shipment-settings", settings, HttpStatusCode.Forbidden),
            ("officer.ae", "PUT", "/api/participants/BW/shipment-settings", settings, HttpStatusCode.Forbidden),
        ];

        var failures = new List<string>();
        foreach (var (user, method, url, body, expected) in table)
        {
            var client = await app.ClientFor(user);
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = body is null ? null : JsonContent.Create(body, body.GetType()) };
            var response = await client.SendAsync(request);
            if (response.StatusCode != expected)
            {
                failures.Add($"{user ?? "anonymous"} {method} {url}: expected {(int)expected}, got {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
        // Nothing changed: the application is still submitted, the case still open.
        Assert.Equal("submitted", (await operatorBw.GetJson($"/api/applications/{applicationId}")).Str("status"));
        Assert.Equal("open", (await (await app.ClientFor("officer.ae")).GetJson($"/api/cases/{caseId}")).Str("status"));
    }
}
