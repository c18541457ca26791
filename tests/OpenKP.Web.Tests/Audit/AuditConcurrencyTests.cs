using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Audit;

/// <summary>Concurrent writers never fork the audit chain (SQLite serialises writers; PostgreSQL takes an advisory lock).</summary>
public abstract class AuditConcurrencyTests(OpenKpApp app)
{
    protected virtual void Require()
    {
    }

    [Fact]
    public async Task Concurrent_changes_keep_one_unbroken_chain()
    {
        Require();
        var officer = await app.ClientFor("officer.bw");
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => officer.PostAsJsonAsync("/api/participants/BW/operators", new
        {
            companyName = $"Parallel Rough {i}",
            address = "x",
            licenceNumber = $"BW-PAR-{i}",
            isExporter = true,
            isImporter = true,
            validFrom = "2026-01-01",
        })));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));

        var secretariat = await app.ClientFor("secretariat");
        var verdict = await secretariat.GetJson("/api/audit/verify");
        Assert.True(verdict.GetProperty("intact").GetBoolean(), verdict.ToString());
        var ids = await app.WithDb(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
        Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => (long)i), ids);
    }
}

public sealed class AuditConcurrencyOnTheSuiteDatabase(OpenKpApp app) : AuditConcurrencyTests(app), IClassFixture<OpenKpApp>;

/// <summary>Always also on PostgreSQL when it is reachable (skipped with the reason, or failed under OPENKP_REQUIRE_ALL=1).</summary>
public sealed class AuditConcurrencyOnPostgres(PostgresApp app) : AuditConcurrencyTests(app), IClassFixture<PostgresApp>
{
    protected override void Require() => TestEnvironment.RequirePostgres();
}
