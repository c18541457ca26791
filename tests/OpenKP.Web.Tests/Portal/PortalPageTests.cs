using System.Net;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Portal;

/// <summary>The public pages render for anyone, in English, French or Chinese, and bad input gets a message, not a 500.</summary>
public sealed class PortalPageTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    [Theory]
    [InlineData("/", "The Kimberley Process registry, open to everyone")]
    [InlineData("/participants", "Botswana")]
    [InlineData("/participants/CF", "Central African Republic")]
    [InlineData("/participants/cf", "Central African Republic")]
    [InlineData("/observers", "World Diamond Council")]
    [InlineData("/account/sign-in", "Sign in to OpenKP")]
    public async Task Public_pages_render_for_anonymous_visitors_in_the_layout(string url, string expected)
    {
        using var visitor = PortalClient.Anonymous(app);
        using var response = await visitor.Http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#main\"", html, StringComparison.Ordinal);
        Assert.Contains("/css/site.css", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_counts_participants_that_may_trade_today()
    {
        using var visitor = PortalClient.Anonymous(app);
        var (_, html) = await visitor.Get("/");
        Assert.Matches("data-testid=\"trading-count\">[1-9][0-9]*<", html);
        Assert.Contains("15 January 2026", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_query_string_and_the_culture_cookie_turn_the_portal_french()
    {
        using var visitor = PortalClient.Anonymous(app);
        var (_, byQuery) = await visitor.Get("/participants?culture=fr");
        Assert.Contains("<html lang=\"fr\">", byQuery, StringComparison.Ordinal);
        Assert.Contains("Tous les participants du Processus de Kimberley", byQuery, StringComparison.Ordinal);
        Assert.Contains("République centrafricaine", byQuery, StringComparison.Ordinal);
        Assert.Contains("Actif", byQuery, StringComparison.Ordinal);

        using var switched = await visitor.Http.GetAsync("/language/fr?returnUrl=%2Fparticipants%2FCF");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/participants/CF", PortalClient.Location(switched));
        var (_, byCookie) = await visitor.Get("/participants/CF");
        Assert.Contains("Historique du statut", byCookie, StringComparison.Ordinal);
        Assert.Contains("Suspendu", byCookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_returns_only_to_pages_on_this_site()
    {
        using var visitor = PortalClient.Anonymous(app);
        using var response = await visitor.Http.GetAsync("/language/zh?returnUrl=%2F%2Fevil.example%2F");
        Assert.Equal("/", PortalClient.Location(response));
        var (_, html) = await visitor.Get("/");
        Assert.Contains("面向所有人开放的金伯利进程登记册", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Participants_can_be_searched_filtered_by_status_and_seen_on_a_past_day()
    {
        using var visitor = PortalClient.Anonymous(app);
        var (_, search) = await visitor.Get("/participants?q=central");
        Assert.Contains(">Central African Republic</a>", search, StringComparison.Ordinal);
        Assert.DoesNotContain(">Botswana</a>", search, StringComparison.Ordinal);

        var (status, suspended) = await visitor.Get("/participants?status=suspended&on=2014-06-01");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Central African Republic", suspended, StringComparison.Ordinal);
        Assert.Contains("1 June 2014", suspended, StringComparison.Ordinal);
        Assert.DoesNotContain(">Botswana</a>", suspended, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/participants?on=2016-13-45", "Enter the day as YYYY-MM-DD")]
    [InlineData("/participants?on=yesterday", "Enter the day as YYYY-MM-DD")]
    [InlineData("/participants?status=sleeping", "Choose a status from the list")]
    [InlineData("/participants?page=0", "That page does not exist")]
    public async Task A_malformed_filter_gets_a_message_beside_the_field_not_a_500(string url, string message)
    {
        using var visitor = PortalClient.Anonymous(app);
        var (status, html) = await visitor.Get(url);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/participants/XX")]
    [InlineData("/participants/not-a-code")]
    [InlineData("/no-such-page")]
    public async Task An_unknown_address_gets_the_not_found_page(string url)
    {
        using var visitor = PortalClient.Anonymous(app);
        visitor.UseCulture("fr");
        var (status, html) = await visitor.Get(url);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Page introuvable", html, StringComparison.Ordinal);
        Assert.Contains("class=\"site-header\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_central_african_republic_shows_its_suspension_and_zone_limits_with_their_decisions()
    {
        using var visitor = PortalClient.Anonymous(app);
        var (_, html) = await visitor.Get("/participants/CF");
        Assert.Matches("data-status=\"suspended\" data-date=\"2013", html);
        Assert.Matches("data-status=\"zone-limited\" data-date=\"2016", html);
        Assert.Contains("Decision:", html, StringComparison.Ordinal);
        Assert.Contains("Newest first", html, StringComparison.Ordinal);
        // Newest first: the 2016 zone limits come before the 2013 suspension.
        Assert.True(html.IndexOf("data-date=\"2016", StringComparison.Ordinal) < html.IndexOf("data-date=\"2013", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_european_union_lists_its_member_states()
    {
        using var visitor = PortalClient.Anonymous(app);
        var (_, html) = await visitor.Get("/participants/EU");
        Assert.Contains("Member states", html, StringComparison.Ordinal);
        Assert.Contains("Belgium", html, StringComparison.Ordinal);
    }
}
