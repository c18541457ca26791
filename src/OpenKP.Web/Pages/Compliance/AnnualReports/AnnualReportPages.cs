using System.Globalization;

namespace OpenKP.Web.Pages.Compliance.AnnualReports;

/// <summary>What the annual report pages share: links, status tags and the texts of statuses and standings.</summary>
public static class AnnualReportPages
{
    public const string NoticeKey = "AnnualReports.Notice";

    public static IReadOnlyList<string> Statuses { get; } = ["draft", "submitted", "assessed"];

    public static string Link(string participant, int year) => string.Create(CultureInfo.InvariantCulture, $"/compliance/annual-reports/{participant}/{year}");

    public static string Tag(string status) => status switch
    {
        "draft" => "tag--draft",
        "submitted" => "tag--submitted",
        "assessed" => "tag--accepted",
        "late" => "tag--rejected",
        "submitted-late" => "tag--sent-back",
        "submitted-on-time" => "tag--confirmed",
        _ => "tag--open",
    };

    public static string StatusKey(string status) => "AnnualReports.Status." + status;

    public static string StandingKey(string standing) => "AnnualReports.Standing." + standing;
}
