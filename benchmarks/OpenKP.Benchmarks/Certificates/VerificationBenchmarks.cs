using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using OpenKP.Benchmarks.Registry;
using OpenKP.Certificates;
using OpenKP.Registry;

namespace OpenKP.Benchmarks.Certificates;

/// <summary>
/// What a customs officer's offline check costs against the cryptography it cannot avoid. The
/// baseline is a bare <see cref="ECDsa.VerifyData(byte[], byte[], HashAlgorithmName, DSASignatureFormat)"/>
/// of the certificate's COSE Sig_structure with a key already imported. Against it,
/// <see cref="CertificateVerifier.Verify"/> on the QR text: Base45, inflate, COSE and CBOR decoding,
/// the key lookup and import, the signature, the dates, the revocation list and the trade rules
/// against the registry of the issue date (a snapshot with the real history, as the trust list gives).
/// Goal: the full check runs at ≥ 0.9 of the bare signature rate.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(RatioConfig))]
public class VerificationBenchmarks
{
    private static readonly DateOnly IssuedOn = new(2026, 1, 15);

    private ECDsa _key = null!;
    private ECDsa _publicOnly = null!;
    private string _qr = null!;
    private byte[] _toBeSigned = null!;
    private byte[] _signature = null!;
    private TrustAnchors _anchors = null!;
    private DateTimeOffset _now;

    [GlobalSetup]
    public async Task Setup()
    {
        using (var database = await RegistryDatabase.CreateAsync())
        {
            await using var db = database.Open();
            var snapshot = await new ParticipantDirectory(db).SnapshotAsync();
            _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var key = new TrustedKey(KeyIds.Of(_key), "BW", "Diamond Hub", _key.ExportSubjectPublicKeyInfo(), new DateOnly(2025, 1, 1), null, KeyStatus.Active, null);
            var voided = Enumerable.Range(1, 500).Select(i => CertificateVerifier.NumberHash($"BW-2025-{i:000000}")).ToHashSet(StringComparer.Ordinal);
            _anchors = new TrustAnchors([key], voided, snapshot, DateTimeOffset.UtcNow);
        }

        var content = new CertificateContent(
            "BW-2026-000123", "BW", "Diamond Hub, Ministry of Minerals and Energy",
            new CertificateExporter("Kalahari Rough Trading (Pty) Ltd", "1 Diamond Street, Gaborone", "BW-OP-001"),
            new CertificateImporter("Gulf Rough Diamonds DMCC", "1 Diamond Street, Dubai", "AE", "AE-OP-001"),
            "BW", null, null,
            [new("7102.10", 1250.50m, 312_625.00m), new("7102.21", 310.25m, 15_512.50m), new("7102.31", 84.10m, 201_840.00m)],
            3, IssuedOn, IssuedOn.AddDays(60), ["SEAL-0001", "SEAL-0002"], ["MSKU1234567"], null, null);
        _qr = CertificateQr.Sign(content, _key);
        _now = new DateTimeOffset(IssuedOn.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

        // The exact bytes ES256 signs (RFC 9052 §4.4) and the signature, taken from the same message.
        var message = CertificateQr.Open(_qr).Value!.Message;
        _signature = message.Signature.ToArray();
        _toBeSigned = SigStructure(message.RawProtectedHeaders.ToArray(), message.Content!.Value.ToArray());
        _publicOnly = ECDsa.Create();
        _publicOnly.ImportSubjectPublicKeyInfo(_key.ExportSubjectPublicKeyInfo(), out _);
        if (!_publicOnly.VerifyData(_toBeSigned, _signature, HashAlgorithmName.SHA256) || !CertificateVerifier.Verify(_qr, _anchors, _now).Valid)
        {
            throw new InvalidOperationException("The benchmark's certificate does not verify: the comparison would be meaningless.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _key.Dispose();
        _publicOnly.Dispose();
    }

    [Benchmark(Baseline = true, Description = "ECDsa.VerifyData of the same Sig_structure (bare signature)")]
    public bool BareSignature() => _publicOnly.VerifyData(_toBeSigned, _signature, HashAlgorithmName.SHA256);

    [Benchmark(Description = "CertificateVerifier.Verify of the QR text (full offline check)")]
    public bool FullVerification() => CertificateVerifier.Verify(_qr, _anchors, _now).Valid;

    private static byte[] SigStructure(byte[] protectedHeaders, byte[] payload)
    {
        var writer = new System.Formats.Cbor.CborWriter();
        writer.WriteStartArray(4);
        writer.WriteTextString("Signature1");
        writer.WriteByteString(protectedHeaders);
        writer.WriteByteString([]);
        writer.WriteByteString(payload);
        writer.WriteEndArray();
        return writer.Encode();
    }
}
