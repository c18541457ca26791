using System.Globalization;

namespace OpenKP.Certificates;

/// <summary>The exporter as the certificate names it: a licensed operator of the issuing participant.</summary>
public sealed record CertificateExporter(string Name, string Address, string Licence);

/// <summary>The importer: its participant, and its licence where that participant keeps its register in OpenKP.</summary>
public sealed record CertificateImporter(string Name, string Address, string Participant, string? Licence);

/// <summary>One line: an HS code, carats (two decimals) and value in US$ (cents).</summary>
public sealed record CertificateLine(string HsCode, decimal Carats, decimal Usd);

/// <summary>
/// Everything a KP certificate states (KPCS Annex I minimum content), exactly as it is signed. The
/// title and the KP statement are fixed text (<see cref="Title"/>, <see cref="Statement"/>) implied by
/// the payload version; totals derive from the lines.
/// </summary>
public sealed record CertificateContent(
    string Number,
    string IssuingParticipant,
    string IssuingAuthority,
    CertificateExporter Exporter,
    CertificateImporter Importer,
    string Origin,
    string? Provenance,
    string? OriginZone,
    IReadOnlyList<CertificateLine> Lines,
    int Parcels,
    DateOnly IssuedOn,
    DateOnly ExpiresOn,
    IReadOnlyList<string> SealNumbers,
    IReadOnlyList<string> ContainerNumbers,
    string? QualityNotes,
    string? Replaces)
{
    public const string Title = "Kimberley Process Certificate";

    public const string Statement =
        "The rough diamonds in this shipment have been handled in accordance with the provisions of the " +
        "Kimberley Process Certification Scheme for rough diamonds.";

    /// <summary>The origin of a parcel mixed from several countries; <see cref="Provenance"/> then names the country it comes from.</summary>
    public const string Mixed = "mixed";

    /// <summary>The three HS codes of rough diamonds: unsorted, industrial, non-industrial (unworked or simply sawn, cleaved or bruted).</summary>
    public static readonly IReadOnlyList<string> HsCodes = ["7102.10", "7102.21", "7102.31"];

    public bool IsMixed => Origin == Mixed;

    public decimal TotalCarats => Lines.Sum(l => l.Carats);

    public decimal TotalUsd => Lines.Sum(l => l.Usd);

    /// <summary>The country whose standing and embargoes apply to the goods: the origin, or for mixed goods the country of provenance.</summary>
    public string OriginForRules => IsMixed ? Provenance ?? IssuingParticipant : Origin;

    /// <summary>The lines and totals as text, for messages and logs.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Number}: {IssuingParticipant} → {Importer.Participant}, {TotalCarats:0.00} ct, US${TotalUsd:0.00}, {Parcels} parcel(s), issued {IssuedOn:yyyy-MM-dd}");
}
