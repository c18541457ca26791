using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenKP.Statistics;

namespace OpenKP.Web.Pages.Statistics;

/// <summary>A published year's vintages (no sign-in): each with its date and reason, and every figure it changed from the one before.</summary>
public sealed class VintagesModel(PublishedStatistics statistics) : PageModel
{
    public int Year { get; private set; }

    /// <summary>Latest first: each vintage and its changes from the previous one (none for vintage 1).</summary>
    public IReadOnlyList<(VintageInfo Vintage, IReadOnlyList<FigureChange> Changes)> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken ct)
    {
        Year = year;
        var vintages = await statistics.VintagesAsync(year, ct);
        if (vintages.Count == 0)
        {
            return NotFound();
        }

        var history = new List<(VintageInfo, IReadOnlyList<FigureChange>)>();
        YearTable? previous = null;
        foreach (var v in vintages)
        {
            var table = (await statistics.PublishedAsync(year, v.Number, ct))!;
            history.Add((v, previous is null ? [] : VintageDifference.Between(previous.Rows, table.Rows)));
            previous = table;
        }

        history.Reverse();
        History = history;
        return Page();
    }
}
