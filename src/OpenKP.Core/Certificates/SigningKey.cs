using System.Security.Cryptography;

namespace OpenKP.Certificates;

/// <summary>What a key signs: an authority's certificates, or (the hub's) the trust list and revocation list.</summary>
public enum KeyPurpose
{
    Certificates,
    TrustList,
}

/// <summary>
/// The public half of a signing key and its life: valid from, retired or revoked. The private half
/// never touches the database: it stays in the <see cref="ISigningKeyVault"/>.
/// </summary>
public sealed class SigningKey
{
    /// <summary>First 8 bytes of SHA-256 of <see cref="PublicKey"/>, lowercase hex (16 characters).</summary>
    public required string KeyId { get; set; }
    public KeyPurpose Purpose { get; set; }
    /// <summary>The issuing participant; <see cref="HubParticipant"/> for the hub key.</summary>
    public required string ParticipantCode { get; set; }
    public required string Authority { get; set; }
    /// <summary>DER SubjectPublicKeyInfo of the P-256 public key.</summary>
    public required byte[] PublicKey { get; set; }
    public DateOnly ValidFrom { get; set; }
    /// <summary>Last day it may sign (inclusive); set when the key is retired or revoked.</summary>
    public DateOnly? ValidTo { get; set; }
    public KeyStatus Status { get; set; }
    public DateOnly? StatusSince { get; set; }
    public string? StatusReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The participant code the hub key (the KP secretariat's) is listed under.</summary>
    public const string HubParticipant = "KP";

    public TrustedKey ToTrusted() => new(Convert.FromHexString(KeyId), ParticipantCode, Authority, PublicKey, ValidFrom, ValidTo, Status, StatusSince);
}

/// <summary>
/// Where private keys live. The file vault keeps them under the data directory encrypted at rest; an
/// HSM vault keeps them in the HSM and hands <see cref="TryUse{T}"/> an <see cref="ECDsa"/> whose signing
/// calls go to the HSM. Either way a private key never leaves the vault.
/// </summary>
public interface ISigningKeyVault
{
    /// <summary>Creates a P-256 key pair, keeps the private half, returns the public key (DER SubjectPublicKeyInfo).</summary>
    byte[] Create();

    /// <summary>Runs <paramref name="sign"/> with the private key of <paramref name="keyId"/>; false when the vault does not hold it.</summary>
    bool TryUse<T>(byte[] keyId, Func<ECDsa, T> sign, out T result);

    /// <summary>Destroys the private key (revocation): nothing can sign with it again.</summary>
    void Destroy(byte[] keyId);
}
