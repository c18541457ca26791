using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Cli;

/// <summary><c>openkp keys list | rotate | revoke</c>: rotation and revocation through the server only, for the participant's officers.</summary>
public sealed class KeyCommandTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static readonly Dictionary<string, string> Password = new() { ["OPENKP_PASSWORD"] = OpenKpApp.DemoPassword };

    [Fact]
    public async Task An_officer_rotates_and_revokes_its_keys_and_everyone_sees_the_public_halves()
    {
        var first = await CliHarness.RemoteAsync(app, Password, "keys", "rotate", "--participant", "AO", "--user", "officer.ao", "--json");
        Assert.True(first.ExitCode == 0, first.ToString());
        var firstId = first.Json[0].GetProperty("keyId").GetString()!;
        var second = await CliHarness.RemoteAsync(app, Password, "keys", "rotate", "--participant", "AO", "--user", "officer.ao", "--json");
        var secondId = second.Json[0].GetProperty("keyId").GetString()!;

        var revoked = await CliHarness.RemoteAsync(app, Password, "keys", "revoke", secondId, "--participant", "AO", "--reason", "HSM migration test", "--user", "officer.ao");
        Assert.True(revoked.ExitCode == 0, revoked.ToString());
        Assert.Contains("revoked", revoked.Out, StringComparison.Ordinal);

        var local = await CliHarness.LocalAsync(app, "keys", "list", "--participant", "AO");
        Assert.Equal(0, local.ExitCode);
        Assert.Contains(firstId, local.Out, StringComparison.Ordinal);
        Assert.Contains("retired", local.Out, StringComparison.Ordinal);
        Assert.Contains("HSM migration test", local.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE", local.Out, StringComparison.Ordinal);

        var remoteJson = await CliHarness.RemoteAsync(app, null, "keys", "list", "--participant", "AO", "--json");
        var localJson = await CliHarness.LocalAsync(app, "keys", "list", "--participant", "AO", "--json");
        Assert.Equal(remoteJson.Out, localJson.Out);
    }

    [Fact]
    public async Task Rotation_needs_the_server_and_the_participants_own_officer()
    {
        var local = await CliHarness.LocalAsync(app, "keys", "rotate", "--participant", "AO");
        Assert.Equal(1, local.ExitCode);
        Assert.Contains("error: server-required:", local.Error, StringComparison.Ordinal);

        var stranger = await CliHarness.RemoteAsync(app, Password, "keys", "rotate", "--participant", "AO", "--user", "officer.za");
        Assert.Equal(1, stranger.ExitCode);
        Assert.Contains("(HTTP 403)", stranger.Error, StringComparison.Ordinal);

        var badId = await CliHarness.RemoteAsync(app, Password, "keys", "revoke", "not-a-key", "--participant", "AO", "--reason", "x", "--user", "officer.ao");
        Assert.Equal(1, badId.ExitCode);
        Assert.Contains("error: invalid-value:", badId.Error, StringComparison.Ordinal);

        var unknown = await CliHarness.RemoteAsync(app, Password, "keys", "revoke", "0123456789abcdef", "--participant", "AO", "--reason", "x", "--user", "officer.ao");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("key-not-found", unknown.Error, StringComparison.Ordinal);
    }
}
