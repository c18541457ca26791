using Microsoft.EntityFrameworkCore;
using OpenKP.Certificates;
using OpenKP.Data;
using OpenKP.Notifications;
using OpenKP.Shared;

namespace OpenKP.Shipments;

/// <summary>
/// Customs at the borders the goods cross. The exporting participant's customs record the container
/// sealed and gone, the seals found checked against the certificate's; a third participant's customs
/// record a sealed shipment in transit, without a new certificate, after verifying the certificate.
/// </summary>
public sealed class DepartureRecorder(OpenKpDb db, CertificateQueries certificates, Notifier notifier, TimeProvider clock)
{
    /// <summary>Records the departure; every seal that differs from the certificate's is a violation and nothing is recorded.</summary>
    public async Task<Outcome<Shipment>> DepartAsync(ShipmentActor actor, string number, IReadOnlyList<string> seals, string? note, Guid? version, CancellationToken ct)
    {
        var shipment = await db.Shipments.SingleOrDefaultAsync(s => s.CertificateNumber == number, ct);
        if (shipment is null || !(actor.IsCustomsOfficer && actor.Participant == shipment.ExportingParticipant))
        {
            return Outcome<Shipment>.NotFound(new(ShipmentCodes.ShipmentNotFound, $"{actor.Participant} has no outgoing shipment under certificate {number}.", "number"));
        }

        if (shipment.Status != ShipmentStatus.AwaitingDeparture)
        {
            return Outcome<Shipment>.Conflict(new(ShipmentCodes.ShipmentAlreadyDeparted,
                $"The shipment of certificate {number} is {Input.Kebab(shipment.Status)}{(shipment.DepartedAt is { } at ? $" (left {at:yyyy-MM-dd})" : string.Empty)}.", "number"));
        }

        if (version is { } v && v != shipment.Version)
        {
            return Outcome<Shipment>.Conflict(new(ShipmentCodes.ShipmentChanged, $"The shipment of certificate {number} changed since you read it: reload it.", "version"));
        }

        var certificate = await db.Certificates.AsNoTracking().SingleAsync(c => c.Number == number, ct);
        var verification = await certificates.VerifyAsync(certificate.QrText, clock.GetUtcNow(), ct);
        var violations = verification.Valid
            ? new List<Violation>()
            : [new Violation(ShipmentCodes.CertificateInvalid, $"Certificate {number} does not verify: it cannot cover a departure.", "number"), .. verification.Reasons];
        violations.AddRange(SealDifferences(certificate.SealNumbers, seals));
        if (violations.Count > 0)
        {
            return Outcome<Shipment>.Invalid(violations);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        shipment.Status = ShipmentStatus.Departed;
        shipment.DepartedAt = now;
        shipment.DepartedBy = actor.UserName;
        shipment.DepartureSeals = [.. seals];
        shipment.DepartureNote = note;
        notifier.Publish(new Notice(NoticeTypes.ShipmentDeparted,
            $"Departed: certificate {number}",
            $"{shipment.ExportingParticipant} customs saw the shipment of certificate {number} leave sealed ({string.Join(", ", seals)}); expected by {shipment.ExpectedArrival:yyyy-MM-dd}.",
            $"/shipments/{number}", [Audience.Customs(shipment.ImportingParticipant), Audience.Authority(shipment.ExportingParticipant)],
            ShipmentNotices.Data(number, shipment.ExportingParticipant, shipment.ImportingParticipant, ("seals", seals))));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Shipment>.Conflict(new(ShipmentCodes.ShipmentAlreadyDeparted, $"The shipment of certificate {number} changed while you recorded it: reload it.", "number"));
        }

        return Outcome<Shipment>.Success(shipment);
    }

    /// <summary>Records a sealed shipment crossing the officer's participant on its way elsewhere.</summary>
    public async Task<Outcome<TransitRecord>> TransitAsync(ShipmentActor actor, string? qr, bool sealIntact, string? notes, CancellationToken ct)
    {
        if (!actor.IsCustomsOfficer || actor.Participant is not { } here)
        {
            return Outcome<TransitRecord>.Forbidden(new(ShipmentCodes.NotTransitParticipant, "Transits are recorded by the customs of the participant crossed.", "qr"));
        }

        var verification = await certificates.VerifyAsync(qr, clock.GetUtcNow(), ct);
        if (verification.Certificate is not { } content)
        {
            return Outcome<TransitRecord>.Invalid([new Violation(ShipmentCodes.CertificateUnreadable, "The QR text is not a KP certificate OpenKP can read.", "qr"), .. verification.Reasons]);
        }

        if (content.IssuingParticipant == here || content.Importer.Participant == here)
        {
            return Outcome<TransitRecord>.Invalid(new Violation(ShipmentCodes.NotTransitParticipant,
                $"Certificate {content.Number} goes from {content.IssuingParticipant} to {content.Importer.Participant}: {here} records its departure or its arrival, not a transit.", "qr"));
        }

        var record = new TransitRecord
        {
            CertificateNumber = content.Number,
            TransitParticipant = here,
            RecordedBy = actor.UserName,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            CertificateValid = verification.Valid,
            VerificationReasons = [.. verification.Reasons.Select(r => r.Code)],
            SealIntact = sealIntact,
            Notes = notes,
        };
        db.TransitRecords.Add(record);
        var state = (verification.Valid ? "valid certificate" : "certificate does NOT verify") + (sealIntact ? ", seal intact" : ", seal NOT intact");
        notifier.Publish(new Notice(NoticeTypes.TransitRecorded,
            $"In transit through {here}: certificate {content.Number}",
            $"{here} customs recorded the shipment of certificate {content.Number} in transit ({state}).",
            $"/shipments/{content.Number}",
            [Audience.Authority(content.IssuingParticipant), Audience.Authority(content.Importer.Participant), Audience.Customs(content.Importer.Participant)],
            ShipmentNotices.Data(content.Number, content.IssuingParticipant, content.Importer.Participant,
                ("transitParticipant", here), ("sealIntact", sealIntact), ("certificateValid", verification.Valid))));
        await db.SaveChangesAsync(ct);
        return Outcome<TransitRecord>.Success(record);
    }

    /// <summary>Seals missing from what customs found, and seals found that the certificate does not list (compared trimmed, ignoring case).</summary>
    internal static IEnumerable<Violation> SealDifferences(IReadOnlyList<string> certified, IReadOnlyList<string> found)
    {
        var expected = certified.Select(Normal).ToHashSet(StringComparer.Ordinal);
        var seen = found.Select(Normal).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in certified.Where(s => !seen.Contains(Normal(s))))
        {
            yield return new Violation(ShipmentCodes.SealsDiffer, $"Seal {missing} is on the certificate but was not found on the container.", "sealNumbers");
        }

        foreach (var extra in found.Where(s => !expected.Contains(Normal(s))))
        {
            yield return new Violation(ShipmentCodes.SealsDiffer, $"Seal {extra} was found on the container but is not on the certificate.", "sealNumbers");
        }

        static string Normal(string s) => s.Trim().ToUpperInvariant();
    }
}
