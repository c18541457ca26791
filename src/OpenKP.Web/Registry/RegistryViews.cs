using OpenKP.Registry;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Registry;

/// <summary>A participant in the list, with its status on the day asked.</summary>
public sealed record ParticipantSummary(string Code, string Name, string NameFr, ParticipantKind Kind, string Admitted, string Status, DateOnly? StatusSince);

/// <summary>Where a code stands on a day. <c>participant</c> differs from <c>code</c> for EU member states.</summary>
public sealed record StandingView(
    string Code, string? Participant, DateOnly On, string Status, bool MayTrade, string? Scope,
    IReadOnlyList<string> CompliantZones, IReadOnlyList<string> SpecialMeasuresAreas, DateOnly? Since, DecisionView? Decision)
{
    public static StandingView Of(Standing s) => new(
        s.RequestedCode, s.ParticipantCode, s.On, StatusName(s.Status), s.MayTrade, s.Scope,
        s.CompliantZones, s.SpecialMeasuresAreas, s.Since?.EffectiveOn, s.Since is null ? null : DecisionView.Of(s.Since.Decision));

    /// <summary><c>not-participant</c> when the code had no participant status that day.</summary>
    public static string StatusName(ParticipantStatus? status) => status is { } st ? Input.Kebab(st) : "not-participant";
}

public sealed record DecisionView(string Title, DateOnly? Date, string? Reference)
{
    public static DecisionView Of(DecisionReference d) => new(d.Title, d.Date, d.Reference);
}

public sealed record StatusEventView(
    long Id, DateOnly EffectiveOn, string Date, string Status, string? Scope, string Note, DecisionView Decision,
    string? Confidence, string EnteredBy, DateTime EnteredAt, bool Scheduled)
{
    public static StatusEventView Of(StatusEvent e, DateOnly today) => new(
        e.Id, e.EffectiveOn, new OpenKP.Shared.PartialDate(e.EffectiveOn, e.Precision).ToString(), Input.Kebab(e.Status), e.Scope, e.Note,
        DecisionView.Of(e.Decision), e.Confidence, e.EnteredBy, e.EnteredAt, e.EffectiveOn > today);
}

public sealed record ZoneView(long Id, string Participant, string Name, ZoneKind Kind, DateOnly From, DateOnly? EndsOn, string? Source)
{
    public static ZoneView Of(Zone z) => new(z.Id, z.ParticipantCode, z.Name, z.Kind, z.From, z.EndsOn, z.Source);
}

public sealed record EmbargoView(long Id, string Origin, DateOnly From, DateOnly? EndsOn, bool GovernmentCertifiedExempt, string Note, DecisionView Decision)
{
    public static EmbargoView Of(Embargo e) => new(e.Id, e.OriginCode, e.From, e.EndsOn, e.GovernmentCertifiedExempt, e.Note, DecisionView.Of(e.Decision));
}

public sealed record AuthorityView(long Id, string Participant, string Name, AuthorityRole Role, string Address, string Contact)
{
    public static AuthorityView Of(Authority a) => new(a.Id, a.ParticipantCode, a.Name, a.Role, a.Address, a.Contact);
}

public sealed record OperatorView(long Id, string Participant, string CompanyName, string Address, string LicenceNumber, bool IsExporter, bool IsImporter, DateOnly ValidFrom, DateOnly? ValidTo, bool Suspended, Guid Version)
{
    public static OperatorView Of(Operator o) => new(o.Id, o.ParticipantCode, o.CompanyName, o.Address, o.LicenceNumber, o.IsExporter, o.IsImporter, o.ValidFrom, o.ValidTo, o.Suspended, o.Version);
}

public sealed record EuMemberView(string Code, string Name, DateOnly From, DateOnly? EndsOn);

public sealed record ObserverView(string Name, ObserverKind Kind, DateOnly Since, DateOnly? Until, bool Current);

/// <summary>A participant with its status today, its whole history and the decisions behind it.</summary>
public sealed record ParticipantView(
    string Code, string Name, string NameFr, ParticipantKind Kind, string Admitted, StandingView Today,
    IReadOnlyList<StatusEventView> History, IReadOnlyList<ZoneView> Zones, IReadOnlyList<EmbargoView> Embargoes,
    IReadOnlyList<AuthorityView> Authorities, IReadOnlyList<EuMemberView> Members);

/// <summary>The answer to "may this shipment go?": allowed, or every violation with its code.</summary>
public sealed record TradePermissionView(
    bool Allowed, DateOnly On, StandingView Exporter, StandingView Importer, StandingView Origin, string? Zone,
    bool GovernmentCertified, IReadOnlyList<EmbargoView> Embargoes, IReadOnlyList<ViolationView> Violations)
{
    public static TradePermissionView Of(TradePermission p) => new(
        p.Allowed, p.Question.On, StandingView.Of(p.Exporter), StandingView.Of(p.Importer), StandingView.Of(p.Origin),
        p.Question.Zone, p.Question.GovernmentCertified, [.. p.Embargoes.Select(EmbargoView.Of)],
        [.. p.Violations.Select(v => new ViolationView(v.Code, v.Message, v.Field))]);
}

public sealed record ViolationView(string Code, string Message, string? Field);

// Requests: raw strings, parsed by Input so every malformed field is reported at once with a code.

/// <summary>Record a status change. <c>status</c>: applicant, active, suspended, self-suspended, special-measures, zone-limited, withdrawn.</summary>
public sealed record RecordStatusEventRequest(string? EffectiveOn, string? Status, string? Scope, string? Note, string? DecisionTitle, string? DecisionDate, string? DecisionReference);

public sealed record RecordZoneRequest(string? Name, string? Kind, string? From, string? EndsOn, string? Source);

public sealed record RecordEmbargoRequest(string? Origin, string? From, string? EndsOn, bool GovernmentCertifiedExempt, string? Note, string? DecisionTitle, string? DecisionDate, string? DecisionReference);

public sealed record AddParticipantRequest(string? Code, string? NameEn, string? NameFr, string? Kind, string? AdmittedOn);

public sealed record AuthorityRequest(string? Name, string? Role, string? Address, string? Contact);

/// <summary>Create or update a licensed operator. <c>version</c> is required on update (optimistic concurrency).</summary>
public sealed record OperatorRequest(string? CompanyName, string? Address, string? LicenceNumber, bool IsExporter, bool IsImporter, string? ValidFrom, string? ValidTo, bool Suspended, Guid? Version);
