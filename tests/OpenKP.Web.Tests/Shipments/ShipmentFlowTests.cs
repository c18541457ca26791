using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenKP.Web.Shipments;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Shipments;

/// <summary>The KP loop through HTTP: application, review, certificate, departure, arrival, confirmation; and what goes wrong.</summary>
public sealed class ShipmentFlowTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    /// <summary>operator.bw applies and submits; officer.bw approves; returns the issued certificate.</summary>
    private async Task<JsonElement> IssuedThroughApplication(ApplicationRequest? request = null)
    {
        var operatorBw = await app.ClientFor("operator.bw");
        var created = await operatorBw.PostJson("/api/applications", request ?? Applications.Valid(), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal("draft", created.Str("status"));
        var submitted = await operatorBw.PostJson($"/api/applications/{id}/submit", new { version = created.GetProperty("version").GetGuid() }, HttpStatusCode.OK);
        Assert.Equal("submitted", submitted.Str("status"));
        var approved = await (await app.ClientFor("officer.bw")).PostJson($"/api/applications/{id}/approve", new { version = submitted.GetProperty("version").GetGuid() }, HttpStatusCode.OK);
        Assert.Equal("issued", approved.GetProperty("application").Str("status"));
        return approved.GetProperty("certificate");
    }

    [Fact]
    public async Task An_application_becomes_a_certificate_the_importer_receives_checks_and_confirms_and_the_confirmation_verifies()
    {
        var operatorBw = await app.ClientFor("operator.bw");
        var created = await operatorBw.PostJson("/api/applications", Applications.Valid(), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        await operatorBw.PostJson($"/api/applications/{id}/submit", new { }, HttpStatusCode.OK);

        var officer = await app.ClientFor("officer.bw");
        var queue = await officer.GetJson("/api/applications/queue");
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetInt64() == id);
        var review = await officer.GetJson($"/api/applications/{id}/review");
        Assert.Empty(review.GetProperty("violations").EnumerateArray());
        Assert.Equal(322.20m, review.GetProperty("price").GetProperty("declaredUsdPerCarat").GetDecimal());
        Assert.False(review.GetProperty("needsTwoApprovals").GetBoolean());

        var approved = await officer.PostJson($"/api/applications/{id}/approve", new { }, HttpStatusCode.OK);
        var certificate = approved.GetProperty("certificate");
        var number = certificate.Str("number");
        Assert.Equal(number, approved.GetProperty("application").Str("certificateNumber"));
        Assert.Equal("issued", (await operatorBw.GetJson($"/api/applications/{id}")).Str("status"));

        // The importing side sees it at once, with its expected arrival.
        var customsAe = await app.ClientFor("customs.ae");
        var incoming = await customsAe.GetJson("/api/shipments?direction=incoming&open=true&pageSize=500");
        var listed = Assert.Single(incoming.GetProperty("items").EnumerateArray(), s => s.Str("certificateNumber") == number);
        Assert.Equal("2026-01-22", listed.Str("expectedArrival"));
        Assert.Equal("awaiting-departure", listed.Str("status"));

        // Exporting customs: sealed and gone; the seals are the certificate's.
        var customsBw = await app.ClientFor("customs.bw");
        var wrongSeals = await customsBw.PostJson($"/api/shipments/{number}/departure", new DepartureRequest(["SEAL-0001", "SEAL-9999"], null, null), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["seals-differ", "seals-differ"], wrongSeals.Codes());
        var departed = await customsBw.PostJson($"/api/shipments/{number}/departure", new DepartureRequest(["seal-0002", "SEAL-0001"], "Loaded at Sir Seretse Khama airport", null), HttpStatusCode.OK);
        Assert.Equal("departed", departed.GetProperty("shipment").Str("status"));

        // Importing customs: the QR verifies and everything matches.
        var checkedIn = await customsAe.PostJson("/api/arrivals", Applications.Matching(certificate.Str("qr")), HttpStatusCode.Created);
        Assert.Equal("accepted", checkedIn.GetProperty("check").Str("outcome"));
        Assert.True(checkedIn.GetProperty("verification").GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, checkedIn.GetProperty("caseId").ValueKind);

        // The exporting authority sees the confirmation at once, and it verifies as the importing authority's.
        var confirmation = await officer.GetJson($"/api/shipments/{number}/confirmation");
        Assert.Equal("AE", confirmation.Str("importingParticipant"));
        Assert.Equal(1644.85m, confirmation.GetProperty("carats").GetDecimal());
        Assert.Equal("2026-01-15", confirmation.Str("receivedOn"));
        var verdict = await (await app.ClientFor(null)).PostJson("/api/confirmations/verify", new VerifyConfirmationRequest(confirmation.Str("signedText")), HttpStatusCode.OK);
        Assert.True(verdict.GetProperty("valid").GetBoolean(), verdict.ToString());
        Assert.Equal(number, verdict.GetProperty("confirmation").Str("certificateNumber"));
        Assert.Equal("confirmed", (await officer.GetJson($"/api/shipments/{number}")).GetProperty("shipment").Str("status"));
        Assert.Equal("confirmed", (await operatorBw.GetJson($"/api/shipments/{number}")).GetProperty("shipment").Str("status"));

        // Everyone concerned was told through the inbox, at each step.
        Assert.True(await Told("officer.bw", "application.submitted", $"/applications/{id}"));
        Assert.True(await Told("operator.bw", "application.approved", $"/applications/{id}"));
        Assert.True(await Told("customs.ae", "certificate.incoming", $"/shipments/{number}"));
        Assert.True(await Told("customs.ae", "shipment.departed", $"/shipments/{number}"));
        Assert.True(await Told("officer.bw", "import.confirmed", $"/shipments/{number}"));
        Assert.True(await Told("operator.bw", "import.confirmed", $"/shipments/{number}"));
        Assert.False(await Told("operator.za", "import.confirmed", $"/shipments/{number}"));

        var pdf = await officer.GetAsync($"/api/shipments/{number}/confirmation/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]));
    }

    private async Task<bool> Told(string user, string type, string link)
        => (await (await app.ClientFor(user)).GetJson("/api/inbox?pageSize=500")).GetProperty("items").EnumerateArray()
            .Any(m => m.Str("type") == type && m.GetProperty("link").GetString() == link);

    [Fact]
    public async Task Voiding_a_certificate_cancels_its_shipment_and_tells_the_importing_side()
    {
        var certificate = await IssuedThroughApplication();
        var number = certificate.Str("number");
        await (await app.ClientFor("officer.bw")).PostJson($"/api/certificates/{number}/void", new { reason = "Buyer cancelled the order" }, HttpStatusCode.OK);
        Assert.Equal("cancelled", (await (await app.ClientFor("customs.ae")).GetJson($"/api/shipments/{number}")).GetProperty("shipment").Str("status"));
        Assert.DoesNotContain((await (await app.ClientFor("customs.ae")).GetJson("/api/shipments?direction=incoming&open=true&pageSize=500")).GetProperty("items").EnumerateArray(),
            s => s.Str("certificateNumber") == number);
        Assert.True(await Told("customs.ae", "certificate.voided", $"/certificates/{number}"));
        // Presented anyway, it does not verify: detained.
        var presented = await (await app.ClientFor("customs.ae")).PostJson("/api/arrivals", Applications.Matching(certificate.Str("qr")), HttpStatusCode.Created);
        Assert.Equal(["certificate-invalid"], presented.GetProperty("check").GetProperty("discrepancies").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task A_tampered_confirmation_does_not_verify()
    {
        var certificate = await IssuedThroughApplication();
        await (await app.ClientFor("customs.ae")).PostJson("/api/arrivals", Applications.Matching(certificate.Str("qr")), HttpStatusCode.Created);
        var text = (await (await app.ClientFor("officer.bw")).GetJson($"/api/shipments/{certificate.Str("number")}/confirmation")).Str("signedText");
        var tampered = text[..^3] + (text[^3] == 'A' ? 'B' : 'A') + text[^2..];
        var verdict = await (await app.ClientFor(null)).PostJson("/api/confirmations/verify", new VerifyConfirmationRequest(tampered), HttpStatusCode.OK);
        Assert.False(verdict.GetProperty("valid").GetBoolean());
        var notOne = await (await app.ClientFor(null)).PostJson("/api/confirmations/verify", new VerifyConfirmationRequest(certificate.Str("qr")), HttpStatusCode.OK);
        Assert.Equal(["malformed-prefix"], notOne.GetProperty("reasons").EnumerateArray().Select(r => r.Str("code")));
    }

    [Fact]
    public async Task A_short_weight_detains_the_shipment_both_authorities_see_the_case_and_its_resolution_is_audited()
    {
        var certificate = await IssuedThroughApplication();
        var number = certificate.Str("number");
        var customsAe = await app.ClientFor("customs.ae");
        var result = await customsAe.PostJson("/api/arrivals", Applications.Matching(certificate.Str("qr")) with { Carats = 1600.00m }, HttpStatusCode.Created);
        Assert.Equal("detained", result.GetProperty("check").Str("outcome"));
        Assert.Equal(["weight-outside-tolerance"], result.GetProperty("check").GetProperty("discrepancies").EnumerateArray().Select(d => d.GetString()));
        var caseId = result.GetProperty("caseId").GetInt64();

        foreach (var user in new[] { "officer.bw", "officer.ae", "customs.ae", "secretariat" })
        {
            var seen = await (await app.ClientFor(user)).GetJson($"/api/cases/{caseId}");
            Assert.Equal("open", seen.Str("status"));
            Assert.Equal("2026-02-15", seen.Str("notifyBy"));
        }

        Assert.Equal("case-not-found", (await (await app.ClientFor("officer.za")).GetJson($"/api/cases/{caseId}", HttpStatusCode.NotFound)).Str("code"));
        Assert.Equal("detained", (await (await app.ClientFor("officer.bw")).GetJson($"/api/shipments/{number}")).GetProperty("shipment").Str("status"));

        // The exporting side adds a note; the importing side attaches evidence and resolves.
        await (await app.ClientFor("officer.bw")).PostJson($"/api/cases/{caseId}/notes", new CaseNoteRequest("Our vault weighed 1644.85 ct before sealing; please re-weigh."), HttpStatusCode.Created);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Scale calibration certificate"), "text" },
            { new ByteArrayContent(Files.Png()), "file", "scale.png" },
        };
        var evidence = await (await customsAe.PostAsync($"/api/cases/{caseId}/notes", form)).Json(HttpStatusCode.Created);
        Assert.Equal("image/png", evidence.Str("contentType"));
        var file = await (await app.ClientFor("officer.bw")).GetAsync($"/api/cases/{caseId}/notes/{evidence.GetProperty("id").GetInt64()}/file");
        Assert.Equal(Files.Png(), await file.Content.ReadAsByteArrayAsync());

        var exporterTries = await (await app.ClientFor("officer.bw")).PostJson($"/api/cases/{caseId}/resolve", new ResolveCaseRequest("released", "Fine by us", null), HttpStatusCode.Forbidden);
        Assert.Equal("not-destination", exporterTries.Str("code"));
        var resolved = await (await app.ClientFor("officer.ae")).PostJson($"/api/cases/{caseId}/resolve", new ResolveCaseRequest("seized", "Goods seized pending investigation", null), HttpStatusCode.OK);
        Assert.Equal("seized", resolved.Str("resolution"));
        Assert.Equal(2, resolved.GetProperty("notes").GetArrayLength());
        Assert.Equal("case-resolved", (await (await app.ClientFor("officer.ae")).PostJson($"/api/cases/{caseId}/resolve", new ResolveCaseRequest("released", "x", null), HttpStatusCode.Conflict)).Str("code"));
        Assert.Equal("seized", (await (await app.ClientFor("officer.bw")).GetJson($"/api/shipments/{number}")).GetProperty("shipment").Str("status"));

        var audited = await app.WithDb(db => Task.FromResult(db.AuditEntries.Where(a => a.Entity == "ArrivalCheck" || a.Entity == "DetentionCase" || a.Entity == "CaseNote" || a.Entity == "Shipment")
            .Select(a => new { a.Entity, a.Action, a.UserName }).ToList()));
        Assert.Contains(audited, a => a is { Entity: "ArrivalCheck", Action: "added", UserName: "customs.ae" });
        Assert.Contains(audited, a => a is { Entity: "DetentionCase", Action: "added", UserName: "customs.ae" });
        Assert.Contains(audited, a => a is { Entity: "CaseNote", Action: "added", UserName: "officer.bw" });
        Assert.Contains(audited, a => a is { Entity: "DetentionCase", Action: "modified", UserName: "officer.ae" });
        Assert.Contains(audited, a => a is { Entity: "Shipment", Action: "modified", UserName: "officer.ae" });
        Assert.True(await Told("officer.bw", "shipment.detained", $"/shipments/{number}"));
        Assert.True(await Told("officer.bw", "case.resolved", $"/cases/{caseId}"));
    }

    [Fact]
    public async Task A_released_shipment_is_confirmed_with_what_arrived()
    {
        var certificate = await IssuedThroughApplication();
        var result = await (await app.ClientFor("customs.ae")).PostJson("/api/arrivals", Applications.Matching(certificate.Str("qr")) with { SealIntact = false }, HttpStatusCode.Created);
        Assert.Equal(["seal-broken"], result.GetProperty("check").GetProperty("discrepancies").EnumerateArray().Select(d => d.GetString()));
        var caseId = result.GetProperty("caseId").GetInt64();
        await (await app.ClientFor("customs.ae")).PostJson($"/api/cases/{caseId}/resolve", new ResolveCaseRequest("released", "Contents recounted and weighed: all there", null), HttpStatusCode.OK);
        var shipment = await (await app.ClientFor("officer.bw")).GetJson($"/api/shipments/{certificate.Str("number")}");
        Assert.Equal("confirmed", shipment.GetProperty("shipment").Str("status"));
        Assert.Equal(1644.85m, shipment.GetProperty("confirmation").GetProperty("carats").GetDecimal());
    }

    [Fact]
    public async Task A_second_arrival_under_one_certificate_is_refused_and_raised_as_suspected_fraud()
    {
        var certificate = await IssuedThroughApplication();
        var customsAe = await app.ClientFor("customs.ae");
        await customsAe.PostJson("/api/arrivals", Applications.Matching(certificate.Str("qr")), HttpStatusCode.Created);
        var again = await customsAe.PostJson("/api/arrivals", Applications.Matching(certificate.Str("qr")), HttpStatusCode.Conflict);
        Assert.Equal("certificate-already-used", again.Str("code"));

        var alerts = await (await app.ClientFor("officer.za")).GetJson("/api/alerts?kind=fraudulent-certificate&pageSize=500");
        var alert = Assert.Single(alerts.GetProperty("items").EnumerateArray(), a => a.GetProperty("certificateNumber").GetString() == certificate.Str("number"));
        Assert.Equal("AE", alert.Str("raisedByParticipant"));
        Assert.Equal(1, await app.WithDb(db => Task.FromResult(db.ImportConfirmations.Count(c => c.CertificateNumber == certificate.Str("number")))));
    }

    [Fact]
    public async Task Customs_of_a_participant_that_is_not_the_destination_are_refused()
    {
        var certificate = await IssuedThroughApplication();
        var refused = await (await app.ClientFor("customs.za")).PostJson("/api/arrivals", Applications.Matching(certificate.Str("qr")), HttpStatusCode.Forbidden);
        Assert.Equal("not-destination", refused.Str("code"));
        Assert.Equal(0, await app.WithDb(db => Task.FromResult(db.ArrivalChecks.Count(a => a.CertificateNumber == certificate.Str("number")))));
        var byOfficer = await (await app.ClientFor("officer.ae")).PostAsJsonAsync("/api/arrivals", Applications.Matching(certificate.Str("qr")));
        Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
    }

    [Fact]
    public async Task A_transit_is_recorded_by_a_third_participant_without_a_new_certificate()
    {
        var certificate = await IssuedThroughApplication();
        var transit = await (await app.ClientFor("customs.za")).PostJson("/api/transits", new TransitRequest(certificate.Str("qr"), true, "Transhipped at OR Tambo"), HttpStatusCode.Created);
        Assert.True(transit.GetProperty("certificateValid").GetBoolean());
        Assert.Equal("ZA", transit.Str("transitParticipant"));
        var notTransit = await (await app.ClientFor("customs.ae")).PostJson("/api/transits", new TransitRequest(certificate.Str("qr"), true, null), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("not-transit-participant", notTransit.Str("code"));
        var shipment = await (await app.ClientFor("officer.ae")).GetJson($"/api/shipments/{certificate.Str("number")}");
        Assert.Equal("ZA", Assert.Single(shipment.GetProperty("transits").EnumerateArray()).Str("transitParticipant"));
    }

    [Fact]
    public async Task An_operator_sees_only_its_own_companys_applications_and_shipments()
    {
        var operatorBw = await app.ClientFor("operator.bw");
        var created = await operatorBw.PostJson("/api/applications", Applications.Valid(), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        var certificate = await IssuedThroughApplication();

        var operatorZa = await app.ClientFor("operator.za");
        Assert.Equal("application-not-found", (await operatorZa.GetJson($"/api/applications/{id}", HttpStatusCode.NotFound)).Str("code"));
        Assert.DoesNotContain((await operatorZa.GetJson("/api/applications?pageSize=500")).GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetInt64() == id);
        Assert.Equal("application-not-found", (await operatorZa.PostJson($"/api/applications/{id}/submit", new { }, HttpStatusCode.NotFound)).Str("code"));
        Assert.Equal(HttpStatusCode.NotFound, (await operatorZa.PutAsJsonAsync($"/api/applications/{id}", Applications.Valid())).StatusCode);
        Assert.Equal("shipment-not-found", (await operatorZa.GetJson($"/api/shipments/{certificate.Str("number")}", HttpStatusCode.NotFound)).Str("code"));
        Assert.DoesNotContain((await operatorZa.GetJson("/api/shipments?pageSize=500")).GetProperty("items").EnumerateArray(), s => s.Str("certificateNumber") == certificate.Str("number"));
        // The importer's company sees the shipment bound for it; the exporting company sees its own.
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientFor("operator.ae")).GetAsync($"/api/shipments/{certificate.Str("number")}")).StatusCode);
        Assert.Contains((await operatorBw.GetJson("/api/shipments?direction=outgoing&pageSize=500")).GetProperty("items").EnumerateArray(), s => s.Str("certificateNumber") == certificate.Str("number"));
        // An officer of another participant does not see BW's applications either.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientFor("officer.za")).GetAsync($"/api/applications/{id}/review")).StatusCode);
    }

    [Fact]
    public async Task Above_the_threshold_two_officers_approve_and_nobody_approves_their_own_application()
    {
        // BW's demo threshold is US$ 1,000,000: this application is worth more.
        var big = Applications.Valid() with { Lines = [new OpenKP.Web.Certificates.CertificateLineRequest("7102.10", 5000m, 1_500_000m)], Parcels = 3 };
        var officer = await app.ClientFor("officer.bw");
        var prepared = await officer.PostJson("/api/applications", big with { ExporterLicence = "BW-OP-001" }, HttpStatusCode.Created);
        var id = prepared.GetProperty("id").GetInt64();
        await officer.PostJson($"/api/applications/{id}/submit", new { }, HttpStatusCode.OK);
        Assert.True((await officer.GetJson($"/api/applications/{id}/review")).GetProperty("needsTwoApprovals").GetBoolean());
        var own = await officer.PostJson($"/api/applications/{id}/approve", new { }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["own-application"], own.Codes());

        var first = await (await app.ClientFor("officer2.bw")).PostJson($"/api/applications/{id}/approve", new { }, HttpStatusCode.OK);
        Assert.Equal("awaiting-second-approval", first.GetProperty("application").Str("status"));
        Assert.Equal(JsonValueKind.Null, first.GetProperty("certificate").ValueKind);
        var twice = await (await app.ClientFor("officer2.bw")).PostJson($"/api/applications/{id}/approve", new { }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["second-approver-required"], twice.Codes());
        // The preparer cannot be the second approver either.
        Assert.Equal(["own-application"], (await officer.PostJson($"/api/applications/{id}/approve", new { }, HttpStatusCode.UnprocessableEntity)).Codes());
        Assert.Equal("awaiting-second-approval", (await officer.GetJson($"/api/applications/{id}")).Str("status"));

        // An operator's application above the threshold: officer2 first, officer.bw second → issued.
        var operatorBw = await app.ClientFor("operator.bw");
        var byOperator = await operatorBw.PostJson("/api/applications", big, HttpStatusCode.Created);
        var second = byOperator.GetProperty("id").GetInt64();
        await operatorBw.PostJson($"/api/applications/{second}/submit", new { }, HttpStatusCode.OK);
        await (await app.ClientFor("officer2.bw")).PostJson($"/api/applications/{second}/approve", new { }, HttpStatusCode.OK);
        var issued = await officer.PostJson($"/api/applications/{second}/approve", new { }, HttpStatusCode.OK);
        Assert.Equal("issued", issued.GetProperty("application").Str("status"));
        Assert.Equal("officer2.bw", issued.GetProperty("application").Str("firstApprovedBy"));
        Assert.Equal("officer.bw", issued.GetProperty("application").Str("decidedBy"));
    }

    [Fact]
    public async Task Rejected_and_sent_back_applications_tell_the_operator_why_and_a_sent_back_one_can_be_changed_and_resubmitted()
    {
        var operatorBw = await app.ClientFor("operator.bw");
        var officer = await app.ClientFor("officer.bw");
        var a = (await operatorBw.PostJson("/api/applications", Applications.Valid(), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await operatorBw.PostJson($"/api/applications/{a}/submit", new { }, HttpStatusCode.OK);
        var sentBack = await officer.PostJson($"/api/applications/{a}/send-back", new DecisionRequest("Attach the valuation report", null), HttpStatusCode.OK);
        Assert.Equal("sent-back", sentBack.Str("status"));
        Assert.Equal("Attach the valuation report", (await operatorBw.GetJson($"/api/applications/{a}")).Str("decisionNote"));
        Assert.Equal("application-not-submitted", (await officer.PostJson($"/api/applications/{a}/approve", new { }, HttpStatusCode.Conflict)).Str("code"));

        var changed = await (await operatorBw.PutAsJsonAsync($"/api/applications/{a}", Applications.Valid() with { InvoiceReference = "INV-2026-0043" })).Json(HttpStatusCode.OK);
        Assert.Equal("INV-2026-0043", changed.Str("invoiceReference"));
        await operatorBw.PostJson($"/api/applications/{a}/submit", new { }, HttpStatusCode.OK);
        var rejected = await officer.PostJson($"/api/applications/{a}/reject", new DecisionRequest("Importer under investigation", null), HttpStatusCode.OK);
        Assert.Equal("rejected", rejected.Str("status"));
        Assert.Equal("application-not-editable", (await operatorBw.PostJson($"/api/applications/{a}/submit", new { }, HttpStatusCode.Conflict)).Str("code"));
        var stale = await operatorBw.PostJson("/api/applications", Applications.Valid(), HttpStatusCode.Created);
        var staleId = stale.GetProperty("id").GetInt64();
        await (await operatorBw.PutAsJsonAsync($"/api/applications/{staleId}", Applications.Valid())).Json(HttpStatusCode.OK);
        Assert.Equal("application-changed", (await operatorBw.PostJson($"/api/applications/{staleId}/submit", new { version = stale.GetProperty("version").GetGuid() }, HttpStatusCode.Conflict)).Str("code"));
    }

    [Fact]
    public async Task The_review_shows_every_rule_the_certificate_would_break()
    {
        var operatorBw = await app.ClientFor("operator.bw");
        var id = (await operatorBw.PostJson("/api/applications", Applications.Valid(importing: "CF") with { Importer = new("Sangha Diamants SARL", "Bangui", null) }, HttpStatusCode.Created))
            .GetProperty("id").GetInt64();
        await operatorBw.PostJson($"/api/applications/{id}/submit", new { }, HttpStatusCode.OK);
        var review = await (await app.ClientFor("officer.bw")).GetJson($"/api/applications/{id}/review");
        Assert.NotEmpty(review.GetProperty("violations").EnumerateArray());
        var refused = await (await app.ClientFor("officer.bw")).PostJson($"/api/applications/{id}/approve", new { }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(review.GetProperty("violations").EnumerateArray().Select(r => r.Str("code")), refused.Codes());
        Assert.Equal("submitted", (await operatorBw.GetJson($"/api/applications/{id}")).Str("status"));
    }

    [Fact]
    public async Task Attachments_are_checked_by_content_and_stored_by_hash()
    {
        var operatorBw = await app.ClientFor("operator.bw");
        var id = (await operatorBw.PostJson("/api/applications", Applications.Valid(), HttpStatusCode.Created)).GetProperty("id").GetInt64();

        async Task<HttpResponseMessage> Upload(byte[] bytes, string name, string kind = "invoice")
        {
            using var form = new MultipartFormDataContent { { new StringContent(kind), "kind" }, { new ByteArrayContent(bytes), "file", name } };
            return await operatorBw.PostAsync($"/api/applications/{id}/attachments", form);
        }

        var pdf = await (await Upload(Files.Pdf(), "invoice.pdf")).Json(HttpStatusCode.Created);
        Assert.Equal("application/pdf", pdf.Str("contentType"));
        var png = await (await Upload(Files.Png(), "valuation.png", "valuation-report")).Json(HttpStatusCode.Created);
        Assert.Equal("image/png", png.Str("contentType"));
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "files", png.Str("sha256")[..2], png.Str("sha256"))));

        var disguised = await (await Upload("MZ this is an executable"u8.ToArray(), "invoice.pdf")).Json(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("attachment-type-not-allowed", disguised.Str("code"));
        var fakePdf = await (await Upload("%PDF-1.7 not really"u8.ToArray(), "invoice.pdf")).Json(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("attachment-type-not-allowed", fakePdf.Str("code"));
        var tooBig = new byte[(10 * 1024 * 1024) + 1];
        Files.Png().CopyTo(tooBig, 0);
        Assert.Equal("attachment-too-large", (await (await Upload(tooBig, "huge.png")).Json(HttpStatusCode.UnprocessableEntity)).Str("code"));

        var download = await operatorBw.GetAsync($"/api/applications/{id}/attachments/{pdf.GetProperty("id").GetInt64()}");
        Assert.Equal(Files.Pdf(), await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientFor("operator.za")).GetAsync($"/api/applications/{id}/attachments/{pdf.GetProperty("id").GetInt64()}")).StatusCode);
        Assert.Equal(2, (await operatorBw.GetJson($"/api/applications/{id}")).GetProperty("attachments").GetArrayLength());
    }
}
