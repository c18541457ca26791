using Microsoft.EntityFrameworkCore;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Cli;

/// <summary><c>openkp audit verify</c>: exit 0 when the chain holds, 3 naming the first changed row.</summary>
public sealed class AuditCommandTests
{
    private static readonly Dictionary<string, string> SecretariatPassword = new() { ["OPENKP_PASSWORD"] = OpenKpApp.DemoPassword };

    [Fact]
    public async Task A_changed_audit_row_is_detected_locally_and_through_the_server()
    {
        await using var app = new OpenKpApp();
        await app.InitializeAsync();

        var intact = await CliHarness.LocalAsync(app, "audit", "verify");
        Assert.Equal(0, intact.ExitCode);
        Assert.Contains("INTACT", intact.Out, StringComparison.Ordinal);

        var victim = await app.WithDb(db => db.AuditEntries.OrderBy(a => a.Id).Skip(25).Select(a => a.Id).FirstAsync());
        await app.WithDb(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE audit_entries SET \"After\" = '{{}}' WHERE \"Id\" = {victim}"));

        var local = await CliHarness.LocalAsync(app, "audit", "verify");
        Assert.Equal(3, local.ExitCode);
        Assert.Contains($"breaks at row {victim}", local.Out, StringComparison.Ordinal);

        var remote = await CliHarness.RemoteAsync(app, SecretariatPassword, "audit", "verify", "--user", "secretariat", "--json");
        Assert.Equal(3, remote.ExitCode);
        Assert.Equal(victim, remote.Json.GetProperty("firstBrokenId").GetInt64());
    }

    [Fact]
    public async Task Verifying_through_a_server_needs_a_secretariat_account()
    {
        await using var app = new OpenKpApp();
        await app.InitializeAsync();

        var anonymous = await CliHarness.RemoteAsync(app, null, "audit", "verify");
        Assert.Equal(1, anonymous.ExitCode);
        Assert.Contains("(HTTP 401)", anonymous.Error, StringComparison.Ordinal);
        Assert.Contains("--token", anonymous.Error, StringComparison.Ordinal);

        var officer = await CliHarness.RemoteAsync(app, SecretariatPassword, "audit", "verify", "--user", "officer.bw");
        Assert.Equal(1, officer.ExitCode);
        Assert.Contains("(HTTP 403)", officer.Error, StringComparison.Ordinal);

        var wrongPassword = await CliHarness.RemoteAsync(app, new Dictionary<string, string> { ["OPENKP_PASSWORD"] = "guess" }, "audit", "verify", "--user", "secretariat");
        Assert.Equal(1, wrongPassword.ExitCode);
        Assert.Contains("(HTTP 401)", wrongPassword.Error, StringComparison.Ordinal);

        var token = await CliHarness.RemoteAsync(app, new Dictionary<string, string> { ["OPENKP_TOKEN"] = await TokenFor(app, "secretariat") }, "audit", "verify");
        Assert.Equal(0, token.ExitCode);
    }

    [Fact]
    public async Task A_password_is_never_taken_from_the_command_line_or_without_a_terminal()
    {
        var onCommandLine = await CliHarness.RunAsync(["audit", "verify", "--server", "http://localhost/", "--user", "secretariat", "--password", "openkp-demo"]);
        Assert.Equal(1, onCommandLine.ExitCode);
        Assert.Contains("error: password-on-command-line:", onCommandLine.Error, StringComparison.Ordinal);

        await using var app = new OpenKpApp();
        await app.InitializeAsync();
        var noPassword = await CliHarness.RemoteAsync(app, null, "audit", "verify", "--user", "secretariat");
        Assert.Equal(1, noPassword.ExitCode);
        Assert.Contains("error: password-required:", noPassword.Error, StringComparison.Ordinal);
    }

    private static async Task<string> TokenFor(OpenKpApp app, string user)
    {
        var client = await app.ClientFor(user);
        return client.DefaultRequestHeaders.Authorization!.Parameter!;
    }
}
