using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using OpenKP.Certificates;
using OpenKP.Registry;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Cli;

/// <summary>
/// <c>openkp trust-list download</c> against a stand-in for the hub's three endpoints (the server's own
/// endpoints get an end-to-end test when they land): what it checks, what it saves, what it refuses.
/// </summary>
public sealed class TrustListDownloadCommandTests : IDisposable
{
    private static readonly ECDsa Hub = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly ECDsa Authority = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "openkp-download-" + Guid.NewGuid().ToString("N"));

    private string TrustFolder => Path.Combine(_dataDir, "trust");

    private static string HubKeyId => KeyIds.Hex(KeyIds.Of(Hub));

    public void Dispose()
    {
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    /// <summary>What the stand-in hub serves: lists signed by <paramref name="signer"/>, and <paramref name="hubKey"/>'s PEM.</summary>
    private static Dictionary<string, byte[]> Served(long sequence = 5, ECDsa? signer = null, ECDsa? hubKey = null)
    {
        var registry = new RegistrySnapshot(
            [new Participant { Code = "BW", NameEn = "Botswana", NameFr = "Botswana", AdmittedOn = new DateOnly(2003, 1, 1) }],
            [new StatusEvent
            {
                Id = 1, ParticipantCode = "BW", EffectiveOn = new DateOnly(2003, 1, 1), Status = ParticipantStatus.Active, Note = "founding participant",
                Decision = new DecisionReference { Title = "Interlaken Declaration" }, EnteredBy = "test",
            }],
            [], [], []);
        var key = new TrustedKey(KeyIds.Of(Authority), "BW", "Government Diamond Valuator", Authority.ExportSubjectPublicKeyInfo(), new DateOnly(2025, 1, 1), null, KeyStatus.Active, null);
        var at = OpenKpApp.Today.AddHours(-1);
        return new()
        {
            ["/api/trust-list"] = TrustList.FromRegistry(registry, [key], at, sequence).Sign(signer ?? Hub),
            ["/api/revocations"] = RevocationList.Create([Revocation.ForNumber("BW-2026-000001", RevocationKind.Lost, new DateOnly(2026, 1, 2))], at, sequence + 10).Sign(signer ?? Hub),
            ["/api/trust-list/hub-key"] = System.Text.Encoding.UTF8.GetBytes(HubKeys.ToPem((hubKey ?? Hub).ExportSubjectPublicKeyInfo())),
        };
    }

    private Task<CliResult> Download(Dictionary<string, byte[]> served, params string[] args)
        => CliHarness.RunAsync(["trust-list", "download", "--server", "https://kp.example.org/", "--data-dir", _dataDir, .. args],
            httpClientFactory: uri => new HttpClient(new StandIn(served)) { BaseAddress = uri });

    [Fact]
    public async Task The_lists_and_hub_key_are_checked_saved_and_then_verify_works_offline()
    {
        var result = await Download(Served());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(HubKeyId, result.Out, StringComparison.Ordinal);
        Assert.Contains("#5", result.Out, StringComparison.Ordinal);
        Assert.Contains("#15", result.Out, StringComparison.Ordinal);
        Assert.Equal(["hub-key.pem", "revocations.cose", "trust-list.cose"], Directory.GetFiles(TrustFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var certificate = new CertificateContent("BW-2026-000123", "BW", "Government Diamond Valuator", new("Exporter", "Gaborone", "BW-OP-001"),
            new("Importer", "Dubai", "AE", null), "BW", null, null, [new("7102.10", 10m, 1000m)], 1, new DateOnly(2026, 1, 10), new DateOnly(2026, 3, 1), [], [], null, null);
        var verified = await CliHarness.RunAsync(["verify", CertificateQr.Sign(certificate, Authority), "--data-dir", _dataDir]);
        Assert.Contains(KeyIds.Hex(KeyIds.Of(Authority)), verified.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("file-not-found", verified.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_JSON_report_gives_the_hub_key_id_and_the_lists_numbers()
    {
        var result = await Download(Served(), "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(HubKeyId, result.Json.Str("hubKeyId"));
        Assert.Equal(5, result.Json.GetProperty("trustListSequence").GetInt64());
        Assert.Equal(1, result.Json.GetProperty("revocations").GetInt32());
    }

    [Fact]
    public async Task Lists_not_signed_by_the_served_hub_key_are_refused_and_nothing_is_saved()
    {
        using var impostor = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var result = await Download(Served(signer: impostor));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: trust-list-key-mismatch:", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(TrustFolder));
    }

    [Fact]
    public async Task A_key_other_than_the_expected_key_id_is_refused()
    {
        var wrong = await Download(Served(), "--expect-key-id", "0011223344556677");
        var right = await Download(Served(), "--expect-key-id", HubKeyId.ToUpperInvariant());

        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("error: hub-key-unexpected:", wrong.Error, StringComparison.Ordinal);
        Assert.True(right.ExitCode == 0, right.ToString());
    }

    [Fact]
    public async Task A_hub_key_other_than_the_saved_one_needs_the_new_key_id_to_be_accepted()
    {
        Assert.Equal(0, (await Download(Served())).ExitCode);
        using var newHub = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var newKeyId = KeyIds.Hex(KeyIds.Of(newHub));

        var refused = await Download(Served(signer: newHub, hubKey: newHub));
        var accepted = await Download(Served(signer: newHub, hubKey: newHub), "--expect-key-id", newKeyId);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("error: hub-key-changed:", refused.Error, StringComparison.Ordinal);
        Assert.Contains($"--expect-key-id {newKeyId}", refused.Error, StringComparison.Ordinal);
        Assert.True(accepted.ExitCode == 0, accepted.ToString());
        Assert.Contains(newKeyId, accepted.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_older_than_the_saved_one_is_refused()
    {
        Assert.Equal(0, (await Download(Served(sequence: 9))).ExitCode);

        var result = await Download(Served(sequence: 8));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: list-older-than-saved:", result.Error, StringComparison.Ordinal);
        Assert.Contains("#9", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_is_required_and_its_errors_are_reported()
    {
        var noServer = await CliHarness.RunAsync(["trust-list", "download", "--data-dir", _dataDir]);
        var missing = await Download([]);

        Assert.Equal(1, noServer.ExitCode);
        Assert.Contains("error: required:", noServer.Error, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("(HTTP 404)", missing.Error, StringComparison.Ordinal);
    }

    /// <summary>Serves fixed bytes by path; anything else is a 404 ProblemDetails.</summary>
    private sealed class StandIn(Dictionary<string, byte[]> served) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (request.Method != HttpMethod.Get || !served.TryGetValue(path, out var bytes))
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound)
                {
                    Content = new StringContent("""{"code":"not-found","title":"Not found","detail":"No such page."}""", System.Text.Encoding.UTF8, "application/problem+json"),
                });
            }

            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(path.EndsWith("hub-key", StringComparison.Ordinal) ? "application/x-pem-file" : "application/cose");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }
}
