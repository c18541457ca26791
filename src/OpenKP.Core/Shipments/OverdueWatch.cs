using Microsoft.EntityFrameworkCore;
using OpenKP.Certificates;
using OpenKP.Data;
using OpenKP.Notifications;
using OpenKP.Shared;

namespace OpenKP.Shipments;

/// <summary>Why a shipment is on the overdue list: no confirmation N days after issue, or the certificate expired before the goods left.</summary>
public enum OverdueReason
{
    NotConfirmed,
    ExpiredUnused,
}

/// <summary>An exporting authority's open loop: the shipment, why it is listed, and the days since issue.</summary>
public sealed record OverdueShipment(Shipment Shipment, OverdueReason Reason, int DaysSinceIssue);

/// <summary>
/// Chases the loops that stay open. An exporting authority sees its certificates with no import
/// confirmation more than <see cref="ShipmentSettings.OverdueAfterDays"/> after issue (not detained:
/// a case is open for those) and those that expired before the goods left; it reminds the importing
/// side, and a daily sweep reminds it of each overdue one at most once a <see cref="ReminderIntervalDays"/>.
/// </summary>
public sealed class OverdueWatch(OpenKpDb db, ShipmentSettingsStore settings, Notifier notifier, TimeProvider clock)
{
    public const int ReminderIntervalDays = 7;

    public async Task<Paged<OverdueShipment>> ListAsync(string exporting, int page, int pageSize, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rules = await settings.GetAsync(exporting, ct);
        var query = Overdue(db.Shipments.AsNoTracking().Where(s => s.ExportingParticipant == exporting), today, rules.OverdueAfterDays);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(s => s.IssuedOn).ThenBy(s => s.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<OverdueShipment>([.. rows.Select(s => Classify(s, today))], page, pageSize, total);
    }

    /// <summary>Reminds the importing side of one overdue shipment (the exporting participant's authority).</summary>
    public async Task<Outcome<Shipment>> RemindAsync(ShipmentActor actor, string number, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var shipment = await db.Shipments.SingleOrDefaultAsync(s => s.CertificateNumber == number, ct);
        if (shipment is null || !(actor.IsAuthorityOfficer && actor.Participant == shipment.ExportingParticipant))
        {
            return Outcome<Shipment>.NotFound(new(ShipmentCodes.ShipmentNotFound, $"{actor.Participant} has no outgoing shipment under certificate {number}.", "number"));
        }

        var rules = await settings.GetAsync(shipment.ExportingParticipant, ct);
        if (!await Overdue(db.Shipments.Where(s => s.Id == shipment.Id), today, rules.OverdueAfterDays).AnyAsync(ct))
        {
            return Outcome<Shipment>.Conflict(new(ShipmentCodes.ShipmentClosed, $"The shipment of certificate {number} is not overdue ({Input.Kebab(shipment.Status)}).", "number"));
        }

        Remind(shipment, today);
        await db.SaveChangesAsync(ct);
        return Outcome<Shipment>.Success(shipment);
    }

    /// <summary>
    /// The daily sweep: reminds the importing side of every shipment without confirmation past its
    /// participant's limit and not reminded in the last week (oldest first, at most 500 per participant
    /// per sweep). Each participant is saved on its own, so one conflict does not stop the others. Returns how many.
    /// </summary>
    public async Task<int> RemindAllAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-ReminderIntervalDays);
        var participants = await db.Shipments.AsNoTracking().Where(s => s.ClosedAt == null).Select(s => s.ExportingParticipant).Distinct().ToListAsync(ct);
        var reminded = 0;
        foreach (var participant in participants)
        {
            var rules = await settings.GetAsync(participant, ct);
            var issuedBefore = today.AddDays(-rules.OverdueAfterDays);
            var due = await Overdue(db.Shipments.Where(s => s.ExportingParticipant == participant), today, rules.OverdueAfterDays)
                .Where(s => s.IssuedOn < issuedBefore && !(s.Status == ShipmentStatus.AwaitingDeparture && s.ExpiresOn < today))
                .Where(s => s.LastReminderAt == null || s.LastReminderAt < cutoff)
                .OrderBy(s => s.IssuedOn).ThenBy(s => s.Id).Take(500).ToListAsync(ct);
            foreach (var shipment in due)
            {
                Remind(shipment, today);
            }

            try
            {
                await db.SaveChangesAsync(ct);
                reminded += due.Count;
            }
            catch (DbUpdateConcurrencyException)
            {
                // A shipment changed under the sweep (confirmed, detained): the next sweep sees it as it is now.
                db.ChangeTracker.Clear();
            }
        }

        return reminded;
    }

    private IQueryable<Shipment> Overdue(IQueryable<Shipment> shipments, DateOnly today, int afterDays)
    {
        var issuedBefore = today.AddDays(-afterDays);
        return shipments
            .Where(s => s.Status == ShipmentStatus.AwaitingDeparture || s.Status == ShipmentStatus.Departed)
            .Where(s => db.Certificates.Any(c => c.Number == s.CertificateNumber && c.Status == CertificateStatus.Issued))
            .Where(s => s.IssuedOn < issuedBefore || (s.Status == ShipmentStatus.AwaitingDeparture && s.ExpiresOn < today));
    }

    private static OverdueShipment Classify(Shipment s, DateOnly today)
        => new(s, s.Status == ShipmentStatus.AwaitingDeparture && s.ExpiresOn < today ? OverdueReason.ExpiredUnused : OverdueReason.NotConfirmed, today.DayNumber - s.IssuedOn.DayNumber);

    private void Remind(Shipment shipment, DateOnly today)
    {
        shipment.LastReminderAt = clock.GetUtcNow().UtcDateTime;
        var days = today.DayNumber - shipment.IssuedOn.DayNumber;
        notifier.Publish(new Notice(NoticeTypes.ConfirmationOverdue,
            $"Confirmation overdue: certificate {shipment.CertificateNumber}",
            $"{shipment.ExportingParticipant} issued certificate {shipment.CertificateNumber} {days} days ago and has no import confirmation: check the shipment at arrival, or tell {shipment.ExportingParticipant} where it is.",
            $"/shipments/{shipment.CertificateNumber}", [Audience.Authority(shipment.ImportingParticipant), Audience.Customs(shipment.ImportingParticipant)],
            ShipmentNotices.Data(shipment.CertificateNumber, shipment.ExportingParticipant, shipment.ImportingParticipant, ("daysSinceIssue", days))));
    }
}
