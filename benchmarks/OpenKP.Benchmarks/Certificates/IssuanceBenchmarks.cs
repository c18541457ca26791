using System.Net.Http.Headers;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace OpenKP.Benchmarks.Certificates;

/// <summary>
/// Issuance throughput through the HTTP API: the real app on Kestrel (loopback), SQLite in a fresh
/// data directory, demo data, a bearer token; <see cref="Clients"/> concurrent clients each post
/// certificates — rules, the number sequence, ES256 signing, the certificate, its lines and audit
/// rows in one transaction, for 2, 4 and 8 concurrent clients. The baseline is the same clients hitting <c>GET /health/live</c> (the
/// HTTP stack alone). Figures are per request; certificates per second = 1 / mean.
/// Goal: ≥ 500 certificates per second sustained.
/// </summary>
[Config(typeof(RatioConfig))]
#pragma warning disable CA1001 // BenchmarkDotNet disposes through [GlobalCleanup], not IDisposable
public class IssuanceBenchmarks
#pragma warning restore CA1001
{
    private const int Requests = 200;

    /// <summary>Concurrent clients, each posting its share of <see cref="Requests"/> one after another.</summary>
    [Params(2, 4, 8)]
    public int Clients { get; set; }

    private static readonly object Draft = new
    {
        importingParticipant = "AE",
        exporterLicence = "BW-OP-001",
        importer = new { name = "Gulf Rough Diamonds DMCC", address = "1 Diamond Street, Dubai", licence = "AE-OP-001" },
        origin = "BW",
        lines = new[]
        {
            new { hsCode = "7102.10", carats = 1250.50m, usd = 312625.00m },
            new { hsCode = "7102.21", carats = 310.25m, usd = 15512.50m },
            new { hsCode = "7102.31", carats = 84.10m, usd = 201840.00m },
        },
        parcels = 3,
        sealNumbers = new[] { "SEAL-0001", "SEAL-0002" },
    };

    private App _app = null!;
    private HttpClient _client = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _app = new App();
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        _client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { BaseAddress = new Uri(address) };
        var token = await (await _client.PostAsJsonAsync("/api/auth/token", new { userName = "officer.bw", password = "openkp-demo" }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<Token>();
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        (await _client.PostAsJsonAsync("/api/certificates", Draft)).EnsureSuccessStatusCode(); // the key is created on first use
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Requests, Description = "GET /health/live (HTTP stack alone)")]
    public Task Health() => Run(() => _client.GetAsync("/health/live"));

    [Benchmark(OperationsPerInvoke = Requests, Description = "POST /api/certificates (rules, number, signature, SQLite)")]
    public Task Issue() => Run(() => _client.PostAsJsonAsync("/api/certificates", Draft));

    private async Task Run(Func<Task<HttpResponseMessage>> send)
    {
        var perClient = Requests / Clients;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            for (var i = 0; i < perClient; i++)
            {
                using var response = await send();
                response.EnsureSuccessStatusCode();
            }
        }));
    }

    private sealed record Token(string AccessToken);

    /// <summary>The app as <c>dotnet run</c> starts it, in demo mode, with its own data directory and quiet logs.</summary>
    private sealed class App : WebApplicationFactory<Program>
    {
        private readonly string _data = Path.Combine(Path.GetTempPath(), "openkp-bench-" + Guid.NewGuid().ToString("N"));

        public App() => UseKestrel(0);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("OpenKP:DataDirectory", _data);
            builder.UseSetting("OpenKP:Demo", "true");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_data, recursive: true);
        }
    }
}
