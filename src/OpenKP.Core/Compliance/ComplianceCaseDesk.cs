using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Registry;
using OpenKP.Shared;

namespace OpenKP.Compliance;

/// <summary>Which cases to list; null means any.</summary>
public sealed record ComplianceCaseFilter(string? Participant = null, ComplianceCaseStatus? Status = null, CaseSource? Source = null);

/// <summary>
/// A case to open against <see cref="ParticipantCode"/>: from a peer review, an anomaly or an alert (<see cref="SourceId"/>
/// its id), a missing annual report (<see cref="SourceId"/> the year), or from something else (no source id).
/// </summary>
public sealed record NewComplianceCase(string ParticipantCode, CaseSource Source, long? SourceId, string? Title, string? Summary);

/// <summary>The interim measure recommended and why; special measures say what they cover.</summary>
public sealed record MeasureRecommendation(InterimMeasure Measure, string? Scope, string? Reason);

/// <summary>The draft decision a case proposes; title and text default from the case and its measure.</summary>
public sealed record DecisionProposal(DecisionProcedure Procedure = DecisionProcedure.PlenaryConsensus, string? Title = null, string? Text = null);

/// <summary>
/// Non-compliance cases (KPCS Section VI and the 2003 administrative decision on non-compliance): the secretariat
/// opens a case against a participant from a peer review, an anomaly, an alert or a missing annual report; records
/// consultations, letters, meetings and notes; agrees a work plan with deadlines; recommends an interim measure
/// (special measures with a scope, or suspension); proposes the decision that carries the measure (drafted through
/// <see cref="DecisionDesk"/>) and, once it is adopted, the registry applies the measure from its effective date;
/// then the case is closed with its outcome. The participant concerned's authority officers add their own
/// consultation steps and mark their work-plan actions done. Every change checks the status and the version read.
/// </summary>
public sealed class ComplianceCaseDesk(OpenKpDb db, DecisionDesk decisions, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);

    private static readonly ComplianceCaseStatus[] Active =
        [ComplianceCaseStatus.Open, ComplianceCaseStatus.Consultation, ComplianceCaseStatus.WorkPlan, ComplianceCaseStatus.MeasureRecommended, ComplianceCaseStatus.Decided];

    private static readonly ComplianceCaseStatus[] BeforeMeasure =
        [ComplianceCaseStatus.Open, ComplianceCaseStatus.Consultation, ComplianceCaseStatus.WorkPlan, ComplianceCaseStatus.MeasureRecommended];

    /// <summary>The status a reader sees: a case whose proposed decision has been adopted is decided, however it was adopted.</summary>
    public static ComplianceCaseStatus EffectiveStatus(ComplianceCase c, Decision? decision)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Status == ComplianceCaseStatus.MeasureRecommended && decision?.Status == DecisionStatus.Adopted ? ComplianceCaseStatus.Decided : c.Status;
    }

    public async Task<Outcome<Paged<ComplianceCaseView>>> ListAsync(ComplianceReader reader, ComplianceCaseFilter filter, int page, int pageSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(filter);
        if (!reader.SeesShared)
        {
            return Outcome<Paged<ComplianceCaseView>>.Forbidden(Refused());
        }

        var query = db.ComplianceCases.AsNoTracking();
        if (filter.Participant is { } p)
        {
            query = query.Where(c => c.ParticipantCode == p);
        }

        if (filter.Source is { } s)
        {
            query = query.Where(c => c.Source == s);
        }

        if (filter.Status is { } status)
        {
            // A case whose decision was adopted elsewhere reads as decided: the filter follows what the reader sees.
            var adopted = db.Decisions.Where(d => d.Status == DecisionStatus.Adopted).Select(d => (long?)d.Id);
            query = status switch
            {
                ComplianceCaseStatus.Decided => query.Where(c => c.Status == ComplianceCaseStatus.Decided || (c.Status == ComplianceCaseStatus.MeasureRecommended && adopted.Contains(c.DecisionId))),
                ComplianceCaseStatus.MeasureRecommended => query.Where(c => c.Status == ComplianceCaseStatus.MeasureRecommended && !adopted.Contains(c.DecisionId)),
                _ => query.Where(c => c.Status == status),
            };
        }

        var total = await query.CountAsync(ct);
        var cases = await query.OrderByDescending(c => c.OpenedAt).ThenByDescending(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var linked = await DecisionsOfAsync(cases, ct);
        var items = cases.Select(c => ComplianceCaseView.Of(c, c.DecisionId is { } d ? linked.GetValueOrDefault(d) : null, full: false, Today)).ToList();
        return Outcome<Paged<ComplianceCaseView>>.Success(new(items, page, pageSize, total));
    }

    public async Task<Outcome<ComplianceCaseView>> FindAsync(ComplianceReader reader, long id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!reader.SeesShared)
        {
            return Outcome<ComplianceCaseView>.Forbidden(Refused());
        }

        var c = await db.ComplianceCases.AsNoTracking().Include(x => x.Steps).Include(x => x.WorkPlan).AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct);
        return c is null ? NotFound(id) : Outcome<ComplianceCaseView>.Success(await ViewAsync(reader, c, ct));
    }

    /// <summary>Opens a case (the secretariat): the source must exist and concern the participant; one open case per participant and source record.</summary>
    public async Task<Outcome<ComplianceCaseView>> OpenAsync(ComplianceReader reader, NewComplianceCase input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(input);
        if (!reader.IsSecretariat)
        {
            return Outcome<ComplianceCaseView>.Forbidden(new(ComplianceCaseCodes.Forbidden, "The secretariat opens non-compliance cases.", null));
        }

        var code = input.ParticipantCode.Trim().ToUpperInvariant();
        var violations = new List<Violation>();
        if (!await db.Participants.AnyAsync(p => p.Code == code, ct))
        {
            violations.Add(new(ComplianceCaseCodes.ParticipantUnknown, $"'{input.ParticipantCode}' is not in the registry.", "participant"));
        }

        if (string.IsNullOrWhiteSpace(input.Title))
        {
            violations.Add(new(ComplianceCaseCodes.TitleRequired, "A case needs a title.", "title"));
        }

        if (string.IsNullOrWhiteSpace(input.Summary))
        {
            violations.Add(new(ComplianceCaseCodes.SummaryRequired, "A case needs a summary of the concern.", "summary"));
        }

        violations.AddRange(await CheckSourceAsync(code, input.Source, input.SourceId, ct));
        if (violations.Count > 0)
        {
            return Outcome<ComplianceCaseView>.Invalid(violations);
        }

        if (input.Source != CaseSource.Other
            && await db.ComplianceCases.AsNoTracking().Where(c => c.ParticipantCode == code && c.Source == input.Source && c.SourceId == input.SourceId && c.Status != ComplianceCaseStatus.Closed)
                .Select(c => (long?)c.Id).FirstOrDefaultAsync(ct) is { } open)
        {
            return Outcome<ComplianceCaseView>.Conflict(new(ComplianceCaseCodes.Duplicate, $"Case {open} on this {Input.Kebab(input.Source)} of {code} is still open.", "sourceId"));
        }

        var c = new ComplianceCase
        {
            ParticipantCode = code,
            Source = input.Source,
            SourceId = input.SourceId,
            Title = input.Title!.Trim(),
            Summary = input.Summary!.Trim(),
            Status = ComplianceCaseStatus.Open,
            RecommendedMeasure = InterimMeasure.None,
            OpenedBy = reader.Name,
            OpenedAt = Now,
        };
        db.ComplianceCases.Add(c);
        await db.SaveChangesAsync(ct);
        return Outcome<ComplianceCaseView>.Success(await ViewAsync(reader, c, ct));
    }

    /// <summary>Records a dated consultation, letter, meeting or note (the secretariat, or the participant's officers for their response); an open case moves to consultation.</summary>
    public Task<Outcome<ComplianceCaseView>> AddStepAsync(ComplianceReader reader, long id, CaseStepKind kind, DateOnly on, string? text, Guid? version, CancellationToken ct)
        => ChangeAsync(reader, id, version, participantMay: true, Active, (c, _) =>
        {
            var violations = new List<Violation>();
            if (string.IsNullOrWhiteSpace(text))
            {
                violations.Add(new(ComplianceCaseCodes.StepTextRequired, "A step says what happened.", "text"));
            }

            if (on > Today)
            {
                violations.Add(new(ComplianceCaseCodes.StepInFuture, $"A step is recorded once it happened: on or before {Today:yyyy-MM-dd}.", "on"));
            }

            if (violations.Count > 0)
            {
                return Task.FromResult<IReadOnlyList<Violation>>(violations);
            }

            c.Steps.Add(new ComplianceCaseStep { Kind = kind, On = on, Text = text!.Trim(), By = reader.Name, At = Now });
            if (c.Status == ComplianceCaseStatus.Open)
            {
                c.Status = ComplianceCaseStatus.Consultation;
            }

            return Task.FromResult<IReadOnlyList<Violation>>([]);
        }, ct);

    /// <summary>Adds an action with its deadline to the work plan (the secretariat); the case moves to its work plan.</summary>
    public Task<Outcome<ComplianceCaseView>> AddWorkPlanItemAsync(ComplianceReader reader, long id, string? text, DateOnly dueOn, Guid? version, CancellationToken ct)
        => ChangeAsync(reader, id, version, participantMay: false, BeforeMeasure, (c, _) =>
        {
            var violations = new List<Violation>();
            if (string.IsNullOrWhiteSpace(text))
            {
                violations.Add(new(ComplianceCaseCodes.ItemTextRequired, "A work-plan action says what is to be done.", "text"));
            }

            if (dueOn <= Today)
            {
                violations.Add(new(ComplianceCaseCodes.ItemDueInPast, $"The deadline must be after today ({Today:yyyy-MM-dd}).", "dueOn"));
            }

            if (violations.Count > 0)
            {
                return Task.FromResult<IReadOnlyList<Violation>>(violations);
            }

            c.WorkPlan.Add(new WorkPlanItem { Text = text!.Trim(), DueOn = dueOn, Status = WorkPlanItemStatus.Open });
            if (c.Status is ComplianceCaseStatus.Open or ComplianceCaseStatus.Consultation)
            {
                c.Status = ComplianceCaseStatus.WorkPlan;
            }

            return Task.FromResult<IReadOnlyList<Violation>>([]);
        }, ct);

    /// <summary>
    /// Marks a work-plan action done or missed (the secretariat), or done (the participant's officers), under the
    /// version of the action read.
    /// </summary>
    public async Task<Outcome<ComplianceCaseView>> MarkWorkPlanItemAsync(ComplianceReader reader, long id, long itemId, WorkPlanItemStatus status, Guid? version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!reader.SeesShared)
        {
            return Outcome<ComplianceCaseView>.Forbidden(Refused());
        }

        var c = await db.ComplianceCases.Include(x => x.Steps).Include(x => x.WorkPlan).AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return NotFound(id);
        }

        if (!reader.ActsFor(c.ParticipantCode) || (!reader.IsSecretariat && status != WorkPlanItemStatus.Done))
        {
            return Outcome<ComplianceCaseView>.Forbidden(new(ComplianceCaseCodes.Forbidden, reader.ActsFor(c.ParticipantCode)
                ? "The participant marks its actions done; the secretariat judges them missed."
                : $"The secretariat and {c.ParticipantCode}'s authority officers mark its work plan.", "status"));
        }

        if (c.Status == ComplianceCaseStatus.Closed)
        {
            return WrongStatus(c, Active);
        }

        if (c.WorkPlan.SingleOrDefault(w => w.Id == itemId) is not { } item)
        {
            return Outcome<ComplianceCaseView>.NotFound(new(ComplianceCaseCodes.ItemNotFound, $"Case {id} has no work-plan action {itemId}.", "itemId"));
        }

        if (version is { } v && v != item.Version)
        {
            return ItemChanged(itemId);
        }

        if (status == WorkPlanItemStatus.Open || item.Status != WorkPlanItemStatus.Open)
        {
            return Outcome<ComplianceCaseView>.Conflict(new(ComplianceCaseCodes.ItemNotOpen, $"Action {itemId} is {Input.Kebab(item.Status)}: only an open action is marked done or missed.", "status"));
        }

        (item.Status, item.DoneOn, item.Version) = (status, status == WorkPlanItemStatus.Done ? Today : null, Guid.NewGuid());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ItemChanged(itemId);
        }

        return Outcome<ComplianceCaseView>.Success(await ViewAsync(reader, c, ct));
    }

    /// <summary>Recommends an interim measure with its reasoning (the secretariat), until a decision is proposed.</summary>
    public Task<Outcome<ComplianceCaseView>> RecommendMeasureAsync(ComplianceReader reader, long id, MeasureRecommendation input, Guid? version, CancellationToken ct)
        => ChangeAsync(reader, id, version, participantMay: false, BeforeMeasure, async (c, decision) =>
        {
            ArgumentNullException.ThrowIfNull(input);
            if (decision is { Status: not (DecisionStatus.Rejected or DecisionStatus.Withdrawn) })
            {
                return [new(ComplianceCaseCodes.DecisionAlreadyProposed, $"Decision {decision.Id} is proposed on this case: the measure it carries stands.", "measure")];
            }

            var violations = new List<Violation>();
            if (input.Measure == InterimMeasure.SpecialMeasures && string.IsNullOrWhiteSpace(input.Scope))
            {
                violations.Add(new(ComplianceCaseCodes.MeasureScopeRequired, "Special measures must say what they cover.", "scope"));
            }

            if (string.IsNullOrWhiteSpace(input.Reason))
            {
                violations.Add(new(ComplianceCaseCodes.MeasureReasonRequired, "A recommendation gives its reasoning.", "reason"));
            }

            if (violations.Count > 0)
            {
                return violations;
            }

            c.RecommendedMeasure = input.Measure;
            c.MeasureScope = input.Measure == InterimMeasure.SpecialMeasures ? input.Scope!.Trim() : null;
            c.MeasureReason = input.Reason!.Trim();
            c.Status = ComplianceCaseStatus.MeasureRecommended;
            await Task.CompletedTask;
            return [];
        }, ct);

    /// <summary>
    /// Drafts the decision that carries the recommended measure as a status change of the participant (suspended, or
    /// special measures with their scope) and links it to the case (the secretariat). Both are written or neither.
    /// </summary>
    public Task<Outcome<ComplianceCaseView>> ProposeDecisionAsync(ComplianceReader reader, long id, DecisionProposal input, Guid? version, CancellationToken ct)
        => ChangeAsync(reader, id, version, participantMay: false, [ComplianceCaseStatus.MeasureRecommended], async (c, decision) =>
        {
            ArgumentNullException.ThrowIfNull(input);
            if (decision is { Status: not (DecisionStatus.Rejected or DecisionStatus.Withdrawn) })
            {
                return [new(ComplianceCaseCodes.DecisionAlreadyProposed, $"Decision {decision.Id} is already proposed on this case.", "decisionId")];
            }

            if (c.RecommendedMeasure == InterimMeasure.None)
            {
                return [new(ComplianceCaseCodes.NoMeasure, "The case recommends no interim measure: there is nothing for a decision to apply.", "measure")];
            }

            var status = c.RecommendedMeasure == InterimMeasure.Suspension ? ParticipantStatus.Suspended : ParticipantStatus.SpecialMeasures;
            var what = c.RecommendedMeasure == InterimMeasure.Suspension ? "Suspension" : "Special measures";
            var draft = await decisions.DraftAsync(new NewDecision(
                string.IsNullOrWhiteSpace(input.Title) ? $"{what}: {c.ParticipantCode} ({c.Title})" : input.Title,
                string.IsNullOrWhiteSpace(input.Text) ? c.MeasureReason ?? c.Summary : input.Text,
                input.Procedure,
                Effects: [new NewDecisionEffect(DecisionEffectKind.StatusChange, c.ParticipantCode, status, Scope: c.MeasureScope, Note: $"Non-compliance case {c.Id}: {c.Title}")]), ct);
            if (!draft.Succeeded)
            {
                return draft.Violations;
            }

            c.DecisionId = draft.Value!.Id;
            return [];
        }, ct, transaction: true);

    /// <summary>
    /// Adopts the proposed decision through <see cref="DecisionDesk.AdoptAsync"/> (the secretariat): the registry applies
    /// the measure from the effective date and the case is decided. Both are written or neither.
    /// </summary>
    public async Task<Outcome<ComplianceCaseView>> AdoptDecisionAsync(ComplianceReader reader, long id, DecisionAdoption adoption, Guid? version, CancellationToken ct)
    {
        // The decision desk's own kind of failure (a conflict is 409, not 422) is passed on.
        OutcomeKind? refused = null;
        var outcome = await ChangeAsync(reader, id, version, participantMay: false, [ComplianceCaseStatus.MeasureRecommended], async (c, decision) =>
        {
            if (decision is null || decision.Status is DecisionStatus.Rejected or DecisionStatus.Withdrawn)
            {
                return [new(ComplianceCaseCodes.NoDecision, "No decision is proposed on this case: propose one first.", "decisionId")];
            }

            var adopted = await decisions.AdoptAsync(decision.Id, adoption, decision.Version, ct);
            if (!adopted.Succeeded)
            {
                refused = adopted.Kind;
                return adopted.Violations;
            }

            c.Status = ComplianceCaseStatus.Decided;
            return [];
        }, ct, transaction: true);
        return refused is OutcomeKind.Conflict or OutcomeKind.NotFound && outcome.Violations.Count > 0
            ? (refused == OutcomeKind.Conflict ? Outcome<ComplianceCaseView>.Conflict(outcome.Violations[0]) : Outcome<ComplianceCaseView>.NotFound(outcome.Violations[0]))
            : outcome;
    }

    /// <summary>Closes the case with its outcome (the secretariat); a decision still pending is adopted or withdrawn first.</summary>
    public Task<Outcome<ComplianceCaseView>> CloseAsync(ComplianceReader reader, long id, string? outcome, Guid? version, CancellationToken ct)
        => ChangeAsync(reader, id, version, participantMay: false, Active, async (c, decision) =>
        {
            if (decision is { Status: DecisionStatus.Draft or DecisionStatus.WrittenProcedureOpen })
            {
                return [new(ComplianceCaseCodes.DecisionPending, $"Decision {decision.Id} on this case is still pending: adopt or withdraw it before closing.", "decisionId")];
            }

            if (string.IsNullOrWhiteSpace(outcome))
            {
                return [new(ComplianceCaseCodes.OutcomeRequired, "Closing a case records its outcome.", "outcome")];
            }

            (c.Status, c.Outcome, c.ClosedAt) = (ComplianceCaseStatus.Closed, outcome.Trim(), Now);
            await Task.CompletedTask;
            return [];
        }, ct);

    private async Task<IReadOnlyList<Violation>> CheckSourceAsync(string code, CaseSource source, long? sourceId, CancellationToken ct)
    {
        if (source == CaseSource.Other)
        {
            return sourceId is null ? [] : [new(ComplianceCaseCodes.SourceIdNotAllowed, "A case from another source names no source record.", "sourceId")];
        }

        if (sourceId is not { } sid)
        {
            return [new(ComplianceCaseCodes.SourceIdRequired, source == CaseSource.MissingAnnualReport ? "Name the year of the missing annual report." : $"Name the {Input.Kebab(source)} the case comes from.", "sourceId")];
        }

        if (source == CaseSource.MissingAnnualReport)
        {
            if (sid < 2003 || sid >= Today.Year)
            {
                return [new(ComplianceCaseCodes.YearInvalid, $"A missing annual report is one for a past year of the scheme, 2003 to {Today.Year - 1}.", "sourceId")];
            }

            var year = (int)sid;
            return await db.AnnualReports.AsNoTracking().AnyAsync(r => r.ParticipantCode == code && r.Year == year && r.Status != AnnualReportStatus.Draft, ct)
                ? [new(ComplianceCaseCodes.AnnualReportSubmitted, $"{code} submitted its annual report for {year}.", "sourceId")]
                : [];
        }

        // Who the record concerns, or null when there is no such record.
        IReadOnlyList<string>? concerns = source switch
        {
            CaseSource.Review => One(await db.PeerReviews.AsNoTracking().Where(r => r.Id == sid).Select(r => r.ParticipantCode).SingleOrDefaultAsync(ct)),
            CaseSource.Anomaly => One(await db.Anomalies.AsNoTracking().Where(a => a.Id == sid).Select(a => a.ParticipantCode).SingleOrDefaultAsync(ct)),
            _ => await AlertConcernsAsync(sid, ct),
        };
        if (concerns is null)
        {
            return [new(ComplianceCaseCodes.SourceNotFound, $"There is no {Input.Kebab(source)} {sid}.", "sourceId")];
        }

        return concerns.Contains(code)
            ? []
            : [new(ComplianceCaseCodes.SourceOtherParticipant, $"{Input.Kebab(source)} {sid} does not concern {code} ({string.Join(", ", concerns.Where(x => x.Length > 0).DefaultIfEmpty("no participant"))}).", "sourceId")];
    }

    private static string[]? One(string? code) => code is null ? null : [code];

    /// <summary>An alert concerns the participant whose authority raised it and the participant that issued the certificate it names.</summary>
    private async Task<IReadOnlyList<string>?> AlertConcernsAsync(long id, CancellationToken ct)
    {
        var alert = await db.Alerts.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.RaisedByParticipant, a.CertificateNumber }).SingleOrDefaultAsync(ct);
        if (alert is null)
        {
            return null;
        }

        var issuer = alert.CertificateNumber is { } number
            ? await db.Certificates.AsNoTracking().Where(c => c.Number == number).Select(c => c.IssuingParticipant).FirstOrDefaultAsync(ct)
            : null;
        return [.. new[] { alert.RaisedByParticipant, issuer }.OfType<string>().Distinct()];
    }

    private async Task<Outcome<ComplianceCaseView>> ChangeAsync(
        ComplianceReader reader, long id, Guid? version, bool participantMay, ComplianceCaseStatus[] from,
        Func<ComplianceCase, Decision?, Task<IReadOnlyList<Violation>>> change, CancellationToken ct, bool transaction = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!reader.SeesShared)
        {
            return Outcome<ComplianceCaseView>.Forbidden(Refused());
        }

        var c = await db.ComplianceCases.Include(x => x.Steps).Include(x => x.WorkPlan).AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return NotFound(id);
        }

        if (!(reader.IsSecretariat || (participantMay && reader.ActsFor(c.ParticipantCode))))
        {
            return Outcome<ComplianceCaseView>.Forbidden(new(ComplianceCaseCodes.Forbidden, participantMay
                ? $"The secretariat and {c.ParticipantCode}'s authority officers record steps of this case."
                : "The secretariat does this.", "id"));
        }

        var decision = c.DecisionId is { } did ? await db.Decisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == did, ct) : null;
        c.Status = EffectiveStatus(c, decision);
        if (!from.Contains(c.Status))
        {
            return WrongStatus(c, from);
        }

        if (version is { } v && v != c.Version)
        {
            return Changed(id);
        }

        await using var tx = transaction && db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var violations = await change(c, decision);
        if (violations.Count > 0)
        {
            return Outcome<ComplianceCaseView>.Invalid(violations);
        }

        c.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
            if (tx is not null)
            {
                await tx.CommitAsync(ct);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            return Changed(id);
        }

        return Outcome<ComplianceCaseView>.Success(await ViewAsync(reader, c, ct));
    }

    private async Task<ComplianceCaseView> ViewAsync(ComplianceReader reader, ComplianceCase c, CancellationToken ct)
    {
        var decision = c.DecisionId is { } did ? await db.Decisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == did, ct) : null;
        return ComplianceCaseView.Of(c, decision, reader.ActsFor(c.ParticipantCode), Today);
    }

    private async Task<Dictionary<long, Decision>> DecisionsOfAsync(IEnumerable<ComplianceCase> cases, CancellationToken ct)
    {
        var ids = cases.Where(c => c.DecisionId != null).Select(c => c.DecisionId!.Value).Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Decisions.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
    }

    private static Violation Refused() => new(ComplianceCaseCodes.Forbidden, "Non-compliance cases are the secretariat's, the participants' authority officers' and the observers'.", null);

    private static Outcome<ComplianceCaseView> WrongStatus(ComplianceCase c, ComplianceCaseStatus[] from)
        => Outcome<ComplianceCaseView>.Conflict(new(ComplianceCaseCodes.WrongStatus,
            $"Case {c.Id} is {Input.Kebab(c.Status)}; this needs it {string.Join(" or ", from.Select(s => Input.Kebab(s)))}.", "status"));

    private static Outcome<ComplianceCaseView> Changed(long id)
        => Outcome<ComplianceCaseView>.Conflict(new(ComplianceCaseCodes.Changed, $"Case {id} changed since you read it: reload it.", "version"));

    private static Outcome<ComplianceCaseView> ItemChanged(long itemId)
        => Outcome<ComplianceCaseView>.Conflict(new(ComplianceCaseCodes.ItemChanged, $"Work-plan action {itemId} changed since you read it: reload it.", "version"));

    private static Outcome<ComplianceCaseView> NotFound(long id)
        => Outcome<ComplianceCaseView>.NotFound(new(ComplianceCaseCodes.NotFound, $"There is no non-compliance case {id}.", "id"));
}
