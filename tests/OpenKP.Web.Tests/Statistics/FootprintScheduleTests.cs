using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Statistics;

/// <summary>The app with the footprint schedule switched on (it is off in tests otherwise): footprints are computed at start.</summary>
public sealed class FootprintScheduleTests(FootprintScheduleTests.ScheduledApp app) : IClassFixture<FootprintScheduleTests.ScheduledApp>
{
    public sealed class ScheduledApp : OpenKpApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("OpenKP:Statistics:Footprints:Schedule", "true");
        }
    }

    [Fact]
    public async Task With_the_schedule_on_footprints_are_computed_at_start_by_the_schedule()
    {
        for (var i = 0; i < 100 && !await app.WithDb(db => db.FootprintRuns.AnyAsync()); i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var run = await app.WithDb(db => db.FootprintRuns.AsNoTracking().SingleAsync());
        Assert.Equal("footprint-schedule", run.ComputedBy);
        Assert.Equal(new DateOnly(2026, 1, 15), run.To);
        Assert.Equal(new DateOnly(2021, 1, 16), run.From); // five years back, inclusive
        Assert.Equal(30, run.MinimumSample);
        Assert.True(run.Lines > 0, "the demo certificates are read");
        // The run is audited.
        var audit = await app.WithDb(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Entity == "FootprintRun"));
        Assert.Equal("footprints-2026-01-15T10:00:00Z", audit.EntityKey);
    }
}
