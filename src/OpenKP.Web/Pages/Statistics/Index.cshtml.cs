using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenKP.Statistics;

namespace OpenKP.Web.Pages.Statistics;

/// <summary>The statistics hub (no sign-in): the published years with world totals, the world chart, and the officials' work pages.</summary>
public sealed class IndexModel(PublishedStatistics statistics) : PageModel
{
    public IReadOnlyList<PublishedYear> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Years = await statistics.YearsAsync(ct);
}
