using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Registry;

namespace OpenKP.Certificates;

/// <summary>
/// Builds the trust list and the revocation list from the database and signs them with the hub key.
/// Their sequence is the audit trail's last entry id: it grows with every change, so a verifier can
/// refuse a list older than the one it holds.
/// </summary>
public sealed class TrustListPublisher(OpenKpDb db, ParticipantDirectory registry, SigningKeyRing keys, CertificateQueries certificates, TimeProvider clock)
{
    public async Task<TrustList> TrustListAsync(CancellationToken ct)
        => TrustList.FromRegistry(await registry.SnapshotAsync(ct), await keys.TrustedAsync(ct), Now(), await SequenceAsync(ct));

    public async Task<RevocationList> RevocationsAsync(CancellationToken ct)
    {
        var revoked = await certificates.RevokedAsync(ct);
        return RevocationList.Create(
            revoked.Select(r => Revocation.ForNumber(r.Number, Enum.Parse<RevocationKind>(r.Kind, ignoreCase: true), r.Since)),
            Now(), await SequenceAsync(ct));
    }

    /// <summary>The hub's public key (DER SubjectPublicKeyInfo), created with the hub key on first use.</summary>
    public async Task<SigningKey> HubKeyAsync(CancellationToken ct) => await keys.HubKeyAsync(ct);

    public async Task<byte[]> SignAsync(Func<System.Security.Cryptography.ECDsa, byte[]> sign, CancellationToken ct)
        => keys.Sign(await keys.HubKeyAsync(ct), sign);

    private async Task<long> SequenceAsync(CancellationToken ct)
        => await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Select(a => a.Id).FirstOrDefaultAsync(ct);

    // Lists carry whole seconds.
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
