using System.Net;
using System.Text.RegularExpressions;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Portal;

/// <summary>The alerts page: raise through the form (parsed as the API parses), read and acknowledge per participant.</summary>
public sealed partial class AlertPageTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static Dictionary<string, string> Raise(string kind, string subject, string details = "Check every parcel from this exporter.", string number = "")
        => new() { ["kind"] = kind, ["subject"] = subject, ["details"] = details, ["certificateNumber"] = number };

    /// <summary>The card of the alert with this subject.</summary>
    private static string Card(string html, string subject)
    {
        var card = AlertCard().Matches(html).Select(m => m.Value).SingleOrDefault(c => c.Contains(subject, StringComparison.Ordinal));
        Assert.True(card is not null, $"No alert '{subject}' on the page");
        return card;
    }

    [Fact]
    public async Task A_bad_kind_and_an_empty_subject_show_beside_their_fields_and_keep_the_input()
    {
        using var officer = await PortalClient.SignedIn(app, "officer.bw");
        using var response = await officer.PostForm("/alerts", Raise("bogus", "", details: "Kept text", number: "BW-KEEP-1"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("""form-group form-group--error">\s*<label class="label" for="kind">[\s\S]*?id="kind-error"[\s\S]*?Choose the kind of alert from the list\.[\s\S]*?invalid-value""", html);
        Assert.Matches("""form-group form-group--error">\s*<label class="label" for="subject">[\s\S]*?id="subject-error"[\s\S]*?Enter a subject\.[\s\S]*?required""", html);
        Assert.DoesNotContain("id=\"details-error\"", html, StringComparison.Ordinal);
        Assert.Contains("error-summary", html, StringComparison.Ordinal);
        Assert.Contains(">Kept text</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"BW-KEEP-1\"", html, StringComparison.Ordinal);

        officer.UseCulture("fr");
        using var french = await officer.PostForm("/alerts", Raise("", "Objet"));
        Assert.Matches("id=\"kind-error\"[\\s\\S]*?Choisissez le type d", await french.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_raised_alert_is_listed_for_another_participant_which_acknowledges_it_once_and_the_secretariat_only_reads()
    {
        var subject = "Forged certificates from Lobatse " + Guid.NewGuid().ToString("N")[..6];
        using var bw = await PortalClient.SignedIn(app, "officer.bw");
        using var raised = await bw.PostForm("/alerts", Raise("fraudulent-certificate", subject, number: "BW-2026-000123"));
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        Assert.Equal("/alerts", PortalClient.Location(raised));
        var (_, after) = await bw.Get("/alerts");
        Assert.Contains("data-testid=\"notice\"", after, StringComparison.Ordinal);
        Assert.Contains("Alert raised", after, StringComparison.Ordinal);

        using var za = await PortalClient.SignedIn(app, "officer.za");
        var (status, list) = await za.Get("/alerts");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("href=\"/alerts\" aria-current=\"page\"", list, StringComparison.Ordinal);
        var card = Card(list, subject);
        Assert.Contains("Fraudulent certificate", card, StringComparison.Ordinal);
        Assert.Contains("BW-2026-000123", card, StringComparison.Ordinal);
        Assert.Contains("BW · officer.bw", card, StringComparison.Ordinal);
        Assert.Contains("No participant yet", card, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"acknowledge\"", card, StringComparison.Ordinal);
        Assert.Contains(subject, (await za.Get("/alerts?unacknowledged=true")).Html, StringComparison.Ordinal);

        var id = Regex.Match(card, "data-alert=\"(\\d+)\"").Groups[1].Value;
        using var acknowledged = await za.PostForm("/alerts?handler=acknowledge", new() { ["id"] = id }, PortalClient.Token(list));
        Assert.Equal(HttpStatusCode.Redirect, acknowledged.StatusCode);
        var (_, done) = await za.Get("/alerts");
        Assert.Contains("Alert acknowledged", done, StringComparison.Ordinal);
        card = Card(done, subject);
        Assert.Contains("Acknowledged by your participant", card, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"acknowledge\"", card, StringComparison.Ordinal);
        Assert.Matches("1 participant\\(s\\)[\\s\\S]*?<code[^>]*>ZA</code>", card);
        Assert.DoesNotContain(subject, (await za.Get("/alerts?unacknowledged=true")).Html, StringComparison.Ordinal);

        using var twice = await za.PostForm("/alerts?handler=acknowledge", new() { ["id"] = id }, PortalClient.Token(list));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var conflict = await twice.Content.ReadAsStringAsync();
        Assert.Contains("Your participant has already acknowledged this alert.", conflict, StringComparison.Ordinal);
        Assert.Contains("alert-already-acknowledged", conflict, StringComparison.Ordinal);

        using var secretariat = await PortalClient.SignedIn(app, "secretariat");
        var (_, read) = await secretariat.Get("/alerts");
        Assert.Contains("href=\"/alerts\"", read, StringComparison.Ordinal);
        card = Card(read, subject);
        Assert.DoesNotContain("data-testid=\"acknowledge\"", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Acknowledged by your participant", card, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"unacknowledged\"", read, StringComparison.Ordinal);
        using var refused = await secretariat.PostForm("/alerts?handler=acknowledge", new() { ["id"] = id }, PortalClient.Token(read));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task An_operator_is_refused_and_a_visitor_is_sent_to_sign_in()
    {
        using var operatorBw = await PortalClient.SignedIn(app, "operator.bw");
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorBw.Follow("/alerts")).Status);
        Assert.DoesNotContain("href=\"/alerts\"", (await operatorBw.Get("/")).Html, StringComparison.Ordinal);

        using var visitor = PortalClient.Anonymous(app);
        using var response = await visitor.Http.GetAsync("/alerts");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in?ReturnUrl=" + Uri.EscapeDataString("/alerts"), PortalClient.Location(response), StringComparison.Ordinal);
    }

    [GeneratedRegex("""<li class="card alert-card[\s\S]*?</li>\s*(?=<li class="card|</ul>)""")]
    private static partial Regex AlertCard();
}
