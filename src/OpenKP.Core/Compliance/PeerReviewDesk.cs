using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Registry;
using OpenKP.Shared;

namespace OpenKP.Compliance;

/// <summary>A member of a review team as planned: a participant's expert, an industry or civil-society observer's member, or the secretariat's.</summary>
public sealed record NewTeamMember(TeamMemberKind Kind, string PersonName, string? ParticipantCode = null, string? ObserverName = null, bool IsLeader = false);

/// <summary>
/// A review as planned. A visit is made at the participant's invitation (<see cref="InvitedOn"/> required); a mission is
/// decided on indications of non-compliance (its reason in the terms of reference; <see cref="DecisionId"/>, the adopted
/// decision that ordered it, optional). The schedule is [StartsOn, EndsOn], both days on site.
/// </summary>
public sealed record NewReview(
    string ParticipantCode,
    ReviewKind Kind,
    DateOnly StartsOn,
    DateOnly EndsOn,
    string TermsOfReference,
    IReadOnlyList<NewTeamMember> Team,
    DateOnly? InvitedOn = null,
    long? DecisionId = null);

/// <summary>A recommendation to the reviewed participant: what to do, who is to act (an institution or office), by when.</summary>
public sealed record NewRecommendation(string Text, string Owner, DateOnly DueOn);

/// <summary>Which reviews to list; null means any. <see cref="Year"/> is the year the review starts.</summary>
public sealed record ReviewFilter(string? Participant = null, ReviewKind? Kind = null, ReviewStatus? Status = null, int? Year = null);

/// <summary>Which recommendations to list; <see cref="Overdue"/> keeps those still open (open or in progress) past their due date.</summary>
public sealed record RecommendationFilter(string? Participant = null, RecommendationStatus? Status = null, bool Overdue = false);

/// <summary>
/// One participant's line on the dashboard of recommendations not yet closed: how many are open, in progress, implemented
/// awaiting closure, and overdue (open or in progress past their due date); the oldest due date among them.
/// </summary>
public sealed record RecommendationTally(string ParticipantCode, int Open, int InProgress, int Implemented, int Overdue, DateOnly OldestDueOn);

/// <summary>A member with no completed review (visit or mission with a final report) ending within the interval; <see cref="LastEndedOn"/> null if never.</summary>
public sealed record ReviewDue(string ParticipantCode, string Name, DateOnly? LastEndedOn, ReviewKind? LastKind, long? LastReviewId);

/// <summary>
/// Peer review (issue 7 item 5): plans review visits and missions with their team, schedule and terms of reference; carries
/// each through draft report → the reviewed participant's comments → final report (or cancels it while planned); and follows
/// up its recommendations (open → in progress → implemented → closed, or closed as not implemented), each change a
/// <see cref="RecommendationUpdate"/> with a note. The secretariat (acting for the team leader and the Working Group on
/// Monitoring) does every step; the reviewed participant's authority officers comment on the draft and report progress on
/// its recommendations; only the secretariat closes one. What each reader sees follows <see cref="ComplianceReader"/>: the
/// draft report (always) and the comments (before the final) only the secretariat and the reviewed participant; a review's
/// recommendations, before its final report, likewise. Every step checks the status and the version read.
/// </summary>
public sealed class PeerReviewDesk(OpenKpDb db, ParticipantDirectory directory, TimeProvider clock)
{
    /// <summary>The configuration key of the interval after which a member is due a review, in years (default <see cref="DefaultIntervalYears"/>).</summary>
    public const string IntervalYearsKey = "OpenKP:Compliance:ReviewIntervalYears";
    public const int DefaultIntervalYears = 5;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>The reviews a reader sees (every review, for a reader who sees what the scheme shares), newest first.</summary>
    public async Task<Paged<PeerReview>> ListAsync(ReviewFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        var query = db.PeerReviews.AsNoTracking();
        if (filter.Participant is { } p)
        {
            query = query.Where(r => r.ParticipantCode == p);
        }

        if (filter.Kind is { } k)
        {
            query = query.Where(r => r.Kind == k);
        }

        if (filter.Status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        if (filter.Year is { } y)
        {
            var (from, to) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            query = query.Where(r => r.StartsOn >= from && r.StartsOn <= to);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(r => r.StartsOn).ThenByDescending(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Include(r => r.Recommendations).AsSplitQuery().ToListAsync(ct);
        return new Paged<PeerReview>(items, page, pageSize, total);
    }

    public async Task<Outcome<PeerReview>> FindAsync(long id, CancellationToken ct = default)
        => await db.PeerReviews.AsNoTracking().Include(r => r.Team).Include(r => r.Recommendations).AsSplitQuery().SingleOrDefaultAsync(r => r.Id == id, ct) is { } r
            ? Outcome<PeerReview>.Success(Ordered(r))
            : NotFound(id);

    /// <summary>Plans a review (status planned). Every broken rule at once.</summary>
    public async Task<Outcome<PeerReview>> PlanAsync(ComplianceReader reader, NewReview input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(input);
        if (!reader.IsSecretariat)
        {
            return Outcome<PeerReview>.Forbidden(SecretariatOnly());
        }

        var code = input.ParticipantCode.Trim().ToUpperInvariant();
        var violations = new List<Violation>();
        if (!await db.Participants.AnyAsync(p => p.Code == code, ct))
        {
            violations.Add(new(ReviewCodes.ParticipantUnknown, $"'{input.ParticipantCode}' is not a participant in the registry.", "participant"));
        }

        if (input.Kind == ReviewKind.Visit && input.InvitedOn is null)
        {
            violations.Add(new(ReviewCodes.InvitationRequired, "A review visit is made at the participant's invitation: give the day it was received.", "invitedOn"));
        }

        if (input.InvitedOn is { } invited && invited > input.StartsOn)
        {
            violations.Add(new(ReviewCodes.InvitedAfterStart, "The invitation comes before the visit starts.", "invitedOn"));
        }

        if (input.DecisionId is { } decision && !await db.Decisions.AnyAsync(d => d.Id == decision && d.Status == DecisionStatus.Adopted, ct))
        {
            violations.Add(new(ReviewCodes.DecisionNotAdopted, $"There is no adopted decision {decision}.", "decisionId"));
        }

        if (input.EndsOn < input.StartsOn)
        {
            violations.Add(new(ReviewCodes.EndsBeforeStart, "The review ends on or after the day it starts.", "endsOn"));
        }

        violations.AddRange(await CheckTeamAsync(code, input.Team, ct));
        if (violations.Count > 0)
        {
            return Outcome<PeerReview>.Invalid(violations);
        }

        var review = new PeerReview
        {
            ParticipantCode = code,
            Kind = input.Kind,
            Status = ReviewStatus.Planned,
            InvitedOn = input.InvitedOn,
            DecisionId = input.DecisionId,
            StartsOn = input.StartsOn,
            EndsOn = input.EndsOn,
            TermsOfReference = input.TermsOfReference.Trim(),
            CreatedBy = reader.Name,
            CreatedAt = Now,
            Team = [.. input.Team.Select(Member)],
        };
        db.PeerReviews.Add(review);
        await db.SaveChangesAsync(ct);
        return Outcome<PeerReview>.Success(Ordered(review));
    }

    /// <summary>Replaces the team of a review not yet reported on (planned).</summary>
    public Task<Outcome<PeerReview>> ReplaceTeamAsync(ComplianceReader reader, long id, IReadOnlyList<NewTeamMember> team, Guid? version, CancellationToken ct = default)
        => ChangeAsync(reader, id, version, Step.Secretariat, [ReviewStatus.Planned], async review =>
        {
            var violations = await CheckTeamAsync(review.ParticipantCode, team, ct);
            if (violations.Count == 0)
            {
                db.ReviewTeamMembers.RemoveRange(review.Team);
                review.Team = [.. team.Select(Member)];
            }

            return violations;
        }, ct);

    /// <summary>The team leader's draft report (by the secretariat), with the recommendations it makes.</summary>
    public Task<Outcome<PeerReview>> IssueDraftAsync(ComplianceReader reader, long id, string report, IReadOnlyList<NewRecommendation> recommendations, Guid? version, CancellationToken ct = default)
        => ChangeAsync(reader, id, version, Step.Secretariat, [ReviewStatus.Planned], review =>
        {
            var violations = CheckRecommendations(review, recommendations);
            if (violations.Count == 0)
            {
                (review.Status, review.DraftReport, review.DraftIssuedAt) = (ReviewStatus.DraftReport, report.Trim(), Now);
                Add(review, recommendations);
            }

            return Task.FromResult(violations);
        }, ct);

    /// <summary>The reviewed participant's comments on the draft report (its authority officers only); may be revised until the final report.</summary>
    public Task<Outcome<PeerReview>> CommentAsync(ComplianceReader reader, long id, string comments, Guid? version, CancellationToken ct = default)
        => ChangeAsync(reader, id, version, Step.ReviewedParticipant, [ReviewStatus.DraftReport, ReviewStatus.Commented], review =>
        {
            (review.Status, review.ParticipantComments, review.CommentedAt) = (ReviewStatus.Commented, comments.Trim(), Now);
            return Task.FromResult(new List<Violation>());
        }, ct);

    /// <summary>
    /// The final report (by the secretariat), after the draft (the participant's comments are awaited but not required: a
    /// participant may decline to comment), with any further recommendations.
    /// </summary>
    public Task<Outcome<PeerReview>> IssueFinalAsync(ComplianceReader reader, long id, string report, IReadOnlyList<NewRecommendation> recommendations, Guid? version, CancellationToken ct = default)
        => ChangeAsync(reader, id, version, Step.Secretariat, [ReviewStatus.DraftReport, ReviewStatus.Commented], review =>
        {
            var violations = CheckRecommendations(review, recommendations);
            if (violations.Count == 0)
            {
                (review.Status, review.FinalReport, review.FinalIssuedAt) = (ReviewStatus.Final, report.Trim(), Now);
                Add(review, recommendations);
            }

            return Task.FromResult(violations);
        }, ct);

    /// <summary>Cancels a planned review.</summary>
    public Task<Outcome<PeerReview>> CancelAsync(ComplianceReader reader, long id, Guid? version, CancellationToken ct = default)
        => ChangeAsync(reader, id, version, Step.Secretariat, [ReviewStatus.Planned], review =>
        {
            review.Status = ReviewStatus.Cancelled;
            return Task.FromResult(new List<Violation>());
        }, ct);

    /// <summary>Adds one recommendation to a review whose draft or final report is out (the secretariat).</summary>
    public Task<Outcome<PeerReview>> AddRecommendationAsync(ComplianceReader reader, long id, NewRecommendation recommendation, Guid? version, CancellationToken ct = default)
        => ChangeAsync(reader, id, version, Step.Secretariat, [ReviewStatus.DraftReport, ReviewStatus.Commented, ReviewStatus.Final], review =>
        {
            var violations = CheckRecommendations(review, [recommendation]);
            if (violations.Count == 0)
            {
                Add(review, [recommendation]);
            }

            return Task.FromResult(violations);
        }, ct);

    /// <summary>Recommendations the reader sees, by due date: those of final reviews, and the drafts' for the secretariat and the reviewed participant.</summary>
    public async Task<Paged<Recommendation>> RecommendationsAsync(ComplianceReader reader, RecommendationFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        var query = Visible(reader);
        if (filter.Participant is { } p)
        {
            query = query.Where(r => r.ParticipantCode == p);
        }

        if (filter.Status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        if (filter.Overdue)
        {
            var today = Today;
            query = query.Where(r => (r.Status == RecommendationStatus.Open || r.Status == RecommendationStatus.InProgress) && r.DueOn < today);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(r => r.DueOn).ThenBy(r => r.ReviewId).ThenBy(r => r.Number).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<Recommendation>(items, page, pageSize, total);
    }

    /// <summary>A recommendation with its follow-up, oldest entry first.</summary>
    public async Task<Outcome<Recommendation>> RecommendationAsync(ComplianceReader reader, long id, CancellationToken ct = default)
        => await Visible(reader).Include(r => r.Updates).SingleOrDefaultAsync(r => r.Id == id, ct) is { } r
            ? Outcome<Recommendation>.Success(Ordered(r))
            : RecommendationNotFound(id);

    /// <summary>
    /// Moves a recommendation on, with a note saying what was done. The reviewed participant's officers (and the secretariat)
    /// report progress (in progress, implemented); only the secretariat closes it (closed once implemented, or not implemented).
    /// </summary>
    public async Task<Outcome<Recommendation>> FollowUpAsync(ComplianceReader reader, long id, RecommendationStatus status, string note, Guid? version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var found = await Visible(reader, tracked: true).Include(r => r.Updates).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (found is null)
        {
            return RecommendationNotFound(id);
        }

        if (!reader.ActsFor(found.ParticipantCode))
        {
            return Outcome<Recommendation>.Forbidden(new(ReviewCodes.NotTheReviewedParticipant, $"{found.ParticipantCode}'s authority officers and the secretariat follow up its recommendations.", "id"));
        }

        var closing = status is RecommendationStatus.Closed or RecommendationStatus.NotImplemented;
        if (closing && !reader.IsSecretariat)
        {
            return Outcome<Recommendation>.Forbidden(new(ReviewCodes.RecommendationSecretariatCloses, "Only the secretariat closes a recommendation.", "status"));
        }

        if (found.Status is RecommendationStatus.Closed or RecommendationStatus.NotImplemented)
        {
            return Outcome<Recommendation>.Conflict(new(ReviewCodes.RecommendationClosed, $"Recommendation {id} is {Input.Kebab(found.Status)}: its follow-up is over.", "status"));
        }

        if (version is { } v && v != found.Version)
        {
            return RecommendationChanged(id);
        }

        var allowed = status switch
        {
            RecommendationStatus.InProgress => found.Status is RecommendationStatus.Open or RecommendationStatus.InProgress or RecommendationStatus.Implemented,
            RecommendationStatus.Implemented => found.Status is RecommendationStatus.Open or RecommendationStatus.InProgress,
            RecommendationStatus.Closed => found.Status == RecommendationStatus.Implemented,
            RecommendationStatus.NotImplemented => true,
            _ => false,
        };
        if (!allowed)
        {
            return Outcome<Recommendation>.Invalid(new Violation(ReviewCodes.RecommendationTransition,
                $"A recommendation {Input.Kebab(found.Status)} cannot become {Input.Kebab(status)} (open → in-progress → implemented → closed, or not-implemented).", "status"));
        }

        found.Status = status;
        found.UpdatedAt = Now;
        found.ClosedOn = closing ? Today : null;
        found.Updates.Add(new RecommendationUpdate { Status = status, Note = note.Trim(), By = reader.Name, At = Now });
        db.Entry(found).Property(x => x.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return RecommendationChanged(id);
        }

        return Outcome<Recommendation>.Success(Ordered(found));
    }

    /// <summary>Per participant, the recommendations it sees not yet closed (open, in progress, implemented awaiting closure), most overdue first.</summary>
    public async Task<IReadOnlyList<RecommendationTally>> DashboardAsync(ComplianceReader reader, CancellationToken ct = default)
    {
        var rows = await Visible(reader)
            .Where(r => r.Status == RecommendationStatus.Open || r.Status == RecommendationStatus.InProgress || r.Status == RecommendationStatus.Implemented)
            .Select(r => new { r.ParticipantCode, r.Status, r.DueOn })
            .ToListAsync(ct);
        var today = Today;
        return [.. rows.GroupBy(r => r.ParticipantCode).Select(g => new RecommendationTally(
                g.Key,
                g.Count(r => r.Status == RecommendationStatus.Open),
                g.Count(r => r.Status == RecommendationStatus.InProgress),
                g.Count(r => r.Status == RecommendationStatus.Implemented),
                g.Count(r => r.Status != RecommendationStatus.Implemented && r.DueOn < today),
                g.Min(r => r.DueOn)))
            .OrderByDescending(t => t.Overdue).ThenBy(t => t.OldestDueOn).ThenBy(t => t.ParticipantCode, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Members (participants in the scheme today, not applicants, withdrawn or covered by another) whose last completed review
    /// (a visit or mission with its final report) ended more than <paramref name="years"/> years ago, or that never had one:
    /// never first, then the longest ago.
    /// </summary>
    public async Task<IReadOnlyList<ReviewDue>> DueAsync(int years, CancellationToken ct = default)
    {
        var today = Today;
        var cutoff = today.AddYears(-years);
        var snapshot = await directory.SnapshotAsync(ct);
        var last = (await db.PeerReviews.AsNoTracking().Where(r => r.Status == ReviewStatus.Final)
                .Select(r => new { r.Id, r.ParticipantCode, r.EndsOn, r.Kind }).ToListAsync(ct))
            .GroupBy(r => r.ParticipantCode)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.EndsOn).ThenByDescending(r => r.Id).First(), StringComparer.Ordinal);
        var members = snapshot.Participants
            .Select(p => (Participant: p, Standing: snapshot.StandingOf(p.Code, today)))
            .Where(x => x.Standing.ParticipantCode == x.Participant.Code && x.Standing.Status is { } s && s is not (ParticipantStatus.Applicant or ParticipantStatus.Withdrawn));
        return [.. members
            .Select(x => (x.Participant, Last: last.GetValueOrDefault(x.Participant.Code)))
            .Where(x => x.Last is null || x.Last.EndsOn < cutoff)
            .Select(x => new ReviewDue(x.Participant.Code, x.Participant.NameEn, x.Last?.EndsOn, x.Last?.Kind, x.Last?.Id))
            .OrderBy(d => d.LastEndedOn ?? DateOnly.MinValue).ThenBy(d => d.ParticipantCode, StringComparer.Ordinal)];
    }

    /// <summary>Whether the review's recommendations are all closed or closed as not implemented, its final report out.</summary>
    public static bool FollowedToClosure(PeerReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return review.Status == ReviewStatus.Final && review.Recommendations.All(r => r.Status is RecommendationStatus.Closed or RecommendationStatus.NotImplemented);
    }

    /// <summary>Whether the reader sees the review's draft report (always restricted) and, before the final report, its comments and recommendations.</summary>
    public static bool SeesDrafts(ComplianceReader reader, PeerReview review)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(review);
        return reader.ActsFor(review.ParticipantCode);
    }

    private IQueryable<Recommendation> Visible(ComplianceReader reader, bool tracked = false)
    {
        var query = tracked ? db.Recommendations : db.Recommendations.AsNoTracking();
        if (reader.IsSecretariat)
        {
            return query;
        }

        var own = reader.Role == ComplianceRole.Authority ? reader.Participant : null;
        var finals = db.PeerReviews.Where(r => r.Status == ReviewStatus.Final).Select(r => r.Id);
        return query.Where(r => finals.Contains(r.ReviewId) || r.ParticipantCode == own);
    }

    private enum Step
    {
        Secretariat,
        ReviewedParticipant,
    }

    private async Task<Outcome<PeerReview>> ChangeAsync(
        ComplianceReader reader, long id, Guid? version, Step step, ReviewStatus[] from, Func<PeerReview, Task<List<Violation>>> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var review = await db.PeerReviews.Include(r => r.Team).Include(r => r.Recommendations).AsSplitQuery().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (review is null || !reader.SeesShared)
        {
            return NotFound(id);
        }

        if (step == Step.Secretariat && !reader.IsSecretariat)
        {
            return Outcome<PeerReview>.Forbidden(SecretariatOnly());
        }

        if (step == Step.ReviewedParticipant && !(reader.Role == ComplianceRole.Authority && reader.ActsFor(review.ParticipantCode)))
        {
            // Another participant's officers and observers do not learn the draft exists.
            return reader.ActsFor(review.ParticipantCode) || review.Status == ReviewStatus.Final
                ? Outcome<PeerReview>.Forbidden(new(ReviewCodes.NotTheReviewedParticipant, $"{review.ParticipantCode}'s authority officers comment on its draft report.", "id"))
                : NotFound(id);
        }

        if (!from.Contains(review.Status))
        {
            return Outcome<PeerReview>.Conflict(new(ReviewCodes.WrongStatus,
                $"Review {id} is {Input.Kebab(review.Status)}; this needs it {string.Join(" or ", from.Select(s => Input.Kebab(s)))}.", "status"));
        }

        if (version is { } v && v != review.Version)
        {
            return Changed(id);
        }

        if (await change(review) is { Count: > 0 } violations)
        {
            return Outcome<PeerReview>.Invalid(violations);
        }

        db.Entry(review).Property(x => x.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Changed(id);
        }
        catch (DbUpdateException)
        {
            // Two recommendations took the same number at once.
            return Changed(id);
        }

        return Outcome<PeerReview>.Success(Ordered(review));
    }

    private async Task<List<Violation>> CheckTeamAsync(string reviewed, IReadOnlyList<NewTeamMember> team, CancellationToken ct)
    {
        var violations = new List<Violation>();
        if (team.Count == 0)
        {
            violations.Add(new(ReviewCodes.TeamRequired, "A review has a team: participants' experts, with industry and civil-society observers.", "team"));
            return violations;
        }

        var leaders = team.Count(m => m.IsLeader);
        if (leaders != 1)
        {
            violations.Add(new(ReviewCodes.TeamLeaderCount, $"A review team has exactly one leader; this one has {leaders}.", "team"));
        }

        var codes = team.Where(m => m.ParticipantCode is { Length: > 0 }).Select(m => m.ParticipantCode!.Trim().ToUpperInvariant()).Distinct().ToList();
        var known = await db.Participants.Where(p => codes.Contains(p.Code)).Select(p => p.Code).ToListAsync(ct);
        var names = team.Where(m => m.ObserverName is { Length: > 0 }).Select(m => m.ObserverName!.Trim()).Distinct().ToList();
        var observers = await db.Observers.AsNoTracking().Where(o => names.Contains(o.Name)).Select(o => new { o.Name, o.Kind }).ToListAsync(ct);
        for (var i = 0; i < team.Count; i++)
        {
            var m = team[i];
            var field = $"team[{i}]";
            if (m.Kind == TeamMemberKind.Participant)
            {
                var code = m.ParticipantCode?.Trim().ToUpperInvariant();
                if (string.IsNullOrEmpty(code))
                {
                    violations.Add(new(ReviewCodes.TeamParticipantRequired, "A participant's expert names the participant it comes from.", $"{field}.participantCode"));
                }
                else if (!known.Contains(code))
                {
                    violations.Add(new(ReviewCodes.TeamParticipantUnknown, $"'{m.ParticipantCode}' is not a participant in the registry.", $"{field}.participantCode"));
                }
                else if (code == reviewed)
                {
                    violations.Add(new(ReviewCodes.TeamOwnParticipant, $"{reviewed} is reviewed: its own experts are not on the team.", $"{field}.participantCode"));
                }
            }
            else if (m.Kind is TeamMemberKind.Industry or TeamMemberKind.CivilSociety)
            {
                var kind = m.Kind == TeamMemberKind.Industry ? ObserverKind.Industry : ObserverKind.CivilSociety;
                if (string.IsNullOrWhiteSpace(m.ObserverName))
                {
                    violations.Add(new(ReviewCodes.TeamObserverRequired, "An industry or civil-society member names the observer organisation.", $"{field}.observerName"));
                }
                else if (!observers.Any(o => o.Name == m.ObserverName.Trim() && o.Kind == kind))
                {
                    violations.Add(new(ReviewCodes.TeamObserverUnknown, $"'{m.ObserverName}' is not an observer of the kind {Input.Kebab(kind)}.", $"{field}.observerName"));
                }
            }
        }

        return violations;
    }

    private static List<Violation> CheckRecommendations(PeerReview review, IReadOnlyList<NewRecommendation> recommendations)
    {
        var violations = new List<Violation>();
        for (var i = 0; i < recommendations.Count; i++)
        {
            if (recommendations[i].DueOn < review.EndsOn)
            {
                violations.Add(new(ReviewCodes.RecommendationDueBeforeReview, $"A recommendation falls due after the review ({review.EndsOn:yyyy-MM-dd}).", $"recommendations[{i}].dueOn"));
            }
        }

        return violations;
    }

    private void Add(PeerReview review, IReadOnlyList<NewRecommendation> recommendations)
    {
        var next = review.Recommendations.Count == 0 ? 1 : review.Recommendations.Max(r => r.Number) + 1;
        foreach (var r in recommendations)
        {
            review.Recommendations.Add(new Recommendation
            {
                ParticipantCode = review.ParticipantCode,
                Number = next++,
                Text = r.Text.Trim(),
                Owner = r.Owner.Trim(),
                DueOn = r.DueOn,
                Status = RecommendationStatus.Open,
                UpdatedAt = Now,
            });
        }
    }

    private static ReviewTeamMember Member(NewTeamMember m) => new()
    {
        Kind = m.Kind,
        PersonName = m.PersonName.Trim(),
        ParticipantCode = m.Kind == TeamMemberKind.Participant ? m.ParticipantCode?.Trim().ToUpperInvariant() : null,
        ObserverName = m.Kind is TeamMemberKind.Industry or TeamMemberKind.CivilSociety ? m.ObserverName?.Trim() : null,
        IsLeader = m.IsLeader,
    };

    private static PeerReview Ordered(PeerReview r)
    {
        r.Team = [.. r.Team.OrderByDescending(m => m.IsLeader).ThenBy(m => m.Id)];
        r.Recommendations = [.. r.Recommendations.OrderBy(x => x.Number)];
        return r;
    }

    private static Recommendation Ordered(Recommendation r)
    {
        r.Updates = [.. r.Updates.OrderBy(u => u.At).ThenBy(u => u.Id)];
        return r;
    }

    private static Violation SecretariatOnly() => new(ReviewCodes.SecretariatOnly, "The secretariat (for the team leader and the Working Group on Monitoring) does this.", null);

    private static Outcome<PeerReview> NotFound(long id) => Outcome<PeerReview>.NotFound(new(ReviewCodes.NotFound, $"There is no review {id}.", "id"));

    private static Outcome<PeerReview> Changed(long id) => Outcome<PeerReview>.Conflict(new(ReviewCodes.Changed, $"Review {id} changed since you read it: reload it.", "version"));

    private static Outcome<Recommendation> RecommendationNotFound(long id)
        => Outcome<Recommendation>.NotFound(new(ReviewCodes.RecommendationNotFound, $"You have no recommendation {id}.", "id"));

    private static Outcome<Recommendation> RecommendationChanged(long id)
        => Outcome<Recommendation>.Conflict(new(ReviewCodes.RecommendationChanged, $"Recommendation {id} changed since you read it: reload it.", "version"));
}
