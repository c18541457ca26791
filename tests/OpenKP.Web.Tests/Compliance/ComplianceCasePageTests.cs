using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using OpenKP.Compliance;
using OpenKP.Web.Tests.Infrastructure;
using OpenKP.Web.Tests.Portal;

namespace OpenKP.Web.Tests.Compliance;

/// <summary>
/// The non-compliance case pages: the secretariat opens a case from an anomaly through the form and runs it to its
/// close; the participant's officer records its response; observers and other officers read the case without its steps;
/// customs officers and operators are refused and the public is sent to sign in.
/// </summary>
public sealed partial class ComplianceCasePageTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(OpenKpApp.Today.UtcDateTime);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Version(string html) => VersionField().Match(html).Groups[1].Value;

    [Fact]
    public async Task The_secretariat_opens_a_case_from_an_anomaly_on_the_form_and_runs_it_to_its_close_and_bad_input_comes_back_with_codes()
    {
        var anomaly = await CaseData.AnomalyOf(app, "AO");
        using var secretariat = await PortalClient.SignedIn(app, "secretariat");

        var (_, anomalies) = await secretariat.Get("/statistics/anomalies?participant=AO");
        Assert.Contains($"/compliance/cases/new?participant=AO&amp;source=Anomaly&amp;sourceId={anomaly}", anomalies, StringComparison.Ordinal);
        var newUrl = $"/compliance/cases/new?participant=AO&source=Anomaly&sourceId={anomaly}";
        var (status, form) = await secretariat.Get(newUrl);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("name=\"participant\" value=\"AO\"", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"anomaly\" selected=\"selected\">", form, StringComparison.Ordinal);
        Assert.Contains($"name=\"sourceId\" value=\"{anomaly}\"", form, StringComparison.Ordinal);

        using var malformed = await secretariat.PostForm("/compliance/cases/new", new() { ["participant"] = "1", ["source"] = "rumour", ["sourceId"] = "x" }, PortalClient.Token(form));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var malformedHtml = await malformed.Content.ReadAsStringAsync();
        Assert.Contains("id=\"participant-error\"", malformedHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"sourceId-error\"", malformedHtml, StringComparison.Ordinal);
        using var wrong = await secretariat.PostForm("/compliance/cases/new", new() { ["participant"] = "QQ", ["source"] = "anomaly", ["sourceId"] = $"{anomaly}", ["title"] = " ", ["summary"] = "Exports far above the band." }, PortalClient.Token(form));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        foreach (var code in new[] { ComplianceCaseCodes.ParticipantUnknown, ComplianceCaseCodes.TitleRequired, ComplianceCaseCodes.SourceOtherParticipant })
        {
            Assert.Contains($"<code class=\"error-code\">{code}</code>", wrongHtml, StringComparison.Ordinal);
        }

        Assert.Contains("id=\"title-error\"", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("Exports far above the band.", wrongHtml, StringComparison.Ordinal);

        using var opened = await secretariat.PostForm("/compliance/cases/new", new() { ["participant"] = "ao", ["source"] = "anomaly", ["sourceId"] = $"{anomaly}", ["title"] = "Export surge", ["summary"] = "Exports far above the band." }, PortalClient.Token(form));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var link = PortalClient.Location(opened);
        Assert.Matches("^/compliance/cases/\\d+$", link);
        var (_, page) = await secretariat.Get(link);
        Assert.Contains("Case opened", page, StringComparison.Ordinal);
        Assert.Contains("data-status=\"open\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/statistics/anomalies?participant=AO\"", page, StringComparison.Ordinal);

        // A step in the future and without text is refused with both codes beside the fields; a good one is recorded.
        using var badStep = await secretariat.PostForm(link + "?handler=step", new() { ["kind"] = "letter", ["on"] = Iso(Today.AddDays(1)), ["text"] = " ", ["version"] = Version(page) }, PortalClient.Token(page));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badStep.StatusCode);
        var badStepHtml = await badStep.Content.ReadAsStringAsync();
        Assert.Contains("id=\"step-text-error\"", badStepHtml, StringComparison.Ordinal);
        Assert.Contains($"<code class=\"error-code\">{ComplianceCaseCodes.StepInFuture}</code>", badStepHtml, StringComparison.Ordinal);
        Assert.Contains($"<code class=\"error-code\">{ComplianceCaseCodes.StepTextRequired}</code>", badStepHtml, StringComparison.Ordinal);
        using var step = await secretariat.PostForm(link + "?handler=step", new() { ["kind"] = "letter", ["on"] = Iso(Today), ["text"] = "Letter to the authority of AO.", ["version"] = Version(page) }, PortalClient.Token(page));
        Assert.Equal(HttpStatusCode.Redirect, step.StatusCode);

        // The participant's officer sees the steps and answers; an observer and another participant's officer read the case without them.
        using var officer = await PortalClient.SignedIn(app, "officer.ao");
        var (officerStatus, officerPage) = await officer.Get(link);
        Assert.Equal(HttpStatusCode.OK, officerStatus);
        Assert.Contains("Letter to the authority of AO.", officerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"item-form\"", officerPage, StringComparison.Ordinal);
        using var response = await officer.PostForm(link + "?handler=step", new() { ["kind"] = "consultation", ["text"] = "Our response: a re-export." }, PortalClient.Token(officerPage));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        foreach (var reader in new[] { "observer.wdc", "officer.bw" })
        {
            using var client = await PortalClient.SignedIn(app, reader);
            var (readerStatus, readerPage) = await client.Get(link);
            Assert.Equal(HttpStatusCode.OK, readerStatus);
            Assert.Contains("Export surge", readerPage, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"not-full\"", readerPage, StringComparison.Ordinal);
            Assert.DoesNotContain("Letter to the authority of AO.", readerPage, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"step-form\"", readerPage, StringComparison.Ordinal);
            var (_, list) = await client.Get("/compliance/cases?participant=AO&status=consultation&source=anomaly");
            Assert.Contains($"href=\"{link}\"", list, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"open-case\"", list, StringComparison.Ordinal);
        }

        // Work plan, measure, decision, adoption and close, each through its form.
        (_, page) = await secretariat.Get(link);
        using var pastItem = await secretariat.PostForm(link + "?handler=item", new() { ["text"] = "Correct the statistics.", ["dueOn"] = Iso(Today) }, PortalClient.Token(page));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, pastItem.StatusCode);
        Assert.Contains("id=\"item-dueOn-error\"", await pastItem.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PostForm(link + "?handler=item", new() { ["text"] = "Correct the statistics.", ["dueOn"] = Iso(Today.AddDays(30)) }, PortalClient.Token(page))).StatusCode);
        (_, page) = await secretariat.Get(link);
        Assert.Contains("data-status=\"work-plan\"", page, StringComparison.Ordinal);
        var item = Regex.Match(page, "name=\"itemId\" value=\"(\\d+)\"").Groups[1].Value;
        using var missed = await officer.PostForm(link + "?handler=mark", new() { ["itemId"] = item, ["status"] = "missed" }, PortalClient.Token(officerPage));
        Assert.Equal(HttpStatusCode.Forbidden, missed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostForm(link + "?handler=mark", new() { ["itemId"] = item, ["status"] = "done" }, PortalClient.Token(officerPage))).StatusCode);

        using var noScope = await secretariat.PostForm(link + "?handler=measure", new() { ["measure"] = "special-measures", ["reason"] = " " }, PortalClient.Token(page));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noScope.StatusCode);
        var noScopeHtml = await noScope.Content.ReadAsStringAsync();
        Assert.Contains("id=\"measure-scope-error\"", noScopeHtml, StringComparison.Ordinal);
        Assert.Contains(ComplianceCaseCodes.MeasureReasonRequired, noScopeHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PostForm(link + "?handler=measure", new() { ["measure"] = "suspension", ["reason"] = "Exports without certificates." }, PortalClient.Token(page))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PostForm(link + "?handler=propose", new() { ["procedure"] = "plenary-consensus" }, PortalClient.Token(page))).StatusCode);
        (_, page) = await secretariat.Get(link);
        Assert.Contains("data-testid=\"adopt-form\"", page, StringComparison.Ordinal);
        Assert.Matches("href=\"/compliance/decisions/\\d+\"", page);
        var effective = Iso(Today.AddDays(10));
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PostForm(link + "?handler=adopt", new() { ["effectiveOn"] = effective }, PortalClient.Token(page))).StatusCode);
        (_, page) = await secretariat.Get(link);
        Assert.Contains("data-status=\"decided\"", page, StringComparison.Ordinal);
        using var noOutcome = await secretariat.PostForm(link + "?handler=close", new() { ["outcome"] = "" }, PortalClient.Token(page));
        Assert.Contains("id=\"close-outcome-error\"", await noOutcome.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PostForm(link + "?handler=close", new() { ["outcome"] = "Suspended by decision." }, PortalClient.Token(page))).StatusCode);
        (_, page) = await secretariat.Get(link);
        Assert.Contains("data-status=\"closed\"", page, StringComparison.Ordinal);
        Assert.Contains("Suspended by decision.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"step-form\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customs_officers_and_operators_are_refused_the_public_is_sent_to_sign_in_and_only_the_secretariat_opens_cases()
    {
        using var secretariat = await PortalClient.SignedIn(app, "secretariat");
        var (_, form) = await secretariat.Get("/compliance/cases/new");
        using var opened = await secretariat.PostForm("/compliance/cases/new", new() { ["participant"] = "CF", ["source"] = "other", ["title"] = "Weak controls", ["summary"] = "Internal controls are weak." }, PortalClient.Token(form));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var link = PortalClient.Location(opened);
        var (listStatus, list) = await secretariat.Get("/compliance/cases");
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Contains("data-testid=\"open-case\"", list, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await secretariat.Get("/compliance/cases?status=lost")).Status);

        foreach (var outsider in new[] { "customs.cf", "operator.za" })
        {
            using var client = await PortalClient.SignedIn(app, outsider);
            foreach (var url in new[] { "/compliance/cases", "/compliance/cases/new", link })
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await client.Get(url)).Status);
            }
        }

        using var officer = await PortalClient.SignedIn(app, "officer.cf");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.Get("/compliance/cases/new")).Status);
        var (officerStatus, officerPage) = await officer.Get(link);
        Assert.Equal(HttpStatusCode.OK, officerStatus);
        Assert.Contains("Weak controls", officerPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.Get("/compliance/cases/999999")).Status);

        using var anonymous = PortalClient.Anonymous(app);
        foreach (var url in new[] { "/compliance/cases", "/compliance/cases/new", link })
        {
            using var response = await anonymous.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/sign-in?ReturnUrl=" + Uri.EscapeDataString(url), PortalClient.Location(response), StringComparison.Ordinal);
        }

        using var french = await PortalClient.SignedIn(app, "observer.cso");
        french.UseCulture("fr");
        Assert.Contains("Cas de non-conformité", (await french.Get("/compliance/cases")).Html, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"version\" value=\"([^\"]+)\"")]
    private static partial Regex VersionField();
}
