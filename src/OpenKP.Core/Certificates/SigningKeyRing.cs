using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Registry;
using OpenKP.Shared;

namespace OpenKP.Certificates;

/// <summary>
/// The authorities' and the hub's signing keys: which one signs today, rotation (the old key retires
/// and stays valid for what it signed), revocation (its private half is destroyed and everything it
/// signed fails verification). Public halves live in <c>signing_keys</c>; private halves in the vault.
/// </summary>
public sealed class SigningKeyRing(OpenKpDb db, ISigningKeyVault vault, TimeProvider clock)
{
    /// <summary>The hub's authority name on the trust list.</summary>
    public const string HubAuthority = "Kimberley Process Secretariat (OpenKP hub)";

    // One creator at a time, so two first issuances never make two active keys.
    private static readonly SemaphoreSlim Creating = new(1, 1);

    public async Task<IReadOnlyList<SigningKey>> ListAsync(string? participant, CancellationToken ct)
        => await db.SigningKeys.AsNoTracking()
            .Where(k => participant == null || k.ParticipantCode == participant)
            .OrderBy(k => k.ParticipantCode).ThenBy(k => k.CreatedAt)
            .ToListAsync(ct);

    /// <summary>Every key as the trust list publishes it (revoked keys stay listed).</summary>
    public async Task<IReadOnlyList<TrustedKey>> TrustedAsync(CancellationToken ct)
        => [.. (await db.SigningKeys.AsNoTracking().Where(k => k.Purpose == KeyPurpose.Certificates)
            .OrderBy(k => k.ParticipantCode).ThenBy(k => k.CreatedAt).ToListAsync(ct)).Select(k => k.ToTrusted())];

    /// <summary>
    /// The key the participant signs with today. Without one, <paramref name="create"/> (demo mode, or a
    /// first rotation) makes one; otherwise the answer is <c>signing-key-missing</c>.
    /// </summary>
    public async Task<Outcome<SigningKey>> ActiveAsync(string participant, string authority, bool create, string userName, CancellationToken ct)
    {
        if (await FindActiveAsync(participant, ct) is { } key)
        {
            return Outcome<SigningKey>.Success(key);
        }

        if (!create)
        {
            return Outcome<SigningKey>.Conflict(new(CertificateCodes.SigningKeyMissing,
                $"{participant} has no active signing key: an authority officer creates one with 'openkp keys rotate' or on the keys page.", "issuingParticipant"));
        }

        await Creating.WaitAsync(ct);
        try
        {
            return Outcome<SigningKey>.Success(await FindActiveAsync(participant, ct) ?? await CreateAsync(KeyPurpose.Certificates, participant, authority, userName, ct));
        }
        finally
        {
            Creating.Release();
        }
    }

    /// <summary>The hub key that signs the trust list and the revocation list, created on first use.</summary>
    public async Task<SigningKey> HubKeyAsync(CancellationToken ct)
    {
        if (await FindActiveAsync(SigningKey.HubParticipant, ct) is { } key)
        {
            return key;
        }

        await Creating.WaitAsync(ct);
        try
        {
            return await FindActiveAsync(SigningKey.HubParticipant, ct)
                ?? await CreateAsync(KeyPurpose.TrustList, SigningKey.HubParticipant, HubAuthority, "openkp", ct);
        }
        finally
        {
            Creating.Release();
        }
    }

    /// <summary>A new key signs from today; the active one retires (it stays on the trust list, valid for what it signed until today).</summary>
    public async Task<Outcome<SigningKey>> RotateAsync(string participant, string userName, CancellationToken ct)
    {
        var authority = await IssuingAuthorityAsync(participant, ct);
        if (authority is null)
        {
            return Outcome<SigningKey>.Invalid(new Violation(CertificateCodes.IssuingAuthorityMissing,
                $"{participant} has no exporting authority in the registry to hold a signing key.", "code"));
        }

        await Creating.WaitAsync(ct);
        try
        {
            var today = Today();
            var current = await db.SigningKeys.Where(k => k.ParticipantCode == participant && k.Status == KeyStatus.Active).ToListAsync(ct);
            foreach (var old in current)
            {
                old.Status = KeyStatus.Retired;
                old.StatusSince = today;
                old.ValidTo = today;
                old.StatusReason = "Rotated";
            }

            var created = await CreateAsync(KeyPurpose.Certificates, participant, authority.Name, userName, ct);

            // A retired key signs nothing more: its private half goes, so a later leak cannot backdate certificates.
            foreach (var old in current)
            {
                vault.Destroy(Convert.FromHexString(old.KeyId));
            }

            return Outcome<SigningKey>.Success(created);
        }
        finally
        {
            Creating.Release();
        }
    }

    /// <summary>Revokes a key: certificates it signed fail verification from now on; its private half is destroyed.</summary>
    public async Task<Outcome<SigningKey>> RevokeAsync(string participant, string keyId, string reason, CancellationToken ct)
    {
        var id = keyId.Trim().ToLowerInvariant();
        var key = await db.SigningKeys.SingleOrDefaultAsync(k => k.KeyId == id && k.ParticipantCode == participant, ct);
        if (key is null)
        {
            return Outcome<SigningKey>.NotFound(new(CertificateCodes.KeyNotFound, $"{participant} has no signing key {keyId}.", "keyId"));
        }

        if (key.Purpose == KeyPurpose.TrustList)
        {
            return Outcome<SigningKey>.Conflict(new(CertificateCodes.HubKeyNotRevocable,
                "The hub key signs the trust list every verifier pins; it is replaced by a planned hub-key change, not revoked here.", "keyId"));
        }

        if (key.Status == KeyStatus.Revoked)
        {
            return Outcome<SigningKey>.Conflict(new(CertificateCodes.KeyAlreadyRevoked,
                $"Key {key.KeyId} was already revoked on {key.StatusSince?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.", "keyId"));
        }

        var today = Today();
        key.Status = KeyStatus.Revoked;
        key.StatusSince = today;
        key.StatusReason = reason;
        key.ValidTo ??= today;
        await db.SaveChangesAsync(ct);
        vault.Destroy(Convert.FromHexString(key.KeyId));
        return Outcome<SigningKey>.Success(key);
    }

    /// <summary>Signs with a key's private half in the vault.</summary>
    public T Sign<T>(SigningKey key, Func<ECDsa, T> sign)
        => vault.TryUse(Convert.FromHexString(key.KeyId), sign, out var result)
            ? result
            : throw new InvalidOperationException($"The key store does not hold the private key of {key.KeyId}; rotate the key.");

    /// <summary>The authority that issues the participant's certificates: its first exporting authority.</summary>
    public async Task<Authority?> IssuingAuthorityAsync(string participant, CancellationToken ct)
        => await db.Authorities.AsNoTracking()
            .Where(a => a.ParticipantCode == participant && (a.Role == AuthorityRole.Exporting || a.Role == AuthorityRole.ExportingAndImporting))
            .OrderBy(a => a.Id).FirstOrDefaultAsync(ct);

    private Task<SigningKey?> FindActiveAsync(string participant, CancellationToken ct)
        => db.SigningKeys.AsNoTracking().Where(k => k.ParticipantCode == participant && k.Status == KeyStatus.Active)
            .OrderByDescending(k => k.CreatedAt).FirstOrDefaultAsync(ct);

    private async Task<SigningKey> CreateAsync(KeyPurpose purpose, string participant, string authority, string userName, CancellationToken ct)
    {
        var publicKey = vault.Create();
        var key = new SigningKey
        {
            KeyId = KeyIds.Hex(KeyIds.Of(publicKey)),
            Purpose = purpose,
            ParticipantCode = participant,
            Authority = authority,
            PublicKey = publicKey,
            ValidFrom = Today(),
            Status = KeyStatus.Active,
            StatusSince = Today(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = userName,
        };
        db.SigningKeys.Add(key);
        await db.SaveChangesAsync(ct);
        db.Entry(key).State = EntityState.Detached;
        return key;
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
