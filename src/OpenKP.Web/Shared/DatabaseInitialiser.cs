using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Registry;
using OpenKP.Web.Accounts;

namespace OpenKP.Web.Shared;

/// <summary>Runs at start-up: migrations, reference data on first start, demo data and accounts in demo mode.</summary>
internal sealed class DatabaseInitialiser(
    OpenKpDb db,
    OpenKpEnvironment environment,
    DemoSeeder demo,
    OpenKP.Web.Certificates.CertificateDemo certificateDemo,
    OpenKP.Web.Shipments.ShipmentDemo shipmentDemo,
    TimeProvider clock,
    ILogger<DatabaseInitialiser> logger)
{
    public async Task InitialiseAsync(CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
        if (!db.IsPostgres)
        {
            // Readers never wait for the writer; a busy database waits instead of failing at once.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        if (!await db.Participants.AnyAsync(ct))
        {
            var outcome = await ReferenceDataLoader.LoadAsync(db, ReferenceFiles.Embedded(), clock.GetUtcNow().UtcDateTime, ct);
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException("The embedded reference data is invalid: " + string.Join("; ", outcome.Violations.Select(v => v.Message)));
            }

            logger.LogInformation("Loaded reference data: {Report}", outcome.Value);
        }

        await demo.EnsureRolesAsync(ct);
        if (environment.Demo)
        {
            await demo.SeedAsync(ct);
            await certificateDemo.SeedAsync(ct);
            await shipmentDemo.SeedAsync(ct);
        }
    }
}
