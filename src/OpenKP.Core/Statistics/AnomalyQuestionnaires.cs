using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Registry;
using OpenKP.Shared;

namespace OpenKP.Statistics;

/// <summary>
/// Who acts on anomalies and questionnaires: the secretariat (the Working Group on Statistics' hands) for
/// every participant, or an authority officer for <see cref="Participant"/> only.
/// </summary>
public sealed record AnomalyActor(string UserName, bool IsSecretariat, string? Participant)
{
    public bool Sees(string participant) => IsSecretariat || (Participant is not null && Participant == participant);
}

/// <summary>Which anomalies to list; null means any.</summary>
public sealed record AnomalyFilter(int? Year = null, string? Participant = null, AnomalyKind? Kind = null, AnomalyStatus? Status = null);

/// <summary>A question as the secretariat edits it: <see cref="Id"/> of a question kept (its anomaly stays linked), or null for a new one.</summary>
public sealed record QuestionEdit(long? Id, string Text);

/// <summary>A participant named on the public list: it left a questionnaire unanswered past its due date.</summary>
public sealed record OverdueParticipant(string Code, string Name, DateOnly OverdueSince);

/// <summary>
/// Anomalies as each reader may see them, and the Data Anomalies Questionnaire (reference §4.4): the
/// secretariat drafts one from anomalies of one participant and year (a question per anomaly, editable),
/// sends it with a due date; the participant's authority answers every question; the secretariat closes it
/// or escalates it. Each step checks the status and the version the caller read, and is audited.
/// </summary>
public sealed class AnomalyQuestionnaires(OpenKpDb db, AnomalySettingsStore settings, ParticipantDirectory directory, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Paged<Anomaly>> AnomaliesAsync(AnomalyActor actor, AnomalyFilter filter, int page, int pageSize, CancellationToken ct)
    {
        var query = db.Anomalies.AsNoTracking();
        if (!actor.IsSecretariat)
        {
            query = query.Where(a => a.ParticipantCode == actor.Participant);
        }

        if (filter.Year is { } y)
        {
            query = query.Where(a => a.Year == y);
        }

        if (filter.Participant is { } p)
        {
            query = query.Where(a => a.ParticipantCode == p);
        }

        if (filter.Kind is { } k)
        {
            query = query.Where(a => a.Kind == k);
        }

        if (filter.Status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.Year).ThenBy(a => a.ParticipantCode).ThenBy(a => a.Period).ThenBy(a => a.Kind).ThenBy(a => a.Subject).ThenBy(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<Anomaly>(items, page, pageSize, total);
    }

    public async Task<Outcome<Anomaly>> AnomalyAsync(AnomalyActor actor, long id, CancellationToken ct)
        => await db.Anomalies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) is { } a && actor.Sees(a.ParticipantCode)
            ? Outcome<Anomaly>.Success(a)
            : Outcome<Anomaly>.NotFound(new(AnomalyCodes.AnomalyNotFound, $"You have no anomaly {id}.", "id"));

    /// <summary>Questionnaires the actor sees, newest first: the secretariat all; a participant's officers theirs, once sent.</summary>
    public async Task<Paged<Questionnaire>> ListAsync(AnomalyActor actor, string? participant, QuestionnaireStatus? status, int page, int pageSize, CancellationToken ct)
    {
        var query = Visible(actor, db.Questionnaires.AsNoTracking());
        if (participant is not null)
        {
            query = query.Where(q => q.ParticipantCode == participant);
        }

        if (status is { } s)
        {
            query = query.Where(q => q.Status == s);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(q => q.CreatedAt).ThenByDescending(q => q.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Include(q => q.Questions).AsSplitQuery().ToListAsync(ct);
        return new Paged<Questionnaire>(items, page, pageSize, total);
    }

    public async Task<Outcome<Questionnaire>> FindAsync(AnomalyActor actor, long id, CancellationToken ct)
        => await Visible(actor, db.Questionnaires.AsNoTracking()).Include(q => q.Questions).SingleOrDefaultAsync(q => q.Id == id, ct) is { } q
            ? Outcome<Questionnaire>.Success(Ordered(q))
            : NotFound(id);

    /// <summary>Drafts a questionnaire (status open) from anomalies of one participant and year, a question per anomaly.</summary>
    public async Task<Outcome<Questionnaire>> CreateAsync(AnomalyActor actor, IReadOnlyList<long> anomalyIds, DateOnly? dueOn, CancellationToken ct)
    {
        if (!actor.IsSecretariat)
        {
            return Outcome<Questionnaire>.Forbidden(new(PlatformForbidden, "The secretariat (Working Group on Statistics) sends questionnaires.", null));
        }

        var ids = anomalyIds.Distinct().ToList();
        var anomalies = await db.Anomalies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        if (ids.Except(anomalies.Select(a => a.Id)).FirstOrDefault() is var missing && missing != 0)
        {
            return Outcome<Questionnaire>.NotFound(new(AnomalyCodes.AnomalyNotFound, $"There is no anomaly {missing}.", "anomalyIds"));
        }

        var violations = new List<Violation>();
        if (anomalies.Select(a => (a.ParticipantCode, a.Year)).Distinct().Count() > 1)
        {
            violations.Add(new(AnomalyCodes.AnomaliesMixed, "A questionnaire asks one participant about one year: choose anomalies of one participant and year.", "anomalyIds"));
        }

        var due = dueOn ?? Today.AddDays((await settings.GetAsync(ct)).QuestionnaireDueDays);
        if (due <= Today)
        {
            violations.Add(new(AnomalyCodes.DueInPast, $"The due date must be after today ({Today:yyyy-MM-dd}).", "dueOn"));
        }

        if (violations.Count > 0)
        {
            return Outcome<Questionnaire>.Invalid(violations);
        }

        var asked = await db.QuestionnaireQuestions.AsNoTracking()
            .Where(x => x.AnomalyId != null && ids.Contains(x.AnomalyId.Value))
            .Join(db.Questionnaires.Where(q => q.Status == QuestionnaireStatus.Open || q.Status == QuestionnaireStatus.Sent || q.Status == QuestionnaireStatus.Answered),
                x => x.QuestionnaireId, q => q.Id, (x, q) => new { x.AnomalyId, q.Id })
            .FirstOrDefaultAsync(ct);
        if (asked is not null)
        {
            return Outcome<Questionnaire>.Conflict(new(AnomalyCodes.AnomalyAlreadyAsked, $"Anomaly {asked.AnomalyId} is already asked in questionnaire {asked.Id}, still in progress.", "anomalyIds"));
        }

        var ordered = anomalies.OrderBy(a => a.Period, StringComparer.Ordinal).ThenBy(a => a.Kind).ThenBy(a => a.Subject, StringComparer.Ordinal).ToList();
        var periods = ordered.Select(a => a.Period).Distinct().ToList();
        var questionnaire = new Questionnaire
        {
            ParticipantCode = ordered[0].ParticipantCode,
            Year = ordered[0].Year,
            Period = periods.Count == 1 ? periods[0] : ordered[0].Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
            Status = QuestionnaireStatus.Open,
            DueOn = due,
            CreatedBy = actor.UserName,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Questions = [.. ordered.Select((a, i) => new QuestionnaireQuestion { Number = i + 1, AnomalyId = a.Id, Text = AnomalyRules.QuestionFor(a.Kind, a.Details) })],
        };
        db.Questionnaires.Add(questionnaire);
        await db.SaveChangesAsync(ct);
        return Outcome<Questionnaire>.Success(questionnaire);
    }

    /// <summary>Edits a draft's questions and due date (the secretariat, while it is open).</summary>
    public Task<Outcome<Questionnaire>> EditAsync(AnomalyActor actor, long id, IReadOnlyList<QuestionEdit> questions, DateOnly dueOn, Guid? version, CancellationToken ct)
        => ChangeAsync(actor, id, version, secretariat: true, [QuestionnaireStatus.Open], q =>
        {
            var violations = new List<Violation>();
            if (questions.Count == 0)
            {
                violations.Add(new(AnomalyCodes.NoQuestions, "A questionnaire asks at least one question.", "questions"));
            }

            if (dueOn <= Today)
            {
                violations.Add(new(AnomalyCodes.DueInPast, $"The due date must be after today ({Today:yyyy-MM-dd}).", "dueOn"));
            }

            var known = q.Questions.ToDictionary(x => x.Id);
            for (var i = 0; i < questions.Count; i++)
            {
                if (questions[i].Id is { } qid && !known.ContainsKey(qid))
                {
                    violations.Add(new(AnomalyCodes.UnknownQuestion, $"Questionnaire {id} has no question {qid}.", $"questions[{i}].id"));
                }
            }

            if (violations.Count > 0)
            {
                return violations;
            }

            var kept = questions.Where(x => x.Id is not null).Select(x => x.Id!.Value).ToHashSet();
            foreach (var gone in q.Questions.Where(x => !kept.Contains(x.Id)).ToList())
            {
                q.Questions.Remove(gone);
                db.QuestionnaireQuestions.Remove(gone);
            }

            for (var i = 0; i < questions.Count; i++)
            {
                var question = questions[i].Id is { } qid ? known[qid] : new QuestionnaireQuestion { Text = string.Empty };
                question.Text = questions[i].Text;
                question.Number = i + 1;
                if (questions[i].Id is null)
                {
                    q.Questions.Add(question);
                }
            }

            q.DueOn = dueOn;
            return [];
        }, ct);

    /// <summary>Sends a draft to the participant (the secretariat).</summary>
    public Task<Outcome<Questionnaire>> SendAsync(AnomalyActor actor, long id, Guid? version, CancellationToken ct)
        => ChangeAsync(actor, id, version, secretariat: true, [QuestionnaireStatus.Open], q =>
        {
            if (q.DueOn <= Today)
            {
                return [new(AnomalyCodes.DueInPast, $"The due date {q.DueOn:yyyy-MM-dd} has passed: change it before sending.", "dueOn")];
            }

            (q.Status, q.SentBy, q.SentAt) = (QuestionnaireStatus.Sent, actor.UserName, clock.GetUtcNow().UtcDateTime);
            return [];
        }, ct);

    /// <summary>Answers every question (the participant's authority officers); one left blank refuses all, each named.</summary>
    public Task<Outcome<Questionnaire>> AnswerAsync(AnomalyActor actor, long id, IReadOnlyDictionary<long, string> answers, Guid? version, CancellationToken ct)
        => ChangeAsync(actor, id, version, secretariat: false, [QuestionnaireStatus.Sent], q =>
        {
            var violations = new List<Violation>();
            var known = q.Questions.Select(x => x.Id).ToHashSet();
            violations.AddRange(answers.Keys.Where(k => !known.Contains(k)).Order()
                .Select(k => new Violation(AnomalyCodes.UnknownQuestion, $"Questionnaire {id} has no question {k}.", $"answers[{k}]")));
            violations.AddRange(q.Questions.OrderBy(x => x.Number).Where(x => string.IsNullOrWhiteSpace(answers.GetValueOrDefault(x.Id)))
                .Select(x => new Violation(AnomalyCodes.AnswerRequired, $"Question {x.Number} has no answer: every question must be answered.", $"answers[{x.Id}]")));
            if (violations.Count > 0)
            {
                return violations;
            }

            foreach (var question in q.Questions)
            {
                question.Answer = answers[question.Id].Trim();
            }

            (q.Status, q.AnsweredBy, q.AnsweredAt) = (QuestionnaireStatus.Answered, actor.UserName, clock.GetUtcNow().UtcDateTime);
            return [];
        }, ct);

    /// <summary>Accepts the answers and closes the questionnaire (the secretariat).</summary>
    public Task<Outcome<Questionnaire>> CloseAsync(AnomalyActor actor, long id, string? note, Guid? version, CancellationToken ct)
        => ChangeAsync(actor, id, version, secretariat: true, [QuestionnaireStatus.Answered], q =>
        {
            Decide(q, QuestionnaireStatus.Closed, actor, note);
            return [];
        }, ct);

    /// <summary>Escalates a sent or answered questionnaire with a reason (the secretariat): unanswered past due, or answers not accepted.</summary>
    public Task<Outcome<Questionnaire>> EscalateAsync(AnomalyActor actor, long id, string reason, Guid? version, CancellationToken ct)
        => ChangeAsync(actor, id, version, secretariat: true, [QuestionnaireStatus.Sent, QuestionnaireStatus.Answered], q =>
        {
            Decide(q, QuestionnaireStatus.Escalated, actor, reason);
            return [];
        }, ct);

    /// <summary>
    /// The public list (the KP names participants that fail to answer): every participant with a
    /// questionnaire sent and still unanswered after its due date, with the oldest such due date.
    /// </summary>
    public async Task<IReadOnlyList<OverdueParticipant>> OverdueAsync(CancellationToken ct)
    {
        var today = Today;
        var rows = await db.Questionnaires.AsNoTracking()
            .Where(q => (q.Status == QuestionnaireStatus.Sent || q.Status == QuestionnaireStatus.Escalated) && q.AnsweredAt == null && q.DueOn < today)
            .GroupBy(q => q.ParticipantCode)
            .Select(g => new { Code = g.Key, Since = g.Min(q => q.DueOn) })
            .ToListAsync(ct);
        var registry = await directory.SnapshotAsync(ct);
        return [.. rows.Select(r => new OverdueParticipant(r.Code, registry.Find(r.Code)?.NameEn ?? r.Code, r.Since)).OrderBy(r => r.Name, StringComparer.Ordinal)];
    }

    private const string PlatformForbidden = "forbidden";

    private static IQueryable<Questionnaire> Visible(AnomalyActor actor, IQueryable<Questionnaire> query)
        => actor.IsSecretariat ? query : query.Where(q => q.ParticipantCode == actor.Participant && q.Status != QuestionnaireStatus.Open);

    private void Decide(Questionnaire q, QuestionnaireStatus status, AnomalyActor actor, string? note)
        => (q.Status, q.DecidedBy, q.DecidedAt, q.DecisionNote) = (status, actor.UserName, clock.GetUtcNow().UtcDateTime, string.IsNullOrWhiteSpace(note) ? null : note.Trim());

    private async Task<Outcome<Questionnaire>> ChangeAsync(
        AnomalyActor actor, long id, Guid? version, bool secretariat, QuestionnaireStatus[] from, Func<Questionnaire, IReadOnlyList<Violation>> change, CancellationToken ct)
    {
        var q = await Visible(actor, db.Questionnaires).Include(x => x.Questions).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (q is null)
        {
            return NotFound(id);
        }

        if (secretariat != actor.IsSecretariat)
        {
            return Outcome<Questionnaire>.Forbidden(new(PlatformForbidden, secretariat
                ? "The secretariat (Working Group on Statistics) does this."
                : $"{q.ParticipantCode}'s authority officers answer its questionnaires.", "id"));
        }

        if (!from.Contains(q.Status))
        {
            return Outcome<Questionnaire>.Conflict(new(AnomalyCodes.QuestionnaireWrongStatus,
                $"Questionnaire {id} is {Input.Kebab(q.Status)}; this needs it {string.Join(" or ", from.Select(s => Input.Kebab(s)))}.", "id"));
        }

        if (version is { } v && v != q.Version)
        {
            return Changed(id);
        }

        if (change(q) is { Count: > 0 } violations)
        {
            return Outcome<Questionnaire>.Invalid(violations);
        }

        // Every change moves the questionnaire's version, also one that touched only its questions:
        // a second editor holding the old version gets 409 instead of overwriting silently.
        db.Entry(q).Property(x => x.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Changed(id);
        }

        return Outcome<Questionnaire>.Success(Ordered(q));
    }

    private static Questionnaire Ordered(Questionnaire q)
    {
        q.Questions = [.. q.Questions.OrderBy(x => x.Number)];
        return q;
    }

    private static Outcome<Questionnaire> Changed(long id)
        => Outcome<Questionnaire>.Conflict(new(AnomalyCodes.QuestionnaireChanged, $"Questionnaire {id} changed since you read it: reload it.", "version"));

    private static Outcome<Questionnaire> NotFound(long id)
        => Outcome<Questionnaire>.NotFound(new(AnomalyCodes.QuestionnaireNotFound, $"You have no questionnaire {id}.", "id"));
}
