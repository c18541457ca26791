using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Notifications;
using OpenKP.Shared;

namespace OpenKP.Shipments;

/// <summary>
/// Detention cases: both authorities (and the customs of both sides) see a case, add notes and
/// evidence files; the importing side resolves it. Released goods are confirmed as received (the
/// import confirmation is signed then); seized or returned goods close the shipment without one.
/// </summary>
public sealed class DetentionCases(OpenKpDb db, FileStore files, ImportConfirmer confirmer, Notifier notifier, TimeProvider clock, WriteGate? gate = null)
{
    /// <summary>The officials of either participant, and the secretariat.</summary>
    public static bool CanSee(ShipmentActor actor, DetentionCase c)
        => actor.IsSecretariat || (actor.Participant is { } p && (actor.IsAuthorityOfficer || actor.IsCustomsOfficer) && (p == c.ExportingParticipant || p == c.ImportingParticipant));

    public async Task<Outcome<DetentionCase>> FindAsync(ShipmentActor actor, long id, CancellationToken ct)
    {
        var found = await db.DetentionCases.AsNoTracking().Include(c => c.Notes).SingleOrDefaultAsync(c => c.Id == id, ct);
        return found is not null && CanSee(actor, found) ? Outcome<DetentionCase>.Success(found) : Outcome<DetentionCase>.NotFound(NotFound(id));
    }

    /// <summary>Adds a note, with an evidence file (PDF, PNG or JPEG, checked by content) when one is given.</summary>
    public async Task<Outcome<CaseNote>> AddNoteAsync(ShipmentActor actor, long id, string text, string? fileName, Stream? file, CancellationToken ct)
    {
        var found = await db.DetentionCases.Include(c => c.Notes).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (found is null || !CanSee(actor, found))
        {
            return Outcome<CaseNote>.NotFound(NotFound(id));
        }

        if (actor.Participant is not { } participant)
        {
            return Outcome<CaseNote>.Forbidden(new(ShipmentCodes.NotDestination, "Notes on a case are the two participants' officials': the secretariat reads the case.", "id"));
        }

        var note = new CaseNote { Participant = participant, Author = actor.UserName, At = clock.GetUtcNow().UtcDateTime, Text = text };
        if (file is not null)
        {
            var stored = await files.StoreAsync(file, "file", ct);
            if (!stored.Succeeded)
            {
                return Outcome<CaseNote>.Invalid(stored.Violations);
            }

            note.FileName = ApplicationDesk.SafeName(fileName ?? "evidence");
            note.ContentType = stored.Value!.ContentType;
            note.FileSize = stored.Value.Size;
            note.FileSha256 = stored.Value.Sha256;
        }

        found.Notes.Add(note);
        notifier.Publish(new Notice(NoticeTypes.CaseUpdated,
            $"Case {id} (certificate {found.CertificateNumber}): a note from {participant}",
            text.Length > 300 ? text[..300] + "…" : text,
            $"/cases/{id}", [Audience.Authority(found.ExportingParticipant), Audience.Authority(found.ImportingParticipant)],
            ShipmentNotices.Data(found.CertificateNumber, found.ExportingParticipant, found.ImportingParticipant, ("caseId", id), ("evidence", note.FileSha256 is not null))));
        await db.SaveChangesAsync(ct);
        return Outcome<CaseNote>.Success(note);
    }

    /// <summary>Resolves a case (the importing participant's officials): released goods are confirmed with the figures found at arrival.</summary>
    public async Task<Outcome<DetentionCase>> ResolveAsync(ShipmentActor actor, long id, CaseResolution resolution, string note, Guid? version, CancellationToken ct)
    {
        using var turn = gate is not null ? await gate.EnterAsync(db, ct) : null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockAuditChainAsync(ct);
        var found = await db.DetentionCases.Include(c => c.Notes).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (found is null || !CanSee(actor, found))
        {
            return Outcome<DetentionCase>.NotFound(NotFound(id));
        }

        if (actor.Participant != found.ImportingParticipant)
        {
            return Outcome<DetentionCase>.Forbidden(new(ShipmentCodes.NotDestination, $"The importing participant ({found.ImportingParticipant}) resolves the case; you can add notes.", "id"));
        }

        if (found.Resolution is not null)
        {
            return Outcome<DetentionCase>.Conflict(new(ShipmentCodes.CaseResolved, $"Case {id} was already resolved ({Input.Kebab(found.Resolution.Value)}) on {found.ResolvedAt:yyyy-MM-dd}.", "id"));
        }

        if (version is { } v && v != found.Version)
        {
            return Outcome<DetentionCase>.Conflict(new(ShipmentCodes.ShipmentChanged, $"Case {id} changed since you read it: reload it.", "version"));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        found.Resolution = resolution;
        found.ResolutionNote = note;
        found.ResolvedAt = now;
        found.ResolvedBy = actor.UserName;
        var shipment = found.ShipmentId is { } sid ? await db.Shipments.SingleOrDefaultAsync(s => s.Id == sid, ct) : null;
        if (resolution == CaseResolution.Released)
        {
            var certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Number == found.CertificateNumber, ct);
            var check = await db.ArrivalChecks.AsNoTracking().SingleAsync(a => a.Id == found.ArrivalCheckId, ct);
            if (certificate is not null)
            {
                var confirmed = await confirmer.ConfirmAsync(actor, certificate, shipment, check.Parcels, check.CaratsHundredths, check.ReceivedOn, ct);
                if (!confirmed.Succeeded)
                {
                    return Outcome<DetentionCase>.From(confirmed);
                }
            }
        }
        else if (shipment is not null)
        {
            shipment.Status = resolution == CaseResolution.Seized ? ShipmentStatus.Seized : ShipmentStatus.Returned;
            shipment.ClosedAt = now;
        }

        notifier.Publish(new Notice(NoticeTypes.CaseResolved,
            $"Case {id} (certificate {found.CertificateNumber}) resolved: {Input.Kebab(resolution)}",
            $"{found.ImportingParticipant} resolved the detention of certificate {found.CertificateNumber}: {Input.Kebab(resolution)}. {note}",
            $"/cases/{id}", [Audience.Authority(found.ExportingParticipant), Audience.Authority(found.ImportingParticipant), Audience.Customs(found.ImportingParticipant)],
            ShipmentNotices.Data(found.CertificateNumber, found.ExportingParticipant, found.ImportingParticipant, ("caseId", id), ("resolution", Input.Kebab(resolution)))));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<DetentionCase>.Conflict(new(ShipmentCodes.ShipmentChanged, $"Case {id} changed while you resolved it: reload it.", "version"));
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Outcome<DetentionCase>.Conflict(new(ShipmentCodes.CertificateAlreadyUsed, $"Certificate {found.CertificateNumber} already has an import confirmation.", "id"));
        }

        await transaction.CommitAsync(ct);
        return Outcome<DetentionCase>.Success(found);
    }

    private static Violation NotFound(long id) => new(ShipmentCodes.CaseNotFound, $"You have no detention case {id}.", "id");
}
