using System.Globalization;
using System.Text;
using OpenKP.Shared;

namespace OpenKP.Registry;

/// <summary>
/// The question every later rule asks: may a shipment leave <paramref name="Exporter"/> for
/// <paramref name="Importer"/> on <paramref name="On"/>, carrying diamonds of origin
/// <paramref name="Origin"/> (mined in <paramref name="Zone"/>, where the registry names zones)?
/// Codes are countries or participants; EU member states resolve to the EU on that day.
/// <paramref name="GovernmentCertified"/> says the goods carry the origin government's certificate,
/// which exempted them from some UN embargoes (Angola 1998–2002, Sierra Leone 2000–2003).
/// </summary>
public sealed record TradeQuestion(
    string Exporter,
    string Importer,
    string Origin,
    string? Zone,
    DateOnly On,
    bool GovernmentCertified = false);

/// <summary>The answer: allowed when <see cref="Violations"/> is empty; otherwise every reason at once.</summary>
public sealed record TradePermission(
    TradeQuestion Question,
    Standing Exporter,
    Standing Importer,
    Standing Origin,
    IReadOnlyList<Embargo> Embargoes,
    IReadOnlyList<Violation> Violations)
{
    public bool Allowed => Violations.Count == 0;
}

/// <summary>KPCS Section III and IV trade rules, judged on the status of the day.</summary>
public static class TradeRules
{
    public static TradePermission Check(RegistrySnapshot registry, TradeQuestion question)
    {
        var on = question.On;
        var exporter = registry.StandingOf(question.Exporter, on);
        var importer = registry.StandingOf(question.Importer, on);
        var origin = registry.StandingOf(question.Origin, on);
        var embargoes = registry.EmbargoesOn(question.Origin, on);
        var violations = new List<Violation>();

        CheckParty(exporter, "exporter", violations);
        CheckParty(importer, "importer", violations);
        if (exporter.ParticipantCode is not null && exporter.ParticipantCode == importer.ParticipantCode)
        {
            violations.Add(new(RegistryCodes.SameParticipant,
                $"{question.Exporter} and {question.Importer} are both covered by participant {exporter.ParticipantCode} on {Day(on)}: this is not a shipment between participants.",
                "importer"));
        }

        foreach (var embargo in embargoes)
        {
            if (embargo.GovernmentCertifiedExempt && question.GovernmentCertified)
            {
                continue;
            }

            var exemption = embargo.GovernmentCertifiedExempt
                ? " Only diamonds certified by the government of the origin are exempt."
                : string.Empty;
            violations.Add(new(RegistryCodes.OriginEmbargoed,
                $"Rough diamonds of origin {question.Origin} are under a UN embargo on {Day(on)} ({embargo.Decision.Title}).{exemption}",
                "origin"));
        }

        CheckZone(origin, question, violations);
        return new TradePermission(question, exporter, importer, origin, embargoes, violations);
    }

    private static void CheckParty(Standing standing, string role, List<Violation> violations)
    {
        var who = standing.CoveredByAnother ? $"{standing.RequestedCode} (covered by {standing.ParticipantCode})" : standing.RequestedCode;
        var day = Day(standing.On);
        switch (standing.Status)
        {
            case ParticipantStatus.Suspended:
                violations.Add(new($"{role}-suspended", $"{who} is suspended from the Kimberley Process on {day}.", role));
                break;
            case ParticipantStatus.SelfSuspended:
                violations.Add(new($"{role}-self-suspended", $"{who} has suspended its own trade in rough diamonds on {day}.", role));
                break;
            case null or ParticipantStatus.Applicant or ParticipantStatus.Withdrawn:
                var why = standing.Status switch
                {
                    ParticipantStatus.Applicant => "is only an applicant",
                    ParticipantStatus.Withdrawn => "had withdrawn or been removed from the scheme",
                    _ when standing.ParticipantCode is not null => "had not yet been admitted",
                    _ => "is not a participant",
                };
                violations.Add(new($"{role}-not-participant", $"{who} {why} on {day}.", role));
                break;
            default:
                break;
        }
    }

    private static void CheckZone(Standing origin, TradeQuestion question, List<Violation> violations)
    {
        var zone = question.Zone?.Trim();
        var day = Day(question.On);
        if (origin.Status == ParticipantStatus.ZoneLimited)
        {
            if (string.IsNullOrEmpty(zone))
            {
                violations.Add(new(RegistryCodes.OriginZoneRequired,
                    $"{origin.ParticipantCode} is zone-limited on {day}: the origin zone must be given.", "zone"));
            }
            else if (!origin.CompliantZones.Any(z => SameZone(z, zone)))
            {
                var compliant = origin.CompliantZones.Count == 0 ? "none" : string.Join(", ", origin.CompliantZones);
                violations.Add(new(RegistryCodes.OriginZoneNotCompliant,
                    $"Zone '{zone}' is not a compliant zone of {origin.ParticipantCode} on {day} (compliant zones: {compliant}).", "zone"));
            }
        }

        if (origin.Status == ParticipantStatus.SpecialMeasures && origin.SpecialMeasuresAreas.Count > 0)
        {
            if (string.IsNullOrEmpty(zone))
            {
                violations.Add(new(RegistryCodes.OriginZoneRequired,
                    $"{origin.ParticipantCode} is under special measures for {string.Join(", ", origin.SpecialMeasuresAreas)} on {day}: the origin zone must be given.", "zone"));
            }
            else if (origin.SpecialMeasuresAreas.Any(a => SameZone(a, zone)))
            {
                violations.Add(new(RegistryCodes.OriginUnderSpecialMeasures,
                    $"Diamonds from {zone} ({origin.ParticipantCode}) are under special measures on {day}.", "zone"));
            }
        }
    }

    /// <summary>Zone names compare without case or accents: "Berberati" is "Berbérati".</summary>
    public static bool SameZone(string a, string b)
        => string.Equals(Fold(a), Fold(b), StringComparison.Ordinal);

    private static string Fold(string s)
    {
        var decomposed = s.Trim().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.ToUpperInvariant(c));
            }
        }

        return sb.ToString();
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
