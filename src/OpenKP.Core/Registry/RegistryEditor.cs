using Microsoft.EntityFrameworkCore;
using OpenKP.Audit;
using OpenKP.Data;
using OpenKP.Shared;

namespace OpenKP.Registry;

public sealed record DecisionInput(string Title, DateOnly? Date, string? Reference);

public sealed record NewStatusEvent(DateOnly EffectiveOn, ParticipantStatus Status, string? Scope, string Note, DecisionInput Decision);

public sealed record NewZone(string Name, ZoneKind Kind, DateOnly From, DateOnly? EndsOn, string? Source);

public sealed record NewEmbargo(string OriginCode, DateOnly From, DateOnly? EndsOn, bool GovernmentCertifiedExempt, string Note, DecisionInput Decision);

public sealed record NewParticipant(string Code, string NameEn, string NameFr, ParticipantKind Kind, DateOnly AdmittedOn);

public sealed record AuthorityInput(string Name, AuthorityRole Role, string Address, string Contact);

public sealed record OperatorInput(string CompanyName, string Address, string LicenceNumber, bool IsExporter, bool IsImporter, DateOnly ValidFrom, DateOnly? ValidTo, bool Suspended);

/// <summary>
/// Records changes to the registry: status events (possibly scheduled for a future date), zones,
/// embargoes, participants, authorities and operators. Who may call which is decided at the HTTP edge;
/// every change lands in the audit trail through <see cref="OpenKpDb"/>.
/// </summary>
public sealed class RegistryEditor(OpenKpDb db, IAuditActor actor, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<Participant>> AddParticipantAsync(NewParticipant input, CancellationToken ct = default)
    {
        if (await db.Participants.AnyAsync(p => p.Code == input.Code, ct))
        {
            return Outcome<Participant>.Conflict(new(RegistryCodes.ParticipantExists, $"Participant {input.Code} already exists.", "code"));
        }

        var participant = new Participant { Code = input.Code, NameEn = input.NameEn, NameFr = input.NameFr, Kind = input.Kind, AdmittedOn = input.AdmittedOn };
        db.Participants.Add(participant);
        await db.SaveChangesAsync(ct);
        return Outcome<Participant>.Success(participant);
    }

    public async Task<Outcome<StatusEvent>> RecordStatusEventAsync(string code, NewStatusEvent input, CancellationToken ct = default)
    {
        if (!await db.Participants.AnyAsync(p => p.Code == code, ct))
        {
            return Outcome<StatusEvent>.NotFound(NotFound(code));
        }

        if (input.Status == ParticipantStatus.SpecialMeasures && string.IsNullOrWhiteSpace(input.Scope))
        {
            return Outcome<StatusEvent>.Invalid(new Violation(RegistryCodes.StatusScopeRequired,
                "Special measures must say what they cover (for example 'Marange diamond fields').", "scope"));
        }

        var ev = new StatusEvent
        {
            ParticipantCode = code,
            EffectiveOn = input.EffectiveOn,
            Precision = DatePrecision.Day,
            Status = input.Status,
            Scope = string.IsNullOrWhiteSpace(input.Scope) ? null : input.Scope.Trim(),
            Note = input.Note.Trim(),
            Decision = Decision(input.Decision),
            EnteredBy = actor.UserName,
            EnteredAt = Now,
        };
        db.StatusEvents.Add(ev);
        await db.SaveChangesAsync(ct);
        return Outcome<StatusEvent>.Success(ev);
    }

    public async Task<Outcome<Zone>> RecordZoneAsync(string code, NewZone input, CancellationToken ct = default)
    {
        if (!await db.Participants.AnyAsync(p => p.Code == code, ct))
        {
            return Outcome<Zone>.NotFound(NotFound(code));
        }

        if (input.EndsOn is { } end && end <= input.From)
        {
            return Outcome<Zone>.Invalid(new Violation(RegistryCodes.ZoneEndsBeforeStart, "A zone must end after it starts.", "endsOn"));
        }

        var zone = new Zone
        {
            ParticipantCode = code,
            Name = input.Name.Trim(),
            Kind = input.Kind,
            From = input.From,
            EndsOn = input.EndsOn,
            Source = input.Source,
            EnteredBy = actor.UserName,
            EnteredAt = Now,
        };
        db.Zones.Add(zone);
        await db.SaveChangesAsync(ct);
        return Outcome<Zone>.Success(zone);
    }

    public async Task<Outcome<Embargo>> RecordEmbargoAsync(NewEmbargo input, CancellationToken ct = default)
    {
        if (input.EndsOn is { } end && end <= input.From)
        {
            return Outcome<Embargo>.Invalid(new Violation(RegistryCodes.EmbargoEndsBeforeStart, "An embargo must end after it starts.", "endsOn"));
        }

        var embargo = new Embargo
        {
            OriginCode = input.OriginCode,
            From = input.From,
            EndsOn = input.EndsOn,
            GovernmentCertifiedExempt = input.GovernmentCertifiedExempt,
            Note = input.Note.Trim(),
            Decision = Decision(input.Decision),
            EnteredBy = actor.UserName,
            EnteredAt = Now,
        };
        db.Embargoes.Add(embargo);
        await db.SaveChangesAsync(ct);
        return Outcome<Embargo>.Success(embargo);
    }

    public async Task<Outcome<Authority>> AddAuthorityAsync(string code, AuthorityInput input, CancellationToken ct = default)
    {
        if (!await db.Participants.AnyAsync(p => p.Code == code, ct))
        {
            return Outcome<Authority>.NotFound(NotFound(code));
        }

        var authority = new Authority { ParticipantCode = code, Name = input.Name.Trim(), Role = input.Role, Address = input.Address.Trim(), Contact = input.Contact.Trim() };
        db.Authorities.Add(authority);
        await db.SaveChangesAsync(ct);
        return Outcome<Authority>.Success(authority);
    }

    public async Task<Outcome<Operator>> AddOperatorAsync(string code, OperatorInput input, CancellationToken ct = default)
    {
        if (!await db.Participants.AnyAsync(p => p.Code == code, ct))
        {
            return Outcome<Operator>.NotFound(NotFound(code));
        }

        var violations = await CheckOperatorAsync(code, null, input, ct);
        if (violations.Count > 0)
        {
            return Outcome<Operator>.Invalid(violations);
        }

        var op = new Operator { ParticipantCode = code, CompanyName = "", Address = "", LicenceNumber = "" };
        Apply(op, input);
        db.Operators.Add(op);
        await db.SaveChangesAsync(ct);
        return Outcome<Operator>.Success(op);
    }

    /// <summary>Updates an operator's licence. <paramref name="expectedVersion"/> guards against lost updates.</summary>
    public async Task<Outcome<Operator>> UpdateOperatorAsync(string code, long id, OperatorInput input, Guid expectedVersion, CancellationToken ct = default)
    {
        var op = await db.Operators.SingleOrDefaultAsync(o => o.Id == id && o.ParticipantCode == code, ct);
        if (op is null)
        {
            return Outcome<Operator>.NotFound(new(RegistryCodes.OperatorNotFound, $"Operator {id} is not licensed by {code}.", "id"));
        }

        if (op.Version != expectedVersion)
        {
            return Outcome<Operator>.Conflict(ConcurrencyConflict());
        }

        var violations = await CheckOperatorAsync(code, id, input, ct);
        if (violations.Count > 0)
        {
            return Outcome<Operator>.Invalid(violations);
        }

        Apply(op, input);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Operator>.Conflict(ConcurrencyConflict());
        }

        return Outcome<Operator>.Success(op);
    }

    private async Task<List<Violation>> CheckOperatorAsync(string code, long? id, OperatorInput input, CancellationToken ct)
    {
        var violations = new List<Violation>();
        if (!input.IsExporter && !input.IsImporter)
        {
            violations.Add(new(RegistryCodes.OperatorNeedsRole, "An operator is licensed as exporter, importer or both.", "isExporter"));
        }

        if (input.ValidTo is { } to && to < input.ValidFrom)
        {
            violations.Add(new(RegistryCodes.OperatorValidityInverted, "A licence cannot end before it starts.", "validTo"));
        }

        var licence = input.LicenceNumber.Trim();
        if (await db.Operators.AnyAsync(o => o.ParticipantCode == code && o.LicenceNumber == licence && o.Id != id, ct))
        {
            violations.Add(new(RegistryCodes.OperatorLicenceTaken, $"Licence number {licence} is already held by another operator of {code}.", "licenceNumber"));
        }

        return violations;
    }

    private static void Apply(Operator op, OperatorInput input)
    {
        op.CompanyName = input.CompanyName.Trim();
        op.Address = input.Address.Trim();
        op.LicenceNumber = input.LicenceNumber.Trim();
        op.IsExporter = input.IsExporter;
        op.IsImporter = input.IsImporter;
        op.ValidFrom = input.ValidFrom;
        op.ValidTo = input.ValidTo;
        op.Suspended = input.Suspended;
    }

    private static DecisionReference Decision(DecisionInput d) => new() { Title = d.Title.Trim(), Date = d.Date, Reference = string.IsNullOrWhiteSpace(d.Reference) ? null : d.Reference.Trim() };

    private static Violation NotFound(string code) => new(RegistryCodes.ParticipantNotFound, $"There is no participant {code} in the registry.", "code");

    private static Violation ConcurrencyConflict() => new(RegistryCodes.ConcurrencyConflict, "Someone else changed this record; reload it and try again.", "version");
}
