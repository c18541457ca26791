using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Registry;
using OpenKP.Shared;

namespace OpenKP.Statistics.Intake;

/// <summary>A production return as checked: its lines (or the uploaded file's rows) and every bad line.</summary>
public sealed record ProductionPreview(
    string Participant, HalfYear Half, SubmissionSource Source, IntakeFormat? Format, string? FileName, IReadOnlyList<ProductionLine> Lines, IReadOnlyList<RowProblem> Problems)
{
    public long Carats => Lines.Sum(l => l.CaratsHundredths);
    public long Usd => Lines.Sum(l => l.UsdCents);
}

/// <summary>A revision of a half year's return as the revision list shows it.</summary>
public sealed record ProductionRevision(
    long Id, string Participant, HalfYear Half, int Revision, SubmissionSource Source, string? Note, string SubmittedBy, DateTime SubmittedAt, IReadOnlyList<ProductionLine> Lines)
{
    public long Carats => Lines.Sum(l => l.CaratsHundredths);
    public long Usd => Lines.Sum(l => l.UsdCents);
}

/// <summary>
/// Takes half-yearly production returns, typed in or uploaded: checks every line by the same rules,
/// and saves the return as the next revision of the half year (a correction is a new revision; the
/// latest counts) in one transaction with every <see cref="IStatisticsRevisionObserver"/> told inside it.
/// A return with no lines is a nil return: the participant produced nothing in the half year.
/// </summary>
public sealed class ProductionReturnDesk(OpenKpDb db, ParticipantDirectory directory, TimeProvider clock, IEnumerable<IStatisticsRevisionObserver> observers)
{
    public async Task<Outcome<ProductionPreview>> EnterAsync(
        string participant, HalfYear half, IReadOnlyList<ProductionLineInput> lines, string? note, string by, bool commit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var parsed = IntakeRules.Production(lines);
        return await CheckAndSaveAsync(new(participant, half, SubmissionSource.Entered, null, null, parsed.Rows, parsed.Problems), note, by, commit, ct);
    }

    public async Task<Outcome<ProductionPreview>> UploadAsync(
        string participant, HalfYear half, string? fileName, byte[] bytes, string? note, string by, bool commit, CancellationToken ct)
    {
        var table = IntakeFile.Read(bytes);
        if (!table.Succeeded)
        {
            return Outcome<ProductionPreview>.From(table);
        }

        if (IntakeRules.MissingColumns(IntakeKind.Production, table.Value!) is { } missing)
        {
            return Outcome<ProductionPreview>.Invalid(missing);
        }

        var parsed = IntakeRules.Production(table.Value!.Rows);
        return await CheckAndSaveAsync(new(participant, half, SubmissionSource.Uploaded, table.Value.Format, fileName, parsed.Rows, parsed.Problems), note, by, commit, ct);
    }

    /// <summary>Every revision of a participant's returns for <paramref name="year"/> (or one half), newest first, with their lines.</summary>
    public async Task<IReadOnlyList<ProductionRevision>> RevisionsAsync(string participant, int year, int? half, CancellationToken ct)
    {
        var query = db.ProductionReturns.AsNoTracking().Where(r => r.ParticipantCode == participant && r.Year == year);
        if (half is { } h)
        {
            query = query.Where(r => r.Half == h);
        }

        var returns = await query.Include(r => r.Lines).OrderByDescending(r => r.Half).ThenByDescending(r => r.Revision).ToListAsync(ct);
        return [.. returns.Select(r => new ProductionRevision(r.Id, r.ParticipantCode, new HalfYear(r.Year, r.Half), r.Revision, r.Source, r.Note, r.SubmittedBy, r.SubmittedAt,
            [.. r.Lines.OrderBy(l => l.MiningType).ThenBy(l => l.HsCode, StringComparer.Ordinal)]))];
    }

    private async Task<Outcome<ProductionPreview>> CheckAndSaveAsync(ProductionPreview preview, string? note, string by, bool commit, CancellationToken ct)
    {
        var registry = await directory.SnapshotAsync(ct);
        if (registry.Find(preview.Participant) is null)
        {
            return Outcome<ProductionPreview>.NotFound(new Violation(IntakeCodes.SubmissionParticipantUnknown, $"There is no participant {preview.Participant}.", "code"));
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (today <= preview.Half.Last)
        {
            return Outcome<ProductionPreview>.Invalid(new Violation(IntakeCodes.PeriodNotEnded,
                string.Create(CultureInfo.InvariantCulture, $"{preview.Half} has not ended yet: its return can be sent from {preview.Half.Last.AddDays(1):yyyy-MM-dd}."), "half"));
        }

        if (!commit)
        {
            return Outcome<ProductionPreview>.Success(preview);
        }

        if (preview.Problems.Count > 0)
        {
            return Outcome<ProductionPreview>.Invalid([.. preview.Problems.Select(p => p.ToViolation())]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var revision = 1 + (await db.ProductionReturns.Where(r => r.ParticipantCode == preview.Participant && r.Year == preview.Half.Year && r.Half == preview.Half.Number)
            .MaxAsync(r => (int?)r.Revision, ct) ?? 0);
        db.ProductionReturns.Add(new ProductionReturn
        {
            ParticipantCode = preview.Participant,
            Year = preview.Half.Year,
            Half = preview.Half.Number,
            Revision = revision,
            Source = preview.Source,
            Note = preview.FileName is { Length: > 0 } file ? Trim($"{(note is { Length: > 0 } ? note + " " : string.Empty)}(uploaded as {Path.GetFileName(file)})") : note,
            SubmittedBy = by,
            SubmittedAt = clock.GetUtcNow().UtcDateTime,
            Lines = [.. preview.Lines],
        });
        try
        {
            await db.SaveChangesAsync(ct);
            var reason = string.Create(CultureInfo.InvariantCulture, $"{preview.Participant} production {preview.Half} revision {revision}");
            foreach (var observer in observers)
            {
                await observer.OnRevisedAsync(preview.Half.Year, reason, by, ct);
            }

            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Outcome<ProductionPreview>.Conflict(new Violation(IntakeCodes.RevisionConflict,
                $"Another return for {preview.Participant} {preview.Half} was saved at the same moment; look at the revisions and send yours again if it is still needed.", "half"));
        }

        return Outcome<ProductionPreview>.Success(preview);
    }

    private static string Trim(string note) => note.Length <= 2000 ? note : note[..2000];
}
