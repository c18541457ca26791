using OpenKP.Web.Certificates;

namespace OpenKP.Web.Tests.Certificates;

/// <summary>Issue requests for the demo data: Botswana's demo exporter ships to the UAE's demo importer.</summary>
public static class Drafts
{
    public static IssueCertificateRequest Valid(string importing = "AE", string origin = "BW") => new(
        IssuingParticipant: null,
        ImportingParticipant: importing,
        ExporterLicence: "BW-OP-001",
        Importer: new ImporterRequest("Gulf Rough Diamonds DMCC", "1 Diamond Street, Dubai", $"{importing}-OP-001"),
        Origin: origin,
        Provenance: null,
        OriginZone: null,
        Lines:
        [
            new CertificateLineRequest("7102.10", 1250.50m, 312625.00m),
            new CertificateLineRequest("7102.21", 310.25m, 15512.50m),
            new CertificateLineRequest("7102.31", 84.10m, 201840.00m),
        ],
        Parcels: 3,
        ExpiresOn: null,
        SealNumbers: ["SEAL-0001", "SEAL-0002"],
        ContainerNumbers: ["MSKU1234567"],
        QualityNotes: "Mixed boxes, run of mine");
}
