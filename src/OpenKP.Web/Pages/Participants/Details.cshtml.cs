using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenKP.Registry;
using OpenKP.Shared;
using OpenKP.Web.Registry;

namespace OpenKP.Web.Pages.Participants;

/// <summary>One participant: its status today, its history with the decisions behind it, zones, embargoes, authorities.</summary>
public sealed class DetailsModel(RegistryQueries registry, TimeProvider clock) : PageModel
{
    /// <summary>Set by the status-event form after it records an event, for the confirmation banner.</summary>
    [TempData]
    public string? Recorded { get; set; }

    public ParticipantView Participant { get; private set; } = null!;

    /// <summary>The history newest first, scheduled events at the top.</summary>
    public IReadOnlyList<StatusEventView> Timeline { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!ParticipantCode.TryParse(code, out var parsed))
        {
            return NotFound();
        }

        Today = clock.Today();
        var view = await registry.GetParticipantAsync(parsed.Value, Today, ct);
        if (view is null)
        {
            return NotFound();
        }

        Participant = view;
        Timeline = [.. view.History.OrderByDescending(e => e.EffectiveOn).ThenByDescending(e => e.Id)];
        return Page();
    }
}
