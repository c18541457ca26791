using System.Net;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Portal;

/// <summary>Signing in to the portal, and the secretariat's form to record a status event, which only the secretariat may use.</summary>
public sealed class StatusEventFormTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private const string Form = "/participants/CF/status-events/new";

    private static Dictionary<string, string> Valid(string note) => new()
    {
        ["effectiveOn"] = "2026-03-01",
        ["status"] = "suspended",
        ["scope"] = "",
        ["note"] = note,
        ["decisionTitle"] = "Administrative decision on the Central African Republic",
        ["decisionDate"] = "2026-01-14",
        ["decisionReference"] = "AD/2026/11",
    };

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_and_back()
    {
        using var visitor = PortalClient.Anonymous(app);
        using var response = await visitor.Http.GetAsync(Form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in?ReturnUrl=" + Uri.EscapeDataString(Form), PortalClient.Location(response), StringComparison.Ordinal);

        using var signedIn = await visitor.SignIn("secretariat", OpenKpApp.DemoPassword, returnUrl: Form);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(Form, PortalClient.Location(signedIn));
    }

    [Fact]
    public async Task Signing_in_shows_the_name_role_and_participant_and_signing_out_forgets_them()
    {
        using var officer = await PortalClient.SignedIn(app, "officer.bw");
        var (_, html) = await officer.Get("/");
        Assert.Contains("Authority officer, BW", html, StringComparison.Ordinal);
        Assert.Contains("Authority officer", html, StringComparison.Ordinal);
        Assert.Contains("· BW", html, StringComparison.Ordinal);

        using var signOut = await officer.Http.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = PortalClient.Token(html) }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var (_, after) = await officer.Get("/");
        Assert.DoesNotContain("Authority officer, BW", after, StringComparison.Ordinal);
        Assert.Contains(">Sign in<", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_reported_beside_the_field_and_in_the_summary()
    {
        using var visitor = PortalClient.Anonymous(app);
        using var response = await visitor.SignIn("customs.za", "not-the-password");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#password\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"password-error\"", html, StringComparison.Ordinal);
        Assert.Contains("invalid-credentials", html, StringComparison.Ordinal);
        Assert.Contains("value=\"customs.za\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_form_says_so()
    {
        using var visitor = PortalClient.Anonymous(app);
        for (var i = 0; i < 5; i++)
        {
            using var failed = await visitor.SignIn("customs.ca", "not-the-password");
            Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        }

        using var locked = await visitor.SignIn("customs.ca", OpenKpApp.DemoPassword);
        var html = await locked.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Contains("this account is locked for 15 minutes", html, StringComparison.Ordinal);
        Assert.Contains("id=\"userName-error\"", html, StringComparison.Ordinal);
        Assert.Contains("account-locked-out", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_does_not_return_to_another_site()
    {
        using var visitor = PortalClient.Anonymous(app);
        using var response = await visitor.SignIn("observer.wdc", OpenKpApp.DemoPassword, returnUrl: "https://evil.example/");
        Assert.Equal("/", PortalClient.Location(response));
    }

    [Fact]
    public async Task An_authority_officer_gets_the_forbidden_page()
    {
        using var officer = await PortalClient.SignedIn(app, "officer.cf");
        var (status, html, _) = await officer.Follow(Form);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("You cannot do this", html, StringComparison.Ordinal);

        // Nor can it post, whatever token it has.
        var (_, home) = await officer.Get("/");
        using var posted = await officer.PostForm(Form, Valid("An officer tries to change its own status."), PortalClient.Token(home));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith("/status/403", PortalClient.Location(posted), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secretariat_posting_an_incomplete_form_sees_every_problem_and_keeps_its_values()
    {
        using var secretariat = await PortalClient.SignedIn(app, "secretariat");
        using var response = await secretariat.PostForm(Form, new()
        {
            ["effectiveOn"] = "2026-02-30",
            ["status"] = "",
            ["scope"] = "",
            ["note"] = "A note that must survive the round trip.",
            ["decisionTitle"] = "",
            ["decisionDate"] = "",
            ["decisionReference"] = "AD/2026/99",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        foreach (var field in new[] { "effectiveOn", "status", "decisionTitle" })
        {
            Assert.Contains($"href=\"#{field}\"", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"{field}-error\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("Enter the effective date as YYYY-MM-DD", html, StringComparison.Ordinal);
        Assert.Contains("A note that must survive the round trip.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"AD/2026/99\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-02-30\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"note-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Special_measures_without_a_scope_are_refused_with_the_rule_code_beside_the_scope()
    {
        using var secretariat = await PortalClient.SignedIn(app, "secretariat");
        var fields = Valid("Special measures without saying where.");
        fields["status"] = "special-measures";
        using var refused = await secretariat.PostForm(Form, fields);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("id=\"scope-error\"", html, StringComparison.Ordinal);
        Assert.Contains("status-scope-required", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secretariat_records_a_scheduled_suspension_seen_on_the_page_and_through_the_api()
    {
        using var secretariat = await PortalClient.SignedIn(app, "secretariat");
        const string note = "Suspended pending a review visit, recorded through the portal.";
        using var response = await secretariat.PostForm(Form, Valid(note));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/participants/CF", PortalClient.Location(response));

        var (status, html) = await secretariat.Get("/participants/CF");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Status change recorded", html, StringComparison.Ordinal);
        Assert.Contains(note, html, StringComparison.Ordinal);
        Assert.Contains("Scheduled", html, StringComparison.Ordinal);
        Assert.Contains("Entered by secretariat", html, StringComparison.Ordinal);

        var (_, again) = await secretariat.Get("/participants/CF");
        Assert.DoesNotContain("Status change recorded", again, StringComparison.Ordinal);

        using var api = await app.ClientFor(null);
        var view = await api.GetJson("/api/participants/CF");
        var recorded = view.GetProperty("history").EnumerateArray().Single(e => e.Str("note") == note);
        Assert.Equal("suspended", recorded.Str("status"));
        Assert.Equal("2026-03-01", recorded.Str("effectiveOn"));
        Assert.Equal("AD/2026/11", recorded.GetProperty("decision").Str("reference"));
        Assert.Equal("secretariat", recorded.Str("enteredBy"));
    }

    [Fact]
    public async Task A_form_posted_without_the_antiforgery_token_is_refused()
    {
        using var secretariat = await PortalClient.SignedIn(app, "secretariat");
        using var response = await secretariat.Http.PostAsync(Form, new FormUrlEncodedContent(Valid("No token.")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
