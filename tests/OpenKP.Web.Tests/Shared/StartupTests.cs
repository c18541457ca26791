using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenKP.Data;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Shared;

/// <summary>Start-up modes: reference data always, demo data only in demo mode, and never demo passwords in production.</summary>
public sealed class StartupTests
{
    private sealed class ProductionApp(bool demo, string? database = null) : WebApplicationFactory<Program>
    {
        public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "openkp-tests", Guid.NewGuid().ToString("N"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("OpenKP:DataDirectory", DataDirectory);
            builder.UseSetting("OpenKP:Demo", demo ? "true" : "false");
            if (database is not null)
            {
                builder.UseSetting("OpenKP:Database", database);
                builder.UseSetting("ConnectionStrings:OpenKP", "");
            }
        }
    }

    [Fact]
    public async Task Demo_mode_refuses_to_start_outside_development()
    {
        await using var app = new ProductionApp(demo: true);
        var error = Assert.Throws<InvalidOperationException>(() => app.Server);
        Assert.Contains("openkp-demo", error.Message);
    }

    [Fact]
    public async Task PostgreSQL_without_a_connection_string_refuses_to_start_with_a_clear_message()
    {
        await using var app = new ProductionApp(demo: false, database: "Postgres");
        var error = Assert.Throws<InvalidOperationException>(() => app.Server);
        Assert.Contains("ConnectionStrings__OpenKP", error.Message);
    }

    [Fact]
    public async Task Outside_demo_mode_the_first_start_loads_reference_data_and_no_demo_account()
    {
        await using var app = new ProductionApp(demo: false);
        var client = app.CreateClient();
        var cf = await client.GetJson("/api/participants/CF/status?on=2014-01-01");
        Assert.Equal("suspended", cf.Str("status"));
        var token = await client.PostJson("/api/auth/token", new { userName = "secretariat", password = OpenKpApp.DemoPassword }, HttpStatusCode.Unauthorized);
        Assert.Equal("invalid-credentials", token.Str("code"));
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "openkp.db")), "the SQLite database lives in the data directory");
    }

    [Fact]
    public async Task A_restart_keeps_what_was_recorded_and_does_not_reload_reference_data()
    {
        var dir = Path.Combine(Path.GetTempPath(), "openkp-tests", Guid.NewGuid().ToString("N"));
        async Task<int> EventCount()
        {
            await using var app = new DataDirApp(dir);
            await using var scope = app.Services.CreateAsyncScope();
            var db = (OpenKpDb)scope.ServiceProvider.GetService(typeof(OpenKpDb))!;
            return await db.StatusEvents.CountAsync();
        }

        var first = await EventCount();
        var second = await EventCount();
        Assert.True(first > 60);
        Assert.Equal(first, second);
    }

    private sealed class DataDirApp(string dir) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("OpenKP:DataDirectory", dir);
            builder.UseSetting("OpenKP:Demo", "false");
        }
    }
}
