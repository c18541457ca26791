using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenKP.Accounts;
using OpenKP.Statistics;

namespace OpenKP.Web.Pages.Statistics;

/// <summary>
/// A published year (no sign-in): per participant and world totals, sortable on the server, the
/// vintage shown and what it changed, the non-submitters, downloads and charts. The secretariat also
/// sees an unpublished year, as a live preview clearly marked; for everyone else it does not exist (404).
/// </summary>
public sealed class YearModel(PublishedStatistics statistics) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "vintage")]
    public int? VintageNumber { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "dir")]
    public string? Dir { get; set; }

    public int Year { get; private set; }
    public YearTable Table { get; private set; } = null!;
    public IReadOnlyList<ParticipantYear> Rows { get; private set; } = [];
    public IReadOnlyList<VintageInfo> Vintages { get; private set; } = [];
    public IReadOnlyList<FigureChange> Changes { get; private set; } = [];
    public string SortKey { get; private set; } = StatisticsTable.DefaultSort;
    public bool Descending { get; private set; }
    public bool IsLatest => Table.Vintage is { } v && v.Number == Vintages[^1].Number;

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken ct)
    {
        Year = year;
        SortKey = StatisticsTable.IsSortKey(Sort) ? Sort! : StatisticsTable.DefaultSort;
        Descending = Dir == "desc";
        var published = await statistics.PublishedAsync(year, VintageNumber, ct);
        if (published is null)
        {
            if (VintageNumber is not null || !User.IsInRole(Roles.Secretariat) || !OpenKP.Statistics.StatisticsCalendar.IsYear(year))
            {
                return NotFound();
            }

            published = await statistics.LiveAsync(year, ct);
        }

        Table = published;
        Rows = StatisticsTable.Sort(Table.Rows, SortKey, Descending);
        Vintages = await statistics.VintagesAsync(year, ct);
        if (Table.Vintage is { Number: > 1 } shown)
        {
            var previous = await statistics.PublishedAsync(year, shown.Number - 1, ct);
            Changes = previous is null ? [] : VintageDifference.Between(previous.Rows, Table.Rows);
        }

        return Page();
    }

    /// <summary>The link of a column heading: sorts by it, descending first for figures, the other way when it is already the sort.</summary>
    public string SortLink(string key)
    {
        var descending = key == SortKey ? !Descending : key != StatisticsTable.DefaultSort;
        return $"/statistics/{Year}" + StatisticsPages.Query(VintageNumber, key, descending) + "#figures";
    }

    public string? AriaSort(string key) => key == SortKey ? (Descending ? "descending" : "ascending") : null;

    /// <summary>A download of exactly this table (same vintage, rows and order).</summary>
    public string Download(string format) => Table.IsPublished
        ? $"/api/public/statistics/{Year}" + StatisticsPages.Query(VintageNumber, SortKey, Descending, format)
        : $"/api/statistics/years/{Year}/preview" + StatisticsPages.Query(null, SortKey, Descending, format);
}
