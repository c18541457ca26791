namespace OpenKP.Certificates;

/// <summary>Where a signing key stands: signing now, retired (no longer signs; old certificates stay valid), or revoked.</summary>
public enum KeyStatus
{
    Active,
    Retired,
    Revoked,
}

/// <summary>
/// An issuing authority's public key as the trust list publishes it. It may sign certificates issued
/// from <see cref="ValidFrom"/> to <see cref="ValidTo"/> (inclusive); a revoked key signs nothing valid.
/// </summary>
public sealed record TrustedKey(
    byte[] KeyId,
    string Participant,
    string Authority,
    byte[] PublicKey,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    KeyStatus Status,
    DateOnly? StatusSince)
{
    public string KeyIdHex => KeyIds.Hex(KeyId);

    public bool CoversIssueDate(DateOnly issuedOn) => issuedOn >= ValidFrom && (ValidTo is null || issuedOn <= ValidTo);
}
