using System.Net;
using System.Text.RegularExpressions;
using OpenKP.Web.Tests.Infrastructure;
using OpenKP.Web.Tests.Shipments;

namespace OpenKP.Web.Tests.Portal;

/// <summary>The export application pages: the form (parsed as the API parses), the list and queue, the review and the decisions, who sees what.</summary>
public sealed partial class ApplicationPageTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private const string Form = "/applications/new";

    /// <summary>The application form for the demo data: BW's demo exporter ships 1,644.85 ct worth US$ 529,977.50 to the UAE's demo importer; a blank middle row.</summary>
    public static Dictionary<string, string> Valid(string action = "submit") => new()
    {
        ["importingParticipant"] = "AE",
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
        ["lines[2].hsCode"] = "7102.21",
        ["lines[2].carats"] = "310.25",
        ["lines[2].usd"] = "15512.50",
        ["lines[3].hsCode"] = "7102.31",
        ["lines[3].carats"] = "84.10",
        ["lines[3].usd"] = "201840.00",
        ["parcels"] = "3",
        ["invoiceReference"] = "INV-2026-0042",
        ["sealNumbers"] = "SEAL-0001, SEAL-0002",
        ["containerNumbers"] = "MSKU1234567",
        ["qualityNotes"] = "Mixed boxes, run of mine",
        ["plannedDeparture"] = "2026-01-20",
        ["expectedArrival"] = "2026-01-22",
        ["action"] = action,
    };

    /// <summary>Posts the form and returns the new application's id (the page it redirects to).</summary>
    public static async Task<long> ApplyAsync(PortalClient client, Dictionary<string, string>? fields = null)
    {
        using var response = await client.PostForm(Form, fields ?? Valid());
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var location = PortalClient.Location(response);
        Assert.Matches(@"^/applications/\d+$", location);
        return long.Parse(location["/applications/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string VersionOf(string html) => VersionInput().Match(html).Groups[1].Value;

    [Fact]
    public async Task The_form_shows_every_problem_beside_its_field_with_its_code_and_keeps_the_values()
    {
        using var operatorBw = await PortalClient.SignedIn(app, "operator.bw");
        var (status, form) = await operatorBw.Get(Form);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Kalahari Rough Trading (Pty) Ltd — BW-OP-001", form, StringComparison.Ordinal); // an operator applies for its own company
        Assert.DoesNotContain("id=\"exporterLicence\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"expiresOn\"", form, StringComparison.Ordinal);
        Assert.True(Regex.Count(form, "data-line-row>") >= 3, "at least three line rows without script");

        var fields = Valid();
        fields["invoiceReference"] = "";
        fields["lines[0].carats"] = "1,250.50";
        fields["lines[2].hsCode"] = "7102.99";
        fields["expectedArrival"] = "2026-01-18";
        fields["qualityNotes"] = "Kept through the round trip";
        using var response = await operatorBw.PostForm(Form, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        foreach (var (field, code) in new[]
        {
            ("invoiceReference", "required"), ("lines[0].carats", "invalid-number"), ("lines[1].hsCode", "invalid-value"), ("expectedArrival", "invalid-value"),
        })
        {
            Assert.Contains($"href=\"#{field}\"", html, StringComparison.Ordinal);
            Assert.Matches($"id=\"{Regex.Escape(field)}-error\">[\\s\\S]*?<code class=\"error-code\">{code}</code>", html);
        }

        Assert.Contains("Enter the invoice reference.", html, StringComparison.Ordinal);
        Assert.Contains("The expected arrival cannot be before the planned departure.", html, StringComparison.Ordinal);
        // A bad number is reported once, as invalid-number, not again as out of range.
        Assert.DoesNotMatch("id=\"lines\\[0\\].carats-error\">[^/]*?<code class=\"error-code\">invalid-value", html);
        Assert.Contains("Kept through the round trip", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-01-18\"", html, StringComparison.Ordinal);
        Assert.Contains("SEAL-0001, SEAL-0002", html, StringComparison.Ordinal);

        operatorBw.UseCulture("fr");
        using var french = await operatorBw.PostForm(Form, fields);
        Assert.Matches("id=\"invoiceReference-error\">[\\s\\S]*?Saisissez la référence de la facture", await french.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_operator_saves_a_draft_attaches_the_invoice_and_submits_and_an_officer_approves_it_from_the_queue()
    {
        using var operatorBw = await PortalClient.SignedIn(app, "operator.bw");
        var id = await ApplyAsync(operatorBw, Valid(action: "save"));
        var page = $"/applications/{id}";
        var (_, draft) = await operatorBw.Get(page);
        Assert.Contains("Draft saved", draft, StringComparison.Ordinal);
        Assert.Contains("data-status=\"draft\"", draft, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"total-carats\">1,644.85<", draft, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"submit-button\"", draft, StringComparison.Ordinal);
        Assert.Contains("<code class=\"chip\">SEAL-0002</code>", draft, StringComparison.Ordinal);
        Assert.Contains(page + "/edit", draft, StringComparison.Ordinal);

        // A file that is not a PDF, PNG or JPEG is refused by its content; a PDF is kept and downloads.
        using var text = await operatorBw.PostFile(page, page + "?handler=attach", "file", "invoice.pdf", "not a pdf"u8.ToArray(), "application/pdf", new() { ["kind"] = "invoice" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, text.StatusCode);
        Assert.Contains("attachment-type-not-allowed", await text.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var attached = await operatorBw.PostFile(page, page + "?handler=attach", "file", "invoice.pdf", Files.Pdf(), "application/pdf", new() { ["kind"] = "invoice" });
        Assert.Equal(HttpStatusCode.Redirect, attached.StatusCode);
        var (_, withFile) = await operatorBw.Get(page);
        Assert.Contains("File attached", withFile, StringComparison.Ordinal);
        var link = AttachmentLink().Match(withFile);
        Assert.True(link.Success, "the attachment is listed with its download link");
        using var download = await operatorBw.Http.GetAsync(link.Groups[1].Value);
        Assert.Equal(Files.Pdf(), await download.Content.ReadAsByteArrayAsync());

        using var submitted = await operatorBw.PostForm(page + "?handler=submit", new() { ["version"] = VersionOf(withFile) }, PortalClient.Token(withFile));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var (_, after) = await operatorBw.Get(page);
        Assert.Contains("Application submitted", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"submit-button\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"review\"", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await operatorBw.Http.GetAsync(page + "/edit")).StatusCode); // no longer editable

        using var officer = await PortalClient.SignedIn(app, "officer.bw");
        var (_, list) = await officer.Get("/applications");
        Assert.Matches($"data-testid=\"queue\"[\\s\\S]*?data-application=\"{id}\"", list);
        var (_, review) = await officer.Get(page);
        Assert.Contains("data-testid=\"review\"", review, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-violations\"", review, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"declared\">US\\$(\u00a0|&#xA0;)322.20<", review);
        Assert.DoesNotContain("data-testid=\"two-approvals\"", review, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"approve\"", review, StringComparison.Ordinal);

        using var approved = await officer.PostForm(page + "?handler=approve", new() { ["version"] = VersionOf(review) }, PortalClient.Token(review));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var (_, issued) = await officer.Get(page);
        Assert.Contains("Approved: certificate issued", issued, StringComparison.Ordinal);
        var number = CertificateNumber().Match(issued).Groups[1].Value;
        Assert.Matches(@"^BW-2026-\d{6}$", number);
        Assert.Contains($"href=\"/certificates/{number}\"", issued, StringComparison.Ordinal);
        Assert.Contains($"href=\"/shipments/{number}\"", issued, StringComparison.Ordinal);

        // The operator follows its shipment but does not read the certificate page.
        var (_, own) = await operatorBw.Get(page);
        Assert.Contains($"href=\"/shipments/{number}\"", own, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/certificates/{number}\"", own, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await operatorBw.Get($"/shipments/{number}")).Status);
    }

    [Fact]
    public async Task Sending_back_needs_a_reason_which_the_operator_reads_before_changing_and_submitting_again()
    {
        using var operatorBw = await PortalClient.SignedIn(app, "operator.bw");
        var id = await ApplyAsync(operatorBw);
        var page = $"/applications/{id}";
        using var officer = await PortalClient.SignedIn(app, "officer.bw");
        var (_, review) = await officer.Get(page);

        using var noReason = await officer.PostForm(page + "?handler=sendback", new() { ["reason"] = " ", ["version"] = VersionOf(review) }, PortalClient.Token(review));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var noReasonHtml = await noReason.Content.ReadAsStringAsync();
        Assert.Matches("id=\"reason-error\">[\\s\\S]*?Give the reason: the exporter reads it\\.[\\s\\S]*?required", noReasonHtml);
        Assert.Contains("data-testid=\"send-back-section\"", noReasonHtml, StringComparison.Ordinal);

        const string because = "Attach the valuation report, please.";
        using var sentBack = await officer.PostForm(page + "?handler=sendback", new() { ["reason"] = because, ["version"] = VersionOf(review) }, PortalClient.Token(review));
        Assert.Equal(HttpStatusCode.Redirect, sentBack.StatusCode);

        var (_, edit) = await operatorBw.Get(page + "/edit");
        Assert.Contains("data-testid=\"sent-back\"", edit, StringComparison.Ordinal);
        Assert.Contains(because, edit, StringComparison.Ordinal);
        Assert.Contains("value=\"INV-2026-0042\"", edit, StringComparison.Ordinal);
        var fields = Valid();
        fields["invoiceReference"] = "INV-2026-0042-B";
        fields["version"] = VersionOf(edit);
        using var changed = await operatorBw.PostForm(page + "/edit", fields, PortalClient.Token(edit));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var (_, resubmitted) = await operatorBw.Get(page);
        Assert.Contains("data-status=\"submitted\"", resubmitted, StringComparison.Ordinal);
        Assert.Contains("INV-2026-0042-B", resubmitted, StringComparison.Ordinal);

        // A stale version is refused as changed, with its code.
        using var stale = await operatorBw.PostForm(page + "?handler=submit", new() { ["version"] = VersionOf(edit) }, PortalClient.Token(edit));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("application-not-editable", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_cannot_approve_an_application_it_prepared_and_the_page_says_why_with_the_code()
    {
        using var officer = await PortalClient.SignedIn(app, "officer.bw");
        var (_, form) = await officer.Get(Form);
        Assert.Contains("id=\"exporterLicence\"", form, StringComparison.Ordinal);
        var fields = Valid();
        fields["lines[0].usd"] = "1500000.00"; // above BW's demo four-eyes threshold
        fields["exporterLicence"] = "";
        using var missing = await officer.PostForm(Form, fields);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Matches("id=\"exporterLicence-error\">[\\s\\S]*?required", await missing.Content.ReadAsStringAsync());

        fields["exporterLicence"] = "BW-OP-001";
        var id = await ApplyAsync(officer, fields);
        var (_, review) = await officer.Get($"/applications/{id}");
        Assert.Contains("data-testid=\"two-approvals\"", review, StringComparison.Ordinal);
        using var own = await officer.PostForm($"/applications/{id}?handler=approve", new() { ["version"] = VersionOf(review) }, PortalClient.Token(review));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, own.StatusCode);
        var html = await own.Content.ReadAsStringAsync();
        Assert.Contains("Nobody approves an application they prepared", html, StringComparison.Ordinal);
        Assert.Contains("<code class=\"error-code\">own-application</code>", html, StringComparison.Ordinal);

        using var second = await PortalClient.SignedIn(app, "officer2.bw");
        var (_, secondReview) = await second.Get($"/applications/{id}");
        using var first = await second.PostForm($"/applications/{id}?handler=approve", new() { ["version"] = VersionOf(secondReview) }, PortalClient.Token(secondReview));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var (_, awaiting) = await second.Get($"/applications/{id}");
        Assert.Contains("First approval recorded", awaiting, StringComparison.Ordinal);
        Assert.Contains("data-status=\"awaiting-second-approval\"", awaiting, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"first-approver\">First approved by officer2.bw", awaiting);
    }

    [Fact]
    public async Task Another_company_gets_not_found_and_customs_observers_and_visitors_are_refused()
    {
        using var operatorBw = await PortalClient.SignedIn(app, "operator.bw");
        var id = await ApplyAsync(operatorBw, Valid(action: "save"));

        using var operatorZa = await PortalClient.SignedIn(app, "operator.za");
        Assert.Equal(HttpStatusCode.NotFound, (await operatorZa.Get($"/applications/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorZa.Get($"/applications/{id}/edit")).Status);
        Assert.DoesNotContain($"data-application=\"{id}\"", (await operatorZa.Get("/applications")).Html, StringComparison.Ordinal);
        var (_, zaList) = await operatorZa.Get("/applications");
        using var foreignSubmit = await operatorZa.PostForm($"/applications/{id}?handler=submit", new() { ["version"] = "" }, PortalClient.Token(zaList));
        Assert.Equal(HttpStatusCode.NotFound, foreignSubmit.StatusCode);
        using var officerZa = await PortalClient.SignedIn(app, "officer.za");
        Assert.Equal(HttpStatusCode.NotFound, (await officerZa.Get($"/applications/{id}")).Status);

        using var customs = await PortalClient.SignedIn(app, "customs.bw");
        Assert.Equal(HttpStatusCode.Forbidden, (await customs.Get("/applications")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await customs.Get(Form)).Status);
        Assert.DoesNotContain("href=\"/applications\"", (await customs.Get("/")).Html, StringComparison.Ordinal);
        using var observer = await PortalClient.SignedIn(app, "observer.wdc");
        Assert.Equal(HttpStatusCode.Forbidden, (await observer.Get("/applications")).Status);

        // The secretariat reads every submitted application, and may not change one.
        using var secretariat = await PortalClient.SignedIn(app, "secretariat");
        Assert.Equal(HttpStatusCode.OK, (await secretariat.Get($"/applications/{id}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretariat.Get($"/applications/{id}/edit")).Status);

        using var visitor = PortalClient.Anonymous(app);
        foreach (var url in new[] { "/applications", Form, $"/applications/{id}" })
        {
            using var response = await visitor.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/sign-in?ReturnUrl=" + Uri.EscapeDataString(url), PortalClient.Location(response), StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("name=\"version\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex VersionInput();

    [GeneratedRegex("href=\"(/api/applications/\\d+/attachments/\\d+)\"")]
    private static partial Regex AttachmentLink();

    [GeneratedRegex("data-testid=\"certificate-number\">([^<]+)<")]
    private static partial Regex CertificateNumber();
}
