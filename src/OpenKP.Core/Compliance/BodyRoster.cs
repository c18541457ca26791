using Microsoft.EntityFrameworkCore;
using OpenKP.Audit;
using OpenKP.Data;
using OpenKP.Registry;
using OpenKP.Shared;

namespace OpenKP.Compliance;

/// <summary>A member as entered: a participant (by code) or an observer (by name), its role and term [From, EndsOn) within <paramref name="Year"/>.</summary>
public sealed record NewBodyMember(int Year, BodyMemberKind Kind, string Member, BodyRole Role, DateOnly? From = null, DateOnly? EndsOn = null);

/// <summary>
/// Keeps who chairs the scheme each year (Chair and Vice-Chair) and who sits on each working body, with the
/// outcomes each body reports per year. The secretariat writes; what it keeps is shared with authority officers
/// and observers (<see cref="ComplianceReader.SeesShared"/>).
/// </summary>
public sealed class BodyRoster(OpenKpDb db, IAuditActor actor, TimeProvider clock)
{
    public async Task<IReadOnlyList<Chairmanship>> ChairmanshipsAsync(CancellationToken ct = default)
        => await db.Chairmanships.AsNoTracking().OrderByDescending(c => c.Year).ToListAsync(ct);

    /// <summary>Sets the Chair and Vice-Chair of <paramref name="year"/> (creating the year's record, or changing it under <paramref name="version"/>).</summary>
    public async Task<Outcome<Chairmanship>> SetChairmanshipAsync(int year, string chair, string? viceChair, string? person, Guid? version, CancellationToken ct = default)
    {
        chair = chair.Trim().ToUpperInvariant();
        var vice = string.IsNullOrWhiteSpace(viceChair) ? null : viceChair.Trim().ToUpperInvariant();
        var violations = new List<Violation>();
        var known = await db.Participants.Where(p => p.Code == chair || p.Code == vice).Select(p => p.Code).ToListAsync(ct);
        if (!known.Contains(chair))
        {
            violations.Add(new(BodyCodes.ChairUnknown, $"'{chair}' is not in the registry.", "chair"));
        }

        if (vice is not null && !known.Contains(vice))
        {
            violations.Add(new(BodyCodes.ViceChairUnknown, $"'{vice}' is not in the registry.", "viceChair"));
        }

        if (vice == chair)
        {
            violations.Add(new(BodyCodes.ViceChairSameAsChair, "The Vice-Chair is another participant than the Chair.", "viceChair"));
        }

        if (violations.Count > 0)
        {
            return Outcome<Chairmanship>.Invalid(violations);
        }

        var row = await db.Chairmanships.SingleOrDefaultAsync(c => c.Year == year, ct);
        if (row is null)
        {
            row = new Chairmanship { Year = year, ChairParticipantCode = chair };
            db.Chairmanships.Add(row);
        }
        else if (version is { } v && v != row.Version)
        {
            return Outcome<Chairmanship>.Conflict(Concurrency("chairmanship"));
        }

        (row.ChairParticipantCode, row.ViceChairParticipantCode, row.ChairPerson) = (chair, vice, string.IsNullOrWhiteSpace(person) ? null : person.Trim());
        row.Version = Guid.NewGuid();
        return await SaveAsync(row, "chairmanship", ct);
    }

    public async Task<Outcome<IReadOnlyList<BodyMembership>>> MembersAsync(string code, int? year, CancellationToken ct = default)
    {
        if (WorkingBodies.Find(code) is not { } body)
        {
            return Outcome<IReadOnlyList<BodyMembership>>.NotFound(Unknown(code));
        }

        var q = db.BodyMemberships.AsNoTracking().Where(m => m.BodyCode == body.Code);
        if (year is { } y)
        {
            q = q.Where(m => m.Year == y);
        }

        var members = await q.OrderByDescending(m => m.Year).ThenBy(m => m.Role).ThenBy(m => m.ParticipantCode).ThenBy(m => m.ObserverName).ToListAsync(ct);
        return Outcome<IReadOnlyList<BodyMembership>>.Success(members);
    }

    /// <summary>Every body's members and outcome for <paramref name="year"/>.</summary>
    public async Task<(IReadOnlyList<BodyMembership> Members, IReadOnlyList<BodyOutcome> Outcomes)> YearAsync(int year, CancellationToken ct = default)
    {
        var members = await db.BodyMemberships.AsNoTracking().Where(m => m.Year == year).OrderBy(m => m.Role).ThenBy(m => m.ParticipantCode).ThenBy(m => m.ObserverName).ToListAsync(ct);
        var outcomes = await db.BodyOutcomes.AsNoTracking().Where(o => o.Year == year).ToListAsync(ct);
        return (members, outcomes);
    }

    public async Task<Outcome<BodyMembership>> AddMemberAsync(string code, NewBodyMember input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (WorkingBodies.Find(code) is not { } body)
        {
            return Outcome<BodyMembership>.NotFound(Unknown(code));
        }

        var violations = new List<Violation>();
        var member = input.Member.Trim();
        if (input.Kind == BodyMemberKind.Participant)
        {
            member = member.ToUpperInvariant();
            if (!await db.Participants.AnyAsync(p => p.Code == member, ct))
            {
                violations.Add(new(BodyCodes.MemberParticipantUnknown, $"'{input.Member}' is not in the registry.", "member"));
            }
        }
        else
        {
            var names = await db.Observers.Select(o => o.Name).ToListAsync(ct);
            var name = names.FirstOrDefault(n => string.Equals(n, member, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                violations.Add(new(BodyCodes.MemberObserverUnknown, $"'{input.Member}' is not an observer of the scheme.", "member"));
            }

            member = name ?? member;
        }

        var (first, last) = (new DateOnly(input.Year, 1, 1), new DateOnly(input.Year, 12, 31));
        var from = input.From ?? first;
        if (input.EndsOn is { } end && end <= from)
        {
            violations.Add(new(BodyCodes.MemberTermInverted, "A term ends after it starts.", "endsOn"));
        }

        if (from < first || from > last)
        {
            violations.Add(new(BodyCodes.MemberTermOutsideYear, $"A {input.Year} membership starts within {input.Year}.", "from"));
        }

        var duplicate = input.Kind == BodyMemberKind.Participant
            ? await db.BodyMemberships.AnyAsync(m => m.BodyCode == body.Code && m.Year == input.Year && m.ParticipantCode == member, ct)
            : await db.BodyMemberships.AnyAsync(m => m.BodyCode == body.Code && m.Year == input.Year && m.ObserverName == member, ct);
        if (duplicate)
        {
            violations.Add(new(BodyCodes.MemberDuplicate, $"{member} already sits on {body.Code} in {input.Year}.", "member"));
        }

        if (violations.Count > 0)
        {
            return Outcome<BodyMembership>.Invalid(violations);
        }

        var row = new BodyMembership
        {
            BodyCode = body.Code,
            Year = input.Year,
            MemberKind = input.Kind,
            ParticipantCode = input.Kind == BodyMemberKind.Participant ? member : null,
            ObserverName = input.Kind == BodyMemberKind.Observer ? member : null,
            Role = input.Role,
            From = from,
            EndsOn = input.EndsOn,
        };
        db.BodyMemberships.Add(row);
        await db.SaveChangesAsync(ct);
        return Outcome<BodyMembership>.Success(row);
    }

    public async Task<Outcome<BodyMembership>> RemoveMemberAsync(string code, long id, CancellationToken ct = default)
    {
        var body = WorkingBodies.Find(code);
        var row = body is null ? null : await db.BodyMemberships.SingleOrDefaultAsync(m => m.Id == id && m.BodyCode == body.Code, ct);
        if (row is null)
        {
            return Outcome<BodyMembership>.NotFound(body is null ? Unknown(code) : new(BodyCodes.MemberNotFound, $"{code} has no member {id}.", "id"));
        }

        db.BodyMemberships.Remove(row);
        await db.SaveChangesAsync(ct);
        return Outcome<BodyMembership>.Success(row);
    }

    public async Task<Outcome<BodyOutcome>> OutcomeAsync(string code, int year, CancellationToken ct = default)
    {
        if (WorkingBodies.Find(code) is not { } body)
        {
            return Outcome<BodyOutcome>.NotFound(Unknown(code));
        }

        var row = await db.BodyOutcomes.AsNoTracking().SingleOrDefaultAsync(o => o.BodyCode == body.Code && o.Year == year, ct);
        return row is null
            ? Outcome<BodyOutcome>.NotFound(new(BodyCodes.OutcomeNotFound, $"{body.Code} has recorded no outcomes for {year}.", "year"))
            : Outcome<BodyOutcome>.Success(row);
    }

    /// <summary>Writes the body's outcomes text for <paramref name="year"/> (creating it, or replacing it under <paramref name="version"/>).</summary>
    public async Task<Outcome<BodyOutcome>> SetOutcomeAsync(string code, int year, string text, Guid? version, CancellationToken ct = default)
    {
        if (WorkingBodies.Find(code) is not { } body)
        {
            return Outcome<BodyOutcome>.NotFound(Unknown(code));
        }

        var row = await db.BodyOutcomes.SingleOrDefaultAsync(o => o.BodyCode == body.Code && o.Year == year, ct);
        if (row is null)
        {
            row = new BodyOutcome { BodyCode = body.Code, Year = year, Text = text, UpdatedBy = actor.UserName };
            db.BodyOutcomes.Add(row);
        }
        else if (version is { } v && v != row.Version)
        {
            return Outcome<BodyOutcome>.Conflict(Concurrency("outcome"));
        }

        (row.Text, row.UpdatedBy, row.UpdatedAt) = (text.Trim(), actor.UserName, clock.GetUtcNow().UtcDateTime);
        row.Version = Guid.NewGuid();
        return await SaveAsync(row, "outcome", ct);
    }

    private async Task<Outcome<T>> SaveAsync<T>(T row, string what, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome<T>.Success(row);
        }
        catch (DbUpdateException)
        {
            // A concurrent writer changed or created the same year's record.
            return Outcome<T>.Conflict(Concurrency(what));
        }
    }

    private static Violation Unknown(string code) => new(BodyCodes.Unknown, $"'{code}' is not a working body ({string.Join(", ", WorkingBodies.All.Select(b => b.Code))}).", "code");

    private static Violation Concurrency(string what) => new(RegistryCodes.ConcurrencyConflict, $"The {what} changed since it was read; reload and try again.", "version");
}
