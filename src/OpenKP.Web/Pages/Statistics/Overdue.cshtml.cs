using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenKP.Statistics;

namespace OpenKP.Web.Pages.Statistics;

/// <summary>
/// Public (no sign-in): the participants that left a Data Anomalies Questionnaire unanswered past its due date,
/// as <c>GET /api/public/statistics/overdue-questionnaires</c> — names only, as the KP publishes them.
/// </summary>
[AllowAnonymous]
public sealed class OverdueModel(AnomalyQuestionnaires desk) : PageModel
{
    public IReadOnlyList<OverdueParticipant> Participants { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Participants = await desk.OverdueAsync(ct);
}
