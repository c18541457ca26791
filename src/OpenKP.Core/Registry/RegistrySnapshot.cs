using System.Collections.Frozen;

namespace OpenKP.Registry;

/// <summary>
/// The whole registry in memory — about two hundred rows — so a question about any day is answered
/// without further queries. Built by <c>ParticipantDirectory</c>; immutable.
/// </summary>
public sealed class RegistrySnapshot
{
    private readonly FrozenDictionary<string, Participant> _participants;
    private readonly FrozenDictionary<string, StatusEvent[]> _events;
    private readonly FrozenDictionary<string, Zone[]> _zones;
    private readonly FrozenDictionary<string, EuMembership[]> _eu;
    private readonly FrozenDictionary<string, Embargo[]> _embargoes;

    public RegistrySnapshot(
        IEnumerable<Participant> participants,
        IEnumerable<StatusEvent> events,
        IEnumerable<Zone> zones,
        IEnumerable<EuMembership> euMemberships,
        IEnumerable<Embargo> embargoes)
    {
        _participants = participants.ToFrozenDictionary(p => p.Code, StringComparer.Ordinal);
        _events = events.GroupBy(e => e.ParticipantCode)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(e => e.EffectiveOn).ThenBy(e => e.Id).ToArray(), StringComparer.Ordinal);
        _zones = zones.GroupBy(z => z.ParticipantCode).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _eu = euMemberships.GroupBy(m => m.CountryCode).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _embargoes = embargoes.GroupBy(e => e.OriginCode).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public IEnumerable<Participant> Participants => _participants.Values;

    public Participant? Find(string code) => _participants.GetValueOrDefault(code);

    public IReadOnlyList<StatusEvent> History(string code) => _events.GetValueOrDefault(code) ?? [];

    public IReadOnlyList<Zone> Zones(string code) => _zones.GetValueOrDefault(code) ?? [];

    /// <summary>Every country's EU membership periods (a country may have more than one).</summary>
    public IEnumerable<EuMembership> EuMemberships => _eu.Values.SelectMany(m => m);

    /// <summary>Every UN embargo on rough diamonds, past, present and scheduled, whatever its origin.</summary>
    public IEnumerable<Embargo> Embargoes => _embargoes.Values.SelectMany(e => e);

    /// <summary>
    /// The participant that covers a country on a day: an EU member state resolves to <c>EU</c> while
    /// it is covered by the EU; any other code to itself if it is in the registry; otherwise null.
    /// </summary>
    public string? ParticipantFor(string countryCode, DateOnly on)
    {
        if (_eu.TryGetValue(countryCode, out var memberships) && memberships.Any(m => m.Period.Contains(on)))
        {
            return "EU";
        }

        return _participants.ContainsKey(countryCode) ? countryCode : null;
    }

    /// <summary>Where <paramref name="code"/> (a country or participant) stands on <paramref name="on"/>.</summary>
    public Standing StandingOf(string code, DateOnly on)
    {
        var participantCode = ParticipantFor(code, on);
        if (participantCode is null)
        {
            return new Standing(code, null, on, null, null, null, [], [], null);
        }

        var participant = _participants[participantCode];
        var current = History(participantCode).LastOrDefault(e => e.EffectiveOn <= on);
        var status = participant.Kind == ParticipantKind.TradingEntity && current is null && on >= participant.AdmittedOn
            ? ParticipantStatus.Active
            : current?.Status;
        var zones = Zones(participantCode).Where(z => z.Period.Contains(on)).ToList();
        return new Standing(
            code,
            participantCode,
            on,
            status,
            participant.Kind,
            current?.Scope,
            status == ParticipantStatus.ZoneLimited
                ? [.. zones.Where(z => z.Kind == ZoneKind.CompliantZone).Select(z => z.Name)]
                : [],
            status == ParticipantStatus.SpecialMeasures
                ? [.. zones.Where(z => z.Kind == ZoneKind.SpecialMeasuresArea).Select(z => z.Name)]
                : [],
            current);
    }

    /// <summary>The UN embargoes in force on diamonds of an origin on a day.</summary>
    public IReadOnlyList<Embargo> EmbargoesOn(string originCode, DateOnly on)
        => [.. (_embargoes.GetValueOrDefault(originCode) ?? []).Where(e => e.Period.Contains(on))];
}
