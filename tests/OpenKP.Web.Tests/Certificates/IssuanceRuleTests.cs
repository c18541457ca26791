using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenKP.Certificates;
using OpenKP.Data;
using OpenKP.Registry;
using OpenKP.Web.Certificates;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Certificates;

/// <summary>Issuance through HTTP: every rule at once, the registry on the issue date, idempotency, replacement, and failure mid-issue.</summary>
public sealed class IssuanceRuleTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    [Fact]
    public async Task A_draft_breaking_many_rules_gets_every_violation_at_once()
    {
        var draft = Drafts.Valid() with
        {
            ExporterLicence = "BW-OP-999",
            Importer = new ImporterRequest("Gulf Rough Diamonds DMCC", "Dubai", null),
            Lines = [new("7102.39", 0m, 10.005m)],
            Parcels = 0,
            ExpiresOn = "2026-06-30",
        };
        var answer = await (await app.ClientFor("officer.bw")).PostJson("/api/certificates", draft, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(
            ["carats-invalid", "expiry-too-late", "exporter-not-licensed", "hs-code-invalid", "importer-licence-required", "parcels-invalid", "usd-invalid"],
            answer.Codes().Order());
        Assert.Contains(answer.GetProperty("violations").EnumerateArray(), v => v.Str("field") == "lines[0].hsCode");
    }

    [Fact]
    public async Task Malformed_fields_are_400_with_every_field_named()
    {
        var draft = Drafts.Valid() with { ImportingParticipant = "UAE", Origin = null, Lines = [new(null, null, 5m)], Parcels = null, ExpiresOn = "16/03/2026" };
        var answer = await (await app.ClientFor("officer.bw")).PostJson("/api/certificates", draft, HttpStatusCode.BadRequest);
        var fields = answer.GetProperty("violations").EnumerateArray().Select(v => v.Str("field")).ToList();
        Assert.Equal(["expiresOn", "importingParticipant", "lines[0].carats", "lines[0].hsCode", "origin", "parcels"], fields.Order());
    }

    [Fact]
    public async Task More_rules_each_with_its_code()
    {
        var officer = await app.ClientFor("officer.bw");
        async Task<string[]> Codes(IssueCertificateRequest d) => (await officer.PostJson("/api/certificates", d, HttpStatusCode.UnprocessableEntity)).Codes();
        Assert.Equal(["lines-required"], await Codes(Drafts.Valid() with { Lines = [] }));
        Assert.Equal(["expiry-not-after-issue"], await Codes(Drafts.Valid() with { ExpiresOn = "2026-01-15" }));
        Assert.Equal(["provenance-required"], await Codes(Drafts.Valid() with { Origin = "mixed" }));
        Assert.Equal(["importer-not-licensed"], await Codes(Drafts.Valid() with { Importer = new ImporterRequest("X", "Y", "AE-OP-404") }));
        Assert.Equal(["exporter-and-importer-same-participant"], await Codes(Drafts.Valid("BW")));
        Assert.Contains("importer-not-participant", await Codes(Drafts.Valid("KP")));

        var mixed = await officer.PostJson("/api/certificates", Drafts.Valid() with { Origin = "mixed", Provenance = "BW" }, HttpStatusCode.Created);
        Assert.Equal("mixed", mixed.Str("origin"));
    }

    [Fact]
    public async Task An_exporter_suspended_on_the_issue_date_cannot_issue()
    {
        var secretariat = await app.ClientFor("secretariat");
        await secretariat.PostJson("/api/participants/US/status-events", new
        {
            effectiveOn = "2026-01-15",
            status = "suspended",
            note = "Test suspension",
            decisionTitle = "AD test",
            decisionDate = "2026-01-10",
            decisionReference = "AD/2026/T",
        }, HttpStatusCode.Created);
        var draft = Drafts.Valid() with { ExporterLicence = "US-OP-001", Origin = "US" };
        var answer = await (await app.ClientFor("officer.us")).PostJson("/api/certificates", draft, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("exporter-suspended", answer.Codes());
    }

    [Fact]
    public async Task Diamonds_of_an_embargoed_origin_cannot_be_certified()
    {
        await (await app.ClientFor("secretariat")).PostJson("/api/embargoes", new
        {
            origin = "SL",
            from = "2026-01-01",
            governmentCertifiedExempt = false,
            note = "Test embargo",
            decisionTitle = "UNSC resolution (test)",
        }, HttpStatusCode.Created);
        var answer = await (await app.ClientFor("officer.bw")).PostJson("/api/certificates", Drafts.Valid(origin: "SL"), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("origin-embargoed", answer.Codes());
    }

    [Fact]
    public async Task An_idempotency_key_returns_the_same_certificate_and_refuses_another_body()
    {
        var officer = await app.ClientFor("officer.bw");
        async Task<HttpResponseMessage> Post(IssueCertificateRequest draft)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/certificates") { Content = JsonContent.Create(draft) };
            request.Headers.Add("Idempotency-Key", "issue-7f3c");
            return await officer.SendAsync(request);
        }

        var first = await (await Post(Drafts.Valid())).Json(HttpStatusCode.Created);
        var retry = await Post(Drafts.Valid());
        Assert.Equal(first.Str("number"), (await retry.Json(HttpStatusCode.Created)).Str("number"));
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        var other = await (await Post(Drafts.Valid() with { Parcels = 7 })).Json(HttpStatusCode.Conflict);
        Assert.Equal("idempotency-key-reused", other.Str("code"));
        Assert.Equal(1, await app.WithDb(db => db.Certificates.CountAsync(c => c.Number == first.Str("number"))));
    }

    private static readonly System.Text.Json.JsonSerializerOptions Indented = new(System.Text.Json.JsonSerializerOptions.Web) { WriteIndented = true };

    [Fact]
    public async Task A_retry_of_the_same_JSON_written_differently_is_the_same_request()
    {
        var officer = await app.ClientFor("officer.bw");
        var compact = System.Text.Json.JsonSerializer.Serialize(Drafts.Valid(), System.Text.Json.JsonSerializerOptions.Web);
        var indented = System.Text.Json.JsonSerializer.Serialize(Drafts.Valid(), Indented);
        async Task<HttpResponseMessage> Post(string body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/certificates") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", "reformatted-1");
            return await officer.SendAsync(request);
        }

        var first = await (await Post(compact)).Json(HttpStatusCode.Created);
        var retry = await Post(indented);
        Assert.Equal(first.Str("number"), (await retry.Json(HttpStatusCode.Created)).Str("number"));
    }

    [Fact]
    public async Task A_replacement_voids_the_original_and_names_it_or_leaves_it_untouched_when_refused()
    {
        var officer = await app.ClientFor("officer.bw");
        var original = await officer.PostJson("/api/certificates", Drafts.Valid(), HttpStatusCode.Created);
        var number = original.Str("number");

        var refused = await officer.PostJson($"/api/certificates/{number}/replace",
            new ReplaceCertificateRequest("Wrong parcels", Drafts.Valid() with { Parcels = 0 }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["parcels-invalid"], refused.Codes());
        Assert.Equal("issued", (await officer.GetJson($"/api/certificates/{number}")).Str("status"));

        var replacement = await officer.PostJson($"/api/certificates/{number}/replace",
            new ReplaceCertificateRequest("Wrong parcels", Drafts.Valid() with { Parcels = 4 }), HttpStatusCode.Created);
        Assert.Equal(number, replacement.Str("replaces"));
        var voided = await officer.GetJson($"/api/certificates/{number}");
        Assert.Equal("voided", voided.Str("status"));
        Assert.Equal(replacement.Str("number"), voided.Str("replacedBy"));

        var decoded = await (await app.ClientFor(null)).PostJson("/api/verify", new VerifyRequest(replacement.Str("qr")), HttpStatusCode.OK);
        Assert.Equal(number, decoded.GetProperty("certificate").Str("replaces"));

        var again = await officer.PostJson($"/api/certificates/{number}/replace", new ReplaceCertificateRequest("Again", Drafts.Valid()), HttpStatusCode.Conflict);
        Assert.Equal("certificate-already-replaced", again.Str("code"));
        var voidAgain = await officer.PostJson($"/api/certificates/{number}/void", new VoidCertificateRequest("Again", null), HttpStatusCode.Conflict);
        Assert.Equal("certificate-already-voided", voidAgain.Str("code"));
    }

    [Fact]
    public async Task Officers_list_and_search_their_own_certificates_issued_and_incoming()
    {
        var bw = await app.ClientFor("officer.bw");
        var issued = await bw.PostJson("/api/certificates", Drafts.Valid() with { Importer = new ImporterRequest("Searchable Importer FZE", "Dubai", "AE-OP-001") }, HttpStatusCode.Created);

        var found = await bw.GetJson("/api/certificates?q=searchable&direction=issued");
        Assert.Equal(issued.Str("number"), Assert.Single(found.GetProperty("items").EnumerateArray()).Str("number"));
        var incoming = await (await app.ClientFor("customs.ae")).GetJson("/api/certificates?direction=incoming&q=" + issued.Str("number"));
        Assert.Equal(1, incoming.GetProperty("total").GetInt32());
        var none = await (await app.ClientFor("officer.za")).GetJson("/api/certificates?q=" + issued.Str("number"));
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        var bad = await bw.GetJson("/api/certificates?direction=sideways&status=lost&from=2026-13-01", HttpStatusCode.BadRequest);
        Assert.Equal(["direction", "from", "status"], bad.GetProperty("violations").EnumerateArray().Select(v => v.Str("field")).Order());
    }

    [Fact]
    public async Task A_participant_without_an_authority_or_a_key_cannot_issue()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var issuer = scope.ServiceProvider.GetRequiredService<CertificateIssuer>();
        var draft = Drafts.Valid().Parse(new OpenKP.Shared.Input());
        var noAuthority = await issuer.IssueAsync(new IssuingOfficer("NA", "officer.na", CreateKeyOnFirstUse: true), draft, CancellationToken.None);
        Assert.Equal(["issuing-authority-missing"], noAuthority.Violations.Select(v => v.Code));

        var noKey = await issuer.IssueAsync(new IssuingOfficer("CN", "officer.cn", CreateKeyOnFirstUse: false), draft with { ExporterLicence = "CN-OP-001" }, CancellationToken.None);
        Assert.Equal(["signing-key-missing"], noKey.Violations.Select(v => v.Code));
    }

    [Fact]
    public async Task A_failure_after_the_number_is_taken_leaves_no_gap_and_no_certificate()
    {
        var officer = await app.ClientFor("officer.in");
        var draft = Drafts.Valid() with { ExporterLicence = "IN-OP-001", Origin = "BW" };
        var first = await officer.PostJson("/api/certificates", draft, HttpStatusCode.Created);

        // The certificate's INSERT fails once, after the sequence was bumped in the same transaction: a crash mid-request.
        var builder = new DbContextOptionsBuilder<OpenKpDb>();
        builder.UseOpenKpDatabase(app.Provider, app.Database.ConnectionString).AddInterceptors(new FailCertificateInsert());
        var options = builder.Options;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var db = new OpenKpDb(options, null, sp.GetRequiredService<TimeProvider>());
            var issuer = new CertificateIssuer(db, new ParticipantDirectory(db), new SigningKeyRing(db, sp.GetRequiredService<ISigningKeyVault>(), sp.GetRequiredService<TimeProvider>()), sp.GetRequiredService<TimeProvider>());
            await Assert.ThrowsAsync<DbUpdateException>(() => issuer.IssueAsync(new IssuingOfficer("IN", "officer.in", true), draft.Parse(new OpenKP.Shared.Input()), CancellationToken.None));
        }

        var second = await officer.PostJson("/api/certificates", draft, HttpStatusCode.Created);
        Assert.Equal(Sequence(first.Str("number")) + 1, Sequence(second.Str("number")));
        Assert.Equal(2, await app.WithDb(db => db.Certificates.CountAsync(c => c.IssuingParticipant == "IN")));
    }

    [Fact]
    public async Task Concurrent_replacements_of_one_certificate_give_one_replacement()
    {
        var officer = await app.ClientFor("officer.bw");
        var original = await officer.PostJson("/api/certificates", Drafts.Valid(), HttpStatusCode.Created);
        var number = original.Str("number");
        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            officer.PostAsJsonAsync($"/api/certificates/{number}/replace", new ReplaceCertificateRequest("Wrong parcels", Drafts.Valid() with { Parcels = 4 }))));
        Assert.Equal(1, attempts.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(attempts.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await app.WithDb(db => db.Certificates.CountAsync(c => c.Replaces == number)));
    }

    [Fact]
    public async Task Replacements_and_issuances_side_by_side_all_succeed()
    {
        var officer = await app.ClientFor("officer.eu");
        var draft = Drafts.Valid("AE") with { ExporterLicence = "EU-OP-001", Origin = "BW" };
        var originals = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            originals.Add((await officer.PostJson("/api/certificates", draft, HttpStatusCode.Created)).Str("number"));
        }

        var work = originals.Select(n => officer.PostAsJsonAsync($"/api/certificates/{n}/replace", new ReplaceCertificateRequest("Reissued", draft)))
            .Concat(Enumerable.Range(0, 4).Select(_ => officer.PostAsJsonAsync("/api/certificates", draft)));
        var answers = await Task.WhenAll(work);
        Assert.All(answers, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
    }

    [Fact]
    public async Task A_certificate_too_large_for_its_QR_is_refused_and_its_number_is_not_used()
    {
        var officer = await app.ClientFor("officer.ca");
        var draft = Drafts.Valid() with { ExporterLicence = "CA-OP-001", Origin = "CA" };
        var first = await officer.PostJson("/api/certificates", draft, HttpStatusCode.Created);
        var huge = draft with
        {
            Lines = [.. Enumerable.Range(0, 40).Select(i => new CertificateLineRequest("7102.31", 10.01m + i, 1000.01m + i))],
            SealNumbers = [.. Enumerable.Range(0, 40).Select(i => $"SEAL-{i:00000000}-{Guid.NewGuid():N}")],
        };
        var refused = await officer.PostJson("/api/certificates", huge, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["certificate-too-large"], refused.Codes());
        var next = await officer.PostJson("/api/certificates", draft, HttpStatusCode.Created);
        Assert.Equal(Sequence(first.Str("number")) + 1, Sequence(next.Str("number")));
    }

    [Fact]
    public async Task Numbers_not_yet_issued_cannot_be_reported_but_blank_form_serials_can()
    {
        var officer = await app.ClientFor("officer.za");
        var future = await officer.PostJson("/api/participants/ZA/reported-numbers",
            new ReportNumbersRequest(["ZA-2026-900000"], "lost", "Blank form lost"), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["number-not-issued"], future.Codes());
        await officer.PostJson("/api/participants/ZA/reported-numbers", new ReportNumbersRequest(["ZA 0012345"], "stolen", "Paper form"), HttpStatusCode.Created);

        var reports = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => officer.PostAsJsonAsync("/api/participants/ZA/reported-numbers",
            new ReportNumbersRequest(["ZA 0099999"], "stolen", "Same report twice"))));
        Assert.Equal(1, reports.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(reports.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode));
    }

    [Fact]
    public async Task Control_characters_are_refused_as_malformed()
    {
        var draft = Drafts.Valid() with { Importer = new ImporterRequest("Gulf\u0000Rough", "Dubai", "AE-OP-001") };
        var answer = await (await app.ClientFor("officer.bw")).PostJson("/api/certificates", draft, HttpStatusCode.BadRequest);
        Assert.Equal(["invalid-value"], answer.Codes());
    }

    [Fact]
    public async Task The_hub_key_cannot_be_revoked_through_the_keys_api()
    {
        var hub = await (await app.ClientFor(null)).GetStringAsync("/api/trust-list/hub-key");
        Assert.Contains("PUBLIC KEY", hub, StringComparison.Ordinal);
        var keys = await (await app.ClientFor(null)).GetJson("/api/keys?participant=KP");
        var id = keys.EnumerateArray().Single().Str("keyId");
        var answer = await (await app.ClientFor("secretariat")).PostJson($"/api/participants/KP/keys/{id}/revoke", new RevokeKeyRequest("test"), HttpStatusCode.Conflict);
        Assert.Equal("hub-key-not-revocable", answer.Str("code"));
    }

    [Fact]
    public async Task An_idempotency_key_left_in_flight_by_a_dead_request_is_taken_over()
    {
        // The same request as below, claimed ten minutes ago by a process that then died.
        var body = System.Text.Encoding.UTF8.GetBytes(System.Text.Json.Nodes.JsonNode.Parse(await JsonContent.Create(Drafts.Valid()).ReadAsByteArrayAsync())!.ToJsonString());
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([.. "POST /api/certificates\n"u8.ToArray(), .. body]));
        await app.WithDb(async db =>
        {
            db.IdempotencyRecords.Add(new OpenKP.Data.IdempotencyRecord
            {
                UserName = "officer.bw",
                Key = "abandoned-1",
                RequestHash = hash,
                CreatedAt = OpenKpApp.Today.UtcDateTime.AddMinutes(-10),
            });
            return await db.SaveChangesAsync();
        });
        var officer = await app.ClientFor("officer.bw");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/certificates") { Content = JsonContent.Create(Drafts.Valid()) };
        request.Headers.Add("Idempotency-Key", "abandoned-1");
        await (await officer.SendAsync(request)).Json(HttpStatusCode.Created);

        using var again = new HttpRequestMessage(HttpMethod.Post, "/api/certificates") { Content = JsonContent.Create(Drafts.Valid()) };
        again.Headers.Add("Idempotency-Key", "abandoned-1");
        Assert.Equal("true", (await officer.SendAsync(again)).Headers.GetValues("Idempotent-Replayed").Single());
    }

    private static int Sequence(string number) => int.Parse(number[^6..], System.Globalization.CultureInfo.InvariantCulture);

    private sealed class FailCertificateInsert : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
            => System.Text.RegularExpressions.Regex.IsMatch(command.CommandText, @"INSERT INTO ""?certificates""?\s*\(")
                ? throw new SimulatedCrash()
                : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    private sealed class SimulatedCrash() : DbException("Simulated crash while storing the certificate");
}
