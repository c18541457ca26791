namespace OpenKP.Registry;

/// <summary>
/// Where a country or participant stands in the scheme on one day.
/// <see cref="ParticipantCode"/> is the participant that covers <see cref="RequestedCode"/> on that
/// day (<c>BE</c> → <c>EU</c>), or null when no participant does. <see cref="Status"/> is null when
/// the participant had not yet been admitted.
/// </summary>
public sealed record Standing(
    string RequestedCode,
    string? ParticipantCode,
    DateOnly On,
    ParticipantStatus? Status,
    ParticipantKind? Kind,
    string? Scope,
    IReadOnlyList<string> CompliantZones,
    IReadOnlyList<string> SpecialMeasuresAreas,
    StatusEvent? Since)
{
    /// <summary>True when the participant may issue and accept certificates that day (zones and areas aside).</summary>
    public bool MayTrade => Status is ParticipantStatus.Active or ParticipantStatus.SpecialMeasures or ParticipantStatus.ZoneLimited;

    /// <summary>True when the code was resolved to another participant (an EU member state).</summary>
    public bool CoveredByAnother => ParticipantCode is not null && ParticipantCode != RequestedCode;
}
