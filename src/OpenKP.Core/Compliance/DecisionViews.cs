using OpenKP.Shared;

namespace OpenKP.Compliance;

/// <summary>One registry effect of a decision; <c>Applied</c> once adoption wrote it to the registry.</summary>
public sealed record DecisionEffectView(
    string Kind, string Participant, string? Status, string? Scope, string? ZoneName, DateOnly? EndsOn, bool GovernmentCertifiedExempt, string Note, DateTime? AppliedAt)
{
    public static DecisionEffectView Of(DecisionEffect e) => new(
        Input.Kebab(e.Kind), e.ParticipantCode, e.Status is { } s ? Input.Kebab(s) : null, e.Scope, e.ZoneName, e.EndsOn, e.GovernmentCertifiedExempt, e.Note, e.AppliedAt);
}

/// <summary>A decision as the API shows it (statuses and procedures in kebab-case).</summary>
public sealed record DecisionRecordView(
    long Id, string? Number, string Title, string Text, string Procedure, string Status, long? MeetingId, string? WorkingBody,
    DateOnly? AdoptedOn, DateOnly? EffectiveOn, int? VotesFor, int? VotesAgainst, int? VotesAbstaining, DateOnly? ObjectionDeadline, string? Objections,
    string CreatedBy, DateTime CreatedAt, string? AdoptedBy, Guid Version, IReadOnlyList<DecisionEffectView> Effects)
{
    public static DecisionRecordView Of(Decision d) => new(
        d.Id, d.Number, d.Title, d.Text, Input.Kebab(d.Procedure), Input.Kebab(d.Status), d.MeetingId, d.WorkingBodyCode,
        d.AdoptedOn, d.EffectiveOn, d.VotesFor, d.VotesAgainst, d.VotesAbstaining, d.ObjectionDeadline, d.Objections,
        d.CreatedBy, d.CreatedAt, d.AdoptedBy, d.Version, [.. d.Effects.OrderBy(e => e.Id).Select(DecisionEffectView.Of)]);
}

/// <summary>A decision in a list or on a meeting's record.</summary>
public sealed record DecisionSummaryView(long Id, string? Number, string Title, string Status, DateOnly? AdoptedOn, DateOnly? EffectiveOn)
{
    public static DecisionSummaryView Of(Decision d) => new(d.Id, d.Number, d.Title, Input.Kebab(d.Status), d.AdoptedOn, d.EffectiveOn);
}

public sealed record MeetingView(
    long Id, string Kind, string Title, DateOnly StartsOn, DateOnly EndsOn, string Place, string? Chair, string? Summary, Guid Version, IReadOnlyList<DecisionSummaryView>? Decisions)
{
    public static MeetingView Of(Meeting m, IReadOnlyList<Decision>? decisions = null) => new(
        m.Id, Input.Kebab(m.Kind), m.Title, m.StartsOn, m.EndsOn, m.Place, m.ChairParticipantCode, m.Summary, m.Version,
        decisions is null ? null : [.. decisions.Select(DecisionSummaryView.Of)]);
}

public sealed record WhatIfCertificateView(string Number, string IssuingParticipant, string ImportingParticipant, DateOnly IssuedOn, DateOnly ExpiresOn);

public sealed record WhatIfApplicationView(long Id, string Participant, string ImportingParticipant, string Status, DateTime? SubmittedAt);

/// <summary>The certificates in flight and pending export applications a decision's status changes would touch.</summary>
public sealed record DecisionWhatIfView(long DecisionId, DateOnly EffectiveOn, IReadOnlyList<string> Participants, IReadOnlyList<WhatIfCertificateView> Certificates, IReadOnlyList<WhatIfApplicationView> Applications)
{
    public static DecisionWhatIfView Of(DecisionWhatIf w) => new(
        w.DecisionId, w.EffectiveOn, w.Participants,
        [.. w.Certificates.Select(c => new WhatIfCertificateView(c.Number, c.IssuingParticipant, c.ImportingParticipant, c.IssuedOn, c.ExpiresOn))],
        [.. w.Applications.Select(a => new WhatIfApplicationView(a.Id, a.ParticipantCode, a.ImportingParticipant, Input.Kebab(a.Status), a.SubmittedAt))]);
}

public sealed record ChairmanshipView(int Year, string Chair, string? ViceChair, string? ChairPerson, Guid Version)
{
    public static ChairmanshipView Of(Chairmanship c) => new(c.Year, c.ChairParticipantCode, c.ViceChairParticipantCode, c.ChairPerson, c.Version);
}

public sealed record BodyMemberView(long Id, string Body, int Year, string Kind, string Member, string Role, DateOnly From, DateOnly? EndsOn)
{
    public static BodyMemberView Of(BodyMembership m) => new(
        m.Id, m.BodyCode, m.Year, Input.Kebab(m.MemberKind), m.ParticipantCode ?? m.ObserverName ?? "", Input.Kebab(m.Role), m.From, m.EndsOn);
}

public sealed record BodyOutcomeView(string Body, int Year, string Text, string UpdatedBy, DateTime UpdatedAt, Guid Version)
{
    public static BodyOutcomeView Of(BodyOutcome o) => new(o.BodyCode, o.Year, o.Text, o.UpdatedBy, o.UpdatedAt, o.Version);
}

/// <summary>A working body with its members and outcomes for one year.</summary>
public sealed record BodyView(string Code, string Name, string NameFr, int Year, IReadOnlyList<BodyMemberView> Members, BodyOutcomeView? Outcome);
