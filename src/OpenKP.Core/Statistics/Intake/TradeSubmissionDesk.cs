using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Registry;
using OpenKP.Shared;

namespace OpenKP.Statistics.Intake;

/// <summary>An uploaded file of trade data for a participant's quarter, as received.</summary>
public sealed record TradeUpload(string Participant, int Year, int Quarter, SubmissionKind Kind, string? FileName, byte[] Bytes, string? Note);

/// <summary>
/// What an upload holds, before or after it is saved: the rows that parsed, totals per flow, and every
/// bad row. <see cref="Problems"/> empty means it can be (or was) committed.
/// </summary>
public sealed record TradePreview(
    string Participant, Quarter Quarter, SubmissionKind Kind, IntakeFormat Format, string? FileName, string Sha256,
    IReadOnlyList<SubmittedFigure> Figures, IReadOnlyList<SubmittedRecord> Records, IReadOnlyList<RowProblem> Problems)
{
    public int RowCount => Kind == SubmissionKind.QuarterlyFigures ? Figures.Count : Records.Count;

    public TradeTotal Total(TradeFlow flow) => Kind == SubmissionKind.QuarterlyFigures
        ? new(Figures.Where(f => f.Flow == flow).Sum(f => f.CaratsHundredths), Figures.Where(f => f.Flow == flow).Sum(f => f.UsdCents), Figures.Where(f => f.Flow == flow).Sum(f => f.Certificates))
        : new(Records.Where(r => r.Flow == flow).Sum(r => r.CaratsHundredths), Records.Where(r => r.Flow == flow).Sum(r => r.UsdCents),
            Records.Where(r => r.Flow == flow).Select(r => r.CertificateNumber).Distinct(StringComparer.Ordinal).Count());
}

/// <summary>A revision of a quarter as the revision list shows it: who, when, which file, and its totals per flow.</summary>
public sealed record TradeRevision(
    long Id, string Participant, Quarter Quarter, int Revision, SubmissionKind Kind, string? FileName, string? Sha256, string? Note, string SubmittedBy, DateTime SubmittedAt,
    int Rows, TradeTotal Exports, TradeTotal Imports);

/// <summary>
/// Takes trade data from participants running their own national systems: checks every row of an
/// uploaded quarter, previews it, and commits it as the next revision of the quarter in one
/// transaction (with the file kept for download and every <see cref="IStatisticsRevisionObserver"/>
/// told inside it) or not at all.
/// </summary>
public sealed class TradeSubmissionDesk(
    OpenKpDb db, ParticipantDirectory directory, UploadStore files, TimeProvider clock, IEnumerable<IStatisticsRevisionObserver> observers)
{
    /// <summary>Reads and checks the upload; with <paramref name="commit"/>, saves it as the next revision when every row is good.</summary>
    public async Task<Outcome<TradePreview>> UploadAsync(TradeUpload upload, string by, bool commit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var registry = await directory.SnapshotAsync(ct);
        if (registry.Find(upload.Participant) is null)
        {
            return Outcome<TradePreview>.NotFound(new Violation(IntakeCodes.SubmissionParticipantUnknown, $"There is no participant {upload.Participant}.", "code"));
        }

        var quarter = new Quarter(upload.Year, upload.Quarter);
        var first = new DateOnly(upload.Year, ((upload.Quarter - 1) * 3) + 1, 1);
        var last = first.AddMonths(3).AddDays(-1);
        if (DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) <= last)
        {
            return Outcome<TradePreview>.Invalid(new Violation(IntakeCodes.PeriodNotEnded,
                string.Create(CultureInfo.InvariantCulture, $"{quarter} has not ended yet: its figures can be sent from {last.AddDays(1):yyyy-MM-dd}."), "quarter"));
        }

        var table = IntakeFile.Read(upload.Bytes);
        if (!table.Succeeded)
        {
            return Outcome<TradePreview>.From(table);
        }

        var intakeKind = upload.Kind == SubmissionKind.QuarterlyFigures ? IntakeKind.QuarterlyFigures : IntakeKind.CertificateRecords;
        if (IntakeRules.MissingColumns(intakeKind, table.Value!) is { } missing)
        {
            return Outcome<TradePreview>.Invalid(missing);
        }

        var rules = new IntakeRules(upload.Participant, code => registry.Find(code) is not null);
        var sha = UploadStore.Sha256(upload.Bytes);
        TradePreview preview;
        if (upload.Kind == SubmissionKind.QuarterlyFigures)
        {
            var parsed = rules.Figures(table.Value!.Rows);
            preview = new(upload.Participant, quarter, upload.Kind, table.Value.Format, upload.FileName, sha, parsed.Rows, [], parsed.Problems);
        }
        else
        {
            var parsed = rules.Records(table.Value!.Rows, first, last);
            preview = new(upload.Participant, quarter, upload.Kind, table.Value.Format, upload.FileName, sha, [], parsed.Rows, parsed.Problems);
        }

        if (!commit)
        {
            return Outcome<TradePreview>.Success(preview);
        }

        if (preview.Problems.Count > 0)
        {
            return Outcome<TradePreview>.Invalid([.. preview.Problems.Select(p => p.ToViolation())]);
        }

        // The file first: content-addressed, so a failed commit leaves at most an unreferenced copy, never a revision without its file.
        await files.SaveAsync(upload.Bytes, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var revision = 1 + (await db.TradeSubmissions.Where(s => s.ParticipantCode == upload.Participant && s.Year == upload.Year && s.QuarterNumber == upload.Quarter)
            .MaxAsync(s => (int?)s.Revision, ct) ?? 0);
        var submission = new TradeSubmission
        {
            ParticipantCode = upload.Participant,
            Year = upload.Year,
            QuarterNumber = upload.Quarter,
            Revision = revision,
            Kind = upload.Kind,
            FileName = upload.FileName is { Length: > 0 } name ? Path.GetFileName(name)[..Math.Min(Path.GetFileName(name).Length, 260)] : null,
            FileSha256 = sha,
            Note = upload.Note,
            SubmittedBy = by,
            SubmittedAt = clock.GetUtcNow().UtcDateTime,
            Figures = [.. preview.Figures],
            Records = [.. preview.Records],
        };
        db.TradeSubmissions.Add(submission);
        try
        {
            await db.SaveChangesAsync(ct);
            var reason = string.Create(CultureInfo.InvariantCulture, $"{upload.Participant} trade {quarter} revision {revision}");
            foreach (var observer in observers)
            {
                await observer.OnRevisedAsync(upload.Year, reason, by, ct);
            }

            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Outcome<TradePreview>.Conflict(new Violation(IntakeCodes.RevisionConflict,
                $"Another upload for {upload.Participant} {quarter} was saved at the same moment; look at the revisions and upload again if yours is still needed.", "quarter"));
        }

        return Outcome<TradePreview>.Success(preview);
    }

    /// <summary>Every revision of a participant's quarters of <paramref name="year"/> (or one quarter), newest first.</summary>
    public async Task<IReadOnlyList<TradeRevision>> RevisionsAsync(string participant, int year, int? quarter, CancellationToken ct)
    {
        var query = db.TradeSubmissions.AsNoTracking().Where(s => s.ParticipantCode == participant && s.Year == year);
        if (quarter is { } q)
        {
            query = query.Where(s => s.QuarterNumber == q);
        }

        var submissions = await query.OrderByDescending(s => s.QuarterNumber).ThenByDescending(s => s.Revision).ToListAsync(ct);
        var ids = submissions.Select(s => s.Id).ToList();
        var figures = await db.SubmittedFigures.AsNoTracking().Where(f => ids.Contains(f.TradeSubmissionId))
            .GroupBy(f => new { f.TradeSubmissionId, f.Flow })
            .Select(g => new { g.Key.TradeSubmissionId, g.Key.Flow, Carats = g.Sum(x => x.CaratsHundredths), Usd = g.Sum(x => x.UsdCents), Count = g.Sum(x => x.Certificates), Rows = g.Count() })
            .ToListAsync(ct);
        var records = await db.SubmittedRecords.AsNoTracking().Where(r => ids.Contains(r.TradeSubmissionId))
            .GroupBy(r => new { r.TradeSubmissionId, r.Flow })
            .Select(g => new { g.Key.TradeSubmissionId, g.Key.Flow, Carats = g.Sum(x => x.CaratsHundredths), Usd = g.Sum(x => x.UsdCents), Count = g.Select(x => x.CertificateNumber).Distinct().Count(), Rows = g.Count() })
            .ToListAsync(ct);
        var sums = figures.Concat(records).ToLookup(x => (x.TradeSubmissionId, x.Flow));

        TradeTotal Total(long id, TradeFlow flow) => sums[(id, flow)].Aggregate(default(TradeTotal), (t, x) => t + new TradeTotal(x.Carats, x.Usd, x.Count));

        return [.. submissions.Select(s => new TradeRevision(
            s.Id, s.ParticipantCode, s.Quarter, s.Revision, s.Kind, s.FileName, s.FileSha256, s.Note, s.SubmittedBy, s.SubmittedAt,
            sums[(s.Id, TradeFlow.Export)].Sum(x => x.Rows) + sums[(s.Id, TradeFlow.Import)].Sum(x => x.Rows),
            Total(s.Id, TradeFlow.Export), Total(s.Id, TradeFlow.Import)))];
    }

    /// <summary>A revision's file as uploaded, or not found when the participant has no such revision (or its file is gone).</summary>
    public async Task<Outcome<(TradeSubmission Submission, byte[] Bytes)>> FileAsync(string participant, long id, CancellationToken ct)
    {
        var submission = await db.TradeSubmissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.ParticipantCode == participant, ct);
        if (submission?.FileSha256 is not { } sha || await files.ReadAsync(sha, ct) is not { } bytes)
        {
            return Outcome<(TradeSubmission, byte[])>.NotFound(new Violation(IntakeCodes.SubmissionNotFound,
                $"{participant} has no uploaded revision {id.ToString(CultureInfo.InvariantCulture)} with a file.", "id"));
        }

        return Outcome<(TradeSubmission, byte[])>.Success((submission, bytes));
    }
}
