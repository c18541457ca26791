namespace OpenKP.Compliance;

/// <summary>Stable violation codes of meetings; each is documented in docs/problems.md.</summary>
public static class MeetingCodes
{
    public const string NotFound = "meeting-not-found";
    public const string EndsBeforeStart = "meeting-ends-before-start";
    public const string ChairUnknown = "meeting-chair-unknown";
}
