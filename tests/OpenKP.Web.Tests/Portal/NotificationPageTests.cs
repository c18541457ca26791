using System.Net;
using System.Text.RegularExpressions;
using OpenKP.Notifications;
using OpenKP.Web.Tests.Infrastructure;
using OpenKP.Web.Tests.Notifications;

namespace OpenKP.Web.Tests.Portal;

/// <summary>The inbox page and its header badge, and the webhooks page of an authority officer.</summary>
public sealed partial class NotificationPageTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static int Badge(string html)
    {
        var match = BadgeCount().Match(html);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    [Fact]
    public async Task The_header_counts_unread_messages_and_the_inbox_lists_marks_and_links_them()
    {
        var subject = "Page inbox " + Guid.NewGuid().ToString("N")[..6];
        using var officer = await PortalClient.SignedIn(app, "officer.za");
        var before = Badge((await officer.Get("/")).Html);
        await app.PublishAsync(Notices.To(subject, Audience.Authority("ZA")));

        var (_, home) = await officer.Get("/");
        Assert.Contains("data-testid=\"inbox-link\"", home, StringComparison.Ordinal);
        Assert.Equal(before + 1, Badge(home));

        var (status, page) = await officer.Get("/inbox?unread=true");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("href=\"/inbox\" class=\"account__inbox\" data-testid=\"inbox-link\" aria-current=\"page\"", page, StringComparison.Ordinal);
        var card = MessageCard().Matches(page).Select(m => m.Value).Single(c => c.Contains(subject, StringComparison.Ordinal));
        Assert.Contains("href=\"/certificates/42\"", card, StringComparison.Ordinal);
        Assert.Contains("data-read=\"false\"", card, StringComparison.Ordinal);
        var id = Regex.Match(card, "data-message=\"(\\d+)\"").Groups[1].Value;

        using var read = await officer.PostForm("/inbox?handler=read&unread=true", new() { ["id"] = id }, PortalClient.Token(page));
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.Equal("/inbox?unread=true", PortalClient.Location(read));
        var (_, after) = await officer.Get("/inbox?unread=true");
        Assert.DoesNotContain(subject, after, StringComparison.Ordinal);
        Assert.Equal(before, Badge(after));
        Assert.Contains(subject, (await officer.Get("/inbox")).Html, StringComparison.Ordinal);

        using var customs = await PortalClient.SignedIn(app, "customs.za");
        Assert.DoesNotContain(subject, (await customs.Get("/inbox")).Html, StringComparison.Ordinal);
        using var notMine = await customs.PostForm("/inbox?handler=read", new() { ["id"] = id });
        Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);

        using var all = await officer.PostForm("/inbox?handler=readAll", []);
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        var (_, done) = await officer.Get("/inbox");
        Assert.Equal(0, Badge(done));
        Assert.Contains("Every message is marked as read.", done, StringComparison.Ordinal);

        officer.UseCulture("fr");
        Assert.Contains("Votre boîte de réception", (await officer.Get("/inbox")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visitor_is_sent_to_sign_in_and_sees_no_inbox_link()
    {
        using var visitor = PortalClient.Anonymous(app);
        using var response = await visitor.Http.GetAsync("/inbox");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", PortalClient.Location(response), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"inbox-link\"", (await visitor.Get("/")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_adds_a_webhook_sees_its_secret_once_errors_beside_the_fields_and_removes_it()
    {
        using var officer = await PortalClient.SignedIn(app, "officer.cd");
        var (status, empty) = await officer.Get("/webhooks");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("href=\"/webhooks\" aria-current=\"page\"", empty, StringComparison.Ordinal);

        using var bad = await officer.PostForm("/webhooks", new() { ["url"] = "ftp://kp.example.cd" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = await bad.Content.ReadAsStringAsync();
        Assert.Matches("""form-group form-group--error">\s*<label class="label" for="url">[\s\S]*?webhook-url-invalid""", errors);
        Assert.Matches("""<fieldset class="form-group form-group--error">[\s\S]*?webhook-events-required""", errors);
        Assert.Contains("value=\"ftp://kp.example.cd\"", errors, StringComparison.Ordinal);

        var form = new FormUrlEncodedContent([
            new("url", "https://kp.example.cd/openkp"), new("events", "certificate.incoming"), new("events", "alert.raised"),
            new("__RequestVerificationToken", PortalClient.Token(empty))]);
        using var added = await officer.Http.PostAsync("/webhooks", form);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var html = await added.Content.ReadAsStringAsync();
        var secret = Regex.Match(html, "data-testid=\"secret-value\">([A-Za-z0-9_-]{43})<").Groups[1].Value;
        Assert.Equal(43, secret.Length);
        Assert.Contains("https://kp.example.cd/openkp", html, StringComparison.Ordinal);
        Assert.Contains("certificate.incoming, alert.raised", html, StringComparison.Ordinal);

        await app.PublishAsync(Notices.To("For CD's webhook", Audience.Authority("CD")));
        var (_, again) = await officer.Get("/webhooks");
        Assert.DoesNotContain(secret, again, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"deliveries\"", again, StringComparison.Ordinal);
        Assert.Contains("Pending", again, StringComparison.Ordinal);
        var id = Regex.Match(again, "data-webhook=\"(\\d+)\"").Groups[1].Value;

        using var otherOfficer = await PortalClient.SignedIn(app, "officer.za");
        Assert.DoesNotContain("https://kp.example.cd/openkp", (await otherOfficer.Get("/webhooks")).Html, StringComparison.Ordinal);
        using var notTheirs = await otherOfficer.PostForm("/webhooks?handler=remove", new() { ["id"] = id });
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);

        using var removed = await officer.PostForm("/webhooks?handler=remove", new() { ["id"] = id }, PortalClient.Token(again));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var (_, gone) = await officer.Get("/webhooks");
        Assert.DoesNotContain("https://kp.example.cd/openkp", gone, StringComparison.Ordinal);
        Assert.Contains("Endpoint removed", gone, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("customs.cd")]
    [InlineData("operator.cd")]
    [InlineData("secretariat")]
    public async Task Only_authority_officers_have_the_webhooks_page(string user)
    {
        using var client = await PortalClient.SignedIn(app, user);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Follow("/webhooks")).Status);
        Assert.DoesNotContain("href=\"/webhooks\"", (await client.Get("/")).Html, StringComparison.Ordinal);
    }

    [GeneratedRegex("""data-testid="unread-badge"><span aria-hidden="true">(\d+)</span>""")]
    private static partial Regex BadgeCount();

    [GeneratedRegex("""<li class="card inbox-card[\s\S]*?</li>""")]
    private static partial Regex MessageCard();
}
