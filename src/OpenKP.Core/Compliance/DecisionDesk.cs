using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenKP.Audit;
using OpenKP.Data;
using OpenKP.Notifications;
using OpenKP.Registry;
using OpenKP.Shared;

namespace OpenKP.Compliance;

/// <summary>An effect as drafted: see <see cref="DecisionEffect"/> for what each field means per kind.</summary>
public sealed record NewDecisionEffect(
    DecisionEffectKind Kind,
    string ParticipantCode,
    ParticipantStatus? Status = null,
    string? Scope = null,
    string? ZoneName = null,
    DateOnly? EndsOn = null,
    bool GovernmentCertifiedExempt = false,
    string Note = "");

/// <summary>A decision as drafted: procedure, text and the registry effects it will carry once adopted.</summary>
public sealed record NewDecision(
    string Title,
    string Text,
    DecisionProcedure Procedure,
    long? MeetingId = null,
    string? WorkingBodyCode = null,
    IReadOnlyList<NewDecisionEffect>? Effects = null);

/// <summary>
/// How a decision is adopted: the day (default today), the day its effects start (default the adoption day)
/// and, for a plenary vote, the votes cast.
/// </summary>
public sealed record DecisionAdoption(DateOnly? AdoptedOn = null, DateOnly? EffectiveOn = null, int? VotesFor = null, int? VotesAgainst = null, int? VotesAbstaining = null);

/// <summary>
/// Drafts decisions and adopts them. Adoption is the one door by which a decision changes the registry: in the
/// same transaction it numbers the decision (<c>AD/2026/03</c>), marks it adopted and writes each effect as a
/// registry record dated on the effective date (a status event, a zone, an embargo) that links back to the
/// decision. The registry already answers every question for a date, so a suspension adopted today for a
/// future date changes trade permission exactly from that date. Admitting an applicant (an effect making it
/// <see cref="ParticipantStatus.Active"/>) also sets the participant's admission date.
/// </summary>
public sealed partial class DecisionDesk(OpenKpDb db, IAuditActor actor, TimeProvider clock, Notifier? notifier = null)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);

    public async Task<Outcome<Decision>> DraftAsync(NewDecision input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await CheckAsync(input, ct) is { Count: > 0 } violations)
        {
            return Outcome<Decision>.Invalid(violations);
        }

        var decision = new Decision
        {
            Title = input.Title.Trim(),
            Text = input.Text.Trim(),
            Procedure = input.Procedure,
            Status = DecisionStatus.Draft,
            MeetingId = input.MeetingId,
            WorkingBodyCode = WorkingBodies.Find(input.WorkingBodyCode)?.Code,
            CreatedBy = actor.UserName,
            CreatedAt = Now,
            Effects = Effects(input),
        };
        db.Decisions.Add(decision);
        await db.SaveChangesAsync(ct);
        return Outcome<Decision>.Success(decision);
    }

    /// <summary>
    /// Adopts a draft (or a written procedure whose deadline passed without objection) and applies its effects to
    /// the registry, all in one transaction. <paramref name="expectedVersion"/> guards against lost updates.
    /// </summary>
    public async Task<Outcome<Decision>> AdoptAsync(long id, DecisionAdoption input, Guid expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var decision = await db.Decisions.Include(d => d.Effects).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (decision is null)
        {
            return Outcome<Decision>.NotFound(new(DecisionCodes.NotFound, $"There is no decision {id}.", "id"));
        }

        if (decision.Version != expectedVersion)
        {
            return Outcome<Decision>.Conflict(Concurrency());
        }

        var adoptedOn = input.AdoptedOn ?? Today;
        var effectiveOn = input.EffectiveOn ?? adoptedOn;
        var violations = new List<Violation>();
        switch (decision.Procedure)
        {
            case DecisionProcedure.WrittenProcedure when decision.Status != DecisionStatus.WrittenProcedureOpen:
                return Outcome<Decision>.Conflict(new(DecisionCodes.WrittenProcedureNotOpen, "A written procedure is adopted only after it was opened and its deadline passed without objection.", "status"));
            case DecisionProcedure.WrittenProcedure when !string.IsNullOrWhiteSpace(decision.Objections):
                return Outcome<Decision>.Conflict(new(DecisionCodes.WrittenProcedureObjected, "An objection broke the silence: the written procedure cannot be adopted.", "objections"));
            case DecisionProcedure.WrittenProcedure when decision.ObjectionDeadline is { } deadline && (Today <= deadline || adoptedOn <= deadline):
                violations.Add(new(DecisionCodes.WrittenProcedureRunning, $"The written procedure runs until {deadline:yyyy-MM-dd}: it is adopted once that day has passed without objection.", "adoptedOn"));
                break;
            case DecisionProcedure.PlenaryConsensus or DecisionProcedure.PlenaryVote when decision.Status != DecisionStatus.Draft:
                return Outcome<Decision>.Conflict(new(DecisionCodes.NotDraft, $"Decision {id} is {decision.Status}, not a draft.", "status"));
            case DecisionProcedure.PlenaryVote when input.VotesFor is null || input.VotesAgainst is null:
                violations.Add(new(DecisionCodes.VotesRequired, "A plenary vote records the votes for and against.", "votesFor"));
                break;
            case DecisionProcedure.PlenaryVote when input.VotesFor <= input.VotesAgainst:
                violations.Add(new(DecisionCodes.VoteNotCarried, "The votes for must outnumber the votes against.", "votesFor"));
                break;
        }

        if (adoptedOn > Today)
        {
            violations.Add(new(DecisionCodes.AdoptedInFuture, "A decision is recorded as adopted on a day that has come: today or earlier.", "adoptedOn"));
        }

        if (effectiveOn < adoptedOn)
        {
            violations.Add(new(DecisionCodes.EffectiveBeforeAdoption, "A decision takes effect on or after the day it is adopted.", "effectiveOn"));
        }

        foreach (var effect in decision.Effects.Where(e => e.EndsOn is { } end && end <= effectiveOn))
        {
            violations.Add(new(DecisionCodes.EffectEndsBeforeStart, $"The effect on {effect.ParticipantCode} ends on {effect.EndsOn:yyyy-MM-dd}, not after the effective date.", "effectiveOn"));
        }

        // The registry may have moved since the draft: a participant that has left the scheme by the effective day takes no status change.
        foreach (var effect in decision.Effects.Where(e => e.Kind == DecisionEffectKind.StatusChange))
        {
            var standing = await db.StatusEvents.Where(e => e.ParticipantCode == effect.ParticipantCode && e.EffectiveOn <= effectiveOn)
                .OrderByDescending(e => e.EffectiveOn).ThenByDescending(e => e.Id).Select(e => (ParticipantStatus?)e.Status).FirstOrDefaultAsync(ct);
            if (standing == ParticipantStatus.Withdrawn)
            {
                violations.Add(new(DecisionCodes.EffectParticipantWithdrawn, $"{effect.ParticipantCode} has left the scheme by {effectiveOn:yyyy-MM-dd}: its status is no longer the scheme's to change (an applicant is admitted through an application).", "effects"));
            }
        }

        if (violations.Count > 0)
        {
            return Outcome<Decision>.Invalid(violations);
        }

        var adoptedThatYear = await db.Decisions.CountAsync(d => d.Number != null && d.AdoptedOn != null && d.AdoptedOn.Value.Year == adoptedOn.Year, ct);
        decision.Number = string.Create(CultureInfo.InvariantCulture, $"AD/{adoptedOn.Year}/{adoptedThatYear + 1:00}");
        decision.Status = DecisionStatus.Adopted;
        decision.AdoptedOn = adoptedOn;
        decision.EffectiveOn = effectiveOn;
        decision.AdoptedBy = actor.UserName;
        if (decision.Procedure == DecisionProcedure.PlenaryVote)
        {
            (decision.VotesFor, decision.VotesAgainst, decision.VotesAbstaining) = (input.VotesFor, input.VotesAgainst, input.VotesAbstaining);
        }

        decision.Version = Guid.NewGuid();
        await ApplyAsync(decision, effectiveOn, ct);
        await SettleLinkedAsync(decision, ct);
        (notifier ?? new Notifier(db, clock)).Publish(new Notice(
            NoticeTypes.DecisionAdopted,
            $"Decision {decision.Number} adopted: {decision.Title}",
            $"The Kimberley Process adopted decision {decision.Number} on {adoptedOn:yyyy-MM-dd}, effective {effectiveOn:yyyy-MM-dd}: {decision.Title}.",
            $"/compliance/decisions/{decision.Id}",
            [Audience.AllAuthorities],
            new Dictionary<string, object?>
            {
                ["decisionId"] = decision.Id,
                ["number"] = decision.Number,
                ["title"] = decision.Title,
                ["adoptedOn"] = adoptedOn,
                ["effectiveOn"] = effectiveOn,
                ["participants"] = decision.Effects.Select(e => e.ParticipantCode).Distinct().ToList(),
            }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another adoption took the same number, or the decision changed under us.
            return Outcome<Decision>.Conflict(Concurrency());
        }

        return Outcome<Decision>.Success(decision);
    }

    private async Task ApplyAsync(Decision decision, DateOnly effectiveOn, CancellationToken ct)
    {
        DecisionReference Reference() => new() { Title = $"{decision.Number} {decision.Title}", Date = decision.AdoptedOn, Reference = decision.Number, DecisionId = decision.Id };
        foreach (var effect in decision.Effects)
        {
            switch (effect.Kind)
            {
                case DecisionEffectKind.StatusChange:
                    db.StatusEvents.Add(new StatusEvent
                    {
                        ParticipantCode = effect.ParticipantCode,
                        EffectiveOn = effectiveOn,
                        Precision = DatePrecision.Day,
                        Status = effect.Status!.Value,
                        Scope = effect.Scope,
                        Note = effect.Note.Length > 0 ? effect.Note : decision.Title,
                        Decision = Reference(),
                        EnteredBy = actor.UserName,
                        EnteredAt = Now,
                    });
                    if (effect.Status == ParticipantStatus.Active)
                    {
                        await MarkAdmittedAsync(effect.ParticipantCode, effectiveOn, ct);
                    }

                    break;
                case DecisionEffectKind.CompliantZone or DecisionEffectKind.SpecialMeasuresArea:
                    db.Zones.Add(new Zone
                    {
                        ParticipantCode = effect.ParticipantCode,
                        Name = effect.ZoneName!,
                        Kind = effect.Kind == DecisionEffectKind.CompliantZone ? ZoneKind.CompliantZone : ZoneKind.SpecialMeasuresArea,
                        From = effectiveOn,
                        EndsOn = effect.EndsOn,
                        Source = decision.Number,
                        DecisionId = decision.Id,
                        EnteredBy = actor.UserName,
                        EnteredAt = Now,
                    });
                    break;
                case DecisionEffectKind.Embargo:
                    db.Embargoes.Add(new Embargo
                    {
                        OriginCode = effect.ParticipantCode,
                        From = effectiveOn,
                        EndsOn = effect.EndsOn,
                        GovernmentCertifiedExempt = effect.GovernmentCertifiedExempt,
                        Note = effect.Note.Length > 0 ? effect.Note : decision.Title,
                        Decision = Reference(),
                        EnteredBy = actor.UserName,
                        EnteredAt = Now,
                    });
                    break;
            }

            effect.AppliedAt = Now;
        }
    }

    /// <summary>
    /// What the decision settles, in the same save: the admission applications it decides become admitted (it makes
    /// the applicant active) or refused, and the non-compliance cases it decides become decided.
    /// </summary>
    private async Task SettleLinkedAsync(Decision decision, CancellationToken ct)
    {
        var admits = decision.Effects.Any(e => e.Kind == DecisionEffectKind.StatusChange && e.Status == ParticipantStatus.Active);
        AdmissionStatus[] open = [AdmissionStatus.Received, AdmissionStatus.UnderAssessment, AdmissionStatus.Recommended, AdmissionStatus.NotRecommended];
        foreach (var application in await db.AdmissionApplications.Where(a => a.DecisionId == decision.Id && open.Contains(a.Status)).ToListAsync(ct))
        {
            application.Status = admits ? AdmissionStatus.Admitted : AdmissionStatus.Refused;
            application.Version = Guid.NewGuid();
        }

        foreach (var decided in await db.ComplianceCases.Where(c => c.DecisionId == decision.Id && c.Status == ComplianceCaseStatus.MeasureRecommended).ToListAsync(ct))
        {
            decided.Status = ComplianceCaseStatus.Decided;
            decided.Version = Guid.NewGuid();
        }
    }

    /// <summary>An applicant admitted: its admission date becomes the day the decision takes effect.</summary>
    private async Task MarkAdmittedAsync(string code, DateOnly effectiveOn, CancellationToken ct)
    {
        var participant = await db.Participants.SingleAsync(p => p.Code == code, ct);
        var history = await db.StatusEvents.Where(e => e.ParticipantCode == code).Select(e => e.Status).ToListAsync(ct);
        if (history.Count > 0 && history.All(s => s == ParticipantStatus.Applicant))
        {
            participant.AdmittedOn = effectiveOn;
            participant.AdmittedPrecision = DatePrecision.Day;
            participant.Version = Guid.NewGuid();
        }
    }

    private async Task<List<Violation>> CheckEffectsAsync(IReadOnlyList<NewDecisionEffect> effects, CancellationToken ct)
    {
        var violations = new List<Violation>();
        var codes = effects.Where(e => e.Kind != DecisionEffectKind.Embargo).Select(e => e.ParticipantCode.Trim().ToUpperInvariant()).Distinct().ToList();
        var known = await db.Participants.Where(p => codes.Contains(p.Code)).Select(p => p.Code).ToListAsync(ct);
        for (var i = 0; i < effects.Count; i++)
        {
            var e = effects[i];
            var field = $"effects[{i}]";
            var code = e.ParticipantCode.Trim().ToUpperInvariant();
            if (e.Kind == DecisionEffectKind.Embargo)
            {
                if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper))
                {
                    violations.Add(new(DecisionCodes.EffectOriginInvalid, $"'{e.ParticipantCode}' is not a two-letter country code.", $"{field}.participantCode"));
                }
            }
            else if (!known.Contains(code))
            {
                violations.Add(new(DecisionCodes.EffectParticipantUnknown, $"'{e.ParticipantCode}' is not in the registry.", $"{field}.participantCode"));
            }

            if (e.Kind == DecisionEffectKind.StatusChange && e.EndsOn is not null)
            {
                violations.Add(new(DecisionCodes.EffectStatusHasNoEnd, "A status change has no end date: ending it is another decision (for example lifting a suspension).", $"{field}.endsOn"));
            }

            if (e.Kind == DecisionEffectKind.StatusChange && e.Status is null)
            {
                violations.Add(new(DecisionCodes.EffectStatusRequired, "A status change names the new status.", $"{field}.status"));
            }

            if (e.Kind == DecisionEffectKind.StatusChange && e.Status == ParticipantStatus.SpecialMeasures && string.IsNullOrWhiteSpace(e.Scope))
            {
                violations.Add(new(DecisionCodes.EffectScopeRequired, "Special measures must say what they cover.", $"{field}.scope"));
            }

            if (e.Kind is DecisionEffectKind.CompliantZone or DecisionEffectKind.SpecialMeasuresArea && string.IsNullOrWhiteSpace(e.ZoneName))
            {
                violations.Add(new(DecisionCodes.EffectZoneNameRequired, "A zone effect names the zone.", $"{field}.zoneName"));
            }
        }

        return violations;
    }

    private async Task<List<Violation>> CheckAsync(NewDecision input, CancellationToken ct)
    {
        var violations = new List<Violation>();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            violations.Add(new(DecisionCodes.TitleRequired, "A decision needs a title.", "title"));
        }

        if (string.IsNullOrWhiteSpace(input.Text))
        {
            violations.Add(new(DecisionCodes.TextRequired, "A decision needs its operative text.", "text"));
        }

        if (input.MeetingId is { } meeting && !await db.Meetings.AnyAsync(m => m.Id == meeting, ct))
        {
            violations.Add(new(DecisionCodes.MeetingNotFound, $"There is no meeting {meeting}.", "meetingId"));
        }

        if (input.WorkingBodyCode is { Length: > 0 } body && WorkingBodies.Find(body) is null)
        {
            violations.Add(new(DecisionCodes.WorkingBodyUnknown, $"'{body}' is not a working body ({string.Join(", ", WorkingBodies.All.Select(b => b.Code))}).", "workingBodyCode"));
        }

        violations.AddRange(await CheckEffectsAsync(input.Effects ?? [], ct));
        return violations;
    }

    private static List<DecisionEffect> Effects(NewDecision input) => (input.Effects ?? []).Select(e => new DecisionEffect
    {
        Kind = e.Kind,
        ParticipantCode = e.ParticipantCode.Trim().ToUpperInvariant(),
        Status = e.Kind == DecisionEffectKind.StatusChange ? e.Status : null,
        Scope = Blank(e.Scope),
        ZoneName = Blank(e.ZoneName),
        EndsOn = e.EndsOn,
        GovernmentCertifiedExempt = e.GovernmentCertifiedExempt,
        Note = e.Note.Trim(),
    }).ToList();

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static Violation Concurrency() => new(RegistryCodes.ConcurrencyConflict, "The decision changed since it was read; reload and try again.", "version");
}
