using OpenKP.Registry;

namespace OpenKP.Core.Tests.Registry;

/// <summary>Explicit builders for small registries: each test says exactly which history it judges.</summary>
internal static class Registries
{
    public static Participant Participant(string code, ParticipantKind kind = ParticipantKind.State, string admitted = "2003-01-01")
        => new() { Code = code, NameEn = code, NameFr = code, Kind = kind, AdmittedOn = DateOnly.Parse(admitted, System.Globalization.CultureInfo.InvariantCulture) };

    private static long _id;

    public static StatusEvent Event(string code, string on, ParticipantStatus status, string? scope = null) => new()
    {
        Id = Interlocked.Increment(ref _id),
        ParticipantCode = code,
        EffectiveOn = Day(on),
        Status = status,
        Scope = scope,
        Note = $"{code} {status}",
        Decision = new DecisionReference { Title = $"Decision on {code}", Date = Day(on) },
        EnteredBy = "test",
    };

    public static Zone Zone(string code, string name, ZoneKind kind, string from, string? endsOn = null) => new()
    {
        ParticipantCode = code,
        Name = name,
        Kind = kind,
        From = Day(from),
        EndsOn = endsOn is null ? null : Day(endsOn),
        EnteredBy = "test",
    };

    public static Embargo Embargo(string origin, string from, string? endsOn, bool exempt = false) => new()
    {
        OriginCode = origin,
        From = Day(from),
        EndsOn = endsOn is null ? null : Day(endsOn),
        GovernmentCertifiedExempt = exempt,
        Note = "ban",
        Decision = new DecisionReference { Title = "UNSC ban" },
        EnteredBy = "test",
    };

    public static EuMembership Eu(string code, string from, string? endsOn = null) => new() { CountryCode = code, Name = code, From = Day(from), EndsOn = endsOn is null ? null : Day(endsOn) };

    public static DateOnly Day(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A small world: AA and BB active; SS suspended; VV self-suspended; ZL zone-limited with one zone; SM under special measures for one area; EU with member DE; TT a trading entity.</summary>
    public static RegistrySnapshot World(params Embargo[] embargoes) => new(
        [Participant("AA"), Participant("BB"), Participant("SS"), Participant("VV"), Participant("ZL"), Participant("SM"), Participant("EU", ParticipantKind.RegionalOrganisation),
         Participant("TT", ParticipantKind.TradingEntity), Participant("AP", admitted: "2020-01-01")],
        [
            Event("AA", "2003-01-01", ParticipantStatus.Active), Event("BB", "2003-01-01", ParticipantStatus.Active),
            Event("SS", "2003-01-01", ParticipantStatus.Active), Event("SS", "2010-01-01", ParticipantStatus.Suspended),
            Event("VV", "2003-01-01", ParticipantStatus.Active), Event("VV", "2010-01-01", ParticipantStatus.SelfSuspended),
            Event("ZL", "2003-01-01", ParticipantStatus.Active), Event("ZL", "2010-01-01", ParticipantStatus.ZoneLimited),
            Event("SM", "2003-01-01", ParticipantStatus.Active), Event("SM", "2010-01-01", ParticipantStatus.SpecialMeasures, "Northfield"),
            Event("EU", "2003-01-01", ParticipantStatus.Active), Event("AP", "2019-06-01", ParticipantStatus.Applicant), Event("AP", "2020-01-01", ParticipantStatus.Active),
        ],
        [Zone("ZL", "Greenvale", ZoneKind.CompliantZone, "2011-01-01", "2015-01-01"), Zone("SM", "Northfield", ZoneKind.SpecialMeasuresArea, "2010-01-01")],
        [Eu("DE", "1958-01-01"), Eu("XB", "1973-01-01", "2021-01-01")],
        embargoes);
}
