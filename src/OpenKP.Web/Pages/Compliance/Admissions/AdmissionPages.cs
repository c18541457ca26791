using System.Globalization;
using OpenKP.Compliance;
using OpenKP.Shared;

namespace OpenKP.Web.Pages.Compliance.Admissions;

/// <summary>What the admissions pages share: links, the statuses in order, their tags and resource keys.</summary>
public static class AdmissionPages
{
    public const string NoticeKey = "admissions-notice";

    public static IReadOnlyList<string> Statuses { get; } = [.. Enum.GetValues<AdmissionStatus>().Select(s => Input.Kebab(s))];

    public static IReadOnlyList<string> Assessments { get; } = [.. Enum.GetValues<RequirementAssessment>().Where(a => a != RequirementAssessment.NotAssessed).Select(a => Input.Kebab(a))];

    public static IReadOnlyList<string> Procedures { get; } = [.. Enum.GetValues<DecisionProcedure>().Select(p => Input.Kebab(p))];

    public static string Link(long id) => "/compliance/admissions/" + id.ToString(CultureInfo.InvariantCulture);

    public static string StatusKey(string status) => "Admissions.Status." + status;

    public static string AssessmentKey(string assessment) => "Admissions.Assessment." + assessment;

    public static string ProcedureKey(string procedure) => "Admissions.Procedure." + procedure;

    /// <summary>The tag colour of an application's status (the site's existing tag classes).</summary>
    public static string Tag(string status) => status switch
    {
        "received" => "tag--submitted",
        "under-assessment" => "tag--open",
        "recommended" => "tag--accepted",
        "not-recommended" => "tag--returned",
        "admitted" => "tag--active",
        "refused" => "tag--rejected",
        _ => "tag--withdrawn",
    };

    /// <summary>The tag colour of a requirement's assessment.</summary>
    public static string AssessmentTag(string assessment) => assessment switch
    {
        "met" => "tag--accepted",
        "partly-met" => "tag--open",
        "not-met" => "tag--rejected",
        _ => "tag--draft",
    };

    /// <summary>A requirement's text in the reader's language (English or French; English for other languages).</summary>
    public static string Requirement(AdmissionChecklistView item)
        => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" ? item.TextFr : item.TextEn;
}
