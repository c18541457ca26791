using System.Text.Json;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Cli;

/// <summary><c>openkp participants</c> and <c>openkp trade-permission</c> on the real history, locally and against a server.</summary>
public sealed class RegistryCommandTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    [Fact]
    public async Task Participants_list_shows_the_status_on_the_day_asked()
    {
        var result = await CliHarness.LocalAsync(app, "participants", "list", "--on", "2014-01-01");

        Assert.Equal(0, result.ExitCode);
        var car = Assert.Single(result.Out.Split('\n'), line => line.Contains("Central African Republic", StringComparison.Ordinal));
        Assert.Contains("suspended", car, StringComparison.Ordinal);
        Assert.Contains("2013-05-23", car, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Out); // piped output is plain text
    }

    [Fact]
    public async Task Participants_list_filters_by_status_and_search()
    {
        var result = await CliHarness.LocalAsync(app, "participants", "list", "--on", "2010-06-01", "--status", "self-suspended", "--json");

        Assert.Equal(0, result.ExitCode);
        var codes = result.Json.GetProperty("items").EnumerateArray().Select(p => p.Str("code")).ToList();
        Assert.Contains("VE", codes);
        Assert.DoesNotContain("BW", codes);

        var search = await CliHarness.LocalAsync(app, "participants", "list", "-q", "botsw", "--json");
        Assert.Equal(["BW"], search.Json.GetProperty("items").EnumerateArray().Select(p => p.Str("code")));
    }

    [Fact]
    public async Task Participants_show_prints_the_history_with_decisions_and_zones()
    {
        var result = await CliHarness.LocalAsync(app, "participants", "show", "cf");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Central African Republic (CF)", result.Out, StringComparison.Ordinal);
        Assert.Contains("2013-05-23", result.Out, StringComparison.Ordinal);
        Assert.Contains("zone-limited", result.Out, StringComparison.Ordinal);
        Assert.Contains("Berbérati", result.Out, StringComparison.Ordinal);
        Assert.Contains("readmitted as full participant", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Showing_an_unknown_participant_fails_with_its_code()
    {
        var result = await CliHarness.LocalAsync(app, "participants", "show", "QQ");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: participant-not-found:", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CF", "AE", "CF", null, "2014-01-01", "exporter-suspended")]
    [InlineData("AE", "CF", "AE", null, "2014-01-01", "importer-suspended")]
    [InlineData("AE", "BW", "CF", "Nola", "2016-06-01", "origin-zone-not-compliant")]
    [InlineData("BE", "AE", "ZW", "Marange", "2010-06-01", "origin-under-special-measures")]
    [InlineData("BE", "AE", "CI", null, "2010-01-01", "origin-embargoed")]
    [InlineData("AE", "VE", "AE", null, "2010-06-01", "importer-self-suspended")]
    [InlineData("AE", "SO", "AE", null, "2010-06-01", "importer-not-participant")]
    public async Task A_refused_shipment_exits_2_and_names_every_reason(string exporter, string importer, string origin, string? zone, string on, string code)
    {
        string[] args = ["trade-permission", "--exporter", exporter, "--importer", importer, "--origin", origin, "--on", on, .. zone is null ? Array.Empty<string>() : ["--zone", zone]];

        var table = await CliHarness.LocalAsync(app, args);
        Assert.Equal(2, table.ExitCode);
        Assert.Contains("REFUSED", table.Out, StringComparison.Ordinal);
        Assert.Contains(code, table.Out, StringComparison.Ordinal);

        var json = await CliHarness.LocalAsync(app, [.. args, "--json"]);
        Assert.Equal(2, json.ExitCode);
        Assert.False(json.Json.GetProperty("allowed").GetBoolean());
        Assert.Contains(code, json.Json.GetProperty("violations").EnumerateArray().Select(v => v.Str("code")));
    }

    [Fact]
    public async Task An_allowed_shipment_exits_0()
    {
        var result = await CliHarness.LocalAsync(app, "trade-permission", "--exporter", "CF", "--importer", "AE", "--origin", "CF", "--zone", "Berbérati", "--on", "2016-06-01");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ALLOWED", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_bad_argument_is_reported_at_once_with_the_APIs_codes()
    {
        var result = await CliHarness.LocalAsync(app, "trade-permission", "--exporter", "Botswana", "--importer", "AE", "--origin", "1X", "--on", "2014-02-30");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: invalid-code: --exporter: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("error: invalid-code: --origin: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("error: invalid-date: --on: ", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task A_missing_required_option_is_a_usage_error()
    {
        var result = await CliHarness.LocalAsync(app, "trade-permission", "--exporter", "BW", "--importer", "AE");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--origin", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remote_mode_prints_the_servers_json_and_it_matches_local_mode()
    {
        string[] args = ["trade-permission", "--exporter", "CF", "--importer", "AE", "--origin", "CF", "--on", "2014-01-01", "--json"];

        var remote = await CliHarness.RemoteAsync(app, null, args);
        var local = await CliHarness.LocalAsync(app, args);

        Assert.Equal(2, remote.ExitCode);
        Assert.Equal(2, local.ExitCode);
        Assert.Equal(Canonical(remote.Json), Canonical(local.Json));

        var api = await (await app.ClientFor(null)).GetJson("/api/trade-permission?exporter=CF&importer=AE&origin=CF&on=2014-01-01");
        Assert.Equal(Canonical(api), Canonical(remote.Json));
    }

    [Fact]
    public async Task Remote_and_local_participant_lists_are_the_same()
    {
        var remote = await CliHarness.RemoteAsync(app, null, "participants", "list", "--on", "2021-06-01", "--json");
        var local = await CliHarness.LocalAsync(app, "participants", "list", "--on", "2021-06-01", "--json");

        Assert.Equal(0, remote.ExitCode);
        Assert.Equal(Canonical(remote.Json.GetProperty("items")), Canonical(local.Json.GetProperty("items")));
        Assert.Contains(remote.Json.GetProperty("items").EnumerateArray(), p => p.Str("code") == "GB" && p.Str("status") == "active");
    }

    [Fact]
    public async Task A_first_local_run_creates_the_data_directory_with_the_reference_data()
    {
        var dir = Path.Combine(app.DataDirectory, "cli-fresh");

        var result = await CliHarness.RunAsync(["participants", "show", "VE", "--data-dir", dir]);

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(dir, "openkp.db")));
        Assert.Contains("Venezuela", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mixing_local_and_remote_options_is_refused_with_every_conflict()
    {
        var result = await CliHarness.RunAsync(["participants", "list", "--token", "abc", "--user", "secretariat", "--data-dir", "x"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: option-conflict: --token", result.Error, StringComparison.Ordinal);
        Assert.Contains("error: option-conflict: --user", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_is_not_a_url_is_refused()
    {
        var result = await CliHarness.RunAsync(["participants", "list", "--server", "ftp://example.org"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: invalid-value: --server: ", result.Error, StringComparison.Ordinal);
    }

    /// <summary>JSON text with properties sorted, so equal documents compare equal.</summary>
    private static string Canonical(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"\"{p.Name}\":{Canonical(p.Value)}")) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Canonical)) + "]",
        _ => element.GetRawText(),
    };
}
