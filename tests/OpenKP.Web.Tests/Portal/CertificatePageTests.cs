using System.Net;
using System.Text.RegularExpressions;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Portal;

/// <summary>The certificate pages over HTTP: the issue form, a certificate's page, voiding and replacing, the list, who may see what.</summary>
public sealed partial class CertificatePageTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private const string Form = "/certificates/new";

    /// <summary>The issue form filled in for the demo data: Botswana's demo exporter ships to the UAE's demo importer.</summary>
    public static Dictionary<string, string> Valid(string note = "Run of mine") => new()
    {
        ["importingParticipant"] = "AE",
        ["exporterLicence"] = "BW-OP-001",
        ["importer.name"] = "Gulf Rough Diamonds DMCC",
        ["importer.address"] = "1 Diamond Street, Dubai",
        ["importer.licence"] = "AE-OP-001",
        ["origin"] = "BW",
        ["provenance"] = "",
        ["originZone"] = "",
        ["lines[0].hsCode"] = "7102.10",
        ["lines[0].carats"] = "1250.50",
        ["lines[0].usd"] = "312625.00",
        ["lines[1].hsCode"] = "",
        ["lines[1].carats"] = "",
        ["lines[1].usd"] = "",
        ["lines[2].hsCode"] = "7102.31",
        ["lines[2].carats"] = "84.10",
        ["lines[2].usd"] = "201840.00",
        ["parcels"] = "3",
        ["expiresOn"] = "",
        ["sealNumbers"] = "SEAL-0001, SEAL-0002",
        ["containerNumbers"] = "MSKU1234567",
        ["qualityNotes"] = note,
    };

    /// <summary>Issues through the form as officer.bw and returns the new certificate's number.</summary>
    public static async Task<string> IssueAsync(PortalClient officer, Dictionary<string, string>? fields = null)
    {
        using var response = await officer.PostForm(Form, fields ?? Valid());
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var location = PortalClient.Location(response);
        Assert.Matches(@"^/certificates/BW-2026-\d{6}$", location);
        return location["/certificates/".Length..];
    }

    [Fact]
    public async Task The_issue_form_shows_every_broken_rule_beside_its_field_and_keeps_the_values()
    {
        using var officer = await PortalClient.SignedIn(app, "officer.bw");
        var fields = Valid("Kept through the round trip");
        fields["lines[0].hsCode"] = "7102.99";
        fields["parcels"] = "0";
        fields["exporterLicence"] = "BW-XX-999";
        using var response = await officer.PostForm(Form, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        foreach (var (field, code) in new[] { ("lines[0].hsCode", "hs-code-invalid"), ("parcels", "parcels-invalid"), ("exporterLicence", "exporter-not-licensed") })
        {
            Assert.Contains($"href=\"#{field}\"", html, StringComparison.Ordinal);
            Assert.Matches($"id=\"{Regex.Escape(field)}-error\">[\\s\\S]*?{code}", html);
        }

        Assert.Contains("Choose a rough-diamond HS code", html, StringComparison.Ordinal);
        Assert.Contains("BW has licensed no operator BW-XX-999.", html, StringComparison.Ordinal); // the rule's own words beside ours
        // The line left blank in the middle is dropped: the third row is now the second, and the violations still point at the right rows.
        Assert.Contains("value=\"7102.99\" selected", html, StringComparison.Ordinal);
        Assert.Matches("name=\"lines\\[1\\].carats\" value=\"84.10\"", html);
        Assert.Contains("value=\"BW-XX-999\" selected", html, StringComparison.Ordinal);
        Assert.Contains("Kept through the round trip", html, StringComparison.Ordinal);
        Assert.Contains("SEAL-0001, SEAL-0002", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_amounts_and_missing_fields_are_reported_at_once_as_the_api_parses_them()
    {
        using var officer = await PortalClient.SignedIn(app, "officer.bw");
        var fields = Valid();
        fields["lines[0].carats"] = "1,250.50";
        fields["lines[2].usd"] = "";
        fields["importer.name"] = "";
        fields["parcels"] = "three";
        using var response = await officer.PostForm(Form, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches("id=\"lines\\[0\\].carats-error\">[\\s\\S]*?invalid-number", html);
        Assert.Matches("id=\"lines\\[1\\].usd-error\">[\\s\\S]*?required", html);
        Assert.Matches("id=\"importer.name-error\">[\\s\\S]*?required", html);
        Assert.Matches("id=\"parcels-error\">[\\s\\S]*?invalid-number", html);
        Assert.Contains("Enter the value of this line in US$.", html, StringComparison.Ordinal);
        // Each problem once: a bad number is not also reported as missing.
        Assert.Equal(1, Regex.Count(html, "id=\"parcels-error\""));
        Assert.DoesNotMatch("id=\"parcels-error\">[^/]*?<code class=\"error-code\">required", html);
    }

    [Fact]
    public async Task An_officer_issues_through_the_form_and_the_certificate_page_shows_everything_on_it()
    {
        using var officer = await PortalClient.SignedIn(app, "officer.bw");
        var number = await IssueAsync(officer);

        var (status, html) = await officer.Get($"/certificates/{number}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Certificate issued", html, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"certificate-number\">{number}<", html, StringComparison.Ordinal);
        Assert.Contains("Kalahari Rough Trading (Pty) Ltd", html, StringComparison.Ordinal);
        Assert.Contains("Gulf Rough Diamonds DMCC", html, StringComparison.Ordinal);
        Assert.Contains("AE-OP-001", html, StringComparison.Ordinal);
        Assert.Contains("Botswana (BW)", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"total-carats\">1,334.60<", html, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"total-usd\">US\\$(\u00a0|&#xA0;)514,465.00<", html);
        Assert.Contains("16 March 2026", html, StringComparison.Ordinal); // the default expiry: 60 days
        Assert.Contains("<code>SEAL-0002</code>", html, StringComparison.Ordinal);
        Assert.Contains("<code>MSKU1234567</code>", html, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"qr\">\\s*<svg aria-hidden=\"true\"", html);
        Assert.Contains($"href=\"/api/certificates/{number}/pdf\"", html, StringComparison.Ordinal);
        Assert.Contains(">KP1:", html, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"key-id\">[0-9a-f]{16}<", html);
        Assert.Contains("data-testid=\"void-form\"", html, StringComparison.Ordinal);

        // The confirmation shows once.
        var (_, again) = await officer.Get($"/certificates/{number}");
        Assert.DoesNotContain("Certificate issued", again, StringComparison.Ordinal);

        // The API holds the same certificate.
        using var api = await app.ClientFor("officer.bw");
        var view = await api.GetJson($"/api/certificates/{number}");
        Assert.Equal(2, view.GetProperty("lines").GetArrayLength());
        Assert.Equal("Run of mine", view.Str("qualityNotes"));
    }

    [Fact]
    public async Task The_importing_participant_reads_the_certificate_and_another_participant_gets_the_forbidden_page()
    {
        using var officer = await PortalClient.SignedIn(app, "officer.bw");
        var number = await IssueAsync(officer);

        using var importer = await PortalClient.SignedIn(app, "customs.ae");
        var (importerStatus, importerHtml) = await importer.Get($"/certificates/{number}");
        Assert.Equal(HttpStatusCode.OK, importerStatus);
        Assert.DoesNotContain("data-testid=\"void-form\"", importerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("/replace\"", importerHtml, StringComparison.Ordinal);

        using var other = await PortalClient.SignedIn(app, "officer.za");
        var (status, html) = await other.Get($"/certificates/{number}");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("You cannot do this", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Kalahari", html, StringComparison.Ordinal);

        var (_, forbiddenPdf) = await other.Get($"/api/certificates/{number}/pdf");
        Assert.Contains("forbidden", forbiddenPdf, StringComparison.Ordinal);

        using var observer = await PortalClient.SignedIn(app, "observer.wdc");
        Assert.Equal(HttpStatusCode.Forbidden, (await observer.Get("/certificates")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.Get("/certificates/BW-2026-999999")).Status);
    }

    [Fact]
    public async Task Customs_officers_read_but_may_not_issue_or_void()
    {
        using var officer = await PortalClient.SignedIn(app, "officer.bw");
        var number = await IssueAsync(officer);
        using var customs = await PortalClient.SignedIn(app, "customs.bw");

        var (_, list) = await customs.Get("/certificates");
        Assert.Contains(number, list, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"issue-button\"", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await customs.Follow(Form)).Status);

        var (_, page) = await customs.Get($"/certificates/{number}");
        using var voided = await customs.PostForm($"/certificates/{number}?handler=void", new() { ["reason"] = "Customs tries to void." }, PortalClient.Token(page));
        Assert.Equal(HttpStatusCode.Forbidden, voided.StatusCode);
        Assert.Equal("issued", (await (await app.ClientFor("officer.bw")).GetJson($"/api/certificates/{number}")).Str("status"));
    }

    [Fact]
    public async Task The_issuing_officer_voids_from_the_page_and_both_participants_see_the_void_banner()
    {
        using var officer = await PortalClient.SignedIn(app, "officer.bw");
        var number = await IssueAsync(officer);
        var (_, before) = await officer.Get($"/certificates/{number}");
        var token = PortalClient.Token(before);
        var version = VersionInput().Match(before).Groups[1].Value;

        using var noReason = await officer.PostForm($"/certificates/{number}?handler=void", new() { ["reason"] = " ", ["version"] = version }, token);
        var noReasonHtml = await noReason.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Matches("id=\"reason-error\">[\\s\\S]*?required", noReasonHtml);
        Assert.Contains("<details class=\"danger-zone\" open=\"open\"", noReasonHtml, StringComparison.Ordinal);

        const string reason = "Shipment cancelled by the exporter.";
        using var response = await officer.PostForm($"/certificates/{number}?handler=void", new() { ["reason"] = reason, ["version"] = version }, token);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/certificates/{number}", PortalClient.Location(response));

        var (_, after) = await officer.Get($"/certificates/{number}");
        Assert.Contains("Certificate voided", after, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"void-banner\"", after, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"void-reason\">{reason}<", after, StringComparison.Ordinal);
        Assert.Contains("Voided by officer.bw on 15 January 2026, 10:00 UTC.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"void-form\"", after, StringComparison.Ordinal);

        using var importer = await PortalClient.SignedIn(app, "officer.ae");
        var (_, seen) = await importer.Get($"/certificates/{number}");
        Assert.Contains("data-testid=\"void-banner\"", seen, StringComparison.Ordinal);
        Assert.Contains(reason, seen, StringComparison.Ordinal);

        // Voiding again, from the page as it was: a conflict, said plainly.
        using var twice = await officer.PostForm($"/certificates/{number}?handler=void", new() { ["reason"] = "Again", ["version"] = version }, token);
        var twiceHtml = await twice.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("This certificate was already voided.", twiceHtml, StringComparison.Ordinal);
        Assert.Contains("certificate-already-voided", twiceHtml, StringComparison.Ordinal);

        var (_, list) = await officer.Get("/certificates?status=voided");
        Assert.Contains($"data-number=\"{number}\"", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_void_against_a_stale_page_is_a_conflict_and_changes_nothing()
    {
        using var officer = await PortalClient.SignedIn(app, "officer.bw");
        var number = await IssueAsync(officer);
        var (_, page) = await officer.Get($"/certificates/{number}");
        using var response = await officer.PostForm($"/certificates/{number}?handler=void",
            new() { ["reason"] = "Read long ago.", ["version"] = Guid.NewGuid().ToString() }, PortalClient.Token(page));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("certificate-changed", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"void-banner\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_replace_form_starts_from_the_certificate_and_issues_a_replacement_that_names_it()
    {
        using var officer = await PortalClient.SignedIn(app, "officer.bw");
        var number = await IssueAsync(officer);
        var replace = $"/certificates/{number}/replace";
        var (status, form) = await officer.Get(replace);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("value=\"1250.50\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"BW-OP-001\" selected", form, StringComparison.Ordinal);

        var fields = Valid();
        fields["parcels"] = "4";
        using var noReason = await officer.PostForm(replace, fields);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("id=\"reason-error\"", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        fields["reason"] = "Four parcels, not three.";
        using var response = await officer.PostForm(replace, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var replacement = PortalClient.Location(response)["/certificates/".Length..];
        Assert.NotEqual(number, replacement);

        var (_, html) = await officer.Get($"/certificates/{replacement}");
        Assert.Contains("Replacement issued", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/certificates/{number}\"", html, StringComparison.Ordinal);
        var (_, original) = await officer.Get($"/certificates/{number}");
        Assert.Contains("data-testid=\"void-banner\"", original, StringComparison.Ordinal);
        Assert.Contains("Four parcels, not three.", original, StringComparison.Ordinal);
        Assert.Contains($"href=\"/certificates/{replacement}\"", original, StringComparison.Ordinal);

        using var other = await PortalClient.SignedIn(app, "officer.ae");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Get(replace)).Status);
    }

    [Fact]
    public async Task The_list_has_tabs_search_filters_and_an_empty_state()
    {
        using var officer = await PortalClient.SignedIn(app, "officer.bw");
        var fields = Valid();
        fields["importer.name"] = "Searchable Imports FZE";
        var number = await IssueAsync(officer, fields);

        var (_, issued) = await officer.Get("/certificates?direction=issued&q=searchable");
        Assert.Contains($"data-number=\"{number}\"", issued, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"issue-button\"", issued, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">Issued<", issued, StringComparison.Ordinal);

        var (_, incoming) = await officer.Get("/certificates?direction=incoming");
        Assert.DoesNotContain($"data-number=\"{number}\"", incoming, StringComparison.Ordinal);
        Assert.Contains("No certificate has been issued to your participant yet.", incoming, StringComparison.Ordinal);

        using var importer = await PortalClient.SignedIn(app, "customs.ae");
        var (_, received) = await importer.Get("/certificates?direction=incoming&from=2026-01-15&to=2026-01-15");
        Assert.Contains($"data-number=\"{number}\"", received, StringComparison.Ordinal);

        var (_, none) = await officer.Get("/certificates?q=no-such-company");
        Assert.Contains("No certificate matches these filters.", none, StringComparison.Ordinal);

        var (badStatus, bad) = await officer.Get("/certificates?from=2026-02-30&status=lost");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Contains("id=\"from-error\"", bad, StringComparison.Ordinal);
        Assert.Contains("id=\"status-error\"", bad, StringComparison.Ordinal);

        using var secretariat = await PortalClient.SignedIn(app, "secretariat");
        var (_, all) = await secretariat.Get("/certificates?q=searchable");
        Assert.Contains($"data-number=\"{number}\"", all, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"issue-button\"", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_the_certificate_pages()
    {
        using var visitor = PortalClient.Anonymous(app);
        foreach (var url in new[] { "/certificates", Form, "/certificates/BW-2026-000001", "/certificates/reported" })
        {
            using var response = await visitor.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/sign-in?ReturnUrl=" + Uri.EscapeDataString(url), PortalClient.Location(response), StringComparison.Ordinal);
        }

        var (_, home) = await visitor.Get("/");
        Assert.DoesNotContain("href=\"/certificates\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/verify\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/keys\"", home, StringComparison.Ordinal);

        using var officer = await PortalClient.SignedIn(app, "customs.bw");
        var (_, signedIn) = await officer.Get("/");
        Assert.Contains("href=\"/certificates\"", signedIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_issue_form_and_a_certificate_read_in_french()
    {
        using var officer = await PortalClient.SignedIn(app, "officer.bw");
        var number = await IssueAsync(officer);
        officer.UseCulture("fr");
        var (_, form) = await officer.Get(Form);
        Assert.Contains("Émettre un certificat du Processus de Kimberley", form, StringComparison.Ordinal);
        Assert.Contains("Non industriels, bruts", form, StringComparison.Ordinal);
        var (_, page) = await officer.Get($"/certificates/{number}");
        Assert.Contains("Télécharger le PDF", page, StringComparison.Ordinal);
        Assert.Contains("16 mars 2026", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"version\" value=\"([^\"]+)\"")]
    private static partial Regex VersionInput();
}
