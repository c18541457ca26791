using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenKP.Data;

namespace OpenKP.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a real, fresh database (SQLite, or PostgreSQL with OPENKP_TEST_DATABASE=postgres),
/// in demo mode, with a fake clock set to <see cref="Today"/>. One per test class (IClassFixture).
/// </summary>
public class OpenKpApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset Today = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);
    public const string DemoPassword = "openkp-demo";

    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset IssuedAt)> _tokens = new();
    private TestDatabase? _database;
    private readonly bool _ownsData = true;

    public OpenKpApp()
        : this(TestEnvironment.UsePostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite)
    {
    }

    protected OpenKpApp(DatabaseProvider provider)
    {
        Provider = provider;
        DataDirectory = Path.Combine(Path.GetTempPath(), "openkp-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
    }

    /// <summary>
    /// The same data directory and database as <paramref name="previous"/>, as after a restart. This app owns
    /// them (deletes them when disposed) when <paramref name="previous"/> was set to <see cref="KeepDataOnDispose"/>.
    /// </summary>
    protected OpenKpApp(OpenKpApp previous)
    {
        Provider = previous.Provider;
        DataDirectory = previous.DataDirectory;
        _database = previous.Database;
        _ownsData = previous.KeepDataOnDispose;
    }

    /// <summary>This app stops owning its data directory and database: disposing it leaves them for the app that follows.</summary>
    public bool KeepDataOnDispose { get; set; }

    public DatabaseProvider Provider { get; }
    public string DataDirectory { get; }
    public FakeTimeProvider Clock { get; } = new(Today);
    public TestDatabase Database => _database ??= TestDatabase.Create(Provider, DataDirectory);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("OpenKP:DataDirectory", DataDirectory);
        builder.UseSetting("OpenKP:Demo", "true");
        builder.UseSetting("OpenKP:Database", Provider.ToString());
        builder.UseSetting("ConnectionStrings:OpenKP", Database.ConnectionString);
        // Tests run webhook and e-mail passes themselves (WebhookDispatcher.DispatchDueAsync, MailSender.SendDueAsync).
        builder.UseSetting("OpenKP:Webhooks:Enabled", "false");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // Demo accounts are hashed at start-up; the production work factor is not what tests measure.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
        });
    }

    public ValueTask InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres && TestEnvironment.PostgresUnavailableReason is not null)
        {
            // Each test calls TestEnvironment.RequirePostgres() and is skipped (or failed) with the reason.
            return ValueTask.CompletedTask;
        }

        _ = Server; // start the app: migrations, reference data, demo accounts
        return ValueTask.CompletedTask;
    }

    /// <summary>A client signed in as a demo account (bearer token), or anonymous for null.</summary>
    public async Task<HttpClient> ClientFor(string? userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (userName is null)
        {
            return client;
        }

        // Tokens live one hour on the fake clock: tests that move it on get a fresh one.
        var now = Clock.GetUtcNow();
        if (!_tokens.TryGetValue(userName, out var cached) || now - cached.IssuedAt >= TimeSpan.FromMinutes(30) || now < cached.IssuedAt)
        {
            cached = (await TokenFor(userName), now);
            _tokens[userName] = cached;
        }

        var token = cached.Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<string> TokenFor(string userName)
    {
        using var anonymous = CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName, password = DemoPassword });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        return body!.AccessToken;
    }

    /// <summary>Moves the fake clock; cached tokens are dropped, since bearer tokens expire on that clock.</summary>
    public void Advance(TimeSpan by)
    {
        Clock.Advance(by);
        _tokens.Clear();
    }

    public T Service<T>(Func<IServiceProvider, T> use)
    {
        using var scope = Services.CreateScope();
        return use(scope.ServiceProvider);
    }

    public async Task<T> WithDb<T>(Func<OpenKpDb, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<OpenKpDb>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_ownsData || KeepDataOnDispose)
        {
            GC.SuppressFinalize(this);
            return;
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection; the temp folder is cleaned by the OS.
        }

        GC.SuppressFinalize(this);
    }

    private sealed record TokenBody(string AccessToken, long ExpiresIn);
}

/// <summary>The same app forced onto PostgreSQL, for the few tests that must always also run there.</summary>
public sealed class PostgresApp() : OpenKpApp(DatabaseProvider.Postgres);
