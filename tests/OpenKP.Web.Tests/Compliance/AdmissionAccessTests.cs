using System.Net;
using System.Net.Http.Json;
using OpenKP.Web.Tests.Infrastructure;
using OpenKP.Web.Tests.Shipments;

namespace OpenKP.Web.Tests.Compliance;

/// <summary>
/// Every admissions endpoint refuses who may not use it: anonymous 401; customs officers and operators 403 everywhere;
/// observers and authority officers read (applications are shared by the scheme) but never write (403); the secretariat does all.
/// </summary>
public sealed class AdmissionAccessTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    [Fact]
    public async Task Every_endpoint_answers_each_kind_of_caller_as_the_rules_say()
    {
        var secretariat = await app.ClientFor("secretariat");
        var id = (await secretariat.PostJson("/api/compliance/admissions", AdmissionTests.Application("KE"), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var doc = (await (await AdmissionTests.Upload(secretariat, id, Files.Png(), "map.png")).Json(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var a = $"/api/compliance/admissions/{id}";

        var dossier = new { legislation = "L", authorities = "A", internalControls = "I" };
        var assess = new { assessment = "met" };
        var visit = new { visitOn = "2026-01-10", report = "Visited." };
        var recommend = new { recommend = true, assessment = "A", recommendation = "R" };
        var decision = new { outcome = "admit" };
        var readers = new[] { "observer.wdc", "observer.cso", "officer.bw", "officer.za", "secretariat" };
        var refusedReaders = new[] { "customs.bw", "operator.bw" };
        var writersRefused = new[] { "customs.bw", "operator.bw", "observer.wdc", "officer.bw", "officer.za" };

        var table = new List<(string? User, string Method, string Url, object? Body, HttpStatusCode Expected)>();
        foreach (var url in new[] { "/api/compliance/admissions", a, $"{a}/documents/{doc}" })
        {
            table.Add((null, "GET", url, null, HttpStatusCode.Unauthorized));
            table.AddRange(refusedReaders.Select(u => ((string?)u, "GET", url, (object?)null, HttpStatusCode.Forbidden)));
            table.AddRange(readers.Select(u => ((string?)u, "GET", url, (object?)null, HttpStatusCode.OK)));
        }

        var writes = new (string Method, string Url, object? Body, HttpStatusCode Secretariat)[]
        {
            ("POST", "/api/compliance/admissions", AdmissionTests.Application("KE"), HttpStatusCode.UnprocessableEntity),
            ("PUT", a, dossier, HttpStatusCode.OK),
            ("POST", $"{a}/documents", null, HttpStatusCode.BadRequest),
            ("PUT", $"{a}/checklist/legislation", assess, HttpStatusCode.OK),
            ("PUT", $"{a}/visit", visit, HttpStatusCode.UnprocessableEntity),
            ("POST", $"{a}/recommendation", recommend, HttpStatusCode.UnprocessableEntity),
            ("POST", $"{a}/decision", decision, HttpStatusCode.UnprocessableEntity),
            ("POST", $"{a}/decision/adopt", new { }, HttpStatusCode.Conflict),
            ("POST", $"{a}/withdraw", new { version = Guid.NewGuid() }, HttpStatusCode.Conflict),
        };
        foreach (var (method, url, body, expected) in writes)
        {
            table.Add((null, method, url, body, HttpStatusCode.Unauthorized));
            table.AddRange(writersRefused.Select(u => ((string?)u, method, url, body, HttpStatusCode.Forbidden)));
            table.Add(("secretariat", method, url, body, expected));
        }

        table.Add(("secretariat", "GET", "/api/compliance/admissions/999999", null, HttpStatusCode.NotFound));
        table.Add(("secretariat", "GET", $"{a}/documents/999999", null, HttpStatusCode.NotFound));
        table.Add(("secretariat", "GET", "/api/compliance/admissions?status=nonsense", null, HttpStatusCode.BadRequest));

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
        // Only the secretariat's steps changed it: still open, one document, one requirement assessed.
        var after = await secretariat.GetJson(a);
        Assert.Equal(("under-assessment", 1, 1), (after.Str("status"), after.GetProperty("documents").GetArrayLength(), after.GetProperty("assessed").GetInt32()));
    }
}
