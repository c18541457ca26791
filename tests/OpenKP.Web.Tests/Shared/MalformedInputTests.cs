using System.Net;
using System.Text;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Shared;

/// <summary>Bad input always gets ProblemDetails with the right status and a stable code — never a 500.</summary>
public sealed class MalformedInputTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    public static TheoryData<string, HttpStatusCode, string> BadReads() => new()
    {
        { "/api/participants/B1", HttpStatusCode.BadRequest, "invalid-code" },
        { "/api/participants/Botswana", HttpStatusCode.BadRequest, "invalid-code" },
        { "/api/participants/QQ", HttpStatusCode.NotFound, "participant-not-found" },
        { "/api/participants/QQ/status?on=2020-01-01", HttpStatusCode.NotFound, "participant-not-found" },
        { "/api/participants/BW/status?on=2020-13-01", HttpStatusCode.BadRequest, "invalid-date" },
        { "/api/participants/BW/status?on=yesterday", HttpStatusCode.BadRequest, "invalid-date" },
        { "/api/participants?on=01/02/2020", HttpStatusCode.BadRequest, "invalid-date" },
        { "/api/participants?page=0", HttpStatusCode.BadRequest, "invalid-page" },
        { "/api/participants?pageSize=100000", HttpStatusCode.BadRequest, "invalid-page" },
        { "/api/trade-permission?exporter=BW&importer=AE&on=2020-01-01", HttpStatusCode.BadRequest, "required" },
        { "/api/trade-permission?exporter=BWA&importer=AE&origin=BW&on=2020-01-01", HttpStatusCode.BadRequest, "invalid-code" },
        { "/api/trade-permission?exporter=BW&importer=AE&origin=BW&on=2020-02-30", HttpStatusCode.BadRequest, "invalid-date" },
        { "/api/trade-permission?exporter=BW&importer=AE&origin=BW&on=2020-01-01&governmentCertified=maybe", HttpStatusCode.BadRequest, "malformed-body" },
        { "/api/participants/BW/authorities/extra/segments", HttpStatusCode.NotFound, "not-found" },
        { "/api/no-such-endpoint", HttpStatusCode.NotFound, "not-found" },
    };

    [Theory]
    [MemberData(nameof(BadReads))]
    public async Task A_malformed_read_gets_a_problem_with_a_stable_code(string url, HttpStatusCode status, string code)
    {
        var client = await app.ClientFor(null);
        var response = await client.GetAsync(url);
        var problem = await response.Json(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, problem.Str("code"));
        Assert.EndsWith("#" + code, problem.Str("type"));
    }

    [Fact]
    public async Task Every_bad_field_of_a_write_is_reported_at_once()
    {
        var client = await app.ClientFor("secretariat");
        var problem = await client.PostJson("/api/participants/BW/status-events",
            new { effectiveOn = "2026-31-01", status = "sleeping", note = "", decisionTitle = (string?)null }, HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("violations").EnumerateArray().Select(v => v.Str("field")).ToHashSet();
        Assert.Equal(["effectiveOn", "status", "note", "decisionTitle"], fields);
    }

    [Fact]
    public async Task Json_that_does_not_parse_is_a_400_problem()
    {
        var client = await app.ClientFor("secretariat");
        var response = await client.PostAsync("/api/participants/BW/status-events", new StringContent("{\"effectiveOn\": ", Encoding.UTF8, "application/json"));
        Assert.Equal("malformed-body", (await response.Json(HttpStatusCode.BadRequest)).Str("code"));
        var wrongType = await client.PostAsync("/api/participants/BW/operators", new StringContent("{\"isExporter\": \"often\"}", Encoding.UTF8, "application/json"));
        Assert.Equal("malformed-body", (await wrongType.Json(HttpStatusCode.BadRequest)).Str("code"));
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413_before_it_is_read()
    {
        var client = await app.ClientFor("secretariat");
        var huge = new string('x', 2 * 1024 * 1024);
        var response = await client.PostAsync("/api/participants/BW/status-events", new StringContent($"{{\"note\":\"{huge}\"}}", Encoding.UTF8, "application/json"));
        Assert.Equal("body-too-large", (await response.Json(HttpStatusCode.RequestEntityTooLarge)).Str("code"));
    }

    [Fact]
    public async Task Writing_to_an_unknown_participant_is_a_404_and_writes_nothing()
    {
        var client = await app.ClientFor("secretariat");
        var before = await app.WithDb(db => Task.FromResult(db.AuditEntries.Count()));
        var problem = await client.PostJson("/api/participants/QQ/status-events",
            new { effectiveOn = "2026-02-01", status = "active", note = "n", decisionTitle = "t" }, HttpStatusCode.NotFound);
        Assert.Equal("participant-not-found", problem.Str("code"));
        Assert.Equal(before, await app.WithDb(db => Task.FromResult(db.AuditEntries.Count())));
    }

    [Fact]
    public async Task Health_and_the_API_description_are_served()
    {
        var client = await app.ClientFor(null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal("Healthy", await (await client.GetAsync("/health/ready")).Content.ReadAsStringAsync());
        var openApi = await client.GetJson("/openapi/v1.json");
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/trade-permission", out _));
        var docs = await app.CreateClient().GetAsync("/api/docs");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("OpenKP API", await docs.Content.ReadAsStringAsync());
    }
}
