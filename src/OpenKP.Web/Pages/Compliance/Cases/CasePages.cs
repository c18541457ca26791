using System.Globalization;
using OpenKP.Compliance;
using OpenKP.Shared;

namespace OpenKP.Web.Pages.Compliance.Cases;

/// <summary>What the non-compliance case pages share: their links, the resource keys of statuses and kinds, tags, and where a case's source can be read.</summary>
public static class CasePages
{
    public const string NoticeKey = "compliance-case-notice";
    public const string ListPath = "/compliance/cases";

    public static IReadOnlyList<string> Statuses { get; } = [.. Enum.GetValues<ComplianceCaseStatus>().Select(s => Input.Kebab(s))];
    public static IReadOnlyList<string> Sources { get; } = [.. Enum.GetValues<CaseSource>().Select(s => Input.Kebab(s))];
    public static IReadOnlyList<string> StepKinds { get; } = [.. Enum.GetValues<CaseStepKind>().Select(s => Input.Kebab(s))];
    public static IReadOnlyList<string> Measures { get; } = [.. Enum.GetValues<InterimMeasure>().Select(s => Input.Kebab(s))];
    public static IReadOnlyList<string> Procedures { get; } = [.. Enum.GetValues<DecisionProcedure>().Select(s => Input.Kebab(s))];

    public static string Link(long id) => ListPath + "/" + id.ToString(CultureInfo.InvariantCulture);

    public static string StatusKey(string status) => "ComplianceCases.Status." + status;
    public static string SourceKey(string source) => "ComplianceCases.Source." + source;
    public static string StepKindKey(string kind) => "ComplianceCases.StepKind." + kind;
    public static string MeasureKey(string measure) => "ComplianceCases.Measure." + measure;
    public static string ItemStatusKey(string status) => "ComplianceCases.ItemStatus." + status;
    public static string ProcedureKey(string procedure) => "ComplianceCases.Procedure." + procedure;
    public static string DecisionStatusKey(string status) => "ComplianceCases.DecisionStatus." + status;

    public static string Tag(string status) => status switch
    {
        "open" => "tag--open",
        "consultation" or "work-plan" => "tag--submitted",
        "measure-recommended" => "tag--rejected",
        "decided" => "tag--confirmed",
        "closed" or "done" => "tag--accepted",
        "missed" => "tag--rejected",
        _ => "tag--draft",
    };

    /// <summary>The page that shows a case's source, where the portal has one; null otherwise (alerts are shown by number only).</summary>
    public static string? SourceLink(ComplianceCaseView c) => (c.Source, c.SourceId) switch
    {
        ("anomaly", { }) => "/statistics/anomalies?participant=" + Uri.EscapeDataString(c.Participant),
        ("review", { } id) => "/compliance/reviews/" + id.ToString(CultureInfo.InvariantCulture),
        ("missing-annual-report", { } year) => "/compliance/annual-reports/" + Uri.EscapeDataString(c.Participant) + "/" + year.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>A version posted back by a form; null (no check) when absent or not a version.</summary>
    public static Guid? Version(string? version) => Guid.TryParse(version, out var v) ? v : null;
}
