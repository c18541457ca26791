using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Registry;

namespace OpenKP.Statistics.Intake;

/// <summary>Where a participant's submission for one period stands, as the status lists show it.</summary>
public enum IntakeStatus
{
    /// <summary>Nothing sent yet and the due date has not passed (the period may still be running).</summary>
    Due,
    /// <summary>The due date passed with nothing sent.</summary>
    Late,
    /// <summary>Sent on or before the due date.</summary>
    Submitted,
    /// <summary>Sent, but first after the due date.</summary>
    SubmittedLate,
    /// <summary>A trade quarter of a participant that does not upload: its figures are derived from the certificates, nothing is owed.</summary>
    Derived,
}

/// <summary>One period of one participant: its due date, status and current revision (null when nothing was sent).</summary>
public sealed record PeriodStatus(string Period, DateOnly DueOn, IntakeStatus Status, int? Revision, DateTime? FirstSubmittedAt, DateTime? LastSubmittedAt, string? LastSubmittedBy);

/// <summary>A participant's year: its four trade quarters (derived unless it uploads) and its two production halves.</summary>
public sealed record ParticipantSubmissions(string Participant, int Year, bool UploadsTrade, IReadOnlyList<PeriodStatus> Quarters, IReadOnlyList<PeriodStatus> Halves)
{
    public int LateCount => Quarters.Concat(Halves).Count(p => p.Status == IntakeStatus.Late);
}

/// <summary>
/// Due dates and statuses of statistics submissions (<see cref="StatisticsCalendar"/>, configured with
/// <c>OpenKP:Statistics:DueDays</c>). Every member of the year owes two production returns. A participant
/// owes trade uploads only when it runs its own national system, which OpenKP knows from its uploads:
/// one that uploaded any quarter of the year or of the year before is expected to upload every
/// quarter; the others' trade is derived from the certificates.
/// </summary>
public sealed class SubmissionStatusBoard(OpenKpDb db, ParticipantDirectory directory, StatisticsCalendar calendar, TimeProvider clock)
{
    public async Task<ParticipantSubmissions> ForParticipantAsync(string participant, int year, CancellationToken ct)
        => (await ForAsync([participant], year, ct)).Single();

    /// <summary>Every member of the scheme in <paramref name="year"/>, by code: the secretariat's overview.</summary>
    public async Task<IReadOnlyList<ParticipantSubmissions>> ForYearAsync(int year, CancellationToken ct)
        => await ForAsync(AnnualFigures.MembersIn(await directory.SnapshotAsync(ct), year), year, ct);

    private async Task<IReadOnlyList<ParticipantSubmissions>> ForAsync(IReadOnlyList<string> participants, int year, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var trade = await db.TradeSubmissions.AsNoTracking()
            .Where(s => participants.Contains(s.ParticipantCode) && (s.Year == year || s.Year == year - 1))
            .Select(s => new { s.ParticipantCode, s.Year, Period = s.QuarterNumber, s.Revision, s.SubmittedAt, s.SubmittedBy })
            .ToListAsync(ct);
        var production = await db.ProductionReturns.AsNoTracking()
            .Where(r => participants.Contains(r.ParticipantCode) && r.Year == year)
            .Select(r => new { r.ParticipantCode, Period = r.Half, r.Revision, r.SubmittedAt, r.SubmittedBy })
            .ToListAsync(ct);

        return [.. participants.Select(code =>
        {
            var uploads = trade.Any(t => t.ParticipantCode == code);
            var quarters = Enumerable.Range(1, 4).Select(q =>
            {
                var quarter = new Quarter(year, q);
                var due = calendar.DueOn(quarter);
                var sent = trade.Where(t => t.ParticipantCode == code && t.Year == year && t.Period == q)
                    .Select(t => (t.Revision, t.SubmittedAt, t.SubmittedBy)).ToList();
                return Status(quarter.ToString(), due, sent, today, derived: !uploads);
            }).ToList();
            var halves = Enumerable.Range(1, 2).Select(h =>
            {
                var half = new HalfYear(year, h);
                var sent = production.Where(r => r.ParticipantCode == code && r.Period == h).Select(r => (r.Revision, r.SubmittedAt, r.SubmittedBy)).ToList();
                return Status(half.ToString(), calendar.DueOn(half), sent, today, derived: false);
            }).ToList();
            return new ParticipantSubmissions(code, year, uploads, quarters, halves);
        })];
    }

    private static PeriodStatus Status(string period, DateOnly due, List<(int Revision, DateTime At, string By)> sent, DateOnly today, bool derived)
    {
        if (sent.Count == 0)
        {
            var status = derived ? IntakeStatus.Derived : StatisticsCalendar.StatusOf(due, submitted: false, today) == SubmissionStatus.Late ? IntakeStatus.Late : IntakeStatus.Due;
            return new(period, due, status, null, null, null, null);
        }

        var first = sent.MinBy(s => s.Revision);
        var last = sent.MaxBy(s => s.Revision);
        var late = DateOnly.FromDateTime(first.At) > due;
        return new(period, due, late ? IntakeStatus.SubmittedLate : IntakeStatus.Submitted, last.Revision, first.At, last.At, last.By);
    }
}
