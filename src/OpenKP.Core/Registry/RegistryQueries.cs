using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Shared;

namespace OpenKP.Registry;

/// <summary>What a participant list asks: the day, a text to search names and codes, a status name, a page.</summary>
public sealed record ParticipantListQuery(DateOnly On, string? Search = null, string? Status = null, int Page = 1, int PageSize = 100);

/// <summary>
/// The registry's read side as the API, the portal and the CLI show it: one implementation, so a
/// participant list or page reads the same wherever it is asked for.
/// </summary>
public sealed class RegistryQueries(OpenKpDb db, ParticipantDirectory directory)
{
    /// <summary>Every participant with its status on the day, filtered and sorted by English name.</summary>
    public async Task<Paged<ParticipantSummary>> ListParticipantsAsync(ParticipantListQuery query, CancellationToken ct = default)
    {
        var snapshot = await directory.SnapshotAsync(ct);
        var search = query.Search?.Trim() ?? string.Empty;
        var status = query.Status?.Trim() ?? string.Empty;
        var rows = snapshot.Participants
            .Select(p => Summary(snapshot, p, query.On))
            .Where(x => search.Length == 0 || x.Code.Equals(search, StringComparison.OrdinalIgnoreCase)
                || x.Name.Contains(search, StringComparison.OrdinalIgnoreCase) || x.NameFr.Contains(search, StringComparison.OrdinalIgnoreCase))
            .Where(x => status.Length == 0 || x.Status.Equals(status, StringComparison.OrdinalIgnoreCase))
            .OrderBy(x => x.Name, StringComparer.Ordinal)
            .ToList();
        return new Paged<ParticipantSummary>([.. rows.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)], query.Page, query.PageSize, rows.Count);
    }

    /// <summary>A participant with its status on <paramref name="today"/>, history, zones, embargoes, authorities; null when unknown.</summary>
    public async Task<ParticipantView?> GetParticipantAsync(string code, DateOnly today, CancellationToken ct = default)
    {
        var snapshot = await directory.SnapshotAsync(ct);
        var participant = snapshot.Find(code);
        if (participant is null)
        {
            return null;
        }

        var embargoes = await db.Embargoes.AsNoTracking().Where(e => e.OriginCode == code).OrderBy(e => e.From).ToListAsync(ct);
        var authorities = await db.Authorities.AsNoTracking().Where(a => a.ParticipantCode == code).OrderBy(a => a.Name).ToListAsync(ct);
        var members = code == "EU"
            ? await db.EuMemberships.AsNoTracking().OrderBy(m => m.From).ThenBy(m => m.CountryCode)
                .Select(m => new EuMemberView(m.CountryCode, m.Name, m.From, m.EndsOn)).ToListAsync(ct)
            : [];
        return new ParticipantView(
            participant.Code, participant.NameEn, participant.NameFr, participant.Kind, participant.Admitted.ToString(),
            StandingView.Of(snapshot.StandingOf(code, today)),
            [.. snapshot.History(code).Select(e => StatusEventView.Of(e, today))],
            [.. snapshot.Zones(code).OrderBy(z => z.From).ThenBy(z => z.Name, StringComparer.Ordinal).Select(ZoneView.Of)],
            [.. embargoes.Select(EmbargoView.Of)],
            [.. authorities.Select(AuthorityView.Of)],
            members);
    }

    /// <summary>Where a participant or country stands on a day; null when it is neither a participant nor covered by one.</summary>
    public async Task<StandingView?> StandingAsync(string code, DateOnly on, CancellationToken ct = default)
    {
        var snapshot = await directory.SnapshotAsync(ct);
        var standing = snapshot.StandingOf(code, on);
        return standing.ParticipantCode is null && snapshot.Find(code) is null ? null : StandingView.Of(standing);
    }

    /// <summary>May the shipment go? Allowed, or every violation with its code.</summary>
    public async Task<TradePermissionView> TradePermissionAsync(TradeQuestion question, CancellationToken ct = default)
        => TradePermissionView.Of(await directory.TradePermissionAsync(question, ct));

    /// <summary>Observers, with whether each still observes the scheme on <paramref name="today"/>.</summary>
    public async Task<IReadOnlyList<ObserverView>> ObserversAsync(DateOnly today, CancellationToken ct = default)
    {
        var list = await db.Observers.AsNoTracking().OrderBy(o => o.Since).ThenBy(o => o.Name).ToListAsync(ct);
        return [.. list.Select(o => new ObserverView(o.Name, o.Kind, o.Since, o.Until, o.Until is null || o.Until >= today))];
    }

    private static ParticipantSummary Summary(RegistrySnapshot snapshot, Participant participant, DateOnly on)
    {
        var standing = snapshot.StandingOf(participant.Code, on);

        // A state that trades through the EU on the day (GB until 2020-12-31) is listed as covered by it.
        return standing.ParticipantCode is { } covering && covering != participant.Code
            ? new ParticipantSummary(participant.Code, participant.NameEn, participant.NameFr, participant.Kind, participant.Admitted.ToString(),
                StandingView.CoveredBy(covering), null)
            : new ParticipantSummary(participant.Code, participant.NameEn, participant.NameFr, participant.Kind, participant.Admitted.ToString(),
                StandingView.StatusName(standing.Status), standing.Since?.EffectiveOn);
    }
}
