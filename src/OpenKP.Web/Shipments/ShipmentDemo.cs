using Microsoft.EntityFrameworkCore;
using OpenKP.Accounts;
using OpenKP.Certificates;
using OpenKP.Data;
using OpenKP.Shipments;

namespace OpenKP.Web.Shipments;

/// <summary>
/// Demo mode only, on the first start, after the demo certificates: the shipments loop in each of its
/// states, through the real use cases — an application awaiting Botswana's review, Botswana's first
/// certificate gone from Gaborone (awaiting the UAE's check), South Africa's shipment confirmed by the
/// EU, and Botswana's shipment to India detained for a short weight.
/// </summary>
internal sealed class ShipmentDemo(
    OpenKpDb db, ApplicationDesk desk, DepartureRecorder departures, ArrivalChecker arrivals, ILogger<ShipmentDemo> logger)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.ExportApplications.AnyAsync(ct) || await db.ArrivalChecks.AnyAsync(ct))
        {
            return;
        }

        var operatorBw = await db.Operators.AsNoTracking().SingleOrDefaultAsync(o => o.ParticipantCode == "BW" && o.LicenceNumber == "BW-OP-001", ct);
        if (operatorBw is not null)
        {
            var exporter = new ShipmentActor("operator.bw", Roles.Operator, "BW", operatorBw.Id);
            var created = await desk.CreateAsync(exporter, new ApplicationDraft(
                null, "AE", "Gulf Rough Diamonds DMCC", "1 Diamond Street, Dubai", "AE-OP-001", "BW", null, null,
                [new CertificateLine("7102.10", 2210.40m, 541_548.00m), new CertificateLine("7102.31", 96.15m, 240_375.00m)], 4, "KRT-INV-2026-0117",
                ["SEAL-DEMO-11", "SEAL-DEMO-12"], ["MSKU7654321"], "Run of mine, Jwaneng", null, null), ct);
            if (created.Succeeded)
            {
                await desk.SubmitAsync(exporter, created.Value!.Id, null, ct);
            }
        }

        var certificates = await db.Certificates.AsNoTracking().Where(c => c.Status == CertificateStatus.Issued).OrderBy(c => c.Id).ToListAsync(ct);
        var toAe = certificates.FirstOrDefault(c => c.IssuingParticipant == "BW" && c.ImportingParticipant == "AE");
        var toIn = certificates.FirstOrDefault(c => c.IssuingParticipant == "BW" && c.ImportingParticipant == "IN");
        var toEu = certificates.FirstOrDefault(c => c.IssuingParticipant == "ZA" && c.ImportingParticipant == "EU");
        var done = new List<string>();
        if (toAe is not null && (await departures.DepartAsync(Customs("BW"), toAe.Number, toAe.SealNumbers, "Loaded at Sir Seretse Khama International Airport", null, ct)).Succeeded)
        {
            done.Add($"{toAe.Number} departed");
        }

        if (toEu is not null && (await arrivals.CheckAsync(Customs("EU"), Arrival(toEu, toEu.TotalCaratsHundredths, "Antwerp Diamond Office: counted and weighed"), ct)).Succeeded)
        {
            done.Add($"{toEu.Number} confirmed");
        }

        if (toIn is not null && (await arrivals.CheckAsync(Customs("IN"), Arrival(toIn, toIn.TotalCaratsHundredths - 1_250, "Mumbai: 12.50 ct short on the Bharat Diamond Bourse scale"), ct)).Succeeded)
        {
            done.Add($"{toIn.Number} detained");
        }

        logger.LogInformation("Demo shipments: an application awaiting review; {Shipments}", string.Join(", ", done));
    }

    private static ShipmentActor Customs(string participant) => new($"customs.{participant.ToLowerInvariant()}", Roles.CustomsOfficer, participant, null, CreateKeyOnFirstUse: true);

    private static ArrivalReport Arrival(Certificate c, long caratsHundredths, string notes)
        => new(c.QrText, null, new ArrivalFindings(true, c.Parcels, caratsHundredths, c.TotalUsdCents), null, notes);
}
