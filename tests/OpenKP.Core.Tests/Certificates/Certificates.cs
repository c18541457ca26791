using System.Security.Cryptography;
using OpenKP.Certificates;
using OpenKP.Core.Tests.Registry;
using OpenKP.Registry;

namespace OpenKP.Core.Tests.Certificates;

/// <summary>A typical certificate from AA to BB, its operators, and keys to sign it with.</summary>
internal static class Certificates
{
    public static readonly DateOnly IssuedOn = Registries.Day("2026-01-15");

    public static CertificateContent Typical() => new(
        "AA-2026-000123",
        "AA",
        "AA Diamond Hub, Ministry of Minerals",
        new CertificateExporter("Kalahari Rough Exports (Pty) Ltd", "Plot 64, Gaborone International Finance Park, Gaborone", "AA-OP-001"),
        new CertificateImporter("Gulf Rough Trading DMCC", "Almas Tower, Jumeirah Lakes Towers, Dubai", "BB", "BB-OP-001"),
        "AA",
        null,
        null,
        [new("7102.10", 1520.35m, 245_000.00m), new("7102.21", 310.50m, 12_400.50m), new("7102.31", 88.04m, 96_750.00m)],
        4,
        IssuedOn,
        IssuedOn.AddDays(60),
        ["SEAL-0042117", "SEAL-0042118"],
        ["MSKU 123456-7"],
        null,
        null);

    public static Operator Licensed(string participant, string licence, bool exporter = true, bool importer = true, string from = "2020-01-01", string? to = null, bool suspended = false) => new()
    {
        ParticipantCode = participant,
        CompanyName = licence + " Ltd",
        Address = "a",
        LicenceNumber = licence,
        IsExporter = exporter,
        IsImporter = importer,
        ValidFrom = Registries.Day(from),
        ValidTo = to is null ? null : Registries.Day(to),
        Suspended = suspended,
    };

    /// <summary>A print of <paramref name="certificate"/> (default <see cref="Typical"/>) signed with a fresh key, from "Aurelia" (AA) to "Borealis" (BB).</summary>
    public static CertificatePrint Print(CertificateContent? certificate = null, string? language = null, string? stamp = null)
    {
        certificate ??= Typical();
        using var key = NewKey();
        return new CertificatePrint(certificate, CertificateQr.Sign(certificate, key), "Aurelia", "Borealis", "https://openkp.example/verify", language, stamp);
    }

    public static ECDsa NewKey() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static TrustedKey Trusted(ECDsa key, string participant = "AA", string from = "2025-01-01", string? to = null, KeyStatus status = KeyStatus.Active) => new(
        KeyIds.Of(key), participant, participant + " authority", key.ExportSubjectPublicKeyInfo(), Registries.Day(from), to is null ? null : Registries.Day(to), status, null);

    public static TrustAnchors Anchors(params TrustedKey[] keys) => new(keys, new HashSet<string>(), Registries.World());

    public static DateTimeOffset At(string day) => new(Registries.Day(day).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
