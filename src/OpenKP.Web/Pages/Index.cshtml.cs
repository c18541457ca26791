using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenKP.Registry;
using OpenKP.Web.Portal;
using OpenKP.Web.Registry;

namespace OpenKP.Web.Pages;

/// <summary>The front page: what OpenKP and the Kimberley Process are, and the registry today in figures.</summary>
public sealed class IndexModel(RegistryQueries registry, TimeProvider clock) : PageModel
{
    public DateOnly Today { get; private set; }

    /// <summary>Participants per status today, in <see cref="PortalText.Statuses"/> order, statuses nobody has left out.</summary>
    public IReadOnlyList<(string Status, int Count)> Counts { get; private set; } = [];

    public int Participants { get; private set; }

    /// <summary>Participants whose status today lets them trade (active, special measures, zone-limited).</summary>
    public int Trading { get; private set; }

    public int Observers { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today();
        var all = await registry.ListParticipantsAsync(new ParticipantListQuery(Today, PageSize: int.MaxValue), ct);
        var inScheme = all.Items.Where(p => p.Status != StandingView.NotParticipant).ToList();
        Participants = inScheme.Count(p => p.Status != "withdrawn");
        Trading = inScheme.Count(p => PortalText.MayTrade(p.Status));
        Counts = [.. PortalText.Statuses
            .Select(s => (s, inScheme.Count(p => p.Status == s)))
            .Where(x => x.Item2 > 0)];
        Observers = (await registry.ObserversAsync(Today, ct)).Count(o => o.Current);
    }
}
