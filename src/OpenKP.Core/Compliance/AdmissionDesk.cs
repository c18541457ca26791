using Microsoft.EntityFrameworkCore;
using OpenKP.Audit;
using OpenKP.Data;
using OpenKP.Registry;
using OpenKP.Shared;
using OpenKP.Shipments;

namespace OpenKP.Compliance;

/// <summary>An application as received: the applicant's ISO code and names, the day it arrived (default today) and its dossier.</summary>
public sealed record NewAdmission(string ApplicantCode, string NameEn, string NameFr, DateOnly? ReceivedOn, string Legislation, string Authorities, string InternalControls);

/// <summary>The dossier's three texts, as changed by the secretariat.</summary>
public sealed record AdmissionDossier(string Legislation, string Authorities, string InternalControls);

/// <summary>The draft decision to propose: admit (an effect making the applicant active) or refuse (no effect).</summary>
public sealed record AdmissionProposal(bool Admit, DecisionProcedure Procedure = DecisionProcedure.PlenaryConsensus, long? MeetingId = null);

/// <summary>
/// Admission of applicants (compliance issue item 3): the secretariat, acting for the Committee on Participation
/// and Chairmanship, receives an application (the applicant enters the registry with status
/// <see cref="ParticipantStatus.Applicant"/> from the day received), keeps the dossier and its documents, assesses
/// every KPCS minimum requirement (<see cref="MinimumRequirements"/>), records the visit, the assessment and the
/// recommendation, and proposes the plenary's decision through <see cref="DecisionDesk"/>. Adopting an admission
/// decision makes the applicant active from its effective date; a refusal has no registry effect. Every step checks
/// the status and the version the caller read.
/// </summary>
public sealed class AdmissionDesk(OpenKpDb db, IAuditActor actor, TimeProvider clock, FileStore files, DecisionDesk decisions)
{
    /// <summary>A dossier holds at most this many documents.</summary>
    public const int MaxDocuments = 50;

    private static readonly AdmissionStatus[] Open = [AdmissionStatus.Received, AdmissionStatus.UnderAssessment, AdmissionStatus.Recommended, AdmissionStatus.NotRecommended];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);

    public async Task<Paged<AdmissionApplication>> ListAsync(AdmissionStatus? status, int page, int pageSize, CancellationToken ct = default)
    {
        var query = db.AdmissionApplications.AsQueryable();
        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.ReceivedOn).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).Include(a => a.Checklist).Include(a => a.Documents).AsSplitQuery().AsNoTracking().ToListAsync(ct);
        return new Paged<AdmissionApplication>(items, page, pageSize, total);
    }

    public async Task<Outcome<AdmissionApplication>> FindAsync(long id, CancellationToken ct = default)
    {
        var application = await LoadAsync(id, ct);
        if (application is null)
        {
            return NotFound(id);
        }

        return Outcome<AdmissionApplication>.Success(application);
    }

    /// <summary>The decision behind an application (its number and status for the views), or null.</summary>
    public async Task<Decision?> DecisionOfAsync(AdmissionApplication application, CancellationToken ct = default)
        => application.DecisionId is { } id ? await db.Decisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct) : null;

    /// <summary>
    /// Receives an application: the applicant enters the registry (a participant row if absent, kind State) with an
    /// <see cref="ParticipantStatus.Applicant"/> status event from the day received, and the checklist is opened
    /// with every minimum requirement not assessed. All in one save.
    /// </summary>
    public async Task<Outcome<AdmissionApplication>> ReceiveAsync(NewAdmission input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var code = input.ApplicantCode.Trim().ToUpperInvariant();
        var received = input.ReceivedOn ?? Today;
        var violations = new List<Violation>();
        if (received > Today)
        {
            violations.Add(new(AdmissionCodes.ReceivedInFuture, "An application is recorded on or after the day it arrives, not before.", "receivedOn"));
        }

        var participant = await db.Participants.SingleOrDefaultAsync(p => p.Code == code, ct);
        if (participant is not null)
        {
            var latest = await db.StatusEvents.Where(e => e.ParticipantCode == code && e.EffectiveOn <= received)
                .OrderByDescending(e => e.EffectiveOn).ThenByDescending(e => e.Id).Select(e => (ParticipantStatus?)e.Status).FirstOrDefaultAsync(ct);
            if (latest is not null and not ParticipantStatus.Applicant and not ParticipantStatus.Withdrawn)
            {
                violations.Add(new(AdmissionCodes.AlreadyParticipant, $"{code} is already a participant ({latest}): it does not apply to join.", "applicantCode"));
            }
        }

        if (await db.AdmissionApplications.AnyAsync(a => a.ApplicantCode == code && Open.Contains(a.Status), ct))
        {
            violations.Add(new(AdmissionCodes.ApplicationOpen, $"{code} already has an open application: continue that one.", "applicantCode"));
        }

        if (violations.Count > 0)
        {
            return Outcome<AdmissionApplication>.Invalid(violations);
        }

        if (participant is null)
        {
            db.Participants.Add(new Participant
            {
                Code = code,
                NameEn = input.NameEn.Trim(),
                NameFr = input.NameFr.Trim(),
                Kind = ParticipantKind.State,
                // A placeholder until the admission decision sets the day it takes effect.
                AdmittedOn = received,
                AdmittedPrecision = DatePrecision.Day,
            });
        }

        db.StatusEvents.Add(new StatusEvent
        {
            ParticipantCode = code,
            EffectiveOn = received,
            Precision = DatePrecision.Day,
            Status = ParticipantStatus.Applicant,
            Note = "Application received",
            Decision = new DecisionReference { Title = "Application received", Date = received },
            EnteredBy = actor.UserName,
            EnteredAt = Now,
        });
        var application = new AdmissionApplication
        {
            ApplicantCode = code,
            ApplicantNameEn = input.NameEn.Trim(),
            ApplicantNameFr = input.NameFr.Trim(),
            ReceivedOn = received,
            Status = AdmissionStatus.Received,
            Legislation = input.Legislation.Trim(),
            Authorities = input.Authorities.Trim(),
            InternalControls = input.InternalControls.Trim(),
            CreatedBy = actor.UserName,
            CreatedAt = Now,
            Checklist = [.. MinimumRequirements.All.Select(r => new AdmissionChecklistItem { RequirementCode = r.Code, Assessment = RequirementAssessment.NotAssessed })],
        };
        db.AdmissionApplications.Add(application);
        await db.SaveChangesAsync(ct);
        return Outcome<AdmissionApplication>.Success(application);
    }

    public Task<Outcome<AdmissionApplication>> UpdateDossierAsync(long id, AdmissionDossier dossier, Guid? version, CancellationToken ct = default)
        => ChangeAsync(id, version, Open, a =>
        {
            (a.Legislation, a.Authorities, a.InternalControls) = (dossier.Legislation.Trim(), dossier.Authorities.Trim(), dossier.InternalControls.Trim());
            return [];
        }, ct);

    /// <summary>Stores a PDF, PNG or JPEG (checked by content, at most <see cref="FileStore.MaxBytes"/>) with the dossier.</summary>
    public async Task<Outcome<AdmissionDocument>> AddDocumentAsync(long id, string title, string fileName, Stream content, Guid? version, CancellationToken ct = default)
    {
        AdmissionDocument? document = null;
        var outcome = await ChangeAsync(id, version, Open, async a =>
        {
            if (a.Documents.Count >= MaxDocuments)
            {
                return [new Violation(AdmissionCodes.DocumentLimit, $"A dossier holds at most {MaxDocuments} documents.", "file")];
            }

            var stored = await files.StoreAsync(content, "file", ct);
            if (!stored.Succeeded)
            {
                return stored.Violations;
            }

            document = new AdmissionDocument
            {
                Title = title.Trim(),
                FileName = SafeName(fileName),
                ContentType = stored.Value!.ContentType,
                Size = stored.Value.Size,
                Sha256 = stored.Value.Sha256,
                UploadedBy = actor.UserName,
                UploadedAt = Now,
            };
            a.Documents.Add(document);
            return [];
        }, ct);
        return outcome.Succeeded ? Outcome<AdmissionDocument>.Success(document!) : Outcome<AdmissionDocument>.From(outcome);
    }

    /// <summary>The stored bytes of a document of the dossier, or not found.</summary>
    public async Task<Outcome<(AdmissionDocument Document, Stream Content)>> OpenDocumentAsync(long id, long documentId, CancellationToken ct = default)
    {
        var document = await db.AdmissionDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.ApplicationId == id && d.Id == documentId, ct);
        if (document is null || files.Open(document.Sha256) is not { } stream)
        {
            return Outcome<(AdmissionDocument, Stream)>.NotFound(new(AdmissionCodes.DocumentNotFound, $"Application {id} has no document {documentId}.", "documentId"));
        }

        return Outcome<(AdmissionDocument, Stream)>.Success((document, stream));
    }

    /// <summary>Assesses one minimum requirement; the first assessment starts the assessment (received → under assessment).</summary>
    public Task<Outcome<AdmissionApplication>> AssessAsync(long id, string requirementCode, RequirementAssessment assessment, string? comment, Guid? version, CancellationToken ct = default)
        => ChangeAsync(id, version, [AdmissionStatus.Received, AdmissionStatus.UnderAssessment], a =>
        {
            var item = a.Checklist.SingleOrDefault(i => string.Equals(i.RequirementCode, requirementCode.Trim(), StringComparison.OrdinalIgnoreCase));
            if (item is null)
            {
                return [new Violation(AdmissionCodes.RequirementUnknown, $"'{requirementCode}' is not a minimum requirement ({string.Join(", ", MinimumRequirements.All.Select(r => r.Code))}).", "requirementCode")];
            }

            (item.Assessment, item.Comment) = (assessment, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
            a.Status = AdmissionStatus.UnderAssessment;
            return [];
        }, ct);

    /// <summary>Records the visit to the applicant: its day (after receipt, not in the future) and the report.</summary>
    public Task<Outcome<AdmissionApplication>> RecordVisitAsync(long id, DateOnly visitOn, string report, Guid? version, CancellationToken ct = default)
        => ChangeAsync(id, version, [AdmissionStatus.Received, AdmissionStatus.UnderAssessment], a =>
        {
            var violations = new List<Violation>();
            if (visitOn > Today)
            {
                violations.Add(new(AdmissionCodes.VisitInFuture, "A visit is recorded once it took place.", "visitOn"));
            }

            if (visitOn < a.ReceivedOn)
            {
                violations.Add(new(AdmissionCodes.VisitBeforeReceived, $"The visit cannot precede the application, received on {a.ReceivedOn:yyyy-MM-dd}.", "visitOn"));
            }

            if (violations.Count == 0)
            {
                (a.VisitOn, a.VisitReport, a.Status) = (visitOn, report.Trim(), AdmissionStatus.UnderAssessment);
            }

            return violations;
        }, ct);

    /// <summary>Records the committee's assessment and recommendation: every requirement must have been assessed first.</summary>
    public Task<Outcome<AdmissionApplication>> RecommendAsync(long id, bool recommend, string assessment, string recommendation, Guid? version, CancellationToken ct = default)
        => ChangeAsync(id, version, [AdmissionStatus.Received, AdmissionStatus.UnderAssessment, AdmissionStatus.Recommended, AdmissionStatus.NotRecommended], async a =>
        {
            var live = await LiveDecisionAsync(a, ct);
            var violations = a.Checklist.Where(i => i.Assessment == RequirementAssessment.NotAssessed).OrderBy(i => Order(i.RequirementCode))
                .Select(i => new Violation(AdmissionCodes.RequirementNotAssessed, $"Requirement '{i.RequirementCode}' is not assessed yet.", "checklist." + i.RequirementCode)).ToList();
            if (live is not null)
            {
                violations.Add(new(AdmissionCodes.DecisionExists, "A decision was already proposed on this recommendation.", "decision"));
            }

            if (string.IsNullOrWhiteSpace(assessment))
            {
                violations.Add(new(AdmissionCodes.AssessmentRequired, "The recommendation rests on a written assessment.", "assessment"));
            }

            if (string.IsNullOrWhiteSpace(recommendation))
            {
                violations.Add(new(AdmissionCodes.RecommendationRequired, "Say what the committee recommends to the plenary.", "recommendation"));
            }

            if (violations.Count == 0)
            {
                (a.Assessment, a.Recommendation) = (assessment.Trim(), recommendation.Trim());
                a.Status = recommend ? AdmissionStatus.Recommended : AdmissionStatus.NotRecommended;
            }

            return (IReadOnlyList<Violation>)violations;
        }, ct);

    /// <summary>
    /// Proposes the plenary's decision as a draft: admission (a status change making the applicant active, only on a
    /// recommendation to admit) or refusal (no registry effect).
    /// </summary>
    public async Task<Outcome<AdmissionApplication>> ProposeDecisionAsync(long id, AdmissionProposal proposal, Guid? version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        // The draft decision and the application's link to it are written together or not at all.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var outcome = await ChangeAsync(id, version, Open, async a =>
        {
            if (await LiveDecisionAsync(a, ct) is not null)
            {
                return [new Violation(AdmissionCodes.DecisionExists, "A decision was already proposed for this application.", "decision")];
            }

            if (a.Status is not (AdmissionStatus.Recommended or AdmissionStatus.NotRecommended) || (proposal.Admit && a.Status != AdmissionStatus.Recommended))
            {
                return [new Violation(AdmissionCodes.NotRecommended, proposal.Admit
                    ? "An admission decision is proposed only on the committee's recommendation to admit."
                    : "A decision is proposed only once the committee has made its recommendation.", "status")];
            }

            var draft = await decisions.DraftAsync(proposal.Admit
                ? new NewDecision($"Admission of {a.ApplicantNameEn}", $"The Plenary admits {a.ApplicantNameEn} ({a.ApplicantCode}) as a participant in the Kimberley Process Certification Scheme.", proposal.Procedure, proposal.MeetingId, WorkingBodies.Participation.Code,
                    [new NewDecisionEffect(DecisionEffectKind.StatusChange, a.ApplicantCode, ParticipantStatus.Active, Note: $"Admitted: {a.ApplicantNameEn}")])
                : new NewDecision($"Application of {a.ApplicantNameEn}", $"The Plenary does not admit {a.ApplicantNameEn} ({a.ApplicantCode}) as a participant at this time.", proposal.Procedure, proposal.MeetingId, WorkingBodies.Participation.Code), ct);
            if (!draft.Succeeded)
            {
                return draft.Violations;
            }

            a.DecisionId = draft.Value!.Id;
            return [];
        }, ct);
        if (outcome.Succeeded && tx is not null)
        {
            await tx.CommitAsync(ct);
        }

        return outcome;
    }

    /// <summary>
    /// Adopts the proposed decision (through <see cref="DecisionDesk.AdoptAsync"/>, so the registry changes the same way
    /// as for any decision): an admission makes the applicant active from the effective date; the application becomes
    /// admitted or refused.
    /// </summary>
    public async Task<Outcome<AdmissionApplication>> AdoptDecisionAsync(long id, DecisionAdoption adoption, Guid? version, CancellationToken ct = default)
    {
        var application = await LoadAsync(id, ct);
        if (application is null)
        {
            return NotFound(id);
        }

        if (!Open.Contains(application.Status))
        {
            return Closed(application);
        }

        if (version is { } v && v != application.Version)
        {
            return Changed(id);
        }

        if (application.DecisionId is not { } decisionId)
        {
            return Outcome<AdmissionApplication>.Conflict(new(AdmissionCodes.NoDecision, "Propose the decision before adopting it.", "decision"));
        }

        var decision = await db.Decisions.AsNoTracking().SingleAsync(d => d.Id == decisionId, ct);
        // The decision desk settles the application (admitted or refused) in the adoption's own save.
        var adopted = await decisions.AdoptAsync(decisionId, adoption, decision.Version, ct);
        if (!adopted.Succeeded)
        {
            await db.Entry(application).ReloadAsync(ct);
            return Outcome<AdmissionApplication>.From(adopted);
        }

        return Outcome<AdmissionApplication>.Success(application);
    }

    /// <summary>The applicant withdraws its application (at any step before the decision is adopted).</summary>
    /// <remarks>A decision proposed on it and not yet adopted is withdrawn in the same save, so it can no longer admit the applicant.</remarks>
    public Task<Outcome<AdmissionApplication>> WithdrawAsync(long id, Guid? version, CancellationToken ct = default)
        => ChangeAsync(id, version, Open, async a =>
        {
            if (a.DecisionId is { } decisionId && await db.Decisions.SingleOrDefaultAsync(d => d.Id == decisionId, ct) is { Status: DecisionStatus.Draft or DecisionStatus.WrittenProcedureOpen } pending)
            {
                pending.Status = DecisionStatus.Withdrawn;
                pending.Version = Guid.NewGuid();
            }

            a.Status = AdmissionStatus.Withdrawn;
            return (IReadOnlyList<Violation>)[];
        }, ct);

    /// <summary>The decision proposed on the application unless it was rejected or withdrawn (then a new one may be proposed).</summary>
    private async Task<Decision?> LiveDecisionAsync(AdmissionApplication application, CancellationToken ct)
        => application.DecisionId is { } id
            ? await db.Decisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.Status != DecisionStatus.Rejected && d.Status != DecisionStatus.Withdrawn, ct)
            : null;

    /// <summary>The order of a requirement on the checklist (as <see cref="MinimumRequirements.All"/>).</summary>
    public static int Order(string code)
    {
        var i = MinimumRequirements.All.Select(r => r.Code).ToList().IndexOf(code);
        return i < 0 ? int.MaxValue : i;
    }

    private async Task<AdmissionApplication?> LoadAsync(long id, CancellationToken ct)
    {
        var application = await db.AdmissionApplications.Include(a => a.Checklist).Include(a => a.Documents).AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is not null)
        {
            application.Checklist = [.. application.Checklist.OrderBy(i => Order(i.RequirementCode))];
            application.Documents = [.. application.Documents.OrderBy(d => d.Id)];
        }

        return application;
    }

    private Task<Outcome<AdmissionApplication>> ChangeAsync(long id, Guid? version, AdmissionStatus[] from, Func<AdmissionApplication, IReadOnlyList<Violation>> change, CancellationToken ct)
        => ChangeAsync(id, version, from, a => Task.FromResult(change(a)), ct);

    private async Task<Outcome<AdmissionApplication>> ChangeAsync(
        long id, Guid? version, AdmissionStatus[] from, Func<AdmissionApplication, Task<IReadOnlyList<Violation>>> change, CancellationToken ct)
    {
        var application = await LoadAsync(id, ct);
        if (application is null)
        {
            return NotFound(id);
        }

        if (!from.Contains(application.Status))
        {
            return Closed(application);
        }

        if (version is { } v && v != application.Version)
        {
            return Changed(id);
        }

        if (await change(application) is { Count: > 0 } violations)
        {
            return Outcome<AdmissionApplication>.Invalid(violations);
        }

        application.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Changed(id);
        }

        return Outcome<AdmissionApplication>.Success(application);
    }

    private static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName ?? string.Empty).Trim();
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or '\\' or '/'))]);
        return name.Length == 0 ? "document" : name.Length > 200 ? name[^200..] : name;
    }

    private static Outcome<AdmissionApplication> Closed(AdmissionApplication a)
        => Outcome<AdmissionApplication>.Conflict(new(AdmissionCodes.Closed, $"Application {a.Id} is {a.Status}: this step is not open to it.", "status"));

    private static Outcome<AdmissionApplication> Changed(long id)
        => Outcome<AdmissionApplication>.Conflict(new(AdmissionCodes.Changed, $"Application {id} changed since you read it: reload it.", "version"));

    private static Outcome<AdmissionApplication> NotFound(long id)
        => Outcome<AdmissionApplication>.NotFound(new(AdmissionCodes.NotFound, $"There is no application {id}.", "id"));
}
