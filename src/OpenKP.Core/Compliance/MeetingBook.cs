using Microsoft.EntityFrameworkCore;
using OpenKP.Audit;
using OpenKP.Data;
using OpenKP.Registry;
using OpenKP.Shared;

namespace OpenKP.Compliance;

/// <summary>A meeting as entered: kind, title, dates [StartsOn, EndsOn], place, Chair and summary.</summary>
public sealed record MeetingInput(MeetingKind Kind, string Title, DateOnly StartsOn, DateOnly EndsOn, string Place, string? ChairParticipantCode = null, string? Summary = null);

/// <summary>A meeting with the decisions adopted at it.</summary>
public sealed record MeetingRecord(Meeting Meeting, IReadOnlyList<Decision> Decisions);

/// <summary>
/// Keeps the record of the scheme's meetings (plenary and intersessional). Meetings are what the scheme shares:
/// the secretariat writes them; the secretariat, authority officers and observers read them
/// (<see cref="ComplianceReader.SeesShared"/>); the endpoints refuse everyone else.
/// </summary>
public sealed class MeetingBook(OpenKpDb db, IAuditActor actor, TimeProvider clock)
{
    public async Task<Paged<Meeting>> ListAsync(MeetingKind? kind, int? year, int page, int pageSize, CancellationToken ct = default)
    {
        var q = db.Meetings.AsNoTracking();
        if (kind is { } k)
        {
            q = q.Where(m => m.Kind == k);
        }

        if (year is { } y)
        {
            var (from, to) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            q = q.Where(m => m.StartsOn >= from && m.StartsOn <= to);
        }

        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(m => m.StartsOn).ThenByDescending(m => m.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<Meeting>(items, page, pageSize, total);
    }

    /// <summary>The meeting and the decisions adopted at it (adopted ones only: a meeting's record is shared).</summary>
    public async Task<Outcome<MeetingRecord>> FindAsync(long id, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return Outcome<MeetingRecord>.NotFound(NotFound(id));
        }

        var decisions = await db.Decisions.AsNoTracking().Where(d => d.MeetingId == id && d.Status == DecisionStatus.Adopted)
            .OrderBy(d => d.AdoptedOn).ThenBy(d => d.Id).ToListAsync(ct);
        return Outcome<MeetingRecord>.Success(new(meeting, decisions));
    }

    public async Task<Outcome<Meeting>> CreateAsync(MeetingInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await CheckAsync(input, ct) is { Count: > 0 } violations)
        {
            return Outcome<Meeting>.Invalid(violations);
        }

        var meeting = new Meeting { Title = input.Title, Place = input.Place, CreatedBy = actor.UserName, CreatedAt = clock.GetUtcNow().UtcDateTime };
        Fill(meeting, input);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return Outcome<Meeting>.Success(meeting);
    }

    public async Task<Outcome<Meeting>> EditAsync(long id, MeetingInput input, Guid? version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return Outcome<Meeting>.NotFound(NotFound(id));
        }

        if (version is { } v && v != meeting.Version)
        {
            return Outcome<Meeting>.Conflict(new(RegistryCodes.ConcurrencyConflict, "The meeting changed since it was read; reload and try again.", "version"));
        }

        if (await CheckAsync(input, ct) is { Count: > 0 } violations)
        {
            return Outcome<Meeting>.Invalid(violations);
        }

        Fill(meeting, input);
        meeting.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Meeting>.Conflict(new(RegistryCodes.ConcurrencyConflict, "The meeting changed since it was read; reload and try again.", "version"));
        }

        return Outcome<Meeting>.Success(meeting);
    }

    private static void Fill(Meeting m, MeetingInput input)
    {
        m.Kind = input.Kind;
        m.Title = input.Title.Trim();
        m.StartsOn = input.StartsOn;
        m.EndsOn = input.EndsOn;
        m.Place = input.Place.Trim();
        m.ChairParticipantCode = string.IsNullOrWhiteSpace(input.ChairParticipantCode) ? null : input.ChairParticipantCode.Trim().ToUpperInvariant();
        m.Summary = string.IsNullOrWhiteSpace(input.Summary) ? null : input.Summary.Trim();
    }

    private async Task<List<Violation>> CheckAsync(MeetingInput input, CancellationToken ct)
    {
        var violations = new List<Violation>();
        if (input.EndsOn < input.StartsOn)
        {
            violations.Add(new(MeetingCodes.EndsBeforeStart, "A meeting ends on or after the day it starts.", "endsOn"));
        }

        var chair = input.ChairParticipantCode?.Trim().ToUpperInvariant();
        if (chair is { Length: > 0 } && !await db.Participants.AnyAsync(p => p.Code == chair, ct))
        {
            violations.Add(new(MeetingCodes.ChairUnknown, $"'{input.ChairParticipantCode}' is not in the registry.", "chairParticipantCode"));
        }

        return violations;
    }

    private static Violation NotFound(long id) => new(MeetingCodes.NotFound, $"There is no meeting {id}.", "id");
}
