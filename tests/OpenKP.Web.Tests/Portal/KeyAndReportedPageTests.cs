using System.Net;
using System.Text.RegularExpressions;
using OpenKP.Web.Tests.Certificates;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Portal;

/// <summary>The public keys page with rotation and revocation for a participant's authority officers, and the lost or stolen numbers page.</summary>
public sealed partial class KeyAndReportedPageTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static string[] KeyIds(string html) => [.. KeyRow().Matches(html).Select(m => m.Groups[1].Value)];

    [Fact]
    public async Task Anyone_sees_the_keys_and_an_authority_officer_rotates_and_revokes_its_own_after_confirming()
    {
        var za = Drafts.Valid() with { ExporterLicence = "ZA-OP-001" };
        await (await app.ClientFor("officer.za")).PostJson("/api/certificates", za, HttpStatusCode.Created); // makes ZA's first key

        using var visitor = PortalClient.Anonymous(app);
        var (status, all) = await visitor.Get("/keys");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("South African Diamond and Precious Metals Regulator", all, StringComparison.Ordinal);
        Assert.DoesNotContain("confirm=rotate", all, StringComparison.Ordinal);
        using (var filtered = await visitor.Http.GetAsync("/keys?participant=za"))
        {
            Assert.Equal("/keys/ZA", PortalClient.Location(filtered));
        }

        using var officer = await PortalClient.SignedIn(app, "officer.za");
        var (_, page) = await officer.Get("/keys/ZA");
        Assert.Contains("href=\"/keys/ZA?confirm=rotate\"", page, StringComparison.Ordinal);
        var first = Assert.Single(KeyIds(page));

        var (_, confirm) = await officer.Get("/keys/ZA?confirm=rotate");
        Assert.Contains("data-testid=\"confirm-rotate\"", confirm, StringComparison.Ordinal);
        Assert.Contains("Rotate the signing key of South Africa?", confirm, StringComparison.Ordinal);
        using var rotated = await officer.PostForm("/keys/ZA?handler=rotate", new(), PortalClient.Token(confirm));
        Assert.Equal(HttpStatusCode.Redirect, rotated.StatusCode);
        var (_, after) = await officer.Get("/keys/ZA");
        Assert.Contains("Key rotated", after, StringComparison.Ordinal);
        var ids = KeyIds(after);
        Assert.Equal(2, ids.Length);
        Assert.Matches($"id=\"key-{first}\"[\\s\\S]*?tag--key-retired", after);

        var second = ids.Single(id => id != first);
        var (_, revokePage) = await officer.Get($"/keys/ZA?confirm=revoke&keyId={second}");
        Assert.Contains("data-testid=\"confirm-revoke\"", revokePage, StringComparison.Ordinal);
        using var noReason = await officer.PostForm("/keys/ZA?handler=revoke", new() { ["keyId"] = second, ["reason"] = "" }, PortalClient.Token(revokePage));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("id=\"reason-error\"", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var revoked = await officer.PostForm("/keys/ZA?handler=revoke", new() { ["keyId"] = second, ["reason"] = "Private key exposed" }, PortalClient.Token(revokePage));
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var (_, done) = await visitor.Get("/keys/ZA");
        Assert.Matches($"id=\"key-{second}\"[\\s\\S]*?tag--key-revoked[\\s\\S]*?Private key exposed", done);

        using var again = await officer.PostForm("/keys/ZA?handler=revoke", new() { ["keyId"] = second, ["reason"] = "Twice" }, PortalClient.Token(revokePage));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("key-already-revoked", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_participant_may_not_rotate_or_revoke_and_sees_no_actions()
    {
        await (await app.ClientFor("officer.bw")).PostJson("/api/certificates", Drafts.Valid(), HttpStatusCode.Created);
        using var other = await PortalClient.SignedIn(app, "officer.ae");
        var (_, page) = await other.Get("/keys/BW?confirm=rotate");
        Assert.DoesNotContain("data-testid=\"confirm-rotate\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("confirm=revoke", page, StringComparison.Ordinal);
        var before = KeyIds(page);

        using var rotate = await other.PostForm("/keys/BW?handler=rotate", new(), PortalClient.Token(page));
        Assert.Equal(HttpStatusCode.Forbidden, rotate.StatusCode);
        using var revoke = await other.PostForm("/keys/BW?handler=revoke", new() { ["keyId"] = before[0], ["reason"] = "Not mine" }, PortalClient.Token(page));
        Assert.Equal(HttpStatusCode.Forbidden, revoke.StatusCode);
        Assert.Equal(before, KeyIds((await other.Get("/keys/BW")).Html));

        using var visitor = PortalClient.Anonymous(app);
        var (_, verify) = await visitor.Get("/verify");
        using var anonymous = await visitor.PostForm("/keys/BW?handler=rotate", new(), PortalClient.Token(verify));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/sign-in", PortalClient.Location(anonymous), StringComparison.Ordinal);

        using var customs = await PortalClient.SignedIn(app, "customs.bw");
        using var byCustoms = await customs.PostForm("/keys/BW?handler=rotate", new(), PortalClient.Token(page));
        Assert.Equal(HttpStatusCode.BadRequest, byCustoms.StatusCode); // another session's token
        var (_, customsPage) = await customs.Get("/keys/BW");
        using var customsRotate = await customs.PostForm("/keys/BW?handler=rotate", new(), PortalClient.Token(customsPage));
        Assert.Equal(HttpStatusCode.Forbidden, customsRotate.StatusCode);
    }

    [Fact]
    public async Task An_authority_officer_reports_lost_numbers_and_its_officers_see_them()
    {
        using var officer = await PortalClient.SignedIn(app, "officer.bw");
        using (var redirect = await officer.Http.GetAsync("/certificates/reported"))
        {
            Assert.Equal("/certificates/reported/BW", PortalClient.Location(redirect));
        }

        var (_, empty) = await officer.Get("/certificates/reported/BW");
        Assert.Contains("No number has been reported lost or stolen.", empty, StringComparison.Ordinal);

        using var wrong = await officer.PostForm("/certificates/reported/BW", new() { ["numbers"] = "BW-2026-800001\nZA-2026-000001", ["kind"] = "lost", ["note"] = "" });
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Matches("id=\"numbers-error\">[\\s\\S]*?number-not-participants", wrongHtml);
        Assert.Contains("ZA-2026-000001 is not a number of BW", wrongHtml, StringComparison.Ordinal);

        using var noKind = await officer.PostForm("/certificates/reported/BW", new() { ["numbers"] = "BW-2026-800001", ["note"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noKind.StatusCode);
        Assert.Contains("id=\"kind-error\"", await noKind.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var reported = await officer.PostForm("/certificates/reported/BW",
            new() { ["numbers"] = "BW-FORM-800001\r\nBW-FORM-800002\r\n", ["kind"] = "stolen", ["note"] = "Blank forms stolen from the Gaborone office." });
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        var (_, list) = await officer.Get("/certificates/reported/BW");
        Assert.Contains("Numbers reported: 2.", list, StringComparison.Ordinal);
        Assert.Contains("<code>BW-FORM-800002</code>", list, StringComparison.Ordinal);

        // A number OpenKP would give out but has not: reporting it would void the certificate that gets it.
        using var future = await officer.PostForm("/certificates/reported/BW", new() { ["numbers"] = "BW-2026-800001", ["kind"] = "lost", ["note"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
        Assert.Contains("number-not-issued", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Blank forms stolen from the Gaborone office.", list, StringComparison.Ordinal);

        using var visitor = PortalClient.Anonymous(app);
        var (_, verify) = await visitor.Get("/verify");
        using var anonymous = await visitor.PostForm("/keys/BW?handler=rotate", new(), PortalClient.Token(verify));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/sign-in", PortalClient.Location(anonymous), StringComparison.Ordinal);

        using var customs = await PortalClient.SignedIn(app, "customs.bw");
        var (customsStatus, customsList) = await customs.Get("/certificates/reported/BW");
        Assert.Equal(HttpStatusCode.OK, customsStatus);
        Assert.Contains("BW-FORM-800001", customsList, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"report-form\"", customsList, StringComparison.Ordinal);
        using var byCustoms = await customs.PostForm("/certificates/reported/BW", new() { ["numbers"] = "BW-2026-800003", ["kind"] = "lost" }, PortalClient.Token(customsList));
        Assert.Equal(HttpStatusCode.Forbidden, byCustoms.StatusCode);

        using var other = await PortalClient.SignedIn(app, "officer.za");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Get("/certificates/reported/BW")).Status);
    }

    [GeneratedRegex("data-key-id=\"([0-9a-f]{16})\"")]
    private static partial Regex KeyRow();
}
