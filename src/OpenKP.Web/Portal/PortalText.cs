using System.Globalization;
using Microsoft.Extensions.Localization;
using OpenKP.Registry;
using OpenKP.Shared;

namespace OpenKP.Web.Portal;

/// <summary>
/// How the portal writes registry values for people: dates in the reader's language (only as precise as
/// the record is), and resource keys for statuses, kinds and roles.
/// </summary>
internal static partial class PortalText
{
    /// <summary>The statuses a participant can have, as the API names them, in the order the UI lists them.</summary>
    public static readonly IReadOnlyList<string> Statuses =
        ["active", "suspended", "self-suspended", "special-measures", "zone-limited", "withdrawn", "applicant", "covered-by-eu", "not-participant"];

    /// <summary>The statuses the secretariat may record (every <see cref="ParticipantStatus"/>).</summary>
    public static IReadOnlyList<string> RecordableStatuses { get; } = [.. Enum.GetValues<ParticipantStatus>().Select(s => Input.Kebab(s))];

    public static string StatusKey(string status) => "Status." + status;

    /// <summary>A participant's name in the reader's language: French for French readers, English otherwise.</summary>
    public static string Name(string nameEn, string nameFr)
        => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" && nameFr.Length > 0 ? nameFr : nameEn;

    /// <summary>Whether a participant in this status may issue and accept certificates.</summary>
    public static bool MayTrade(string status) => status is "active" or "special-measures" or "zone-limited";

    /// <summary>A moment of record (UTC), written in the reader's language.</summary>
    public static string Moment(DateTime utc) => utc.ToString(
        CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "zh" ? "yyyy'年'M'月'd'日' HH:mm 'UTC'" : "d MMMM yyyy, HH:mm 'UTC'",
        CultureInfo.CurrentCulture);

    public static string KindKey(ParticipantKind kind) => "Kind." + Input.Kebab(kind);

    public static string ObserverKindKey(ObserverKind kind) => "ObserverKind." + Input.Kebab(kind);

    public static string ZoneKindKey(ZoneKind kind) => "ZoneKind." + Input.Kebab(kind);

    public static string AuthorityRoleKey(AuthorityRole role) => "AuthorityRole." + Input.Kebab(role);

    public static string RoleKey(string? role) => "Role." + (role ?? "none");

    /// <summary>15 January 2026 / 15 janvier 2026 / 2026年1月15日.</summary>
    public static string Date(DateOnly date) => date.ToString(Pattern(DatePrecision.Day), CultureInfo.CurrentCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : string.Empty;

    /// <summary>A date recorded as <c>2006</c>, <c>2006-02</c> or <c>2006-02-14</c>, written no more precisely than that.</summary>
    public static string DateAsRecorded(string iso)
    {
        if (!PartialDate.TryParse(iso, out var parsed))
        {
            return iso;
        }

        return parsed.Date.ToString(Pattern(parsed.Precision), CultureInfo.CurrentCulture);
    }

    /// <summary>Carats as the reader writes numbers, always two decimals: 1,250.50 / 1 250,50.</summary>
    public static string Carats(decimal carats) => carats.ToString("N2", CultureInfo.CurrentCulture);

    /// <summary>A value in US dollars, two decimals, in the reader's number format: US$ 312,625.00.</summary>
    public static string Usd(decimal usd) => "US$\u00a0" + usd.ToString("N2", CultureInfo.CurrentCulture);

    /// <summary>Resource key of a certificate's status (<c>issued</c>, <c>voided</c>).</summary>
    public static string CertificateStatusKey(string status) => "CertificateStatus." + status;

    /// <summary>Resource key of a signing key's status (<c>active</c>, <c>retired</c>, <c>revoked</c>).</summary>
    public static string KeyStatusKey(string status) => "KeyStatus." + status;

    /// <summary>Resource key of an HS code's description (<c>HsCode.7102.10</c>).</summary>
    public static string HsCodeKey(string hsCode) => "HsCode." + hsCode;

    /// <summary>Resource key of why a number was reported (<c>lost</c>, <c>stolen</c>).</summary>
    public static string ReportedKindKey(string kind) => "ReportedKind." + kind;

    /// <summary>The ISO form of a date for <c>&lt;time datetime&gt;</c> and date inputs.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Pattern(DatePrecision precision)
    {
        var chinese = CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "zh";
        return precision switch
        {
            DatePrecision.Year => chinese ? "yyyy'年'" : "yyyy",
            DatePrecision.Month => chinese ? "yyyy'年'M'月'" : "MMMM yyyy",
            _ => chinese ? "yyyy'年'M'月'd'日'" : "d MMMM yyyy",
        };
    }

    /// <summary>
    /// A violation in the reader's language: <c>Error.{field}.{code}</c> (a list's field without its index:
    /// <c>Error.lines[].hsCode.required</c>) or <c>Error.{code}</c> from the resources, else the message the
    /// rule or parser gave. With a <paramref name="form"/>, <c>Error.{form}.{field}.{code}</c> comes first, for a
    /// field name (such as <c>kind</c>) that means something else on another form.
    /// </summary>
    public static string Message(IStringLocalizer localizer, Violation violation, string? form = null)
    {
        var field = violation.Field ?? string.Empty;
        var unindexed = Index().Replace(field, "[]");
        string[] keys = [$"Error.{field}.{violation.Code}", $"Error.{unindexed}.{violation.Code}", $"Error.{violation.Code}"];
        foreach (var key in form is null ? keys : [$"Error.{form}.{field}.{violation.Code}", .. keys])
        {
            var text = localizer[key];
            if (!text.ResourceNotFound)
            {
                return text.Value;
            }
        }

        return violation.Message;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\[\d+\]")]
    private static partial System.Text.RegularExpressions.Regex Index();
}
