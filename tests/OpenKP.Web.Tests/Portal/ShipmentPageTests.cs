using System.Net;
using System.Text.RegularExpressions;
using OpenKP.Web.Tests.Infrastructure;
using OpenKP.Web.Tests.Shipments;

namespace OpenKP.Web.Tests.Portal;

/// <summary>The shipments pages: the lists, a shipment with its departure and confirmation, the arrival check and its result, cases, transits.</summary>
public sealed partial class ShipmentPageTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    /// <summary>A certificate issued through the API from operator.bw's application (BW → AE, 1,644.85 ct, US$ 529,977.50, 3 parcels).</summary>
    private async Task<(string Number, string Qr)> IssuedAsync()
    {
        var operatorBw = await app.ClientFor("operator.bw");
        var created = await operatorBw.PostJson("/api/applications", Applications.Valid(), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        await operatorBw.PostJson($"/api/applications/{id}/submit", new { }, HttpStatusCode.OK);
        var approved = await (await app.ClientFor("officer.bw")).PostJson($"/api/applications/{id}/approve", new { }, HttpStatusCode.OK);
        var certificate = approved.GetProperty("certificate");
        return (certificate.Str("number"), certificate.Str("qr"));
    }

    private static Dictionary<string, string> Arrival(string qr, string carats = "1644.85", string seal = "yes") => new()
    {
        ["qr"] = qr,
        ["certificateNumber"] = "",
        ["sealIntact"] = seal,
        ["parcels"] = "3",
        ["carats"] = carats,
        ["usd"] = "529977.50",
        ["receivedOn"] = "2026-01-15",
        ["notes"] = "Checked at Dubai airport",
    };

    /// <summary>Posts the arrival form as customs.ae and returns the result page's address.</summary>
    private static async Task<string> CheckAsync(PortalClient customs, Dictionary<string, string> fields)
    {
        using var response = await customs.PostForm("/arrivals", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var location = PortalClient.Location(response);
        Assert.Matches(@"^/arrivals/\d+$", location);
        return location;
    }

    [Fact]
    public async Task Customs_see_the_shipment_incoming_record_the_departure_and_accept_it_and_the_exporter_sees_the_confirmation()
    {
        var (number, qr) = await IssuedAsync();

        using var customsAe = await PortalClient.SignedIn(app, "customs.ae");
        var (status, incoming) = await customsAe.Get("/shipments?direction=incoming&open=true");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"data-number=\"{number}\"", incoming, StringComparison.Ordinal);
        Assert.Contains("22 January 2026", incoming, StringComparison.Ordinal);
        Assert.Contains("href=\"/shipments\" aria-current=\"page\"", incoming, StringComparison.Ordinal);
        Assert.Contains("href=\"/arrivals\"", incoming, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-number=\"{number}\"", (await customsAe.Get("/shipments?direction=outgoing")).Html, StringComparison.Ordinal);

        // Exporting customs: the seals are the certificate's, or nothing is recorded.
        using var customsBw = await PortalClient.SignedIn(app, "customs.bw");
        var (_, outgoing) = await customsBw.Get($"/shipments/{number}");
        Assert.Contains("data-testid=\"departure-form\"", outgoing, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"departure-form\"", (await customsAe.Get($"/shipments/{number}")).Html, StringComparison.Ordinal);
        var version = VersionInput().Match(outgoing).Groups[1].Value;
        using var wrong = await customsBw.PostForm($"/shipments/{number}?handler=depart", new() { ["seals"] = "SEAL-0001, SEAL-9999", ["version"] = version }, PortalClient.Token(outgoing));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Matches("id=\"seals-error\">[\\s\\S]*?seals-differ", wrongHtml);
        Assert.Contains("Seal SEAL-9999 was found on the container but is not on the certificate.", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("SEAL-0001, SEAL-9999", wrongHtml, StringComparison.Ordinal);
        using var departed = await customsBw.PostForm($"/shipments/{number}?handler=depart", new() { ["seals"] = "SEAL-0001\nseal-0002", ["note"] = "Loaded at Sir Seretse Khama", ["version"] = version }, PortalClient.Token(outgoing));
        Assert.Equal(HttpStatusCode.Redirect, departed.StatusCode);
        var (_, gone) = await customsBw.Get($"/shipments/{number}");
        Assert.Contains("Departure recorded", gone, StringComparison.Ordinal);
        Assert.Contains("data-status=\"departed\"", gone, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"departure-form\"", gone, StringComparison.Ordinal);

        // Importing customs: the arrival form, from the shipment's page, and the result.
        var (_, page) = await customsAe.Get($"/shipments/{number}");
        Assert.Contains($"href=\"/arrivals?number={number}\"", page, StringComparison.Ordinal);
        var (_, form) = await customsAe.Get($"/arrivals?number={number}");
        Assert.Contains($"value=\"{number}\"", form, StringComparison.Ordinal);
        var result = await CheckAsync(customsAe, Arrival(qr));
        var (_, accepted) = await customsAe.Get(result);
        Assert.Contains("data-outcome=\"accepted\"", accepted, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"confirmation\"", accepted, StringComparison.Ordinal);
        Assert.Contains(">KPC1:", accepted, StringComparison.Ordinal);

        // The exporting authority sees the loop closed, the confirmation and its PDF (the portal's cookie opens the API link).
        using var officer = await PortalClient.SignedIn(app, "officer.bw");
        var (_, confirmed) = await officer.Get($"/shipments/{number}");
        Assert.Contains("data-status=\"confirmed\"", confirmed, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"confirmation-carats\">1,644.85<", confirmed, StringComparison.Ordinal);
        Assert.Contains("Dubai Multi Commodities Centre Authority", confirmed, StringComparison.Ordinal);
        var pdf = $"/api/shipments/{number}/confirmation/pdf";
        Assert.Contains($"href=\"{pdf}\"", confirmed, StringComparison.Ordinal);
        using var file = await officer.Http.GetAsync(pdf);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await officer.Get(result)).Status);

        // The exporter's certificate shows the loop closed.
        var (_, certificatePage) = await officer.Get($"/certificates/{number}");
        Assert.Matches("data-testid=\"shipment-status\"[\\s\\S]*?Confirmed[\\s\\S]*?Receipt confirmed by Dubai Multi Commodities Centre Authority on 2026-01-15", certificatePage);

        // Another participant neither sees the shipment nor the check.
        using var officerZa = await PortalClient.SignedIn(app, "officer.za");
        Assert.Equal(HttpStatusCode.NotFound, (await officerZa.Get($"/shipments/{number}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await officerZa.Get(result)).Status);
        using var operatorZa = await PortalClient.SignedIn(app, "operator.za");
        Assert.Equal(HttpStatusCode.NotFound, (await operatorZa.Get($"/shipments/{number}")).Status);
    }

    [Fact]
    public async Task The_arrival_form_shows_every_problem_beside_its_field_with_its_code()
    {
        using var customsAe = await PortalClient.SignedIn(app, "customs.ae");
        var fields = Arrival("");
        fields["sealIntact"] = "";
        fields["parcels"] = "three";
        fields["carats"] = "1,644.85";
        using var response = await customsAe.PostForm("/arrivals", fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var (field, code) in new[] { ("qr", "required"), ("sealIntact", "required"), ("parcels", "invalid-number"), ("carats", "invalid-number") })
        {
            Assert.Contains($"href=\"#{field}\"", html, StringComparison.Ordinal);
            Assert.Matches($"id=\"{field}-error\">[\\s\\S]*?<code class=\"error-code\">{code}</code>", html);
        }

        Assert.Contains("Paste the QR text, or enter the certificate number.", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("id=\"parcels-error\">[^/]*?<code class=\"error-code\">invalid-value", html);
        Assert.Contains("Checked at Dubai airport", html, StringComparison.Ordinal);

        var unreadable = Arrival("KP1:not-a-certificate");
        using var refused = await customsAe.PostForm("/arrivals", unreadable);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Matches("id=\"qr-error\">[\\s\\S]*?certificate-unreadable", await refused.Content.ReadAsStringAsync());

        // Only customs check arrivals.
        using var officer = await PortalClient.SignedIn(app, "officer.ae");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.Get("/arrivals")).Status);
        Assert.DoesNotContain("href=\"/arrivals\"", (await officer.Get("/")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_weight_detains_the_shipment_and_both_sides_work_the_case_which_only_the_importing_side_resolves()
    {
        var (number, qr) = await IssuedAsync();
        using var customsAe = await PortalClient.SignedIn(app, "customs.ae");
        var result = await CheckAsync(customsAe, Arrival(qr, carats: "1600.00"));
        var (_, detained) = await customsAe.Get(result);
        Assert.Contains("data-outcome=\"detained\"", detained, StringComparison.Ordinal);
        Assert.Contains("data-code=\"weight-outside-tolerance\"", detained, StringComparison.Ordinal);
        Assert.Contains("The weight is outside the tolerance.", detained, StringComparison.Ordinal);
        var caseLink = CaseLink().Match(detained);
        Assert.True(caseLink.Success, "the result links to the case");
        var page = caseLink.Groups[1].Value;

        using var officerBw = await PortalClient.SignedIn(app, "officer.bw");
        var (_, list) = await officerBw.Get("/cases?open=true");
        Assert.Contains($"href=\"{page}\"", list, StringComparison.Ordinal);
        var (_, theCase) = await officerBw.Get(page);
        Assert.Contains("data-testid=\"notify-by\">15 February 2026<", theCase, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"days-left\">31 day(s)<", theCase, StringComparison.Ordinal);
        Assert.Contains("data-status=\"open\"", theCase, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"resolve-form\"", theCase, StringComparison.Ordinal);
        Assert.Contains("data-status=\"detained\"", (await officerBw.Get($"/shipments/{number}")).Html, StringComparison.Ordinal);

        // The exporting side adds a note with evidence; anyone on the case downloads it.
        using var noted = await officerBw.PostFile(page, page + "?handler=note", "file", "scale.png", Files.Png(), "image/png", new() { ["text"] = "Our vault weighed 1644.85 ct before sealing." });
        Assert.Equal(HttpStatusCode.Redirect, noted.StatusCode);
        var (_, withNote) = await customsAe.Get(page);
        Assert.Contains("Our vault weighed 1644.85 ct before sealing.", withNote, StringComparison.Ordinal);
        var evidence = EvidenceLink().Match(withNote).Groups[1].Value;
        Assert.Equal(Files.Png(), await (await customsAe.Http.GetAsync(evidence)).Content.ReadAsByteArrayAsync());
        using var empty = await officerBw.PostForm(page + "?handler=note", new() { ["text"] = "" }, PortalClient.Token(theCase));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Matches("id=\"text-error\">[\\s\\S]*?Write the note\\.[\\s\\S]*?required", await empty.Content.ReadAsStringAsync());

        // The exporting participant's customs may not resolve; another participant's do not see the case at all.
        using var customsBw = await PortalClient.SignedIn(app, "customs.bw");
        var (_, bwView) = await customsBw.Get(page);
        Assert.DoesNotContain("data-testid=\"resolve-form\"", bwView, StringComparison.Ordinal);
        using var notTheirs = await customsBw.PostForm(page + "?handler=resolve", new() { ["resolution"] = "released", ["note"] = "Fine by us" }, PortalClient.Token(bwView));
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        Assert.Contains("not-destination", await notTheirs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var customsZa = await PortalClient.SignedIn(app, "customs.za");
        Assert.Equal(HttpStatusCode.NotFound, (await customsZa.Get(page)).Status);

        var (_, aeView) = await customsAe.Get(page);
        Assert.Contains("data-testid=\"resolve-form\"", aeView, StringComparison.Ordinal);
        using var noChoice = await customsAe.PostForm(page + "?handler=resolve", new() { ["note"] = "" }, PortalClient.Token(aeView));
        Assert.Equal(HttpStatusCode.BadRequest, noChoice.StatusCode);
        var noChoiceHtml = await noChoice.Content.ReadAsStringAsync();
        Assert.Matches("id=\"resolution-error\">[\\s\\S]*?Choose how the case ends\\.[\\s\\S]*?required", noChoiceHtml);
        Assert.Matches("id=\"note-error\">[\\s\\S]*?required", noChoiceHtml);
        using var resolved = await customsAe.PostForm(page + "?handler=resolve", new() { ["resolution"] = "seized", ["note"] = "Seized pending investigation", ["version"] = VersionInput().Match(aeView).Groups[1].Value }, PortalClient.Token(aeView));
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        var (_, done) = await officerBw.Get(page);
        Assert.Contains("data-status=\"seized\"", done, StringComparison.Ordinal);
        Assert.Contains("Seized pending investigation", done, StringComparison.Ordinal);
        Assert.Contains("data-status=\"seized\"", (await officerBw.Get($"/shipments/{number}")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_third_participants_customs_record_a_transit_and_the_destination_cannot()
    {
        var (number, qr) = await IssuedAsync();
        using var customsZa = await PortalClient.SignedIn(app, "customs.za");
        using var recorded = await customsZa.PostForm("/transits", new() { ["qr"] = qr, ["sealIntact"] = "yes", ["notes"] = "Transhipped at OR Tambo" });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var (_, notice) = await customsZa.Get("/transits");
        Assert.Contains($"Transit of certificate {number} recorded", notice, StringComparison.Ordinal);
        Assert.Contains("Certificate valid", notice, StringComparison.Ordinal);

        using var customsAe = await PortalClient.SignedIn(app, "customs.ae");
        using var refused = await customsAe.PostForm("/transits", new() { ["qr"] = qr, ["sealIntact"] = "yes", ["notes"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Matches("id=\"qr-error\">[\\s\\S]*?not-transit-participant", await refused.Content.ReadAsStringAsync());
        Assert.Matches("data-testid=\"transits\"[\\s\\S]*?<code>ZA</code>", (await customsAe.Get($"/shipments/{number}")).Html);
    }

    [Fact]
    public async Task The_header_offers_each_role_its_pages_and_visitors_are_sent_to_sign_in()
    {
        static string[] Links(string html) => [.. NavLink().Matches(html).Select(m => m.Groups[1].Value)];
        var expected = new Dictionary<string, string[]>
        {
            ["operator.bw"] = ["/applications", "/shipments"],
            ["officer.bw"] = ["/applications", "/shipments", "/shipments/overdue", "/cases"],
            ["customs.ae"] = ["/shipments", "/arrivals", "/cases"],
            ["secretariat"] = ["/applications", "/shipments", "/shipments/overdue", "/cases"],
            ["observer.wdc"] = [],
        };
        string[] all = ["/applications", "/shipments", "/shipments/overdue", "/arrivals", "/cases"];
        foreach (var (user, links) in expected)
        {
            using var client = await PortalClient.SignedIn(app, user);
            var shown = Links((await client.Get("/")).Html);
            Assert.Equal(links, shown.Where(all.Contains).ToArray());
            foreach (var link in links)
            {
                Assert.True((await client.Get(link)).Status == HttpStatusCode.OK, $"{user}: {link}");
            }
        }

        using var observer = await PortalClient.SignedIn(app, "observer.wdc");
        foreach (var url in new[] { "/shipments", "/cases", "/arrivals", "/transits", "/shipments/overdue", "/shipments/settings" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await observer.Follow(url)).Status);
        }

        using var visitor = PortalClient.Anonymous(app);
        foreach (var url in new[] { "/shipments", "/shipments/BW-2026-000001", "/arrivals", "/transits", "/cases", "/cases/1", "/shipments/overdue", "/shipments/settings" })
        {
            using var response = await visitor.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/sign-in?ReturnUrl=" + Uri.EscapeDataString(url), PortalClient.Location(response), StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("name=\"version\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex VersionInput();

    [GeneratedRegex("href=\"(/cases/\\d+)\" data-testid=\"case-link\"")]
    private static partial Regex CaseLink();

    [GeneratedRegex("href=\"(/api/cases/\\d+/notes/\\d+/file)\"")]
    private static partial Regex EvidenceLink();

    [GeneratedRegex("<li><a href=\"([^\"]+)\"(?: aria-current=\"page\")?>[^<]+</a></li>")]
    private static partial Regex NavLink();
}
