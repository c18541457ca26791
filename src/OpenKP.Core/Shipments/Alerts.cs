using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Notifications;
using OpenKP.Shared;

namespace OpenKP.Shipments;

/// <summary>What an officer raises.</summary>
public sealed record NewAlert(AlertKind Kind, string Subject, string Details, string? CertificateNumber);

/// <summary>Who acts: an officer's participant (null for the secretariat) and user name.</summary>
public sealed record AlertActor(string? Participant, string UserName);

public sealed record AlertAcknowledgementView(string Participant, string AcknowledgedBy, DateTime AcknowledgedAt);

/// <summary>An alert as the API shows it; <c>acknowledgedByYou</c>: the reader's participant has acknowledged it.</summary>
public sealed record AlertView(
    long Id, string Kind, string? RaisedByParticipant, string RaisedBy, DateTime RaisedAt, string? CertificateNumber, string Subject, string Details,
    bool AcknowledgedByYou, IReadOnlyList<AlertAcknowledgementView> Acknowledgements)
{
    public static AlertView Of(Alert a, string? reader) => new(
        a.Id, Input.Kebab(a.Kind), a.RaisedByParticipant, a.RaisedBy, a.RaisedAt, a.CertificateNumber, a.Subject, a.Details,
        reader is not null && a.Acknowledgements.Any(k => k.ParticipantCode == reader),
        [.. a.Acknowledgements.OrderBy(k => k.AcknowledgedAt).Select(k => new AlertAcknowledgementView(k.ParticipantCode, k.AcknowledgedBy, k.AcknowledgedAt))]);
}

/// <summary>
/// Raises alerts to every participant's authorities and the secretariat, records each participant's
/// acknowledgement once, and lists them newest first. Raising publishes <c>alert.raised</c> to every
/// participant's authorities and the secretariat in the same transaction.
/// </summary>
public sealed class Alerts(OpenKpDb db, TimeProvider clock, Notifier notifier)
{
    public async Task<Alert> RaiseAsync(AlertActor actor, NewAlert alert, CancellationToken ct)
    {
        var row = new Alert
        {
            Kind = alert.Kind,
            RaisedByParticipant = actor.Participant,
            RaisedBy = actor.UserName,
            RaisedAt = clock.GetUtcNow().UtcDateTime,
            CertificateNumber = alert.CertificateNumber,
            Subject = alert.Subject,
            Details = alert.Details,
        };
        db.Alerts.Add(row);
        // The notice names the alert's id, known once it is saved: both saves share one transaction.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        notifier.Publish(new Notice(
            NoticeTypes.AlertRaised,
            $"Alert from {row.RaisedByParticipant ?? "the KP secretariat"}: {row.Subject}",
            row.Details,
            $"/alerts#alert-{row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            [Audience.AllAuthorities],
            new Dictionary<string, object?>
            {
                ["alertId"] = row.Id,
                ["kind"] = Input.Kebab(row.Kind),
                ["raisedByParticipant"] = row.RaisedByParticipant,
                ["raisedAt"] = row.RaisedAt,
                ["certificateNumber"] = row.CertificateNumber,
                ["subject"] = row.Subject,
            }));
        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return row;
    }

    /// <summary>The officer's participant has read the alert: once per participant.</summary>
    public async Task<Outcome<Alert>> AcknowledgeAsync(long id, string participant, string userName, CancellationToken ct)
    {
        var alert = await db.Alerts.Include(a => a.Acknowledgements).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (alert is null)
        {
            return Outcome<Alert>.NotFound(new(ShipmentCodes.AlertNotFound, $"There is no alert {id}.", "id"));
        }

        if (alert.Acknowledgements.Any(k => k.ParticipantCode == participant))
        {
            return Outcome<Alert>.Conflict(new(ShipmentCodes.AlertAlreadyAcknowledged, $"{participant} has already acknowledged alert {id}.", "id"));
        }

        alert.Acknowledgements.Add(new AlertAcknowledgement
        {
            ParticipantCode = participant,
            AcknowledgedBy = userName,
            AcknowledgedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Outcome<Alert>.Conflict(new(ShipmentCodes.AlertAlreadyAcknowledged, $"{participant} has already acknowledged alert {id}.", "id"));
        }

        return Outcome<Alert>.Success(alert);
    }

    public async Task<Alert?> FindAsync(long id, CancellationToken ct)
        => await db.Alerts.AsNoTracking().Include(a => a.Acknowledgements).SingleOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>Alerts newest first; <paramref name="unacknowledgedBy"/>: only those that participant has not acknowledged.</summary>
    public async Task<Paged<Alert>> ListAsync(AlertKind? kind, string? unacknowledgedBy, int page, int pageSize, CancellationToken ct)
    {
        var query = db.Alerts.AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(a => a.Kind == k);
        }

        if (unacknowledgedBy is { } p)
        {
            query = query.Where(a => !a.Acknowledgements.Any(x => x.ParticipantCode == p));
        }

        var total = await query.CountAsync(ct);
        var items = await query.Include(a => a.Acknowledgements).OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<Alert>(items, page, pageSize, total);
    }
}
