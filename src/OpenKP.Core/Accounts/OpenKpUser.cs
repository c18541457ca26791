using Microsoft.AspNetCore.Identity;

namespace OpenKP.Accounts;

/// <summary>
/// A person who signs in. Scope is carried by the account: an authority or customs officer acts for
/// one participant, an operator for one company, an observer for one observer organisation.
/// </summary>
public sealed class OpenKpUser : IdentityUser
{
    public required string DisplayName { get; set; }
    /// <summary>The participant an officer acts for (and an operator's company belongs to).</summary>
    public string? ParticipantCode { get; set; }
    /// <summary>The licensed company an operator acts for.</summary>
    public long? OperatorId { get; set; }
    /// <summary>The observer organisation an observer belongs to.</summary>
    public string? ObserverName { get; set; }
}

/// <summary>The roles of the scheme. One role per account.</summary>
public static class Roles
{
    public const string Secretariat = "secretariat";
    public const string AuthorityOfficer = "authority-officer";
    public const string CustomsOfficer = "customs-officer";
    public const string Operator = "operator";
    public const string Observer = "observer";

    public static IReadOnlyList<string> All { get; } = [Secretariat, AuthorityOfficer, CustomsOfficer, Operator, Observer];
}

/// <summary>Claim types OpenKP adds to a signed-in principal.</summary>
public static class OpenKpClaims
{
    public const string Participant = "openkp:participant";
    public const string Operator = "openkp:operator";
    public const string Observer = "openkp:observer";
    public const string DisplayName = "openkp:display-name";
}
