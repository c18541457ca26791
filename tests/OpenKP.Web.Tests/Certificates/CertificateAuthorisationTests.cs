using System.Net;
using System.Net.Http.Json;
using OpenKP.Web.Certificates;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Certificates;

/// <summary>
/// Every certificate endpoint, table-driven, on a fresh certificate Botswana issued to the UAE:
/// anonymous → 401; another participant's officer, the wrong role → 403; the right officer → success.
/// </summary>
public sealed class CertificateAuthorisationTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static int _counter;

    public sealed record Case(string Name, HttpMethod Method, string Url, Func<object?> Body, string? User, HttpStatusCode Expected)
    {
        public override string ToString() => Name;
    }

    private static readonly Func<object?> Issue = () => Drafts.Valid();
    private static readonly Func<object?> IssueForBotswana = () => Drafts.Valid() with { IssuingParticipant = "BW" };
    private static readonly Func<object?> Void = () => new VoidCertificateRequest("Typing error in the importer's address", null);
    private static readonly Func<object?> Replace = () => new ReplaceCertificateRequest("Wrong parcel count", Drafts.Valid() with { Parcels = 4 });
    private static readonly Func<object?> Report = () => new ReportNumbersRequest([$"BW-FORM-{Interlocked.Increment(ref _counter):00000}"], "stolen", "Blank forms taken from the office");
    private static readonly Func<object?> None = () => null;

    public static TheoryData<Case> Cases()
    {
        var data = new TheoryData<Case>();
        void Add(string name, HttpMethod method, string url, Func<object?> body, params (string? User, HttpStatusCode Expected)[] rows)
        {
            foreach (var (user, expected) in rows)
            {
                data.Add(new Case($"{name}: {user ?? "anonymous"}", method, url, body, user, expected));
            }
        }

        const string Certificate = "/api/certificates/{number}";
        Add("issue", HttpMethod.Post, "/api/certificates", Issue,
            (null, HttpStatusCode.Unauthorized), ("customs.bw", HttpStatusCode.Forbidden), ("operator.bw", HttpStatusCode.Forbidden),
            ("observer.wdc", HttpStatusCode.Forbidden), ("secretariat", HttpStatusCode.Forbidden), ("officer.bw", HttpStatusCode.Created));
        Add("issue for another participant", HttpMethod.Post, "/api/certificates", IssueForBotswana,
            ("officer.za", HttpStatusCode.Forbidden), ("officer.ae", HttpStatusCode.Forbidden), ("officer.bw", HttpStatusCode.Created));
        Add("read", HttpMethod.Get, Certificate, None,
            (null, HttpStatusCode.Unauthorized), ("officer.za", HttpStatusCode.Forbidden), ("customs.za", HttpStatusCode.Forbidden),
            ("operator.bw", HttpStatusCode.Forbidden), ("observer.cso", HttpStatusCode.Forbidden),
            ("officer.bw", HttpStatusCode.OK), ("customs.bw", HttpStatusCode.OK), ("officer.ae", HttpStatusCode.OK), ("customs.ae", HttpStatusCode.OK),
            ("secretariat", HttpStatusCode.OK));
        Add("void", HttpMethod.Post, Certificate + "/void", Void,
            (null, HttpStatusCode.Unauthorized), ("officer.za", HttpStatusCode.Forbidden), ("officer.ae", HttpStatusCode.Forbidden),
            ("customs.bw", HttpStatusCode.Forbidden), ("secretariat", HttpStatusCode.Forbidden), ("officer.bw", HttpStatusCode.OK));
        Add("replace", HttpMethod.Post, Certificate + "/replace", Replace,
            (null, HttpStatusCode.Unauthorized), ("officer.za", HttpStatusCode.Forbidden), ("officer.ae", HttpStatusCode.Forbidden),
            ("customs.bw", HttpStatusCode.Forbidden), ("officer.bw", HttpStatusCode.Created));
        Add("list another participant's", HttpMethod.Get, "/api/certificates?participant=BW", None,
            (null, HttpStatusCode.Unauthorized), ("officer.za", HttpStatusCode.Forbidden), ("operator.bw", HttpStatusCode.Forbidden),
            ("observer.wdc", HttpStatusCode.Forbidden), ("officer.bw", HttpStatusCode.OK), ("customs.bw", HttpStatusCode.OK), ("secretariat", HttpStatusCode.OK));
        Add("report lost numbers", HttpMethod.Post, "/api/participants/BW/reported-numbers", Report,
            (null, HttpStatusCode.Unauthorized), ("officer.za", HttpStatusCode.Forbidden), ("customs.bw", HttpStatusCode.Forbidden),
            ("operator.bw", HttpStatusCode.Forbidden), ("officer.bw", HttpStatusCode.Created));
        Add("list reported numbers", HttpMethod.Get, "/api/participants/BW/reported-numbers", None,
            (null, HttpStatusCode.Unauthorized), ("officer.za", HttpStatusCode.Forbidden), ("observer.wdc", HttpStatusCode.Forbidden),
            ("customs.bw", HttpStatusCode.OK));
        Add("rotate key", HttpMethod.Post, "/api/participants/CA/keys/rotate", None,
            (null, HttpStatusCode.Unauthorized), ("officer.za", HttpStatusCode.Forbidden), ("customs.ca", HttpStatusCode.Forbidden),
            ("operator.ca", HttpStatusCode.Forbidden), ("officer.ca", HttpStatusCode.Created));
        Add("revoke key", HttpMethod.Post, "/api/participants/CA/keys/{caKey}/revoke", () => new RevokeKeyRequest("Test"),
            (null, HttpStatusCode.Unauthorized), ("officer.za", HttpStatusCode.Forbidden), ("customs.ca", HttpStatusCode.Forbidden),
            ("officer.ca", HttpStatusCode.OK));
        Add("verify", HttpMethod.Post, "/api/verify", () => new VerifyRequest("KP1:NOT-A-CERTIFICATE"), (null, HttpStatusCode.OK));
        Add("list keys", HttpMethod.Get, "/api/keys", None, (null, HttpStatusCode.OK));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_certificate_endpoint_admits_only_its_users(Case c)
    {
        var url = c.Url;
        if (url.Contains("{number}", StringComparison.Ordinal))
        {
            var issued = await (await app.ClientFor("officer.bw")).PostJson("/api/certificates", Drafts.Valid(), HttpStatusCode.Created);
            url = url.Replace("{number}", issued.Str("number"), StringComparison.Ordinal);
        }

        if (url.Contains("{caKey}", StringComparison.Ordinal))
        {
            var key = await (await app.ClientFor("officer.ca")).PostJson("/api/participants/CA/keys/rotate", new { }, HttpStatusCode.Created);
            url = url.Replace("{caKey}", key.Str("keyId"), StringComparison.Ordinal);
        }

        var client = await app.ClientFor(c.User);
        using var request = new HttpRequestMessage(c.Method, url);
        if (c.Body() is { } body)
        {
            request.Content = JsonContent.Create(body, body.GetType());
        }
        else if (c.Method == HttpMethod.Post)
        {
            request.Content = JsonContent.Create(new { });
        }

        var response = await client.SendAsync(request);
        var answer = await response.Json(c.Expected);
        if (c.Expected is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
        {
            Assert.Equal(c.Expected == HttpStatusCode.Forbidden ? "forbidden" : "unauthenticated", answer.Str("code"));
        }
    }
}
