using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenKP.Certificates;
using OpenKP.Data;
using OpenKP.Notifications;
using OpenKP.Shared;
using OpenKP.Statistics;

namespace OpenKP.Shipments;

/// <summary>
/// What an importing customs officer reports at arrival: the QR text scanned or pasted (or the
/// certificate number, to check the stored QR), the findings, the date of receipt (default today).
/// </summary>
public sealed record ArrivalReport(string? Qr, string? CertificateNumber, ArrivalFindings Findings, DateOnly? ReceivedOn, string? Notes);

/// <summary>
/// The arrival check and what it led to: an import confirmation, or a detention case; and the
/// certificate's lines against its origin's footprint (a warning for customs, which never changes the outcome).
/// </summary>
public sealed record ArrivalResult(ArrivalCheck Check, ImportConfirmation? Confirmation, DetentionCase? Case, Verification Verification, FootprintCheck Footprint);

/// <summary>
/// The importing customs officer's arrival check. It verifies the certificate with the one verifier,
/// compares what arrived with what was certified (<see cref="ShipmentRules.CheckArrival"/> within the
/// importing participant's tolerances), then either confirms the import (signed, delivered to the
/// exporting authority at once) or detains the shipment and opens a case both authorities see. A
/// certificate is checked at arrival once: a second arrival under it is refused and raised as
/// suspected fraud to every authority.
/// </summary>
public sealed class ArrivalChecker(
    OpenKpDb db, CertificateQueries certificates, ImportConfirmer confirmer, ShipmentSettingsStore settings, Alerts alerts, Notifier notifier, FootprintChecker footprints,
    TimeProvider clock, WriteGate? gate = null)
{
    /// <summary>Days the importing participant has to tell the issuing authority of a detention (KPCS; EU Regulation 2368/2002: one month).</summary>
    public const int NotifyWithinMonths = 1;

    public async Task<Outcome<ArrivalResult>> CheckAsync(ShipmentActor actor, ArrivalReport report, CancellationToken ct)
    {
        if (!actor.IsCustomsOfficer || actor.Participant is not { } importing)
        {
            return Outcome<ArrivalResult>.Forbidden(new(ShipmentCodes.NotDestination, "Arrival checks are made by the importing participant's customs officers.", "qr"));
        }

        var qr = report.Qr;
        if (string.IsNullOrWhiteSpace(qr) && report.CertificateNumber is { } number)
        {
            qr = await db.Certificates.AsNoTracking().Where(c => c.Number == number).Select(c => c.QrText).SingleOrDefaultAsync(ct);
            if (qr is null)
            {
                return Outcome<ArrivalResult>.Invalid(new Violation(ShipmentCodes.CertificateUnreadable,
                    $"OpenKP issued no certificate {number}: scan or paste the QR text printed on the certificate.", "certificateNumber"));
            }
        }

        var now = clock.GetUtcNow();
        var verification = await certificates.VerifyAsync(qr, now, ct);
        if (verification.Certificate is not { } content)
        {
            return Outcome<ArrivalResult>.Invalid([new Violation(ShipmentCodes.CertificateUnreadable,
                "The QR text is not a KP certificate OpenKP can read: detain the goods under your national procedure and raise an alert.", "qr"), .. verification.Reasons]);
        }

        if (content.Importer.Participant != importing)
        {
            return Outcome<ArrivalResult>.Forbidden(new(ShipmentCodes.NotDestination,
                $"Certificate {content.Number} is bound for {content.Importer.Participant}, not {importing}: its customs check it (record a transit instead).", "qr"));
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (report.ReceivedOn is { } day && (day < content.IssuedOn || day > today))
        {
            return Outcome<ArrivalResult>.Invalid(new Violation(ShipmentCodes.ReceivedOnOutOfRange,
                $"The date of receipt is between the certificate's issue date ({content.IssuedOn:yyyy-MM-dd}) and today ({today:yyyy-MM-dd}).", "receivedOn"));
        }

        using var turn = gate is not null ? await gate.EnterAsync(db, ct) : null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockAuditChainAsync(ct);
        var earlier = await db.ArrivalChecks.AsNoTracking().Where(a => a.CertificateNumber == content.Number).OrderBy(a => a.Id).FirstOrDefaultAsync(ct);
        if (earlier is not null)
        {
            await transaction.RollbackAsync(ct);
            await RaiseSecondArrivalAsync(actor, content, earlier, ct);
            return Outcome<ArrivalResult>.Conflict(new(ShipmentCodes.CertificateAlreadyUsed,
                $"Certificate {content.Number} was already checked at arrival on {earlier.ReceivedOn:yyyy-MM-dd} ({Input.Kebab(earlier.Outcome)}): a certificate covers one shipment. " +
                "An alert of suspected fraud has gone to every participant's authorities.", "qr"));
        }

        var certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Number == content.Number, ct);
        var shipment = await db.Shipments.SingleOrDefaultAsync(s => s.CertificateNumber == content.Number, ct);
        var rules = await settings.GetAsync(importing, ct);
        var found = report.Findings;
        var certifiedCarats = Certificate.Hundredths(content.TotalCarats);
        var certifiedUsd = Certificate.Hundredths(content.TotalUsd);
        var discrepancies = ShipmentRules.CheckArrival(verification.Valid && certificate is not null, content.Parcels, certifiedCarats, certifiedUsd, found, rules);
        var receivedOn = report.ReceivedOn ?? today;
        var check = new ArrivalCheck
        {
            CertificateNumber = content.Number,
            ImportingParticipant = importing,
            ExportingParticipant = content.IssuingParticipant,
            CheckedBy = actor.UserName,
            CheckedAt = now.UtcDateTime,
            ReceivedOn = receivedOn,
            CertificateValid = verification.Valid,
            VerificationReasons = [.. verification.Reasons.Select(r => r.Code)],
            SealIntact = found.SealIntact,
            Parcels = found.Parcels,
            CaratsHundredths = found.CaratsHundredths,
            UsdCents = found.UsdCents,
            Outcome = discrepancies.Count == 0 ? ArrivalOutcome.Accepted : ArrivalOutcome.Detained,
            Discrepancies = [.. discrepancies.Select(d => d.Code)],
            Notes = report.Notes,
        };
        db.ArrivalChecks.Add(check);
        ImportConfirmation? confirmation = null;
        DetentionCase? detention = null;
        if (discrepancies.Count == 0)
        {
            var confirmed = await confirmer.ConfirmAsync(actor, certificate!, shipment, found.Parcels, found.CaratsHundredths, receivedOn, ct);
            if (!confirmed.Succeeded)
            {
                return Outcome<ArrivalResult>.From(confirmed);
            }

            confirmation = confirmed.Value;
        }
        else
        {
            await db.SaveChangesAsync(ct); // the check's id, for the case
            detention = Detain(actor, content, shipment, check, discrepancies, now.UtcDateTime);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Outcome<ArrivalResult>.Conflict(new(ShipmentCodes.CertificateAlreadyUsed, $"Certificate {content.Number} was confirmed at the same moment by another check.", "qr"));
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ArrivalResult>.Conflict(new(ShipmentCodes.CertificateAlreadyUsed, $"The shipment of certificate {content.Number} changed while you checked it: reload it.", "qr"));
        }

        // A read, before the commit: once the check is committed, nothing may fail the request (a retry would find it "already checked").
        var footprint = await footprints.CheckAsync(content.Origin, content.OriginZone,
            [.. content.Lines.Select((l, i) => new FootprintLine(i + 1, l.HsCode, Certificate.Hundredths(l.Carats), Certificate.Hundredths(l.Usd)))], ct);
        await transaction.CommitAsync(ct);
        return Outcome<ArrivalResult>.Success(new ArrivalResult(check, confirmation, detention, verification, footprint));
    }

    private DetentionCase Detain(ShipmentActor actor, CertificateContent content, Shipment? shipment, ArrivalCheck check, IReadOnlyList<Violation> discrepancies, DateTime now)
    {
        if (shipment is not null)
        {
            shipment.Status = ShipmentStatus.Detained;
        }

        var detention = new DetentionCase
        {
            CertificateNumber = content.Number,
            ShipmentId = shipment?.Id,
            ArrivalCheckId = check.Id,
            ExportingParticipant = content.IssuingParticipant,
            ImportingParticipant = check.ImportingParticipant,
            Discrepancies = [.. discrepancies.Select(d => d.Code)],
            OpenedAt = now,
            OpenedBy = actor.UserName,
            NotifyBy = DateOnly.FromDateTime(now).AddMonths(NotifyWithinMonths),
            IssuerNotifiedAt = now,
        };
        db.DetentionCases.Add(detention);
        notifier.Publish(new Notice(NoticeTypes.ShipmentDetained,
            $"Shipment detained: certificate {content.Number}",
            $"{check.ImportingParticipant} customs detained the shipment of certificate {content.Number}: " + string.Join(" ", discrepancies.Select(d => d.Message)),
            $"/shipments/{content.Number}",
            [Audience.Authority(content.IssuingParticipant), Audience.Authority(check.ImportingParticipant), Audience.Customs(check.ImportingParticipant)],
            ShipmentNotices.Data(content.Number, content.IssuingParticipant, check.ImportingParticipant,
                ("discrepancies", detention.Discrepancies), ("notifyBy", detention.NotifyBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))));
        return detention;
    }

    /// <summary>A second arrival under one certificate: every authority is warned (its own transaction, kept although the check is refused).</summary>
    private async Task RaiseSecondArrivalAsync(ShipmentActor actor, CertificateContent content, ArrivalCheck earlier, CancellationToken ct)
    {
        await alerts.RaiseAsync(new AlertActor(actor.Participant, actor.UserName), new NewAlert(AlertKind.FraudulentCertificate,
            $"Second arrival under certificate {content.Number}",
            $"{actor.Participant} customs were presented certificate {content.Number} ({content.IssuingParticipant} → {content.Importer.Participant}, " +
            $"{content.TotalCarats:N2} ct) although it was already checked at arrival on {earlier.ReceivedOn:yyyy-MM-dd} by {earlier.ImportingParticipant}. " +
            "The certificate may have been copied to cover a second shipment.",
            content.Number), ct);
    }
}
