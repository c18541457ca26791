using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Audit;

/// <summary>Every change is in the hash-chained audit trail; tampering with a row is detected.</summary>
public sealed class AuditTrailTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    [Fact]
    public async Task A_change_is_recorded_with_who_role_participant_and_before_and_after()
    {
        var officer = await app.ClientFor("officer.bw");
        var created = await officer.PostJson("/api/participants/BW/operators", new
        {
            companyName = "Audited Rough Ltd",
            address = "a",
            licenceNumber = "BW-AU-1",
            isExporter = true,
            isImporter = false,
            validFrom = "2026-01-01",
        }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        await (await officer.PutAsync($"/api/participants/BW/operators/{id}", System.Net.Http.Json.JsonContent.Create(new
        {
            companyName = "Audited Rough Ltd",
            address = "b",
            licenceNumber = "BW-AU-1",
            isExporter = true,
            isImporter = false,
            validFrom = "2026-01-01",
            version = created.GetProperty("version").GetGuid(),
        }))).Json(HttpStatusCode.OK);

        var secretariat = await app.ClientFor("secretariat");
        var trail = await secretariat.GetJson($"/api/audit?entity=Operator&key={id}");
        var rows = trail.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["modified", "added"], rows.Select(r => r.Str("action")));
        var modified = rows[0];
        Assert.Equal("officer.bw", modified.Str("userName"));
        Assert.Equal("authority-officer", modified.Str("role"));
        Assert.Equal("BW", modified.Str("participant"));
        Assert.Contains("\"Address\":\"a\"", modified.Str("before"));
        Assert.Contains("\"Address\":\"b\"", modified.Str("after"));
    }

    [Fact]
    public async Task Passwords_never_reach_the_audit_trail()
    {
        var hashes = await app.WithDb(db => db.AuditEntries.Where(a => a.Entity == "OpenKpUser").Select(a => a.After).ToListAsync());
        Assert.NotEmpty(hashes);
        Assert.All(hashes, after => Assert.DoesNotContain("AQAAAA", after ?? string.Empty));
        Assert.All(hashes, after => Assert.Contains("\"PasswordHash\":\"[redacted]\"", after ?? string.Empty));
    }

    [Fact]
    public async Task Changing_an_audit_row_in_the_database_is_detected_and_the_row_named()
    {
        var secretariat = await app.ClientFor("secretariat");
        var intact = await secretariat.GetJson("/api/audit/verify");
        Assert.True(intact.GetProperty("intact").GetBoolean());
        Assert.True(intact.GetProperty("rowsChecked").GetInt64() > 100);

        var victim = await app.WithDb(db => db.AuditEntries.OrderBy(a => a.Id).Skip(40).Select(a => new { a.Id, a.UserName }).FirstAsync());
        await app.WithDb(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE audit_entries SET \"UserName\" = 'mallory' WHERE \"Id\" = {victim.Id}"));
        try
        {
            var broken = await secretariat.GetJson("/api/audit/verify");
            Assert.False(broken.GetProperty("intact").GetBoolean());
            Assert.Equal(victim.Id, broken.GetProperty("firstBrokenId").GetInt64());
        }
        finally
        {
            await app.WithDb(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE audit_entries SET \"UserName\" = {victim.UserName} WHERE \"Id\" = {victim.Id}"));
            Assert.True((await secretariat.GetJson("/api/audit/verify")).GetProperty("intact").GetBoolean());
        }
    }

    [Fact]
    public async Task Deleting_an_audit_row_breaks_the_chain_at_the_next_row()
    {
        await using var isolated = new OpenKpApp();
        await isolated.InitializeAsync();
        var ids = await isolated.WithDb(db => db.AuditEntries.OrderBy(a => a.Id).Skip(10).Take(2).Select(a => a.Id).ToListAsync());
        await isolated.WithDb(db => db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM audit_entries WHERE \"Id\" = {ids[0]}"));
        var secretariat = await isolated.ClientFor("secretariat");
        var broken = await secretariat.GetJson("/api/audit/verify");
        Assert.False(broken.GetProperty("intact").GetBoolean());
        Assert.Equal(ids[1], broken.GetProperty("firstBrokenId").GetInt64());
    }
}
