using OpenKP.Notifications;
using OpenKP.Web.Tests.Infrastructure;
using OpenKP.Web.Tests.Notifications;

namespace OpenKP.Web.Tests.Cli;

/// <summary><c>openkp inbox</c> and <c>openkp webhooks</c>: through the server as the signed-in account only.</summary>
public sealed class NotificationCommandTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static readonly Dictionary<string, string> Password = new() { ["OPENKP_PASSWORD"] = OpenKpApp.DemoPassword };

    [Fact]
    public async Task An_officer_lists_unread_messages_and_another_participants_officer_does_not_see_them()
    {
        var subject = "CLI inbox " + Guid.NewGuid().ToString("N")[..6];
        await app.PublishAsync(Notices.To(subject, Audience.Authority("IN")));

        var mine = await CliHarness.RemoteAsync(app, Password, "inbox", "list", "--unread", "--user", "officer.in");
        Assert.True(mine.ExitCode == 0, mine.ToString());
        Assert.Contains(subject, mine.Out, StringComparison.Ordinal);
        Assert.Contains("NEW", mine.Out, StringComparison.Ordinal);

        var other = await CliHarness.RemoteAsync(app, Password, "inbox", "list", "--user", "officer.ca");
        Assert.Equal(0, other.ExitCode);
        Assert.DoesNotContain(subject, other.Out, StringComparison.Ordinal);

        var local = await CliHarness.LocalAsync(app, "inbox", "list");
        Assert.Equal(1, local.ExitCode);
        Assert.Contains("error: server-required:", local.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_adds_lists_reads_deliveries_of_and_removes_a_webhook()
    {
        var added = await CliHarness.RemoteAsync(app, Password, "webhooks", "add", "--url", "https://kp.example.in/events", "--events", "certificate.incoming, alert.raised",
            "--user", "officer.in", "--json");
        Assert.True(added.ExitCode == 0, added.ToString());
        var id = added.Json.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(43, added.Json.GetProperty("secret").GetString()!.Length);

        var list = await CliHarness.RemoteAsync(app, Password, "webhooks", "list", "--user", "officer.in");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("https://kp.example.in/events", list.Out, StringComparison.Ordinal);
        Assert.Contains("certificate.incoming, alert.raised", list.Out, StringComparison.Ordinal);

        await app.PublishAsync(Notices.To("For the CLI's webhook", Audience.Authority("IN")));
        var deliveries = await CliHarness.RemoteAsync(app, Password, "webhooks", "deliveries", id, "--user", "officer.in");
        Assert.True(deliveries.ExitCode == 0, deliveries.ToString());
        Assert.Contains("certificate.incoming", deliveries.Out, StringComparison.Ordinal);
        Assert.Contains("pending", deliveries.Out, StringComparison.Ordinal);

        var bad = await CliHarness.RemoteAsync(app, Password, "webhooks", "add", "--url", "ftp://x", "--events", "nope", "--user", "officer.in");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("webhook-url-invalid", bad.Error, StringComparison.Ordinal);
        Assert.Contains("webhook-event-unknown", bad.Error, StringComparison.Ordinal);

        var removed = await CliHarness.RemoteAsync(app, Password, "webhooks", "remove", id, "--user", "officer.in");
        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.DoesNotContain("https://kp.example.in/events", (await CliHarness.RemoteAsync(app, Password, "webhooks", "list", "--user", "officer.in")).Out, StringComparison.Ordinal);
        var again = await CliHarness.RemoteAsync(app, Password, "webhooks", "remove", id, "--user", "officer.in");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("webhook-not-found", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhooks_need_the_server_and_the_participants_authority()
    {
        var local = await CliHarness.LocalAsync(app, "webhooks", "list");
        Assert.Equal(1, local.ExitCode);
        Assert.Contains("error: server-required:", local.Error, StringComparison.Ordinal);

        var customs = await CliHarness.RemoteAsync(app, Password, "webhooks", "list", "--user", "customs.in");
        Assert.Equal(1, customs.ExitCode);
        Assert.Contains("(HTTP 403)", customs.Error, StringComparison.Ordinal);

        var secretariat = await CliHarness.RemoteAsync(app, Password, "webhooks", "list", "--user", "secretariat");
        Assert.Equal(1, secretariat.ExitCode);
        Assert.Contains("--participant", secretariat.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await CliHarness.RemoteAsync(app, Password, "webhooks", "list", "--participant", "in", "--user", "secretariat")).ExitCode);
    }
}
