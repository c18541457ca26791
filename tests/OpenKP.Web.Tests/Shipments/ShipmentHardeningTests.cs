using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OpenKP.Web.Shipments;
using OpenKP.Web.Tests.Infrastructure;
using SkiaSharp;

namespace OpenKP.Web.Tests.Shipments;

/// <summary>The shipments loop under pressure: four eyes that cannot be bypassed, bad bodies and values, races, dates of receipt.</summary>
public sealed class ShipmentHardeningTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private async Task<JsonElement> IssuedThroughApplication()
    {
        var operatorBw = await app.ClientFor("operator.bw");
        var id = (await operatorBw.PostJson("/api/applications", Applications.Valid(), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await operatorBw.PostJson($"/api/applications/{id}/submit", new { }, HttpStatusCode.OK);
        return (await (await app.ClientFor("officer.bw")).PostJson($"/api/applications/{id}/approve", new { }, HttpStatusCode.OK)).GetProperty("certificate");
    }

    [Fact]
    public async Task An_officer_cannot_rewrite_an_operators_application_so_four_eyes_stay_four()
    {
        var operatorBw = await app.ClientFor("operator.bw");
        var officer = await app.ClientFor("officer.bw");
        var id = (await operatorBw.PostJson("/api/applications", Applications.Valid(), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await operatorBw.PostJson($"/api/applications/{id}/submit", new { }, HttpStatusCode.OK);
        await officer.PostJson($"/api/applications/{id}/send-back", new DecisionRequest("fix it", null), HttpStatusCode.OK);

        var rewritten = Applications.Valid() with { InvoiceReference = "INV-OFFICER", Lines = [new("7102.10", 1644.85m, 999.99m)], Parcels = 3 };
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PutAsJsonAsync($"/api/applications/{id}", rewritten)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsJsonAsync($"/api/applications/{id}/submit", new { })).StatusCode);
        Assert.Equal("INV-2026-0042", (await operatorBw.GetJson($"/api/applications/{id}")).Str("invoiceReference"));
        // The officer's own drafts are its to change, and listed to it; operators' drafts are not.
        var own = (await officer.PostJson("/api/applications", Applications.Valid(exporterLicence: "BW-OP-001"), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await (await officer.PutAsJsonAsync($"/api/applications/{own}", Applications.Valid(exporterLicence: "BW-OP-001") with { InvoiceReference = "INV-7" })).Json(HttpStatusCode.OK);
        var listed = (await officer.GetJson("/api/applications?status=draft&pageSize=500")).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).ToList();
        Assert.Contains(own, listed);
        var operatorDraft = (await operatorBw.PostJson("/api/applications", Applications.Valid(), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        Assert.DoesNotContain(operatorDraft, (await officer.GetJson("/api/applications?status=draft&pageSize=500")).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task Only_the_secretariat_loosens_four_eyes_and_officers_may_tighten_them()
    {
        var officer = await app.ClientFor("officer.bw");
        var off = await (await officer.PutAsJsonAsync("/api/participants/BW/shipment-settings", new ShipmentSettingsRequest(null, 30, 0.5m, 5m, null))).Json(HttpStatusCode.Forbidden);
        Assert.Equal("four-eyes-loosening", off.Str("code"));
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PutAsJsonAsync("/api/participants/BW/shipment-settings", new ShipmentSettingsRequest(2_000_000m, 30, 0.5m, 5m, null))).StatusCode);
        Assert.Equal(1_000_000m, (await officer.GetJson("/api/participants/BW/shipment-settings")).GetProperty("fourEyesThresholdUsd").GetDecimal());
        var tighter = await (await officer.PutAsJsonAsync("/api/participants/BW/shipment-settings", new ShipmentSettingsRequest(500_000m, 30, 0.5m, 5m, null))).Json(HttpStatusCode.OK);
        Assert.Equal(500_000m, tighter.GetProperty("fourEyesThresholdUsd").GetDecimal());
        var restored = await (await (await app.ClientFor("secretariat")).PutAsJsonAsync("/api/participants/BW/shipment-settings", new ShipmentSettingsRequest(1_000_000m, 30, 0.5m, 5m, null))).Json(HttpStatusCode.OK);
        Assert.Equal(1_000_000m, restored.GetProperty("fourEyesThresholdUsd").GetDecimal());
        // A participant without a threshold may start one.
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientFor("officer.za")).PutAsJsonAsync("/api/participants/ZA/shipment-settings", new ShipmentSettingsRequest(750_000m, 30, 0.5m, 5m, null))).StatusCode);
    }

    [Fact]
    public async Task A_huge_four_eyes_threshold_is_a_clear_400()
    {
        var officer = await app.ClientFor("officer.za");
        var response = await officer.PutAsJsonAsync("/api/participants/ZA/shipment-settings", new { fourEyesThresholdUsd = 1e20m, overdueAfterDays = 30, weightTolerancePercent = 0.5m, valueTolerancePercent = 5m });
        Assert.Equal("fourEyesThresholdUsd", (await response.Json(HttpStatusCode.BadRequest)).GetProperty("violations")[0].Str("field"));
    }

    [Fact]
    public async Task Malformed_bodies_on_notes_and_attachments_are_400s()
    {
        var certificate = await IssuedThroughApplication();
        var customsAe = await app.ClientFor("customs.ae");
        var caseId = (await customsAe.PostJson("/api/arrivals", Applications.Matching(certificate.Str("qr")) with { SealIntact = false }, HttpStatusCode.Created)).GetProperty("caseId").GetInt64();

        var badJson = await customsAe.PostAsync($"/api/cases/{caseId}/notes", new StringContent("{\"text\": ", Encoding.UTF8, "application/json"));
        var plain = await customsAe.PostAsync($"/api/cases/{caseId}/notes", new StringContent("just text", Encoding.UTF8, "text/plain"));
        var operatorBw = await app.ClientFor("operator.bw");
        var id = (await operatorBw.PostJson("/api/applications", Applications.Valid(), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var noBoundary = new ByteArrayContent("--x\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\ninvoice\r\n--x--\r\n"u8.ToArray());
        noBoundary.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");
        var multipart = await operatorBw.PostAsync($"/api/applications/{id}/attachments", noBoundary);

        Assert.Equal(
            [HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest],
            [badJson.StatusCode, plain.StatusCode is HttpStatusCode.UnsupportedMediaType ? HttpStatusCode.BadRequest : plain.StatusCode, multipart.StatusCode]);
    }

    [Fact]
    public async Task The_same_new_file_uploaded_at_once_to_many_applications_is_stored_once()
    {
        var operatorBw = await app.ClientFor("operator.bw");
        var ids = new List<long>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add((await operatorBw.PostJson("/api/applications", Applications.Valid(), HttpStatusCode.Created)).GetProperty("id").GetInt64());
        }

        using var bitmap = new SKBitmap(5, 7);
        bitmap.Erase(new SKColor((byte)Random.Shared.Next(256), (byte)Random.Shared.Next(256), (byte)Random.Shared.Next(256)));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        var png = data.ToArray();
        var statuses = await Task.WhenAll(ids.Select(async id =>
        {
            using var form = new MultipartFormDataContent { { new StringContent("invoice"), "kind" }, { new ByteArrayContent(png), "file", "same.png" } };
            return (await operatorBw.PostAsync($"/api/applications/{id}/attachments", form)).StatusCode;
        }));
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s));
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png));
        Assert.Equal(1, await app.WithDb(db => Task.FromResult(db.StoredFiles.Count(f => f.Sha256 == hash))));
        Assert.Equal(8, await app.WithDb(db => Task.FromResult(db.ApplicationAttachments.Count(a => a.Sha256 == hash))));
    }

    [Fact]
    public async Task A_date_of_receipt_before_issue_or_in_the_future_is_refused()
    {
        var before = await IssuedThroughApplication();
        var after = await IssuedThroughApplication();
        var customsAe = await app.ClientFor("customs.ae");
        var past = await customsAe.PostAsJsonAsync("/api/arrivals", Applications.Matching(before.Str("qr")) with { ReceivedOn = "2001-01-01" });
        var future = await customsAe.PostAsJsonAsync("/api/arrivals", Applications.Matching(after.Str("qr")) with { ReceivedOn = "2099-12-31" });
        Assert.Equal("received-on-out-of-range", (await past.Json(HttpStatusCode.UnprocessableEntity)).Str("code"));
        Assert.Equal("received-on-out-of-range", (await future.Json(HttpStatusCode.UnprocessableEntity)).Str("code"));
        Assert.Equal(0, await app.WithDb(db => Task.FromResult(db.ArrivalChecks.Count(a => a.CertificateNumber == before.Str("number") || a.CertificateNumber == after.Str("number")))));
    }

    [Fact]
    public async Task Concurrent_arrivals_and_resolutions_have_one_winner_and_clear_conflicts()
    {
        var certificate = await IssuedThroughApplication();
        var customsAe = await app.ClientFor("customs.ae");
        var arrivals = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => customsAe.PostAsJsonAsync("/api/arrivals", Applications.Matching(certificate.Str("qr")) with { SealIntact = false })));
        var codes = arrivals.Select(r => r.StatusCode).ToList();
        Assert.Single(codes, HttpStatusCode.Created);
        Assert.All(codes.Where(c => c != HttpStatusCode.Created), c => Assert.Equal(HttpStatusCode.Conflict, c));

        var caseId = (await arrivals.Single(r => r.StatusCode == HttpStatusCode.Created).Json(HttpStatusCode.Created)).GetProperty("caseId").GetInt64();
        var officerAe = await app.ClientFor("officer.ae");
        var resolutions = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? officerAe : customsAe)
            .PostAsJsonAsync($"/api/cases/{caseId}/resolve", new ResolveCaseRequest("released", "ok", null))));
        var r = resolutions.Select(x => x.StatusCode).ToList();
        Assert.Single(r, HttpStatusCode.OK);
        Assert.All(r.Where(c => c != HttpStatusCode.OK), c => Assert.Equal(HttpStatusCode.Conflict, c));
    }

    [Fact]
    public async Task Concurrent_approvals_departures_and_rejections_never_fail_with_a_server_error()
    {
        var operatorBw = await app.ClientFor("operator.bw");
        var officer = await app.ClientFor("officer.bw");
        var officer2 = await app.ClientFor("officer2.bw");
        var ids = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            var id = (await operatorBw.PostJson("/api/applications", Applications.Valid(), HttpStatusCode.Created)).GetProperty("id").GetInt64();
            await operatorBw.PostJson($"/api/applications/{id}/submit", new { }, HttpStatusCode.OK);
            ids.Add(id);
        }

        var all = await Task.WhenAll(ids.SelectMany(id => new[]
        {
            officer.PostAsJsonAsync($"/api/applications/{id}/approve", new { }),
            officer2.PostAsJsonAsync($"/api/applications/{id}/approve", new { }),
            officer2.PostAsJsonAsync($"/api/applications/{id}/reject", new DecisionRequest("no", null)),
        }));
        Assert.DoesNotContain(all, x => (int)x.StatusCode >= 500);
        var numbers = await app.WithDb(db => Task.FromResult(db.ExportApplications.Where(a => ids.Contains(a.Id) && a.CertificateNumber != null).Select(a => a.CertificateNumber!).ToList()));
        var customsBw = await app.ClientFor("customs.bw");
        var departures = await Task.WhenAll(numbers.SelectMany(n => Enumerable.Range(0, 3).Select(_ =>
            customsBw.PostAsJsonAsync($"/api/shipments/{n}/departure", new DepartureRequest(["SEAL-0001", "SEAL-0002"], null, null)))));
        Assert.DoesNotContain(departures, x => (int)x.StatusCode >= 500);
    }

    [Fact]
    public async Task The_secretariat_reads_a_case_but_adding_a_note_is_refused()
    {
        var certificate = await IssuedThroughApplication();
        var caseId = (await (await app.ClientFor("customs.ae")).PostJson("/api/arrivals", Applications.Matching(certificate.Str("qr")) with { Parcels = 2 }, HttpStatusCode.Created)).GetProperty("caseId").GetInt64();
        var secretariat = await app.ClientFor("secretariat");
        await secretariat.GetJson($"/api/cases/{caseId}");
        var response = await secretariat.PostAsJsonAsync($"/api/cases/{caseId}/notes", new CaseNoteRequest("hello"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Companies_see_what_customs_found_but_not_customs_notes()
    {
        var certificate = await IssuedThroughApplication();
        await (await app.ClientFor("customs.ae")).PostJson("/api/arrivals", Applications.Matching(certificate.Str("qr")) with { Notes = "Informant says: check the Antwerp leg" }, HttpStatusCode.Created);
        var byOperator = await (await app.ClientFor("operator.bw")).GetJson($"/api/shipments/{certificate.Str("number")}");
        var check = Assert.Single(byOperator.GetProperty("arrivals").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, check.GetProperty("notes").ValueKind);
        Assert.Equal("customs", check.Str("checkedBy"));
        var byOfficer = await (await app.ClientFor("officer.bw")).GetJson($"/api/shipments/{certificate.Str("number")}");
        Assert.Equal("customs.ae", Assert.Single(byOfficer.GetProperty("arrivals").EnumerateArray()).Str("checkedBy"));
    }
}
