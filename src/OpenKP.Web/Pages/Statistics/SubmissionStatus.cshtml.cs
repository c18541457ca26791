using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenKP.Statistics.Intake;
using OpenKP.Web.Accounts;

namespace OpenKP.Web.Pages.Statistics;

/// <summary>The secretariat's overview of a year, as <c>GET /api/statistics/submission-status</c>: who sent what, who is late.</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class SubmissionStatusModel(SubmissionStatusBoard board, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")]
    public int? YearChosen { get; set; }

    [BindProperty(SupportsGet = true, Name = "late")]
    public bool LateOnly { get; set; }

    public int Year { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<ParticipantSubmissions> Rows { get; private set; } = [];
    public int LateParticipants { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = IntakePages.Year(YearChosen, clock);
        Years = IntakePages.Years(clock);
        var all = await board.ForYearAsync(Year, ct);
        LateParticipants = all.Count(r => r.LateCount > 0);
        Rows = LateOnly ? [.. all.Where(r => r.LateCount > 0)] : all;
    }
}
