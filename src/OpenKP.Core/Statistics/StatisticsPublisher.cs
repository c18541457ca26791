using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Shared;

namespace OpenKP.Statistics;

/// <summary>
/// Publishes a year's statistics (KPCS annual statistics: public only once the secretariat publishes
/// them): the live figures are frozen as vintage 1; a later revision of the year's data — a production
/// return corrected, a quarter re-uploaded — freezes vintage N+1 when, and only when, the figures
/// differ from the latest vintage. Vintages are never changed or deleted; each is audited.
/// </summary>
public sealed class StatisticsPublisher(OpenKpDb db, AnnualFigures figures, TimeProvider clock, WriteGate? gate = null) : IStatisticsRevisionObserver
{
    /// <summary>The reason recorded on a year's first vintage when none is given.</summary>
    public const string FirstPublication = "First publication";

    public const int MaxReasonLength = 2000;

    /// <summary>
    /// Publishes <paramref name="year"/>: vintage 1 when it is not yet published; with a
    /// <paramref name="reason"/>, a new vintage of a published year whose figures changed.
    /// </summary>
    public async Task<Outcome<VintageInfo>> PublishAsync(int year, string? reason, string publishedBy, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (year >= today.Year)
        {
            return Outcome<VintageInfo>.Invalid(new Violation(PublicationCodes.YearNotOver,
                $"{year} is not over: a year is published once it has ended (from 1 January {year + 1}).", "year"));
        }

        using var turn = gate is not null ? await gate.EnterAsync(db, ct) : null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockAuditChainAsync(ct);
        var latest = await LatestAsync(year, ct);
        if (latest is not null && string.IsNullOrWhiteSpace(reason))
        {
            return Outcome<VintageInfo>.Conflict(new Violation(PublicationCodes.YearAlreadyPublished,
                $"{year} is published (vintage {latest.Number}, {latest.PublishedAt:yyyy-MM-dd}). To publish a new vintage, say why (reason).", "reason"));
        }

        var live = await figures.ForYearAsync(year, ct);
        if (latest is not null && VintageDifference.Between([.. latest.Rows.Select(PublishedStatistics.Row)], live).Count == 0)
        {
            return Outcome<VintageInfo>.Conflict(new Violation(PublicationCodes.VintageUnchanged,
                $"The figures of {year} equal vintage {latest.Number}: a new vintage would change nothing.", "year"));
        }

        var vintage = Freeze(year, (latest?.Number ?? 0) + 1, live, publishedBy, latest is null ? reason?.Trim() is { Length: > 0 } r ? r : FirstPublication : reason!.Trim());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Outcome<VintageInfo>.Conflict(new Violation(PublicationCodes.PublicationChanged,
                $"Another publication of {year} was saved at the same moment: reload and try again.", "year"));
        }

        await transaction.CommitAsync(ct);
        return Outcome<VintageInfo>.Success(PublishedStatistics.Info(vintage));
    }

    /// <summary>
    /// Called by the code that saved a revision, after saving it and before committing its
    /// transaction: a published year whose figures now differ gets its next vintage, saved in that
    /// same transaction (so the revision and its vintage commit together or not at all). An
    /// unpublished year, or a revision that changes no published figure, adds nothing.
    /// </summary>
    public async Task OnRevisedAsync(int year, string reason, string revisedBy, CancellationToken ct)
    {
        var latest = await LatestAsync(year, ct);
        if (latest is null)
        {
            return;
        }

        var live = await figures.ForYearAsync(year, ct);
        if (VintageDifference.Between([.. latest.Rows.Select(PublishedStatistics.Row)], live).Count == 0)
        {
            return;
        }

        Freeze(year, latest.Number + 1, live, revisedBy, string.IsNullOrWhiteSpace(reason) ? "Revision" : reason.Trim());
        await db.SaveChangesAsync(ct);
    }

    private Task<StatisticsVintage?> LatestAsync(int year, CancellationToken ct)
        => db.StatisticsVintages.AsNoTracking().Include(v => v.Rows)
            .Where(v => v.Year == year).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);

    private StatisticsVintage Freeze(int year, int number, IReadOnlyList<ParticipantYear> rows, string by, string reason)
    {
        var vintage = new StatisticsVintage
        {
            Year = year,
            Number = number,
            PublishedAt = clock.GetUtcNow().UtcDateTime,
            PublishedBy = by,
            Reason = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason,
            Rows = [.. rows.Select(r => new VintageRow
            {
                ParticipantCode = r.Participant,
                ProductionCaratsHundredths = r.ProductionCaratsHundredths,
                ProductionUsdCents = r.ProductionUsdCents,
                ExportCaratsHundredths = r.ExportCaratsHundredths,
                ExportUsdCents = r.ExportUsdCents,
                ExportCertificates = r.ExportCertificates,
                ImportCaratsHundredths = r.ImportCaratsHundredths,
                ImportUsdCents = r.ImportUsdCents,
                ImportCertificates = r.ImportCertificates,
                ProductionSubmitted = r.ProductionSubmitted,
            })],
        };
        db.StatisticsVintages.Add(vintage);
        return vintage;
    }
}
