using System.Net;
using System.Net.Http.Json;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Shared;

/// <summary>A creating POST retried with the same Idempotency-Key creates one record and replays the first answer.</summary>
public sealed class IdempotencyTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static HttpRequestMessage Post(string key, object body) => new(HttpMethod.Post, "/api/participants/BW/operators")
    {
        Content = JsonContent.Create(body),
        Headers = { { "Idempotency-Key", key } },
    };

    private static object Licence(string number) => new
    {
        companyName = "Retry Rough Ltd",
        address = "x",
        licenceNumber = number,
        isExporter = true,
        isImporter = true,
        validFrom = "2026-01-01",
    };

    [Fact]
    public async Task A_retry_with_the_same_key_replays_the_first_response_and_creates_nothing_more()
    {
        var officer = await app.ClientFor("officer.bw");
        var first = await officer.SendAsync(Post("key-1", Licence("BW-ID-1")));
        var firstBody = await first.Json(HttpStatusCode.Created);
        var retry = await officer.SendAsync(Post("key-1", Licence("BW-ID-1")));
        var retryBody = await retry.Json(HttpStatusCode.Created);
        Assert.Equal(firstBody.GetProperty("id").GetInt64(), retryBody.GetProperty("id").GetInt64());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        var count = await app.WithDb(db => Task.FromResult(db.Operators.Count(o => o.LicenceNumber == "BW-ID-1")));
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task The_same_key_with_a_different_request_is_refused()
    {
        var officer = await app.ClientFor("officer.bw");
        await (await officer.SendAsync(Post("key-2", Licence("BW-ID-2")))).Json(HttpStatusCode.Created);
        var other = await (await officer.SendAsync(Post("key-2", Licence("BW-ID-3")))).Json(HttpStatusCode.Conflict);
        Assert.Equal("idempotency-key-reused", other.Str("code"));
    }

    [Fact]
    public async Task Keys_belong_to_one_user()
    {
        var bw = await app.ClientFor("officer.bw");
        var secretariat = await app.ClientFor("secretariat");
        var mine = await (await bw.SendAsync(Post("shared-key", Licence("BW-ID-4")))).Json(HttpStatusCode.Created);
        var theirs = await (await secretariat.SendAsync(Post("shared-key", Licence("BW-ID-5")))).Json(HttpStatusCode.Created);
        Assert.NotEqual(mine.GetProperty("id").GetInt64(), theirs.GetProperty("id").GetInt64());
    }
}
