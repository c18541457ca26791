using System.Net;
using System.Text.RegularExpressions;
using OpenKP.Web.Tests.Infrastructure;
using static OpenKP.Web.Tests.Statistics.Anomalies;

namespace OpenKP.Web.Tests.Portal;

/// <summary>The anomaly and questionnaire pages, from detection to a closed questionnaire, and the public list (own app: the clock moves on).</summary>
public sealed class AnomalyPageTests : IAsyncLifetime
{
    private readonly OpenKpApp _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task The_secretariat_detects_drafts_and_sends_a_questionnaire_the_officer_answers_it_and_the_secretariat_closes_it()
    {
        MoveTo(_app, Day(2026, 9, 1));
        using var secretariat = await PortalClient.SignedIn(_app, "secretariat");
        var (status, page) = await secretariat.Get("/statistics/anomalies");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"settings-form\"", page, StringComparison.Ordinal);

        using var detected = await secretariat.PostForm("/statistics/anomalies?handler=detect", new() { ["detectYear"] = "2026" }, PortalClient.Token(page));
        Assert.Equal(HttpStatusCode.Redirect, detected.StatusCode);
        var (_, list) = await secretariat.Get(PortalClient.Location(detected));
        Assert.Contains("Detection for 2026:", list, StringComparison.Ordinal);
        Assert.Contains("Missing submission", list, StringComparison.Ordinal);
        var anomaly = Regex.Match(list, "data-anomaly=\"(\\d+)\" data-kind=\"missing-submission\">(?:(?!data-anomaly)[\\s\\S])*?<code>BW</code>").Groups[1].Value;
        Assert.NotEmpty(anomaly);

        using var drafted = await secretariat.PostForm("/statistics/anomalies?handler=questionnaire", new() { ["anomalyIds"] = anomaly }, PortalClient.Token(list));
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        var link = PortalClient.Location(drafted);
        var (_, draft) = await secretariat.Get(link);
        Assert.Contains("Questionnaire drafted", draft, StringComparison.Ordinal);
        Assert.Contains("data-status=\"open\"", draft, StringComparison.Ordinal);
        Assert.Contains("The production return for 2026-H1 was due on 2026-08-29", draft, StringComparison.Ordinal);
        var version = Regex.Match(draft, "name=\"version\" value=\"([^\"]+)\"").Groups[1].Value;
        using var sent = await secretariat.PostForm(link + "?handler=send", new() { ["version"] = version }, PortalClient.Token(draft));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        using var officer = await PortalClient.SignedIn(_app, "officer.bw");
        var (receivedStatus, received) = await officer.Get(link);
        Assert.Equal(HttpStatusCode.OK, receivedStatus);
        Assert.Contains("data-testid=\"answer-form\"", received, StringComparison.Ordinal);
        var question = Regex.Match(received, "name=\"answer-(\\d+)\"").Groups[1].Value;
        using var blank = await officer.PostForm(link + "?handler=answer", new() { [$"answer-{question}"] = " " }, PortalClient.Token(received));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blank.StatusCode);
        Assert.Contains("questionnaire-answer-required", await blank.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var answered = await officer.PostForm(link + "?handler=answer", new() { [$"answer-{question}"] = "Sent on 3 September." }, PortalClient.Token(received));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        var (_, toClose) = await secretariat.Get(link);
        Assert.Contains("Sent on 3 September.", toClose, StringComparison.Ordinal);
        using var closed = await secretariat.PostForm(link + "?handler=close", new() { ["note"] = "Accepted." }, PortalClient.Token(toClose));
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var (_, done) = await secretariat.Get(link);
        Assert.Contains("data-status=\"closed\"", done, StringComparison.Ordinal);
        Assert.Contains("Closed: answers accepted", done, StringComparison.Ordinal);
        var (_, all) = await officer.Get("/statistics/questionnaires");
        Assert.Contains($"href=\"{link}\"", all, StringComparison.Ordinal);

        // Others may not see the pages; the public list needs no sign-in and is in French too.
        using var customs = await PortalClient.SignedIn(_app, "customs.bw");
        Assert.Equal(HttpStatusCode.Forbidden, (await customs.Get("/statistics/anomalies")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await customs.Get(link)).Status);
        using var anonymous = PortalClient.Anonymous(_app);
        var (publicStatus, overdue) = await anonymous.Get("/statistics/questionnaires/overdue");
        Assert.Equal(HttpStatusCode.OK, publicStatus);
        Assert.Contains("data-testid=\"empty\"", overdue, StringComparison.Ordinal);
        anonymous.UseCulture("fr");
        Assert.Contains("Questionnaires sans réponse", (await anonymous.Get("/statistics/questionnaires/overdue")).Html, StringComparison.Ordinal);
    }
}
