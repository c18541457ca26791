using System.Security.Cryptography;
using OpenKP.Certificates;
using OpenKP.Registry;
using OpenKP.Shared;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Cli;

/// <summary>
/// <c>openkp verify</c> offline: no server and no database, only the three files <c>trust-list download</c>
/// saves, built here from Core and signed with test keys. The CLI's clock is <see cref="OpenKpApp.Today"/>.
/// </summary>
public sealed class VerifyCommandTests : IDisposable
{
    private static readonly ECDsa Hub = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly ECDsa Authority = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly DateOnly IssuedOn = new(2026, 1, 10);

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "openkp-verify-" + Guid.NewGuid().ToString("N"));

    private string TrustFolder => Path.Combine(_dataDir, "trust");

    public void Dispose()
    {
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    private static CertificateContent Certificate(string number = "BW-2026-000123") => new(
        number, "BW", "Government Diamond Valuator",
        new CertificateExporter("Kalahari Rough Exports (Pty) Ltd", "Plot 64, Gaborone", "BW-OP-001"),
        new CertificateImporter("Gulf Rough Trading DMCC", "Almas Tower, Dubai", "AE", "AE-OP-001"),
        "BW", null, null,
        [new("7102.10", 1520.35m, 245_000.00m), new("7102.31", 88.04m, 96_750.00m)],
        4, IssuedOn, IssuedOn.AddDays(60), ["SEAL-0042117"], [], null, null);

    private static string Qr(string number = "BW-2026-000123") => CertificateQr.Sign(Certificate(number), Authority);

    /// <summary>BW and AE, active since 2003.</summary>
    private static RegistrySnapshot Registry()
    {
        Participant P(string code, string name) => new() { Code = code, NameEn = name, NameFr = name, AdmittedOn = new DateOnly(2003, 1, 1) };
        StatusEvent Active(long id, string code) => new()
        {
            Id = id,
            ParticipantCode = code,
            EffectiveOn = new DateOnly(2003, 1, 1),
            Status = ParticipantStatus.Active,
            Note = "founding participant",
            Decision = new DecisionReference { Title = "Interlaken Declaration" },
            EnteredBy = "test",
        };
        return new RegistrySnapshot([P("BW", "Botswana"), P("AE", "United Arab Emirates")], [Active(1, "BW"), Active(2, "AE")], [], [], []);
    }

    /// <summary>Saves the three files where <c>trust-list download</c> would, signed by <paramref name="signer"/> (the hub by default).</summary>
    private void Save(KeyStatus keyStatus = KeyStatus.Active, DateTimeOffset? issuedAt = null, ECDsa? signer = null, string? folder = null, params Revocation[] revocations)
    {
        var at = issuedAt ?? OpenKpApp.Today.AddHours(-4);
        var key = new TrustedKey(KeyIds.Of(Authority), "BW", "Government Diamond Valuator", Authority.ExportSubjectPublicKeyInfo(), new DateOnly(2025, 1, 1), null, keyStatus,
            keyStatus == KeyStatus.Active ? null : new DateOnly(2026, 1, 12));
        var target = folder ?? TrustFolder;
        Directory.CreateDirectory(target);
        File.WriteAllBytes(Path.Combine(target, "trust-list.cose"), TrustList.FromRegistry(Registry(), [key], at, 5).Sign(signer ?? Hub));
        File.WriteAllBytes(Path.Combine(target, "revocations.cose"), RevocationList.Create(revocations, at, 8).Sign(signer ?? Hub));
        File.WriteAllText(Path.Combine(target, "hub-key.pem"), HubKeys.ToPem(Hub.ExportSubjectPublicKeyInfo()));
    }

    private Task<CliResult> Verify(params string[] args) => CliHarness.RunAsync([.. args, "--data-dir", _dataDir]);

    [Fact]
    public async Task A_genuine_certificate_is_valid_offline_with_every_field_printed()
    {
        Save();

        var result = await Verify("verify", Qr());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("VALID", result.Out, StringComparison.Ordinal);
        foreach (var printed in new[] { "BW-2026-000123", "Government Diamond Valuator", "Kalahari Rough Exports (Pty) Ltd", "Gulf Rough Trading DMCC", "AE-OP-001",
            "2026-01-10", "2026-03-11", "SEAL-0042117", "7102.10", "1,520.35", "245,000.00", "1,608.39", "341,750.00", KeyIds.Hex(KeyIds.Of(Authority)),
            "trust list #5", "revocation list #8", KeyIds.Hex(KeyIds.Of(Hub)) })
        {
            Assert.Contains(printed, result.Out, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("WARNING", result.Out, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task The_JSON_verdict_carries_the_certificate_the_key_and_the_lists_used()
    {
        Save();

        var result = await Verify("verify", Qr(), "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.True(result.Json.GetProperty("valid").GetBoolean());
        Assert.Equal(0, result.Json.GetProperty("reasons").GetArrayLength());
        Assert.Equal("BW-2026-000123", result.Json.GetProperty("certificate").Str("number"));
        Assert.Equal(KeyIds.Hex(KeyIds.Of(Authority)), result.Json.GetProperty("key").Str("keyId"));
        Assert.Equal(5, result.Json.GetProperty("trustList").GetProperty("sequence").GetInt64());
        Assert.Equal(KeyIds.Hex(KeyIds.Of(Hub)), result.Json.Str("hubKeyId"));
    }

    [Fact]
    public async Task A_certificate_signed_with_a_revoked_key_is_invalid()
    {
        Save(KeyStatus.Revoked);

        var result = await Verify("verify", Qr());

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("INVALID", result.Out, StringComparison.Ordinal);
        Assert.Contains("key-revoked", result.Out, StringComparison.Ordinal);
        Assert.Contains("BW-2026-000123", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_whose_number_is_on_the_revocation_list_is_voided()
    {
        Save(revocations: [Revocation.ForNumber("BW-2026-000123", RevocationKind.Void, new DateOnly(2026, 1, 12))]);

        var voided = await Verify("verify", Qr(), "--json");
        var other = await Verify("verify", Qr("BW-2026-000124"));

        Assert.Equal(2, voided.ExitCode);
        Assert.Equal("certificate-voided", Assert.Single(voided.Json.GetProperty("reasons").EnumerateArray()).Str("code"));
        Assert.Equal(0, other.ExitCode);
    }

    [Fact]
    public async Task Lists_signed_by_another_key_than_the_saved_hub_key_are_refused()
    {
        using var impostor = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Save(signer: impostor);

        var result = await Verify("verify", Qr());

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error: trust-list-key-mismatch:", result.Error, StringComparison.Ordinal);
        Assert.Contains("error: revocation-list-key-mismatch:", result.Error, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(TrustFolder, "trust-list.cose"), result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task A_changed_trust_list_is_refused_as_a_bad_signature()
    {
        Save();
        var path = Path.Combine(TrustFolder, "trust-list.cose");
        var bytes = File.ReadAllBytes(path);
        var at = bytes.AsSpan().IndexOf("Botswana"u8);
        bytes[at] = (byte)'b';
        File.WriteAllBytes(path, bytes);

        var result = await Verify("verify", Qr());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: trust-list-signature-invalid:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_more_than_a_week_old_give_a_warning_but_the_verdict_stands()
    {
        Save(issuedAt: OpenKpApp.Today.AddDays(-9));

        var result = await Verify("verify", Qr());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("WARNING  trust-list-stale:", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_files_are_each_named_with_how_to_get_them()
    {
        var result = await Verify("verify", Qr());

        Assert.Equal(1, result.ExitCode);
        foreach (var file in new[] { "hub-key.pem", "trust-list.cose", "revocations.cose" })
        {
            Assert.Contains($"error: file-not-found: {Path.Combine(TrustFolder, file)} does not exist.", result.Error, StringComparison.Ordinal);
        }

        Assert.Contains("openkp trust-list download --server URL", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_named_by_options_are_used_instead_of_the_data_directory()
    {
        var elsewhere = Path.Combine(_dataDir, "elsewhere");
        Save(folder: elsewhere);

        var result = await Verify("verify", Qr(), "--trust-list", Path.Combine(elsewhere, "trust-list.cose"),
            "--revocations", Path.Combine(elsewhere, "revocations.cose"), "--hub-key", Path.Combine(elsewhere, "hub-key.pem"));

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task A_photo_of_the_QR_is_read_by_the_image_reader_and_verified()
    {
        Save();
        var photo = Path.Combine(_dataDir, "parcel.png");
        File.WriteAllBytes(photo, [0x89, (byte)'P', (byte)'N', (byte)'G']);
        var qr = Qr();
        byte[]? seen = null;

        var result = await CliHarness.RunAsync(["verify", "--image", photo, "--data-dir", _dataDir], readQrImage: bytes =>
        {
            seen = bytes;
            return Outcome<string>.Success(qr);
        });
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(File.ReadAllBytes(photo), seen);
    }

    [Fact]
    public async Task A_real_photo_of_the_QR_verifies_and_a_file_that_is_no_image_is_refused()
    {
        Save();
        var photo = Path.Combine(_dataDir, "scan.png");
        File.WriteAllBytes(photo, OpenKP.Certificates.QrImages.Png(Qr()));
        var text = Path.Combine(_dataDir, "notes.txt");
        File.WriteAllText(text, "not a picture");

        var read = await Verify("verify", "--image", photo);
        var refused = await Verify("verify", "--image", text);

        Assert.True(read.ExitCode == 0, read.ToString());
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("error: image-type-unsupported:", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_QR_comes_as_text_or_image_and_verify_never_asks_a_server()
    {
        Save();

        var neither = await Verify("verify");
        var both = await Verify("verify", Qr(), "--image", "photo.png");
        var server = await CliHarness.RunAsync(["verify", Qr(), "--server", "http://localhost/"]);

        Assert.Equal(1, neither.ExitCode);
        Assert.Contains("error: required:", neither.Error, StringComparison.Ordinal);
        Assert.Contains("error: option-conflict:", both.Error, StringComparison.Ordinal);
        Assert.Contains("error: local-only:", server.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_QR_text_is_invalid_with_the_layer_that_failed()
    {
        Save();

        var result = await Verify("verify", "HC1:NOT-A-KP-CERTIFICATE");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("malformed-prefix", result.Out, StringComparison.Ordinal);
    }
}
