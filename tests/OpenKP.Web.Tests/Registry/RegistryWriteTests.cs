using System.Net;
using System.Net.Http.Json;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Registry;

/// <summary>The secretariat and authorities change the registry; rules judge the new state from its date.</summary>
public sealed class RegistryWriteTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    [Fact]
    public async Task A_suspension_scheduled_for_a_future_date_applies_from_that_date_only()
    {
        var secretariat = await app.ClientFor("secretariat");
        var recorded = await secretariat.PostJson("/api/participants/AO/status-events", new
        {
            effectiveOn = "2026-03-01",
            status = "suspended",
            note = "Suspended by written procedure pending a review mission.",
            decisionTitle = "Administrative decision on Angola",
            decisionDate = "2026-01-14",
            decisionReference = "AD/2026/07",
        }, HttpStatusCode.Created);
        Assert.True(recorded.GetProperty("scheduled").GetBoolean());
        Assert.Equal("secretariat", recorded.Str("enteredBy"));

        var anonymous = await app.ClientFor(null);
        Assert.Equal("active", (await anonymous.GetJson("/api/participants/AO/status?on=2026-02-28")).Str("status"));
        var after = await anonymous.GetJson("/api/participants/AO/status?on=2026-03-01");
        Assert.Equal("suspended", after.Str("status"));
        Assert.Equal("AD/2026/07", after.GetProperty("decision").Str("reference"));
        Assert.Equal(["exporter-suspended"], (await anonymous.GetJson("/api/trade-permission?exporter=AO&importer=AE&origin=AO&on=2026-03-02")).Codes());
    }

    [Fact]
    public async Task Special_measures_must_name_their_scope()
    {
        var secretariat = await app.ClientFor("secretariat");
        var problem = await secretariat.PostJson("/api/participants/ZA/status-events", new
        {
            effectiveOn = "2026-05-01",
            status = "special-measures",
            note = "n",
            decisionTitle = "AD",
        }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["status-scope-required"], problem.Codes());
    }

    [Fact]
    public async Task A_new_compliant_zone_opens_exports_from_it_on_its_date()
    {
        var secretariat = await app.ClientFor("secretariat");
        var anonymous = await app.ClientFor(null);
        Assert.Equal(["origin-zone-not-compliant"], (await anonymous.GetJson("/api/trade-permission?exporter=CF&importer=AE&origin=CF&zone=Bria&on=2017-06-01")).Codes());
        await secretariat.PostJson("/api/participants/CF/zones", new { name = "Bria", kind = "compliant-zone", from = "2017-05-01", endsOn = "2024-11-15" }, HttpStatusCode.Created);
        Assert.True((await anonymous.GetJson("/api/trade-permission?exporter=CF&importer=AE&origin=CF&zone=Bria&on=2017-06-01")).GetProperty("allowed").GetBoolean());
        var inverted = await secretariat.PostJson("/api/participants/CF/zones", new { name = "Ndélé", kind = "compliant-zone", from = "2018-01-01", endsOn = "2017-01-01" }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["zone-ends-before-start"], inverted.Codes());
    }

    [Fact]
    public async Task A_recorded_embargo_refuses_that_origin_while_it_lasts()
    {
        var secretariat = await app.ClientFor("secretariat");
        await secretariat.PostJson("/api/embargoes", new
        {
            origin = "GN",
            from = "2026-04-01",
            endsOn = "2026-10-01",
            governmentCertifiedExempt = false,
            note = "Test embargo",
            decisionTitle = "UNSC resolution 9999",
            decisionDate = "2026-03-20",
        }, HttpStatusCode.Created);
        var anonymous = await app.ClientFor(null);
        Assert.Equal(["origin-embargoed"], (await anonymous.GetJson("/api/trade-permission?exporter=EU&importer=AE&origin=GN&on=2026-05-01")).Codes());
        Assert.True((await anonymous.GetJson("/api/trade-permission?exporter=EU&importer=AE&origin=GN&on=2026-10-01")).GetProperty("allowed").GetBoolean());
        var inverted = await secretariat.PostJson("/api/embargoes", new { origin = "GN", from = "2026-04-01", endsOn = "2026-01-01", note = "x", decisionTitle = "x" }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["embargo-ends-before-start"], inverted.Codes());
    }

    [Fact]
    public async Task An_existing_participant_cannot_be_added_twice()
    {
        var secretariat = await app.ClientFor("secretariat");
        var problem = await secretariat.PostJson("/api/participants", new { code = "BW", nameEn = "Botswana", kind = "state", admittedOn = "2003-01-01" }, HttpStatusCode.Conflict);
        Assert.Equal("participant-exists", problem.Str("code"));
    }

    [Fact]
    public async Task Operator_licences_are_validated_with_every_violation_at_once()
    {
        var officer = await app.ClientFor("officer.bw");
        var problem = await officer.PostJson("/api/participants/BW/operators", new
        {
            companyName = "Both Wrong Ltd",
            address = "x",
            licenceNumber = "BW-OP-001",
            isExporter = false,
            isImporter = false,
            validFrom = "2026-01-01",
            validTo = "2025-01-01",
        }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["operator-needs-role", "operator-validity-inverted", "operator-licence-taken"], problem.Codes());
    }

    [Fact]
    public async Task A_stale_version_cannot_overwrite_someone_elses_change()
    {
        var officer = await app.ClientFor("officer.bw");
        var created = await officer.PostJson("/api/participants/BW/operators", new
        {
            companyName = "Concurrent Rough Ltd",
            address = "x",
            licenceNumber = "BW-CC-1",
            isExporter = true,
            isImporter = true,
            validFrom = "2026-01-01",
        }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        var version = created.GetProperty("version").GetGuid();
        var body = new { companyName = "Concurrent Rough Ltd", address = "y", licenceNumber = "BW-CC-1", isExporter = true, isImporter = true, validFrom = "2026-01-01", suspended = true, version };
        var first = await (await officer.PutAsJsonAsync($"/api/participants/BW/operators/{id}", body)).Json(HttpStatusCode.OK);
        Assert.True(first.GetProperty("suspended").GetBoolean());
        Assert.NotEqual(version, first.GetProperty("version").GetGuid());
        var stale = await (await officer.PutAsJsonAsync($"/api/participants/BW/operators/{id}", body)).Json(HttpStatusCode.Conflict);
        Assert.Equal("concurrency-conflict", stale.Str("code"));
        var missing = await (await officer.PutAsJsonAsync($"/api/participants/BW/operators/999999", body)).Json(HttpStatusCode.NotFound);
        Assert.Equal("operator-not-found", missing.Str("code"));
    }

    [Fact]
    public async Task An_officer_cannot_reach_another_participants_operator_through_its_own_route()
    {
        var za = await app.ClientFor("officer.za");
        var list = await (await app.ClientFor("secretariat")).GetJson("/api/participants/BW/operators");
        var bwOperator = list.GetProperty("items")[0];
        var response = await za.PutAsJsonAsync($"/api/participants/ZA/operators/{bwOperator.GetProperty("id").GetInt64()}", new
        {
            companyName = "Hijack",
            address = "x",
            licenceNumber = "X-1",
            isExporter = true,
            isImporter = true,
            validFrom = "2026-01-01",
            version = bwOperator.GetProperty("version").GetGuid(),
        });
        Assert.Equal("operator-not-found", (await response.Json(HttpStatusCode.NotFound)).Str("code"));
    }

    [Fact]
    public async Task Operators_are_paged_and_searchable()
    {
        var officer = await app.ClientFor("officer.bw");
        var page = await officer.GetJson("/api/participants/BW/operators?q=Kalahari&pageSize=1");
        Assert.Equal(1, page.GetProperty("pageSize").GetInt32());
        Assert.Equal("BW-OP-001", page.GetProperty("items")[0].Str("licenceNumber"));
    }
}
