using System.Globalization;
using System.Text.Json;
using OpenKP.Web.Tests.Infrastructure;
using OpenKP.Web.Tests.Shipments;

namespace OpenKP.Web.Tests.Cli;

/// <summary>
/// The shipments loop through <c>openkp</c> against the real app, as each account would run it: the
/// operator applies, the officer approves, customs depart and check, the confirmation verifies offline;
/// a detained shipment's case is noted and resolved; and what goes wrong prints its code and exits 1.
/// </summary>
public sealed class ShipmentCommandTests(OpenKpApp app) : IClassFixture<OpenKpApp>, IDisposable
{
    private static readonly Dictionary<string, string> Password = new() { ["OPENKP_PASSWORD"] = OpenKpApp.DemoPassword };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "openkp-shipment-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private Task<CliResult> As(string user, params string[] args) => CliHarness.RemoteAsync(app, Password, [.. args, "--user", user]);

    private string File(string name, byte[] bytes)
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>The API's ApplicationRequest as a file, as an operator would write it.</summary>
    private string ApplicationFile() => File("application.json", JsonSerializer.SerializeToUtf8Bytes(Applications.Valid(), JsonSerializerOptions.Web));

    private static string Id(JsonElement element) => element.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);

    private static void Ok(CliResult result, int exitCode = 0) => Assert.True(result.ExitCode == exitCode, result.ToString());

    /// <summary>operator.bw creates and submits, officer.bw approves: the application's id and the certificate's number and QR.</summary>
    private async Task<(string Id, string Number, string Qr)> IssueAsync()
    {
        var created = await As("operator.bw", "applications", "create", "--file", ApplicationFile(), "--json");
        Ok(created);
        var id = Id(created.Json);
        Ok(await As("operator.bw", "applications", "submit", id));
        var approved = await As("officer.bw", "applications", "approve", id, "--json");
        Ok(approved);
        var certificate = approved.Json.GetProperty("certificate");
        return (id, certificate.GetProperty("number").GetString()!, certificate.GetProperty("qr").GetString()!);
    }

    private static string[] Matching(string qr, string carats = "1644.85") =>
        ["arrivals", "check", "--qr", qr, "--seal-intact", "true", "--parcels", "3", "--carats", carats, "--usd", "529977.50", "--notes", "All in order"];

    [Fact]
    public async Task The_whole_loop_runs_through_the_cli_and_the_confirmation_verifies_offline()
    {
        var created = await As("operator.bw", "applications", "create", "--file", ApplicationFile());
        Ok(created);
        Assert.Contains("draft", created.Out, StringComparison.Ordinal);
        Assert.Contains("INV-2026-0042", created.Out, StringComparison.Ordinal);
        var id = Id((await As("operator.bw", "applications", "list", "--status", "draft", "--search", "INV-2026-0042", "--json")).Json.GetProperty("items")[0]);

        var attached = await As("operator.bw", "applications", "attach", id, "--file", File("invoice.pdf", Files.Pdf()), "--kind", "invoice");
        Ok(attached);
        Assert.Contains("application/pdf", attached.Out, StringComparison.Ordinal);
        var submitted = await As("operator.bw", "applications", "submit", id);
        Ok(submitted);
        Assert.Contains("submitted", submitted.Out, StringComparison.Ordinal);

        var queue = await As("officer.bw", "applications", "list", "--status", "submitted");
        Ok(queue);
        Assert.Contains("INV-2026-0042", queue.Out, StringComparison.Ordinal);
        var review = await As("officer.bw", "applications", "review", id);
        Ok(review);
        Assert.Contains("NO VIOLATIONS", review.Out, StringComparison.Ordinal);
        Assert.Contains("declared US$ 322.20/ct", review.Out, StringComparison.Ordinal);
        Assert.Contains("invoice.pdf", review.Out, StringComparison.Ordinal);
        var approved = await As("officer.bw", "applications", "approve", id);
        Ok(approved);
        Assert.Contains("ISSUED  certificate BW-", approved.Out, StringComparison.Ordinal);
        var shown = await As("operator.bw", "applications", "show", id, "--json");
        var number = shown.Json.GetProperty("certificateNumber").GetString()!;
        Assert.Equal("issued", shown.Json.GetProperty("status").GetString());

        var incoming = await As("customs.ae", "shipments", "list", "--direction", "incoming", "--open");
        Ok(incoming);
        Assert.Contains(number, incoming.Out, StringComparison.Ordinal);
        Assert.Contains("awaiting-departure", incoming.Out, StringComparison.Ordinal);

        var wrongSeals = await As("customs.bw", "shipments", "depart", number, "--seal", "SEAL-0001", "--seal", "SEAL-9999");
        Assert.Equal(1, wrongSeals.ExitCode);
        Assert.Contains("error: seals-differ:", wrongSeals.Error, StringComparison.Ordinal);
        Assert.Contains("(HTTP 422)", wrongSeals.Error, StringComparison.Ordinal);
        var departed = await As("customs.bw", "shipments", "depart", number, "--seal", "seal-0002", "--seal", "SEAL-0001", "--note", "Loaded at Sir Seretse Khama airport");
        Ok(departed);
        Assert.Contains("departed", departed.Out, StringComparison.Ordinal);

        var qr = (await app.WithDb(db => Task.FromResult(db.Certificates.Single(c => c.Number == number).QrText)))!;
        var accepted = await As("customs.ae", Matching(qr));
        Ok(accepted);
        Assert.Contains("ACCEPTED", accepted.Out, StringComparison.Ordinal);
        Assert.Contains("KPC1:", accepted.Out, StringComparison.Ordinal);

        var confirmation = await As("officer.bw", "shipments", "confirmation", number, "--pdf", Path.Combine(_folder, "confirmation.pdf"), "--json");
        Ok(confirmation);
        var signed = confirmation.Json.GetProperty("signedText").GetString()!;
        Assert.Equal("AE", confirmation.Json.GetProperty("importingParticipant").GetString());
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(System.IO.File.ReadAllBytes(Path.Combine(_folder, "confirmation.pdf"))[..5]), StringComparison.Ordinal);
        var show = await As("officer.bw", "shipments", "show", number);
        Ok(show);
        Assert.Contains("confirmed", show.Out, StringComparison.Ordinal);
        Assert.Contains(signed, show.Out, StringComparison.Ordinal);

        // Offline: the trust list the server publishes, saved once, verifies the confirmation with no network.
        var dataDir = Path.Combine(_folder, "data");
        Ok(await CliHarness.RunAsync(["trust-list", "download", "--server", "http://localhost/", "--data-dir", dataDir], app));
        var valid = await CliHarness.RunAsync(["confirmations", "verify", signed, "--data-dir", dataDir]);
        Ok(valid);
        Assert.Contains("VALID", valid.Out, StringComparison.Ordinal);
        Assert.Contains(number, valid.Out, StringComparison.Ordinal);
        Assert.Contains("Checked offline against trust list #", valid.Out, StringComparison.Ordinal);
        var tampered = signed[..^3] + (signed[^3] == 'A' ? 'B' : 'A') + signed[^2..];
        var invalid = await CliHarness.RunAsync(["confirmations", "verify", tampered, "--data-dir", dataDir, "--json"]);
        Ok(invalid, 2);
        Assert.False(invalid.Json.GetProperty("valid").GetBoolean());
        var aCertificate = await CliHarness.RunAsync(["confirmations", "verify", qr, "--data-dir", dataDir]);
        Ok(aCertificate, 2);
        Assert.Contains("malformed-prefix", aCertificate.Out, StringComparison.Ordinal);

        // The server says the same.
        var byServer = await CliHarness.RemoteAsync(app, null, "confirmations", "verify", signed, "--json");
        Ok(byServer);
        Assert.True(byServer.Json.GetProperty("valid").GetBoolean());
        Assert.Equal(number, byServer.Json.GetProperty("confirmation").GetProperty("certificateNumber").GetString());
    }

    [Fact]
    public async Task A_short_weight_is_detained_with_exit_2_and_the_importing_side_notes_and_resolves_the_case()
    {
        var (_, number, qr) = await IssueAsync();
        var detained = await As("customs.ae", "arrivals", "check", "--qr-file", File("qr.txt", System.Text.Encoding.UTF8.GetBytes(qr + "\n")),
            "--seal-intact", "true", "--parcels", "3", "--carats", "1600.00", "--usd", "529977.50", "--received-on", "2026-01-15", "--json");
        Ok(detained, 2);
        Assert.Equal("detained", detained.Json.GetProperty("check").GetProperty("outcome").GetString());
        var caseId = detained.Json.GetProperty("caseId").GetInt64().ToString(CultureInfo.InvariantCulture);

        var open = await As("officer.bw", "cases", "list", "--open");
        Ok(open);
        Assert.Contains(number, open.Out, StringComparison.Ordinal);
        Assert.Contains("weight-outside-tolerance", open.Out, StringComparison.Ordinal);

        Ok(await As("officer.bw", "cases", "note", caseId, "--text", "Our vault weighed 1644.85 ct before sealing; please re-weigh."));
        var evidence = await As("customs.ae", "cases", "note", caseId, "--text", "Scale calibration certificate", "--file", File("scale.png", Files.Png()));
        Ok(evidence);
        Assert.Contains("image/png", evidence.Out, StringComparison.Ordinal);

        var exporterTries = await As("officer.bw", "cases", "resolve", caseId, "--resolution", "released", "--note", "Fine by us");
        Assert.Equal(1, exporterTries.ExitCode);
        Assert.Contains("error: not-destination:", exporterTries.Error, StringComparison.Ordinal);
        Assert.Contains("(HTTP 403)", exporterTries.Error, StringComparison.Ordinal);
        var resolved = await As("officer.ae", "cases", "resolve", caseId, "--resolution", "seized", "--note", "Goods seized pending investigation");
        Ok(resolved);
        Assert.Contains("seized", resolved.Out, StringComparison.Ordinal);
        Assert.Contains("scale.png", resolved.Out, StringComparison.Ordinal);

        var shown = await As("officer.bw", "cases", "show", caseId, "--json");
        Assert.Equal("seized", shown.Json.GetProperty("resolution").GetString());
        Assert.Equal(2, shown.Json.GetProperty("notes").GetArrayLength());
        var again = await As("officer.ae", "cases", "resolve", caseId, "--resolution", "released", "--note", "x");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("error: case-resolved:", again.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(caseId, (await As("officer.bw", "cases", "list", "--open", "--json")).Json.GetProperty("items").EnumerateArray().Select(Id));
    }

    [Fact]
    public async Task A_second_arrival_and_the_wrong_customs_print_their_codes_and_exit_1()
    {
        var (_, number, qr) = await IssueAsync();
        var wrongCustoms = await As("customs.za", Matching(qr));
        Assert.Equal(1, wrongCustoms.ExitCode);
        Assert.Contains("error: not-destination:", wrongCustoms.Error, StringComparison.Ordinal);
        Assert.Contains("(HTTP 403)", wrongCustoms.Error, StringComparison.Ordinal);

        Ok(await As("customs.ae", Matching(qr)));
        var second = await As("customs.ae", Matching(qr));
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("error: certificate-already-used:", second.Error, StringComparison.Ordinal);
        Assert.Contains("(HTTP 409)", second.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, second.Out);

        var notOverdue = await As("officer.bw", "shipments", "remind", number);
        Assert.Equal(1, notOverdue.ExitCode);
        Assert.Contains("error: shipment-closed:", notOverdue.Error, StringComparison.Ordinal);
        var overdue = await As("officer.bw", "shipments", "overdue");
        Ok(overdue);
        Assert.Contains("BW: a shipment is overdue", overdue.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(number, overdue.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transit_is_recorded_by_the_customs_of_the_participant_crossed()
    {
        var (_, number, qr) = await IssueAsync();
        var transit = await As("customs.za", "transits", "record", "--qr", qr, "--seal-intact", "true", "--notes", "Transhipped at OR Tambo");
        Ok(transit);
        Assert.Contains($"RECORDED  transit", transit.Out, StringComparison.Ordinal);
        Assert.Contains($"certificate {number} through ZA: the certificate verifies, seal intact", transit.Out, StringComparison.Ordinal);

        var notTransit = await As("customs.ae", "transits", "record", "--qr", qr, "--seal-intact", "false");
        Assert.Equal(1, notTransit.ExitCode);
        Assert.Contains("error: not-transit-participant:", notTransit.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_sends_back_then_rejects_and_the_operator_reads_the_reason()
    {
        var created = await As("operator.bw", "applications", "create", "--file", ApplicationFile(), "--json");
        var id = Id(created.Json);
        Ok(await As("operator.bw", "applications", "submit", id));
        var sentBack = await As("officer.bw", "applications", "send-back", id, "--reason", "Attach the valuation report");
        Ok(sentBack);
        Assert.Contains("sent-back", sentBack.Out, StringComparison.Ordinal);
        Ok(await As("operator.bw", "applications", "submit", id));
        Ok(await As("officer.bw", "applications", "reject", id, "--reason", "Importer licence not on file"));

        var read = await As("operator.bw", "applications", "show", id);
        Ok(read);
        Assert.Contains("rejected", read.Out, StringComparison.Ordinal);
        Assert.Contains("Importer licence not on file", read.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_refused_before_any_request_with_every_problem_at_once()
    {
        var mixed = await As("customs.ae", "arrivals", "check", "--qr", "KP1:x", "--number", "BW-2026-000001", "--seal-intact", "maybe",
            "--parcels", "three", "--carats", "lots", "--usd", "1", "--received-on", "15/01/2026");
        Assert.Equal(1, mixed.ExitCode);
        Assert.Contains("error: option-conflict:", mixed.Error, StringComparison.Ordinal);
        Assert.Contains("error: invalid-value: --seal-intact", mixed.Error, StringComparison.Ordinal);
        Assert.Contains("error: invalid-number: --parcels", mixed.Error, StringComparison.Ordinal);
        Assert.Contains("error: invalid-number:", mixed.Error, StringComparison.Ordinal);
        Assert.Contains("error: invalid-date:", mixed.Error, StringComparison.Ordinal);

        var missing = await As("operator.bw", "applications", "create", "--file", Path.Combine(_folder, "nowhere.json"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("error: file-not-found:", missing.Error, StringComparison.Ordinal);
        var notJson = await As("operator.bw", "applications", "create", "--file", File("broken.json", "{ not json"u8.ToArray()));
        Assert.Equal(1, notJson.ExitCode);
        Assert.Contains("error: invalid-value: --file", notJson.Error, StringComparison.Ordinal);
        var badFields = await As("operator.bw", "applications", "create", "--file", File("empty.json", "{}"u8.ToArray()));
        Assert.Equal(1, badFields.ExitCode);
        Assert.Contains("(HTTP 400)", badFields.Error, StringComparison.Ordinal);

        var badResolution = await As("officer.ae", "cases", "resolve", "1", "--resolution", "forgiven", "--note", "x");
        Assert.Contains("error: invalid-value:", badResolution.Error, StringComparison.Ordinal);
        var badKind = await As("operator.bw", "applications", "attach", "1", "--file", File("x.pdf", Files.Pdf()), "--kind", "receipt");
        Assert.Contains("error: invalid-value:", badKind.Error, StringComparison.Ordinal);

        var local = await CliHarness.LocalAsync(app, "shipments", "list");
        Assert.Equal(1, local.ExitCode);
        Assert.Contains("error: server-required:", local.Error, StringComparison.Ordinal);
        var anonymous = await CliHarness.RemoteAsync(app, null, "cases", "list");
        Assert.Equal(1, anonymous.ExitCode);
        Assert.Contains("(HTTP 401)", anonymous.Error, StringComparison.Ordinal);
        var offlineWithoutLists = await CliHarness.RunAsync(["confirmations", "verify", "KPC1:x", "--data-dir", Path.Combine(_folder, "empty")]);
        Assert.Equal(1, offlineWithoutLists.ExitCode);
        Assert.Contains("error: file-not-found:", offlineWithoutLists.Error, StringComparison.Ordinal);
        var listsWithServer = await CliHarness.RemoteAsync(app, null, "confirmations", "verify", "KPC1:x", "--trust-list", "list.cose");
        Assert.Equal(1, listsWithServer.ExitCode);
        Assert.Contains("error: option-conflict: --trust-list", listsWithServer.Error, StringComparison.Ordinal);
    }
}
