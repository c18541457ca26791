using System.Text.Json;
using OpenKP.Shared;

namespace OpenKP.Registry;

// The registry's published shapes: the API returns them as JSON, the CLI prints them (and with --json
// the same JSON in local and remote mode), the portal renders them. Enums appear in kebab case.

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
    public static string StatusName(ParticipantStatus? status) => status is { } st ? Kebab(st) : NotParticipant;

    /// <summary>The status name of a code that had no participant status on the day.</summary>
    public const string NotParticipant = "not-participant";

    /// <summary><c>SelfSuspended</c> → <c>self-suspended</c>: how enums appear in the API.</summary>
    public static string Kebab<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>The status name of a state that trades through another participant on the day: <c>covered-by-eu</c>.</summary>
    public static string CoveredBy(string participant) => "covered-by-" + participant.ToLowerInvariant();

    /// <summary>Every status name a list can be filtered on.</summary>
    public static IReadOnlyList<string> StatusNames { get; } = [.. Enum.GetValues<ParticipantStatus>().Select(s => Kebab(s)), CoveredBy("EU"), NotParticipant];
}

public sealed record DecisionView(string Title, DateOnly? Date, string? Reference, long? DecisionId = null)
{
    public static DecisionView Of(DecisionReference d) => new(d.Title, d.Date, d.Reference, d.DecisionId);
}

public sealed record StatusEventView(
    long Id, DateOnly EffectiveOn, string Date, string Status, string? Scope, string Note, DecisionView Decision,
    string? Confidence, string EnteredBy, DateTime EnteredAt, bool Scheduled)
{
    public static StatusEventView Of(StatusEvent e, DateOnly today) => new(
        e.Id, e.EffectiveOn, new PartialDate(e.EffectiveOn, e.Precision).ToString(), StandingView.Kebab(e.Status), e.Scope, e.Note,
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
