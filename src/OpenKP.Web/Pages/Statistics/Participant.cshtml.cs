using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenKP.Shared;
using OpenKP.Statistics;

namespace OpenKP.Web.Pages.Statistics;

/// <summary>One participant's published history (no sign-in): production, exports and imports in each published year, as a chart and a table.</summary>
public sealed class ParticipantModel(PublishedStatistics statistics) : PageModel
{
    public string Code { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    public IReadOnlyList<ParticipantHistoryYear> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var names = await statistics.NamesAsync(ct);
        if (!ParticipantCode.TryParse(code, out var parsed) || !names.TryGetValue(parsed.Value, out var name))
        {
            return NotFound();
        }

        Code = parsed.Value;
        Name = name;
        History = await statistics.HistoryAsync(Code, ct);
        return Page();
    }
}
