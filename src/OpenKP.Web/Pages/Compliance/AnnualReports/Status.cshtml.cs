using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenKP.Compliance;
using OpenKP.Statistics;
using OpenKP.Web.Accounts;
using OpenKP.Web.Compliance;
using OpenKP.Web.Registry;

namespace OpenKP.Web.Pages.Compliance.AnnualReports;

/// <summary>The late and missing list of a year, as <c>GET /api/compliance/annual-reports/status</c>: every member's report against the due date.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class StatusModel(AnnualReportDesk desk, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")] public string? Year { get; set; }

    public AnnualReportStatusView List { get; private set; } = null!;
    public int ThisYear => clock.Today().Year;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ComplianceReaders.Of(User).SeesShared)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var today = clock.Today();
        var year = int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && StatisticsCalendar.IsYear(y) ? y : today.Year - 1;
        Year = year.ToString(CultureInfo.InvariantCulture);
        List = AnnualReportStatusView.Of(await desk.StatusAsync(year, today, ct));
        return Page();
    }
}
