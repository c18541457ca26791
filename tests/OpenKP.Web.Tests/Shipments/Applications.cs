using OpenKP.Web.Certificates;
using OpenKP.Web.Shipments;

namespace OpenKP.Web.Tests.Shipments;

/// <summary>Export applications for tests: a BW exporter's shipment to AE worth US$ 529,977.50 (under the demo four-eyes threshold).</summary>
public static class Applications
{
    public static ApplicationRequest Valid(string importing = "AE", string? exporterLicence = null) => new(
        ExporterLicence: exporterLicence,
        ImportingParticipant: importing,
        Importer: new ImporterRequest("Gulf Rough Diamonds DMCC", "1 Diamond Street, Dubai", $"{importing}-OP-001"),
        Origin: "BW",
        Provenance: null,
        OriginZone: null,
        Lines:
        [
            new CertificateLineRequest("7102.10", 1250.50m, 312625.00m),
            new CertificateLineRequest("7102.21", 310.25m, 15512.50m),
            new CertificateLineRequest("7102.31", 84.10m, 201840.00m),
        ],
        Parcels: 3,
        InvoiceReference: "INV-2026-0042",
        SealNumbers: ["SEAL-0001", "SEAL-0002"],
        ContainerNumbers: ["MSKU1234567"],
        QualityNotes: "Mixed boxes, run of mine",
        PlannedDeparture: "2026-01-20",
        ExpectedArrival: "2026-01-22",
        Version: null);

    /// <summary>What customs find when everything matches the certificate of <see cref="Valid"/>.</summary>
    public static ArrivalRequest Matching(string qr) => new(qr, null, true, 3, 1644.85m, 529977.50m, null, "All in order");
}
