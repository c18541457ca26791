using Microsoft.EntityFrameworkCore;
using OpenKP.Certificates;
using OpenKP.Shared;
using OpenKP.Shipments;

namespace OpenKP.Compliance;

/// <summary>What the decision list is narrowed to: status, year (of adoption, or of drafting before), a participant affected, words in the title or text.</summary>
public sealed record DecisionFilter(DecisionStatus? Status = null, int? Year = null, string? Participant = null, string? Search = null);

/// <summary>A certificate a status change would catch in flight: issued, not voided, valid on the effective day, not yet import-confirmed.</summary>
public sealed record InFlightCertificate(string Number, string IssuingParticipant, string ImportingParticipant, DateOnly IssuedOn, DateOnly ExpiresOn, CertificateStatus Status);

/// <summary>An export application still awaiting its decision (submitted, sent back or awaiting a second approval).</summary>
public sealed record PendingExportApplication(long Id, string ParticipantCode, string ImportingParticipant, ApplicationStatus Status, DateTime? SubmittedAt);

/// <summary>
/// What a decision's status changes would touch if they took effect on <see cref="EffectiveOn"/>: the certificates
/// in flight issued by or to the participants concerned and their pending export applications.
/// </summary>
public sealed record DecisionWhatIf(long DecisionId, DateOnly EffectiveOn, IReadOnlyList<string> Participants, IReadOnlyList<InFlightCertificate> Certificates, IReadOnlyList<PendingExportApplication> Applications);

public sealed partial class DecisionDesk
{
    /// <summary>The most certificates or applications a what-if lists (the counts beyond are not shown).</summary>
    public const int WhatIfLimit = 500;

    /// <summary>
    /// The decisions <paramref name="reader"/> may see (<see cref="ComplianceReader"/>): adopted ones for everyone;
    /// the others (draft, written procedure, rejected, withdrawn) for the secretariat and for the authority
    /// officers of a participant the decision concerns.
    /// </summary>
    public IQueryable<Decision> Visible(ComplianceReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var q = db.Decisions.AsNoTracking();
        if (reader.IsSecretariat)
        {
            return q;
        }

        if (reader.Role == ComplianceRole.Authority && reader.Participant is { } own)
        {
            return q.Where(d => d.Status == DecisionStatus.Adopted || d.Effects.Any(e => e.ParticipantCode == own));
        }

        return q.Where(d => d.Status == DecisionStatus.Adopted);
    }

    public async Task<Paged<Decision>> ListAsync(ComplianceReader reader, DecisionFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var q = Visible(reader);
        if (filter.Status is { } status)
        {
            q = q.Where(d => d.Status == status);
        }

        if (filter.Year is { } y)
        {
            var (from, to) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            var (fromAt, toAt) = (new DateTime(y, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(y + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            q = q.Where(d => d.AdoptedOn != null ? d.AdoptedOn >= from && d.AdoptedOn <= to : d.CreatedAt >= fromAt && d.CreatedAt < toAt);
        }

        if (filter.Participant is { Length: > 0 } participant)
        {
            q = q.Where(d => d.Effects.Any(e => e.ParticipantCode == participant));
        }

        if (filter.Search is { Length: > 0 } search)
        {
            var pattern = "%" + search.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            q = q.Where(d => EF.Functions.Like(d.Title.ToLower(), pattern, "\\") || EF.Functions.Like(d.Text.ToLower(), pattern, "\\"));
        }

        var total = await q.CountAsync(ct);
        var items = await q.Include(d => d.Effects)
            .OrderByDescending(d => d.AdoptedOn).ThenByDescending(d => d.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<Decision>(items, page, pageSize, total);
    }

    /// <summary>One decision if <paramref name="reader"/> may see it; otherwise not found (a draft's existence is not revealed).</summary>
    public async Task<Outcome<Decision>> FindAsync(ComplianceReader reader, long id, CancellationToken ct = default)
    {
        var decision = await Visible(reader).Include(d => d.Effects).SingleOrDefaultAsync(d => d.Id == id, ct);
        return decision is null ? Outcome<Decision>.NotFound(NotFound(id)) : Outcome<Decision>.Success(decision);
    }

    /// <summary>Rewrites a draft: title, text, procedure, meeting, body and every effect (the effects are replaced).</summary>
    public async Task<Outcome<Decision>> EditAsync(long id, NewDecision input, Guid? version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await ChangeAsync(id, version, [DecisionStatus.Draft], async d =>
        {
            if (await CheckAsync(input, ct) is { Count: > 0 } violations)
            {
                return violations;
            }

            db.DecisionEffects.RemoveRange(d.Effects);
            d.Title = input.Title.Trim();
            d.Text = input.Text.Trim();
            d.Procedure = input.Procedure;
            d.MeetingId = input.MeetingId;
            d.WorkingBodyCode = WorkingBodies.Find(input.WorkingBodyCode)?.Code;
            d.Effects = Effects(input);
            return [];
        }, ct);
    }

    /// <summary>Opens the written procedure of a draft: silence until <paramref name="deadline"/> (inclusive) means consent.</summary>
    public Task<Outcome<Decision>> OpenWrittenProcedureAsync(long id, DateOnly deadline, Guid? version, CancellationToken ct = default)
        => ChangeAsync(id, version, [DecisionStatus.Draft], d =>
        {
            if (d.Procedure != DecisionProcedure.WrittenProcedure)
            {
                return Task.FromResult<List<Violation>>([new(DecisionCodes.NotWrittenProcedure, $"Decision {id} is taken by {d.Procedure}, not by written procedure.", "procedure")]);
            }

            if (deadline <= Today)
            {
                return Task.FromResult<List<Violation>>([new(DecisionCodes.ObjectionDeadlinePast, "The objection deadline is a day after today.", "objectionDeadline")]);
            }

            d.Status = DecisionStatus.WrittenProcedureOpen;
            d.ObjectionDeadline = deadline;
            return Task.FromResult<List<Violation>>([]);
        }, ct);

    /// <summary>Records an objection to an open written procedure, on or before its deadline: the silence is broken and the decision is rejected.</summary>
    public async Task<Outcome<Decision>> ObjectAsync(long id, string objection, Guid? version, CancellationToken ct = default)
    {
        var decision = await db.Decisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (decision is { Status: DecisionStatus.WrittenProcedureOpen, ObjectionDeadline: { } deadline } && Today > deadline)
        {
            return Outcome<Decision>.Conflict(new(DecisionCodes.ObjectionTooLate, $"The written procedure closed on {deadline:yyyy-MM-dd}; an objection comes too late.", "objection"));
        }

        return await ChangeAsync(id, version, [DecisionStatus.WrittenProcedureOpen], d =>
        {
            d.Objections = string.IsNullOrWhiteSpace(d.Objections) ? objection.Trim() : d.Objections + "\n" + objection.Trim();
            d.Status = DecisionStatus.Rejected;
            return Task.FromResult<List<Violation>>([]);
        }, ct);
    }

    /// <summary>Withdraws a draft or an open written procedure; it stays on record, never adopted.</summary>
    public Task<Outcome<Decision>> WithdrawAsync(long id, Guid? version, CancellationToken ct = default)
        => ChangeAsync(id, version, [DecisionStatus.Draft, DecisionStatus.WrittenProcedureOpen], d =>
        {
            d.Status = DecisionStatus.Withdrawn;
            return Task.FromResult<List<Violation>>([]);
        }, ct, DecisionCodes.NotWithdrawable);

    /// <summary>
    /// What the decision's status changes would touch from <paramref name="on"/> (default: its effective date, or
    /// today): a draft, an open written procedure, or an adopted decision not yet effective.
    /// </summary>
    public async Task<Outcome<DecisionWhatIf>> WhatIfAsync(long id, DateOnly? on, CancellationToken ct = default)
    {
        var decision = await db.Decisions.AsNoTracking().Include(d => d.Effects).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (decision is null)
        {
            return Outcome<DecisionWhatIf>.NotFound(NotFound(id));
        }

        var open = decision.Status is DecisionStatus.Draft or DecisionStatus.WrittenProcedureOpen
            || (decision.Status == DecisionStatus.Adopted && decision.EffectiveOn > Today);
        if (!open)
        {
            return Outcome<DecisionWhatIf>.Conflict(new(DecisionCodes.WhatIfNotApplicable, $"Decision {id} is {decision.Status}{(decision.Status == DecisionStatus.Adopted ? " and already in effect" : "")}: there is nothing to foresee.", "status"));
        }

        var codes = decision.Effects.Where(e => e.Kind == DecisionEffectKind.StatusChange).Select(e => e.ParticipantCode).Distinct().Order(StringComparer.Ordinal).ToList();
        if (codes.Count == 0)
        {
            return Outcome<DecisionWhatIf>.Invalid(new Violation(DecisionCodes.WhatIfNotApplicable, "The decision changes no participant's status: no certificate is caught in flight.", "effects"));
        }

        var effective = decision.Status == DecisionStatus.Adopted ? decision.EffectiveOn!.Value : on ?? decision.EffectiveOn ?? Today;
        var certificates = await db.Certificates.AsNoTracking()
            .Where(c => c.Status != CertificateStatus.Voided
                && (codes.Contains(c.IssuingParticipant) || codes.Contains(c.ImportingParticipant))
                && c.ExpiresOn >= effective
                && !db.ImportConfirmations.Any(i => i.CertificateNumber == c.Number))
            .OrderBy(c => c.IssuedOn).ThenBy(c => c.Number).Take(WhatIfLimit)
            .Select(c => new InFlightCertificate(c.Number, c.IssuingParticipant, c.ImportingParticipant, c.IssuedOn, c.ExpiresOn, c.Status))
            .ToListAsync(ct);
        ApplicationStatus[] pending = [ApplicationStatus.Submitted, ApplicationStatus.SentBack, ApplicationStatus.AwaitingSecondApproval];
        var applications = await db.ExportApplications.AsNoTracking()
            .Where(a => pending.Contains(a.Status) && (codes.Contains(a.ParticipantCode) || codes.Contains(a.ImportingParticipant)))
            .OrderBy(a => a.Id).Take(WhatIfLimit)
            .Select(a => new PendingExportApplication(a.Id, a.ParticipantCode, a.ImportingParticipant, a.Status, a.SubmittedAt))
            .ToListAsync(ct);
        return Outcome<DecisionWhatIf>.Success(new(id, effective, codes, certificates, applications));
    }

    private async Task<Outcome<Decision>> ChangeAsync(long id, Guid? version, DecisionStatus[] from, Func<Decision, Task<List<Violation>>> change, CancellationToken ct, string wrongStatus = DecisionCodes.NotDraft)
    {
        var decision = await db.Decisions.Include(d => d.Effects).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (decision is null)
        {
            return Outcome<Decision>.NotFound(NotFound(id));
        }

        if (!from.Contains(decision.Status))
        {
            var code = from.Contains(DecisionStatus.Draft) ? wrongStatus : DecisionCodes.WrittenProcedureNotOpen;
            return Outcome<Decision>.Conflict(new(code, $"Decision {id} is {Input.Kebab(decision.Status)}; this needs it {string.Join(" or ", from.Select(s => Input.Kebab(s)))}.", "status"));
        }

        if (version is { } v && v != decision.Version)
        {
            return Outcome<Decision>.Conflict(Concurrency());
        }

        if (await change(decision) is { Count: > 0 } violations)
        {
            return Outcome<Decision>.Invalid(violations);
        }

        decision.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Decision>.Conflict(Concurrency());
        }

        return Outcome<Decision>.Success(decision);
    }

    private static Violation NotFound(long id) => new(DecisionCodes.NotFound, $"There is no decision {id}.", "id");
}
