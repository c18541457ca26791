using System.Globalization;
using OpenKP.Compliance;
using OpenKP.Registry;
using OpenKP.Shared;

namespace OpenKP.Web.Pages.Compliance.Decisions;

/// <summary>What the decision, meeting and body pages share: links, option lists, tags.</summary>
internal static class DecisionPages
{
    public const string NoticeKey = "decision-notice";

    public static string Link(long id) => "/compliance/decisions/" + id.ToString(CultureInfo.InvariantCulture);

    public static string MeetingLink(long id) => "/compliance/meetings/" + id.ToString(CultureInfo.InvariantCulture);

    public static IReadOnlyList<string> Statuses { get; } = [.. Enum.GetValues<DecisionStatus>().Select(s => Input.Kebab(s))];

    public static IReadOnlyList<string> Procedures { get; } = [.. Enum.GetValues<DecisionProcedure>().Select(s => Input.Kebab(s))];

    public static IReadOnlyList<string> EffectKinds { get; } = [.. Enum.GetValues<DecisionEffectKind>().Select(s => Input.Kebab(s))];

    public static IReadOnlyList<string> ParticipantStatuses { get; } = [.. Enum.GetValues<ParticipantStatus>().Select(s => Input.Kebab(s))];

    public static IReadOnlyList<string> MeetingKinds { get; } = [.. Enum.GetValues<MeetingKind>().Select(s => Input.Kebab(s))];

    public static string Tag(string status) => status switch
    {
        "adopted" => "tag--active",
        "rejected" or "withdrawn" => "tag--rejected",
        _ => "tag--draft",
    };

    public static Guid? Version(string? version) => Guid.TryParse(version, out var v) ? v : null;
}
