using Microsoft.EntityFrameworkCore;
using OpenKP.Certificates;
using OpenKP.Data;

namespace OpenKP.Web.Certificates;

/// <summary>
/// Demo mode only, on the first start: a few certificates issued through the real issuer (so the
/// lists, the PDF and the verify page have something to show): Botswana to the UAE, South Africa to
/// the EU, and a Congolese certificate (printed in English and French) voided and replaced.
/// </summary>
internal sealed class CertificateDemo(OpenKpDb db, CertificateIssuer issuer, ILogger<CertificateDemo> logger)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Certificates.AnyAsync(ct))
        {
            return;
        }

        var issued = new List<string>();
        async Task<Certificate?> Issue(string participant, CertificateDraft draft)
        {
            var outcome = await issuer.IssueAsync(new IssuingOfficer(participant, $"officer.{participant.ToLowerInvariant()}", CreateKeyOnFirstUse: true), draft, ct);
            if (!outcome.Succeeded)
            {
                logger.LogWarning("Demo certificate for {Participant} not issued: {Codes}", participant, string.Join(", ", outcome.Violations.Select(v => v.Code)));
                return null;
            }

            issued.Add(outcome.Value!.Number);
            return outcome.Value;
        }

        await Issue("BW", Draft("AE", "BW-OP-001", "Gulf Rough Diamonds DMCC", "1 Diamond Street, Dubai", "BW",
            [new("7102.10", 1250.50m, 312_625.00m), new("7102.21", 310.25m, 15_512.50m), new("7102.31", 84.10m, 201_840.00m)], 3));
        await Issue("BW", Draft("IN", "BW-OP-001", "Bharat Rough Imports Pvt Ltd", "1 Diamond Street, Mumbai", "BW",
            [new("7102.31", 402.75m, 688_700.00m)], 2));
        await Issue("ZA", Draft("EU", "ZA-OP-001", "Scheldt Diamond Trading BV", "Hoveniersstraat 2, 2018 Antwerp", "ZA",
            [new("7102.10", 980.00m, 176_400.00m), new("7102.31", 145.60m, 364_000.00m)], 2));
        var congolese = await Issue("CD", Draft("AE", "CD-OP-001", "Gulf Rough Diamonds DMCC", "1 Diamond Street, Dubai", "CD",
            [new("7102.31", 61.30m, 22_068.00m)], 1));
        if (congolese is not null)
        {
            var replaced = await issuer.ReplaceAsync(new IssuingOfficer("CD", "officer.cd", true), congolese.Number, "Le nombre de colis était erroné (wrong parcel count)",
                Draft("AE", "CD-OP-001", "Gulf Rough Diamonds DMCC", "1 Diamond Street, Dubai", "CD", [new("7102.31", 61.30m, 22_068.00m)], 2), ct);
            if (replaced.Succeeded)
            {
                issued.Add(replaced.Value!.Number);
            }
        }

        logger.LogInformation("Demo certificates issued: {Numbers}", string.Join(", ", issued));
    }

    private static CertificateDraft Draft(string importing, string licence, string importer, string address, string origin, IReadOnlyList<CertificateLine> lines, int parcels)
        => new(importing, licence, importer, address, $"{importing}-OP-001", origin, null, null, lines, parcels, null, ["SEAL-DEMO-01"], [], null);
}
