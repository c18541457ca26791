using OpenKP.Shared;

namespace OpenKP.Registry;

/// <summary>The status a participant is in from an event's date until the next event.</summary>
public enum ParticipantStatus
{
    /// <summary>Asked to join; cannot trade under the scheme.</summary>
    Applicant,
    Active,
    /// <summary>No certificate from or to it is valid.</summary>
    Suspended,
    /// <summary>Issues and accepts no certificates, by its own choice.</summary>
    SelfSuspended,
    /// <summary>Trades, except diamonds from the areas the measures name (e.g. Marange).</summary>
    SpecialMeasures,
    /// <summary>Exports only diamonds mined in zones compliant on the day of issue.</summary>
    ZoneLimited,
    /// <summary>Left or removed from the scheme (including by joining the EU).</summary>
    Withdrawn,
}

/// <summary>The decision an entry in the registry comes from.</summary>
public sealed class DecisionReference
{
    public required string Title { get; set; }
    public DateOnly? Date { get; set; }
    /// <summary>A document reference or citation (administrative decision number, Chair's notice, source).</summary>
    public string? Reference { get; set; }
    /// <summary>The compliance <c>Decision</c> this record was written by when it was adopted; null for the loaded history and hand entries.</summary>
    public long? DecisionId { get; set; }
}

/// <summary>A change of a participant's status on a date, possibly scheduled in the future.</summary>
public sealed class StatusEvent
{
    public long Id { get; set; }
    public required string ParticipantCode { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public DatePrecision Precision { get; set; }
    public ParticipantStatus Status { get; set; }
    /// <summary>For special measures: what the measures cover (e.g. "Marange diamond fields").</summary>
    public string? Scope { get; set; }
    public required string Note { get; set; }
    public required DecisionReference Decision { get; set; }
    public string? Confidence { get; set; }
    /// <summary>User name of whoever recorded it (<c>reference-data</c> for the loaded history).</summary>
    public required string EnteredBy { get; set; }
    public DateTime EnteredAt { get; set; }
}

/// <summary>A UN Security Council embargo on rough diamonds of an origin, over [From, EndsOn).</summary>
public sealed class Embargo
{
    public long Id { get; set; }
    /// <summary>The origin country the embargo applies to.</summary>
    public required string OriginCode { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? EndsOn { get; set; }
    /// <summary>True where diamonds certified by the government were exempt (Angola 1998, Sierra Leone 2000).</summary>
    public bool GovernmentCertifiedExempt { get; set; }
    public required string Note { get; set; }
    public required DecisionReference Decision { get; set; }
    public required string EnteredBy { get; set; }
    public DateTime EnteredAt { get; set; }

    public DateRange Period => new(From, EndsOn);
}

public enum ZoneKind
{
    /// <summary>A zone from which a zone-limited participant may export, over its dates.</summary>
    CompliantZone,
    /// <summary>The part of a territory special measures apply to.</summary>
    SpecialMeasuresArea,
}

/// <summary>A sub-national area that trade rules name, over [From, EndsOn).</summary>
public sealed class Zone
{
    public long Id { get; set; }
    public required string ParticipantCode { get; set; }
    public required string Name { get; set; }
    public ZoneKind Kind { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? EndsOn { get; set; }
    public string? Source { get; set; }
    /// <summary>The compliance <c>Decision</c> that recorded the zone, if one did.</summary>
    public long? DecisionId { get; set; }
    public required string EnteredBy { get; set; }
    public DateTime EnteredAt { get; set; }

    public DateRange Period => new(From, EndsOn);
}

/// <summary>
/// A country covered by the EU participant over [From, EndsOn). For Great Britain EndsOn is
/// 2021-01-01: the EU covered it for KP purposes until the end of the Brexit transition.
/// </summary>
public sealed class EuMembership
{
    public required string CountryCode { get; set; }
    public required string Name { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? EndsOn { get; set; }

    public DateRange Period => new(From, EndsOn);
}
