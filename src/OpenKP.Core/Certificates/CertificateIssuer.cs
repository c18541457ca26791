using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OpenKP.Data;
using OpenKP.Registry;
using OpenKP.Shared;

namespace OpenKP.Certificates;

/// <summary>What an officer asks to certify; the issuing participant and the dates come from who asks and when.</summary>
public sealed record CertificateDraft(
    string ImportingParticipant,
    string ExporterLicence,
    string ImporterName,
    string ImporterAddress,
    string? ImporterLicence,
    string Origin,
    string? Provenance,
    string? OriginZone,
    IReadOnlyList<CertificateLine> Lines,
    int Parcels,
    DateOnly? ExpiresOn,
    IReadOnlyList<string> SealNumbers,
    IReadOnlyList<string> ContainerNumbers,
    string? QualityNotes);

/// <summary>Who issues, and whether a missing signing key may be created on the spot (demo mode).</summary>
public sealed record IssuingOfficer(string Participant, string UserName, bool CreateKeyOnFirstUse);

/// <summary>
/// Issues, voids and replaces certificates and records lost or stolen numbers. Issuance checks every
/// rule on the issue date (<see cref="IssuanceRules"/>), takes the next number from the participant's
/// sequence, signs, and stores — number, certificate and audit rows in one transaction, so a failure
/// anywhere leaves neither a certificate nor a used number.
/// </summary>
public sealed class CertificateIssuer(
    OpenKpDb db, ParticipantDirectory registry, SigningKeyRing keys, TimeProvider clock, WriteGate? gate = null, IEnumerable<ICertificateIssuedObserver>? observers = null)
{
    /// <summary>Every rule the draft would break if issued today, without issuing (the review screen's check).</summary>
    public async Task<IReadOnlyList<Violation>> CheckAsync(IssuingOfficer officer, CertificateDraft draft, CancellationToken ct)
    {
        var prepared = await PrepareAsync(officer, draft, null, ct);
        return prepared.Succeeded ? [] : prepared.Violations;
    }

    public async Task<Outcome<Certificate>> IssueAsync(IssuingOfficer officer, CertificateDraft draft, CancellationToken ct, string? replaces = null)
    {
        var prepared = await PrepareAsync(officer, draft, replaces, ct);
        if (!prepared.Succeeded)
        {
            return Outcome<Certificate>.Invalid(prepared.Violations);
        }

        var (participant, authority, content) = prepared.Value!;
        var today = content.IssuedOn;
        var key = await keys.ActiveAsync(participant.Code, authority.Name, officer.CreateKeyOnFirstUse, officer.UserName, ct);
        if (!key.Succeeded)
        {
            return Outcome<Certificate>.Conflict(key.Violations[0]);
        }

        var format = CertificateNumberFormat.OrDefault(participant.CertificateNumberFormat);
        // Inside the caller's transaction when there is one (replacement), else our own, in the writers' queue.
        using var turn = db.Database.CurrentTransaction is null && gate is not null ? await gate.EnterAsync(db, ct) : null;
        await using var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // Locks in one order everywhere: the audit chain first, then the participant's sequence row.
        await db.LockAuditChainAsync(ct);
        var sequence = await NextNumberAsync(participant.Code, format.PeriodOf(today), ct);
        content = content with { Number = format.Format(participant.Code, today, sequence) };
        var qr = keys.Sign(key.Value!, ecdsa => CertificateQr.Sign(content, ecdsa));
        if (qr.Length > CertificateQr.MaxLength)
        {
            // Rolled back with the number: it is taken by the next certificate that fits.
            return Outcome<Certificate>.Invalid(new Violation(CertificateCodes.CertificateTooLarge,
                $"This certificate's QR text would be {qr.Length} characters; a QR printed 50 mm wide scans reliably up to {CertificateQr.MaxLength}. " +
                "Use fewer lines, seal or container numbers, or shorter addresses and notes.", "lines"));
        }

        var certificate = Certificate.From(content, key.Value!.KeyId, qr, officer.UserName, clock.GetUtcNow().UtcDateTime);
        db.Certificates.Add(certificate);
        foreach (var observer in observers ?? [])
        {
            // Other modules' rows for the new certificate (the shipment it opens, notices) commit with it.
            await observer.OnIssuedAsync(certificate, ct);
        }

        if (replaces is not null)
        {
            // The original is tracked by ReplaceAsync: its link is saved (and audited) with the new certificate, under its version.
            var original = db.Certificates.Local.SingleOrDefault(c => c.Number == replaces) ?? await db.Certificates.SingleAsync(c => c.Number == replaces, ct);
            original.ReplacedBy = content.Number;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Certificate>.Conflict(new(CertificateCodes.CertificateChanged,
                $"Certificate {replaces} changed while it was being replaced (another replacement?): reload it.", "number"));
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Outcome<Certificate>.Conflict(new(CertificateCodes.NumberFormatCollision,
                $"The next number, {content.Number}, was already issued under an earlier number format: change {participant.Code}'s format so its numbers cannot repeat.", "issuingParticipant"));
        }

        if (owned is not null)
        {
            await owned.CommitAsync(ct);
        }

        return Outcome<Certificate>.Success(certificate);
    }

    /// <summary>
    /// Voids a certificate of the officer's participant: from now on it fails verification and is on
    /// the revocation list. Send the <paramref name="version"/> you read, or null to void whatever the state.
    /// </summary>
    public async Task<Outcome<Certificate>> VoidAsync(IssuingOfficer officer, string number, string reason, Guid? version, CancellationToken ct)
    {
        var certificate = await db.Certificates.Include(c => c.Lines).SingleOrDefaultAsync(c => c.Number == number, ct);
        if (certificate is null || certificate.IssuingParticipant != officer.Participant)
        {
            return Outcome<Certificate>.NotFound(new(CertificateCodes.CertificateNotFound, $"{officer.Participant} issued no certificate {number}.", "number"));
        }

        if (certificate.Status == CertificateStatus.Voided)
        {
            return Outcome<Certificate>.Conflict(new(CertificateCodes.CertificateAlreadyVoided,
                $"Certificate {number} was already voided on {certificate.VoidedAt:yyyy-MM-dd}: {certificate.VoidReason}", "number"));
        }

        if (version is { } v && v != certificate.Version)
        {
            return Outcome<Certificate>.Conflict(new(CertificateCodes.CertificateChanged,
                $"Certificate {number} changed since you read it: reload it and try again.", "version"));
        }

        certificate.Status = CertificateStatus.Voided;
        certificate.VoidedAt = clock.GetUtcNow().UtcDateTime;
        certificate.VoidReason = reason;
        certificate.VoidedBy = officer.UserName;
        await TellVoidedAsync(certificate, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Certificate>.Conflict(new(CertificateCodes.CertificateChanged,
                $"Certificate {number} changed while you voided it: reload it and try again.", "version"));
        }

        return Outcome<Certificate>.Success(certificate);
    }

    /// <summary>
    /// Replaces a certificate: voids the original with <paramref name="reason"/> and issues a new one
    /// that names it, in one piece: if the new one breaks a rule, the original stays as it was.
    /// </summary>
    public async Task<Outcome<Certificate>> ReplaceAsync(IssuingOfficer officer, string number, string reason, CertificateDraft draft, CancellationToken ct)
    {
        using var turn = gate is not null ? await gate.EnterAsync(db, ct) : null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockAuditChainAsync(ct);
        // Read inside the transaction, tracked: a concurrent replacement either is seen here or fails on the version.
        var original = await db.Certificates.SingleOrDefaultAsync(c => c.Number == number, ct);
        if (original is null || original.IssuingParticipant != officer.Participant)
        {
            return Outcome<Certificate>.NotFound(new(CertificateCodes.CertificateNotFound, $"{officer.Participant} issued no certificate {number}.", "number"));
        }

        if (original.ReplacedBy is not null)
        {
            return Outcome<Certificate>.Conflict(new(CertificateCodes.CertificateAlreadyReplaced,
                $"Certificate {number} was already replaced by {original.ReplacedBy}.", "number"));
        }

        if (original.Status != CertificateStatus.Voided)
        {
            original.Status = CertificateStatus.Voided;
            original.VoidedAt = clock.GetUtcNow().UtcDateTime;
            original.VoidReason = reason;
            original.VoidedBy = officer.UserName;
            await TellVoidedAsync(original, ct);
        }

        var issued = await IssueAsync(officer, draft, ct, replaces: number);
        if (issued.Succeeded)
        {
            await transaction.CommitAsync(ct);
        }

        return issued;
    }

    /// <summary>Records certificate or blank-form numbers of the officer's participant as lost or stolen: they fail verification.</summary>
    public async Task<Outcome<IReadOnlyList<ReportedNumber>>> ReportNumbersAsync(
        IssuingOfficer officer, IReadOnlyList<string> numbers, ReportedNumberKind kind, string? note, CancellationToken ct)
    {
        var violations = new List<Violation>();
        for (var i = 0; i < numbers.Count; i++)
        {
            if (!numbers[i].StartsWith(officer.Participant, StringComparison.Ordinal))
            {
                violations.Add(new(CertificateCodes.NumberNotParticipants, $"{numbers[i]} is not a number of {officer.Participant}: its numbers begin with its code.", $"numbers[{i}]"));
            }
        }

        var already = await db.ReportedNumbers.AsNoTracking().Where(r => numbers.Contains(r.Number)).Select(r => r.Number).ToListAsync(ct);
        violations.AddRange(already.Select(n => new Violation(CertificateCodes.NumberAlreadyReported, $"{n} was already reported lost or stolen.", "numbers")));

        // A number OpenKP has not given out yet but would: reporting it would void the certificate that gets it.
        var participant = await db.Participants.AsNoTracking().SingleAsync(p => p.Code == officer.Participant, ct);
        var format = CertificateNumberFormat.OrDefault(participant.CertificateNumberFormat);
        var issued = await db.Certificates.AsNoTracking().Where(c => numbers.Contains(c.Number)).Select(c => c.Number).ToListAsync(ct);
        for (var i = 0; i < numbers.Count; i++)
        {
            if (!issued.Contains(numbers[i]) && format.CouldNumber(officer.Participant, numbers[i]))
            {
                violations.Add(new(CertificateCodes.NumberNotIssued,
                    $"{numbers[i]} has not been issued: OpenKP gives numbers out at issuance, so report issued certificates, or blank-form serials that are not OpenKP numbers.", $"numbers[{i}]"));
            }
        }

        if (violations.Count > 0)
        {
            return Outcome<IReadOnlyList<ReportedNumber>>.Invalid(violations);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = numbers.Distinct(StringComparer.Ordinal).Select(n => new ReportedNumber
        {
            ParticipantCode = officer.Participant,
            Number = n,
            Kind = kind,
            ReportedOn = today,
            Note = note,
            ReportedBy = officer.UserName,
        }).ToList();
        db.ReportedNumbers.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Outcome<IReadOnlyList<ReportedNumber>>.Invalid(new Violation(CertificateCodes.NumberAlreadyReported,
                "Some of these numbers were reported at the same moment by someone else: reload the list.", "numbers"));
        }

        return Outcome<IReadOnlyList<ReportedNumber>>.Success(rows);
    }

    private async Task TellVoidedAsync(Certificate certificate, CancellationToken ct)
    {
        foreach (var observer in observers ?? [])
        {
            await observer.OnVoidedAsync(certificate, ct);
        }
    }

    private sealed record Prepared(Participant Participant, Authority Authority, CertificateContent Content);

    /// <summary>The draft as the certificate would read today (no number yet), or every rule it breaks.</summary>
    private async Task<Outcome<Prepared>> PrepareAsync(IssuingOfficer officer, CertificateDraft draft, string? replaces, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var snapshot = await registry.SnapshotAsync(ct);
        var participant = snapshot.Find(officer.Participant);
        var authority = await keys.IssuingAuthorityAsync(officer.Participant, ct);
        if (participant is null || authority is null)
        {
            return Outcome<Prepared>.Invalid(new Violation(CertificateCodes.IssuingAuthorityMissing,
                $"{officer.Participant} has no exporting authority in the registry: the secretariat records it first.", "issuingParticipant"));
        }

        // One query for both registers: the issuing participant's operators and the importing participant's.
        var importing = snapshot.ParticipantFor(draft.ImportingParticipant, today) ?? draft.ImportingParticipant;
        var operators = await db.Operators.AsNoTracking()
            .Where(o => o.ParticipantCode == participant.Code || o.ParticipantCode == importing).ToListAsync(ct);
        var exporters = operators.Where(o => o.ParticipantCode == participant.Code).ToList();
        var importers = operators.Where(o => o.ParticipantCode == importing).ToList();
        var content = DraftContent(participant, authority, draft, importing, exporters, today, replaces);
        var violations = IssuanceRules.Check(content, snapshot, exporters, importers, new IssuancePolicy(participant.MaxCertificateValidityDays));
        return violations.Count > 0 ? Outcome<Prepared>.Invalid(violations) : Outcome<Prepared>.Success(new Prepared(participant, authority, content));
    }

    private static CertificateContent DraftContent(
        Participant participant, Authority authority, CertificateDraft d, string importingParticipant, IReadOnlyList<Operator> exporters, DateOnly today, string? replaces)
    {
        var exporter = exporters.FirstOrDefault(o => o.LicenceNumber.Equals(d.ExporterLicence, StringComparison.OrdinalIgnoreCase));
        return new CertificateContent(
            Number: string.Empty,
            IssuingParticipant: participant.Code,
            IssuingAuthority: authority.Name,
            Exporter: new CertificateExporter(exporter?.CompanyName ?? string.Empty, exporter?.Address ?? string.Empty, exporter?.LicenceNumber ?? d.ExporterLicence),
            Importer: new CertificateImporter(d.ImporterName, d.ImporterAddress, importingParticipant, d.ImporterLicence),
            Origin: d.Origin,
            Provenance: d.Provenance,
            OriginZone: d.OriginZone,
            Lines: d.Lines,
            Parcels: d.Parcels,
            IssuedOn: today,
            ExpiresOn: d.ExpiresOn ?? today.AddDays(participant.MaxCertificateValidityDays),
            SealNumbers: d.SealNumbers,
            ContainerNumbers: d.ContainerNumbers,
            QualityNotes: d.QualityNotes,
            Replaces: replaces);
    }

    /// <summary>
    /// Bumps the participant's sequence inside the caller's transaction and returns the new number.
    /// PostgreSQL locks the row until commit; SQLite's transaction holds the write lock (BEGIN IMMEDIATE).
    /// </summary>
    private async Task<long> NextNumberAsync(string participant, int period, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using DbCommand command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText =
            """
            INSERT INTO certificate_sequences ("ParticipantCode", "Period", "Last") VALUES (@participant, @period, 1)
            ON CONFLICT ("ParticipantCode", "Period") DO UPDATE SET "Last" = certificate_sequences."Last" + 1
            RETURNING "Last"
            """;
        command.Parameters.Add(Parameter(command, "@participant", participant));
        command.Parameters.Add(Parameter(command, "@period", period));
        var result = await command.ExecuteScalarAsync(ct);
        return Convert.ToInt64(result, CultureInfo.InvariantCulture);
    }

    private static DbParameter Parameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        return p;
    }
}
