using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using OpenKP.Certificates;
using OpenKP.Statistics.Synthetic;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Statistics;

/// <summary>The demo's first start with the synthetic statistics switched on, as <c>dotnet run</c> has it (off elsewhere in the suite, to start fast).</summary>
public sealed class StatisticsDemoApp : OpenKpApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("OpenKP:Demo:SyntheticData:Enabled", "true");
    }
}

public sealed class StatisticsDemoTests(StatisticsDemoApp app) : IClassFixture<StatisticsDemoApp>
{
    [Fact]
    public async Task The_first_start_holds_several_complete_past_years_beside_the_real_demo_certificates_and_shipments()
    {
        if (app.Provider == OpenKP.Data.DatabaseProvider.Postgres)
        {
            TestEnvironment.RequirePostgres();
        }

        var ct = TestContext.Current.CancellationToken;
        var (years, returns, signed, confirmedDemo) = await app.WithDb(async db => (
            await db.Certificates.Where(c => c.KeyId == SyntheticDataGenerator.KeyId).GroupBy(c => c.IssuedOn.Year).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct),
            await db.ProductionReturns.GroupBy(r => r.Year).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct),
            await db.Certificates.CountAsync(c => c.KeyId != SyntheticDataGenerator.KeyId && c.Status == CertificateStatus.Issued, ct),
            await db.ImportConfirmations.CountAsync(i => i.KeyId != SyntheticDataGenerator.KeyId, ct)));

        // 2021–2024 in full (on 2026-01-15 some returns for 2025's second half are not yet due or in).
        foreach (var year in Enumerable.Range(2021, 4))
        {
            Assert.InRange(years.Single(y => y.Key == year).Count, 500, 1000);
            Assert.InRange(returns.Single(r => r.Key == year).Count, 30, 40);
        }

        // The secretariat's demo work is done on them: published, anomalies detected, footprints computed.
        var (vintages, anomalies, footprints) = await app.WithDb(async db => (
            await db.StatisticsVintages.Select(v => v.Year).OrderBy(y => y).ToListAsync(ct),
            await db.Set<OpenKP.Statistics.Anomaly>().CountAsync(ct),
            await db.Set<OpenKP.Statistics.Footprint>().CountAsync(ct)));
        Assert.Subset(vintages.ToHashSet(), Enumerable.Range(2021, 4).ToHashSet());
        Assert.True(anomalies > 0);
        Assert.True(footprints > 0);
        var page = await (await app.ClientFor(null)).GetStringAsync("/statistics/2024", ct);
        Assert.Contains("Botswana", page, StringComparison.Ordinal);

        // The real demo still ran first: its signed certificates and the EU's confirmation of South Africa's shipment.
        Assert.True(signed >= 4);
        Assert.Equal(1, confirmedDemo);
    }
}
