using System.Net;
using System.Net.Http.Json;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Accounts;

/// <summary>Bearer tokens for the API: issued for a right password, refused otherwise, and lockout after repeated failures.</summary>
public sealed class TokenTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    [Fact]
    public async Task A_demo_account_gets_a_bearer_token_that_identifies_its_participant()
    {
        var client = await app.ClientFor(null);
        var token = await client.PostJson("/api/auth/token", new { userName = "customs.za", password = OpenKpApp.DemoPassword }, HttpStatusCode.OK);
        Assert.True(token.GetProperty("expiresIn").GetInt64() > 0);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.Str("accessToken"));
        var me = await client.GetJson("/api/me");
        Assert.Equal("customs-officer", me.Str("role"));
        Assert.Equal("ZA", me.Str("participant"));
    }

    [Fact]
    public async Task A_wrong_password_is_a_401_problem_and_five_lock_the_account()
    {
        var client = await app.ClientFor(null);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostJson("/api/auth/token", new { userName = "customs.ca", password = "guess-" + i }, HttpStatusCode.Unauthorized);
            Assert.Equal(i < 4 ? "invalid-credentials" : "account-locked-out", wrong.Str("code"));
        }

        var locked = await client.PostJson("/api/auth/token", new { userName = "customs.ca", password = OpenKpApp.DemoPassword }, HttpStatusCode.Unauthorized);
        Assert.Equal("account-locked-out", locked.Str("code"));
    }

    [Fact]
    public async Task An_unknown_user_and_a_missing_password_are_told_apart_from_nothing()
    {
        var client = await app.ClientFor(null);
        Assert.Equal("invalid-credentials", (await client.PostJson("/api/auth/token", new { userName = "nobody", password = "whatever-123" }, HttpStatusCode.Unauthorized)).Str("code"));
        Assert.Equal("required", (await client.PostJson("/api/auth/token", new { userName = "secretariat" }, HttpStatusCode.BadRequest)).Str("code"));
    }

    [Fact]
    public async Task A_forged_token_is_refused()
    {
        var client = await app.ClientFor(null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", "CfDJ8forged-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }
}
