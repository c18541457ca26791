using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Compliance;
using OpenKP.Shared;
using OpenKP.Web.Compliance;
using OpenKP.Web.Portal;
using OpenKP.Web.Shared;
using OpenKP.Web.Statistics;

namespace OpenKP.Web.Pages.Compliance.ChairReports;

/// <summary>
/// The Chair's reports to the UN General Assembly, as <c>GET /api/compliance/chair-reports</c>: every issued report
/// for everyone, drafts for the secretariat, who also drafts the report of a year here.
/// </summary>
public sealed class IndexModel(ChairReportDesk desk, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private const int PageSize = 20;

    public Paged<ChairReportSummary> Reports { get; private set; } = new([], 1, PageSize, 0);
    public bool IsSecretariat { get; private set; }
    public FormErrors Errors { get; } = new();
    public string? Year { get; private set; }
    public int DefaultYear => clock.GetUtcNow().Year - 1;

    public async Task OnGetAsync(int? p, CancellationToken ct) => await LoadAsync(p, ct);

    /// <summary>Drafts the report of a year, as <c>POST /api/compliance/chair-reports</c>, and opens it.</summary>
    public async Task<IActionResult> OnPostAsync([FromForm] string? year, CancellationToken ct)
    {
        var reader = ComplianceReaders.Of(User);
        if (!reader.IsSecretariat)
        {
            return User.Identity?.IsAuthenticated == true ? StatusCode(StatusCodes.Status403Forbidden) : Challenge();
        }

        Year = year;
        var input = new Input();
        var parsed = 0;
        if (!int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out parsed))
        {
            input.Add(InputCodes.InvalidNumber, "'year' is a year, e.g. 2025.", "year");
        }
        else
        {
            StatisticsInput.Year(input, parsed);
        }

        if (!input.IsValid)
        {
            Errors.Add(localizer, input.Errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(1, ct);
            return Page();
        }

        var outcome = await desk.CreateAsync(reader, parsed, ct);
        if (!outcome.Succeeded)
        {
            Errors.AddRules(localizer, outcome.Violations);
            Response.StatusCode = Problems.StatusOf(outcome.Kind);
            await LoadAsync(1, ct);
            return Page();
        }

        return Redirect(ReportModel.Link(parsed));
    }

    private async Task LoadAsync(int? p, CancellationToken ct)
    {
        var reader = ComplianceReaders.Of(User);
        IsSecretariat = reader.IsSecretariat;
        Reports = await desk.ListAsync(reader, Math.Clamp(p ?? 1, 1, 100_000), PageSize, ct);
    }
}
