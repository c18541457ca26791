using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;
using OpenKP.Cli;
using OpenKP.Cli.Shared;
using OpenKP.Shared;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Cli;

/// <summary>What one <c>openkp</c> run printed and exited with.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public JsonElement Json => JsonDocument.Parse(Out).RootElement;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>
/// Runs <c>openkp</c> in-process as a user would, with captured output, a fixed clock and its own
/// environment. Local mode uses the app's own database; remote mode talks to the app over its test server.
/// </summary>
internal static class CliHarness
{
    public static async Task<CliResult> RunAsync(
        IEnumerable<string> args, OpenKpApp? server = null, IReadOnlyDictionary<string, string>? environment = null, Func<byte[], Outcome<string>>? readQrImage = null,
        Func<Uri, HttpClient>? httpClientFactory = null)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new CliContext(
            stdout,
            stderr,
            IsTerminal: false,
            HttpClientFactory: httpClientFactory ?? (uri => server?.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = uri, AllowAutoRedirect = false })
                ?? throw new InvalidOperationException("This run has no test server for --server.")),
            Clock: new FakeTimeProvider(OpenKpApp.Today),
            Environment: name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
            PromptPassword: null);
        if (readQrImage is not null)
        {
            context = context with { ReadQrImage = readQrImage };
        }

        var exit = await OpenKpCli.RunAsync([.. args], context, TestContext.Current.CancellationToken);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Local mode on the database <paramref name="app"/> runs on (SQLite or PostgreSQL, as the suite).</summary>
    public static Task<CliResult> LocalAsync(OpenKpApp app, params string[] args)
        => RunAsync([.. args, "--database", app.Provider.ToString().ToLowerInvariant(), "--connection", app.Database.ConnectionString]);

    /// <summary>Remote mode against <paramref name="app"/>'s HTTP API.</summary>
    public static Task<CliResult> RemoteAsync(OpenKpApp app, IReadOnlyDictionary<string, string>? environment, params string[] args)
        => RunAsync([.. args, "--server", "http://localhost/"], app, environment);
}
