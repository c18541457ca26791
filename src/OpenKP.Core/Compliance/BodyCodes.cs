namespace OpenKP.Compliance;

/// <summary>Stable violation codes of the Chair, the Vice-Chair and the working bodies; each is documented in docs/problems.md.</summary>
public static class BodyCodes
{
    public const string Unknown = "body-unknown";
    public const string ChairUnknown = "body-chair-unknown";
    public const string ViceChairUnknown = "body-vice-chair-unknown";
    public const string ViceChairSameAsChair = "body-vice-chair-same-as-chair";
    public const string MemberParticipantUnknown = "body-member-participant-unknown";
    public const string MemberObserverUnknown = "body-member-observer-unknown";
    public const string MemberTermInverted = "body-member-term-inverted";
    public const string MemberTermOutsideYear = "body-member-term-outside-year";
    public const string MemberDuplicate = "body-member-duplicate";
    public const string MemberNotFound = "body-member-not-found";
    public const string OutcomeNotFound = "body-outcome-not-found";
}
