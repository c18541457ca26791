using Microsoft.EntityFrameworkCore;
using OpenKP.Data;

namespace OpenKP.Registry;

/// <summary>
/// The registry's public surface for other modules: who may trade, on which day. Certificates,
/// shipments and statistics ask here and nowhere else.
/// </summary>
public sealed class ParticipantDirectory(OpenKpDb db, RegistryCache? cache = null)
{
    /// <summary>The whole registry (a few hundred rows) as an immutable snapshot, from the cache when the app has one.</summary>
    public Task<RegistrySnapshot> SnapshotAsync(CancellationToken ct = default)
        => cache is null ? LoadAsync(ct) : cache.GetAsync(LoadAsync, ct);

    private async Task<RegistrySnapshot> LoadAsync(CancellationToken ct)
    {
        var participants = await db.Participants.AsNoTracking().ToListAsync(ct);
        var events = await db.StatusEvents.AsNoTracking().ToListAsync(ct);
        var zones = await db.Zones.AsNoTracking().ToListAsync(ct);
        var eu = await db.EuMemberships.AsNoTracking().ToListAsync(ct);
        var embargoes = await db.Embargoes.AsNoTracking().ToListAsync(ct);
        return new RegistrySnapshot(participants, events, zones, eu, embargoes);
    }

    /// <summary>Where a country or participant stands on a day.</summary>
    public async Task<Standing> StandingOnAsync(string code, DateOnly on, CancellationToken ct = default)
        => (await SnapshotAsync(ct)).StandingOf(code, on);

    /// <summary>May <c>question.Exporter</c> ship to <c>question.Importer</c> on the day? Every reason at once.</summary>
    public async Task<TradePermission> TradePermissionAsync(TradeQuestion question, CancellationToken ct = default)
        => TradeRules.Check(await SnapshotAsync(ct), question);
}
