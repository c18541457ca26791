using OpenKP.Shared;
using OpenKP.Statistics;

namespace OpenKP.Web.Pages.Statistics;

/// <summary>What the anomaly and questionnaire pages share: resource keys for kinds and statuses, the tag colour of a status, amounts in their unit.</summary>
public static class AnomalyPages
{
    public const string NoticeKey = "Anomalies.Notice";

    public static IReadOnlyList<string> Kinds { get; } = [.. Enum.GetValues<AnomalyKind>().Select(k => Input.Kebab(k))];

    public static IReadOnlyList<string> QuestionnaireStatuses { get; } = [.. Enum.GetValues<QuestionnaireStatus>().Select(s => Input.Kebab(s))];

    public static string KindKey(string kind) => "Anomalies.Kind." + kind;

    public static string StatusKey(string status) => "Anomalies.Status." + status;

    public static string QuestionnaireStatusKey(string status) => "Daq.Status." + status;

    /// <summary>The portal's tag colours: open and escalated stand out, resolved and closed are settled.</summary>
    public static string Tag(string status) => status switch
    {
        "open" => "tag--open",
        "resolved" or "closed" => "tag--accepted",
        "sent" => "tag--submitted",
        "answered" => "tag--confirmed",
        "escalated" => "tag--rejected",
        _ => "tag--draft",
    };

    /// <summary>A measured value or band end in its unit, in the reader's culture.</summary>
    public static string Amount(string unit, decimal value) => unit switch
    {
        "usd-per-carat" => Portal.PortalText.Usd(value) + "/ct",
        "carats" => Portal.PortalText.Carats(value) + " ct",
        "usd" => Portal.PortalText.Usd(value),
        _ => value.ToString("N0", System.Globalization.CultureInfo.CurrentCulture),
    };

    public static string Band(AnomalyView a) => (a.ExpectedLow, a.ExpectedHigh) switch
    {
        ({ } low, { } high) => $"{Amount(a.Unit, low)} – {Amount(a.Unit, high)}",
        (null, { } high) when a.Unit != "days" => "≤ " + Amount(a.Unit, high),
        _ => "—",
    };
}
