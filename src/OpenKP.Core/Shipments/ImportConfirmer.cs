using Microsoft.EntityFrameworkCore;
using OpenKP.Certificates;
using OpenKP.Data;
using OpenKP.Notifications;
using OpenKP.Registry;
using OpenKP.Shared;

namespace OpenKP.Shipments;

/// <summary>
/// Writes the import confirmation: signed with the importing participant's key (as its certificates
/// are), added to the caller's unit of work with the shipment marked confirmed, and delivered at once
/// to the exporting authority and the exporter.
/// </summary>
public sealed class ImportConfirmer(OpenKpDb db, SigningKeyRing keys, Notifier notifier, TimeProvider clock)
{
    public async Task<Outcome<ImportConfirmation>> ConfirmAsync(
        ShipmentActor actor, Certificate certificate, Shipment? shipment, int parcels, long caratsHundredths, DateOnly receivedOn, CancellationToken ct)
    {
        var authority = await db.Authorities.AsNoTracking()
            .Where(a => a.ParticipantCode == certificate.ImportingParticipant && (a.Role == AuthorityRole.Importing || a.Role == AuthorityRole.ExportingAndImporting))
            .OrderBy(a => a.Id).FirstOrDefaultAsync(ct);
        if (authority is null)
        {
            return Outcome<ImportConfirmation>.Invalid(new Violation(CertificateCodes.IssuingAuthorityMissing,
                $"{certificate.ImportingParticipant} has no importing authority in the registry: the secretariat records it first.", "importingParticipant"));
        }

        var key = await keys.ActiveAsync(certificate.ImportingParticipant, authority.Name, actor.CreateKeyOnFirstUse, actor.UserName, ct);
        if (!key.Succeeded)
        {
            return Outcome<ImportConfirmation>.Conflict(key.Violations[0]);
        }

        var content = new ConfirmationContent(certificate.Number, certificate.IssuingParticipant, certificate.ImportingParticipant, authority.Name,
            certificate.ExporterName, certificate.ImporterName, parcels, caratsHundredths, receivedOn, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var now = clock.GetUtcNow().UtcDateTime;
        var confirmation = new ImportConfirmation
        {
            CertificateNumber = content.CertificateNumber,
            ExportingParticipant = content.ExportingParticipant,
            ImportingParticipant = content.ImportingParticipant,
            ConfirmingAuthority = content.ConfirmingAuthority,
            ExporterName = content.ExporterName,
            ImporterName = content.ImporterName,
            Parcels = parcels,
            CaratsHundredths = caratsHundredths,
            ReceivedOn = receivedOn,
            ConfirmedBy = actor.UserName,
            ConfirmedAt = now,
            KeyId = key.Value!.KeyId,
            SignedText = keys.Sign(key.Value, ecdsa => ImportConfirmationQr.Sign(content, ecdsa)),
        };
        db.ImportConfirmations.Add(confirmation);
        if (shipment is not null)
        {
            shipment.Status = ShipmentStatus.Confirmed;
            shipment.ClosedAt = now;
        }

        List<Audience> to = [Audience.Authority(certificate.IssuingParticipant), Audience.Authority(certificate.ImportingParticipant)];
        if (shipment?.ExporterOperatorId is { } exporter)
        {
            to.Add(Audience.Operator(exporter));
        }

        notifier.Publish(new Notice(NoticeTypes.ImportConfirmed,
            $"Import confirmed: certificate {certificate.Number}",
            $"{authority.Name} confirms receipt on {receivedOn:yyyy-MM-dd} of {parcels} parcel(s), {caratsHundredths / 100m:N2} ct, certificate {certificate.Number}.",
            $"/shipments/{certificate.Number}", to,
            ShipmentNotices.Data(certificate.Number, certificate.IssuingParticipant, certificate.ImportingParticipant,
                ("receivedOn", receivedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                ("parcels", parcels), ("carats", caratsHundredths / 100m), ("confirmation", confirmation.SignedText))));
        return Outcome<ImportConfirmation>.Success(confirmation);
    }
}
