using OpenKP.Accounts;

namespace OpenKP.Shipments;

/// <summary>
/// Who acts in the shipments loop, as the account says: an authority or customs officer of one
/// participant, an operator of one company (of one participant), or the secretariat.
/// <see cref="CreateKeyOnFirstUse"/>: demo mode, where a participant without a signing key gets one.
/// </summary>
public sealed record ShipmentActor(string UserName, string Role, string? Participant, long? OperatorId, bool CreateKeyOnFirstUse = false)
{
    public bool IsSecretariat => Role == Roles.Secretariat;
    public bool IsOperator => Role == Roles.Operator;
    public bool IsAuthorityOfficer => Role == Roles.AuthorityOfficer;
    public bool IsCustomsOfficer => Role == Roles.CustomsOfficer;

    /// <summary>An authority or customs officer of <paramref name="participant"/>.</summary>
    public bool IsOfficialOf(string participant) => (IsAuthorityOfficer || IsCustomsOfficer) && Participant == participant;
}
