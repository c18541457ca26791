using System.Net;
using System.Net.Http.Json;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Accounts;

/// <summary>
/// Every mutating (and every restricted) endpoint, table-driven: anonymous → 401, wrong role or
/// another participant → 403, the right role → success.
/// </summary>
public sealed class AuthorisationTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static int _counter;

    public sealed record Case(string Name, HttpMethod Method, string Url, Func<object?> Body, string? User, HttpStatusCode Expected)
    {
        public override string ToString() => Name;
    }

    private static object Operator(string licence, Guid? version = null) => new
    {
        companyName = "Test Rough Ltd",
        address = "1 Test Road",
        licenceNumber = licence,
        isExporter = true,
        isImporter = false,
        validFrom = "2025-01-01",
        validTo = (string?)null,
        suspended = false,
        version,
    };

    private static string Unique(string prefix) => $"{prefix}-{Interlocked.Increment(ref _counter)}";

    private static readonly Func<object?> StatusEvent = () => new
    {
        effectiveOn = "2026-02-01",
        status = "active",
        note = "test",
        decisionTitle = "AD test",
        decisionDate = "2026-01-10",
        decisionReference = "AD/2026/01",
    };

    private static readonly Func<object?> Zone = () => new { name = Unique("Zone"), kind = "compliant-zone", from = "2026-01-01" };
    private static readonly Func<object?> Embargo = () => new { origin = "XK", from = "2026-03-01", governmentCertifiedExempt = false, note = "test", decisionTitle = "UNSC test" };
    private static readonly Func<object?> Authority = () => new { name = Unique("Authority"), role = "exporting", address = "Somewhere", contact = "kp@example.org" };

    private static int _participantCounter;
    private static readonly Func<object?> NewParticipant = () =>
    {
        var n = Interlocked.Increment(ref _participantCounter);
        return new { code = $"Q{(char)('A' + n)}", nameEn = "Testland", kind = "state", admittedOn = "2026-01-01" };
    };

    public static TheoryData<Case> Cases()
    {
        var data = new TheoryData<Case>();
        void Secretariat(string name, HttpMethod method, string url, Func<object?> body, HttpStatusCode success)
        {
            data.Add(new Case($"{name}: anonymous", method, url, body, null, HttpStatusCode.Unauthorized));
            data.Add(new Case($"{name}: authority officer", method, url, body, "officer.bw", HttpStatusCode.Forbidden));
            data.Add(new Case($"{name}: customs officer", method, url, body, "customs.bw", HttpStatusCode.Forbidden));
            data.Add(new Case($"{name}: operator", method, url, body, "operator.bw", HttpStatusCode.Forbidden));
            data.Add(new Case($"{name}: observer", method, url, body, "observer.wdc", HttpStatusCode.Forbidden));
            data.Add(new Case($"{name}: secretariat", method, url, body, "secretariat", success));
        }

        Secretariat("add participant", HttpMethod.Post, "/api/participants", NewParticipant, HttpStatusCode.Created);
        Secretariat("record status event", HttpMethod.Post, "/api/participants/BW/status-events", StatusEvent, HttpStatusCode.Created);
        Secretariat("record zone", HttpMethod.Post, "/api/participants/CF/zones", Zone, HttpStatusCode.Created);
        Secretariat("record embargo", HttpMethod.Post, "/api/embargoes", Embargo, HttpStatusCode.Created);
        Secretariat("add authority", HttpMethod.Post, "/api/participants/BW/authorities", Authority, HttpStatusCode.Created);
        Secretariat("verify audit chain", HttpMethod.Get, "/api/audit/verify", () => null, HttpStatusCode.OK);
        Secretariat("read audit trail", HttpMethod.Get, "/api/audit", () => null, HttpStatusCode.OK);

        // Operators: the participant's own authority officers (and the secretariat) manage them.
        Func<object?> newOperator = () => Operator(Unique("BW-T"));
        data.Add(new Case("license operator: anonymous", HttpMethod.Post, "/api/participants/BW/operators", newOperator, null, HttpStatusCode.Unauthorized));
        data.Add(new Case("license operator: officer of another participant", HttpMethod.Post, "/api/participants/BW/operators", newOperator, "officer.za", HttpStatusCode.Forbidden));
        data.Add(new Case("license operator: customs officer of the participant", HttpMethod.Post, "/api/participants/BW/operators", newOperator, "customs.bw", HttpStatusCode.Forbidden));
        data.Add(new Case("license operator: operator of the participant", HttpMethod.Post, "/api/participants/BW/operators", newOperator, "operator.bw", HttpStatusCode.Forbidden));
        data.Add(new Case("license operator: observer", HttpMethod.Post, "/api/participants/BW/operators", newOperator, "observer.cso", HttpStatusCode.Forbidden));
        data.Add(new Case("license operator: own authority officer", HttpMethod.Post, "/api/participants/BW/operators", newOperator, "officer.bw", HttpStatusCode.Created));
        data.Add(new Case("license operator: lower-case route is the same participant", HttpMethod.Post, "/api/participants/bw/operators", newOperator, "officer.bw", HttpStatusCode.Created));
        data.Add(new Case("license operator: secretariat", HttpMethod.Post, "/api/participants/BW/operators", newOperator, "secretariat", HttpStatusCode.Created));

        data.Add(new Case("list operators: anonymous", HttpMethod.Get, "/api/participants/BW/operators", () => null, null, HttpStatusCode.Unauthorized));
        data.Add(new Case("list operators: officer of another participant", HttpMethod.Get, "/api/participants/BW/operators", () => null, "officer.za", HttpStatusCode.Forbidden));
        data.Add(new Case("list operators: customs of another participant", HttpMethod.Get, "/api/participants/BW/operators", () => null, "customs.za", HttpStatusCode.Forbidden));
        data.Add(new Case("list operators: operator", HttpMethod.Get, "/api/participants/BW/operators", () => null, "operator.bw", HttpStatusCode.Forbidden));
        data.Add(new Case("list operators: observer", HttpMethod.Get, "/api/participants/BW/operators", () => null, "observer.wdc", HttpStatusCode.Forbidden));
        data.Add(new Case("list operators: own customs officer", HttpMethod.Get, "/api/participants/BW/operators", () => null, "customs.bw", HttpStatusCode.OK));
        data.Add(new Case("list operators: own authority officer", HttpMethod.Get, "/api/participants/BW/operators", () => null, "officer.bw", HttpStatusCode.OK));
        data.Add(new Case("list operators: secretariat", HttpMethod.Get, "/api/participants/BW/operators", () => null, "secretariat", HttpStatusCode.OK));

        data.Add(new Case("who am I: anonymous", HttpMethod.Get, "/api/me", () => null, null, HttpStatusCode.Unauthorized));
        data.Add(new Case("who am I: operator", HttpMethod.Get, "/api/me", () => null, "operator.ae", HttpStatusCode.OK));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_endpoint_admits_only_its_roles_and_participant(Case c)
    {
        var client = await app.ClientFor(c.User);
        using var request = new HttpRequestMessage(c.Method, c.Url);
        if (c.Body() is { } body)
        {
            request.Content = JsonContent.Create(body);
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(c.Expected == response.StatusCode, $"{c.Name}: expected {(int)c.Expected}, got {(int)response.StatusCode}: {text}");
        if ((int)response.StatusCode >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    public static TheoryData<string, string, HttpStatusCode> OperatorUpdates() => new()
    {
        { "anonymous", null!, HttpStatusCode.Unauthorized },
        { "officer of another participant", "officer.ae", HttpStatusCode.Forbidden },
        { "customs of the participant", "customs.bw", HttpStatusCode.Forbidden },
        { "the operator itself", "operator.bw", HttpStatusCode.Forbidden },
        { "own authority officer", "officer.bw", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(OperatorUpdates))]
    public async Task Changing_a_licence_is_for_the_participants_own_authority(string who, string? user, HttpStatusCode expected)
    {
        Assert.NotNull(who);
        var officer = await app.ClientFor("officer.bw");
        var created = await officer.PostJson("/api/participants/BW/operators", Operator(Unique("BW-U")), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        var version = created.GetProperty("version").GetGuid();
        var client = await app.ClientFor(user);
        var response = await client.PutAsJsonAsync($"/api/participants/BW/operators/{id}", Operator(created.Str("licenceNumber"), version));
        await response.Json(expected);
    }
}
