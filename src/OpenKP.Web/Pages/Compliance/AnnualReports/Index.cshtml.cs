using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Compliance;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Compliance;
using OpenKP.Web.Portal;
using OpenKP.Web.Registry;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Pages.Compliance.AnnualReports;

/// <summary>
/// Annual reports, as <c>GET /api/compliance/annual-reports</c>: every submitted or assessed report and the reader's own
/// drafts, by year; the participant's authority officers (and the secretariat) start a year's draft here.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(AnnualReportDesk desk, ComplianceDeadlineSettings settings, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "year")] public string? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }

    public Paged<AnnualReportView> Result { get; private set; } = new([], 1, PageSize, 0);
    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);
    internal ComplianceReader Reader { get; private set; } = ComplianceReader.Anonymous;
    public bool MayStart => Reader.IsSecretariat || Reader.Role == ComplianceRole.Authority;
    public int DefaultYear => clock.Today().Year - 1;
    public int ThisYear => clock.Today().Year;
    public FormErrors Errors { get; } = new();
    public string? StartParticipant { get; private set; }
    public string? StartYear { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Reader = ComplianceReaders.Of(User);
        if (!Reader.SeesShared)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (OpenKP.Web.Pages.Shipments.ShipmentPages.PageNumber(Request) is not { } page)
        {
            return NotFound();
        }

        await LoadAsync(page, ct);
        return Page();
    }

    /// <summary>Starts a year's draft, as <c>POST /api/participants/{code}/annual-reports</c>.</summary>
    public async Task<IActionResult> OnPostStartAsync([FromForm] string? participant, [FromForm] string? year, CancellationToken ct)
    {
        Reader = ComplianceReaders.Of(User);
        if (!Reader.SeesShared)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        (StartParticipant, StartYear) = (participant, year);
        var input = new Input();
        var code = Reader.IsSecretariat ? input.Code(participant, "participant") : Reader.Participant ?? string.Empty;
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            input.Add(InputCodes.InvalidNumber, "'year' is a year such as 2025.", "year");
        }

        if (!input.IsValid)
        {
            Errors.Add(localizer, input.Errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(1, ct);
            return Page();
        }

        var outcome = await desk.StartAsync(Reader, code, y, ct);
        if (!outcome.Succeeded)
        {
            Errors.AddRules(localizer, outcome.Violations.Select(v => v.Field == "code" ? v with { Field = "participant" } : v));
            Response.StatusCode = Problems.StatusOf(outcome.Kind);
            await LoadAsync(1, ct);
            return Page();
        }

        TempData[AnnualReportPages.NoticeKey] = "started";
        return Redirect(AnnualReportPages.Link(code, y));
    }

    private async Task LoadAsync(int page, CancellationToken ct)
    {
        var input = new Input();
        int? year = int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
        var filter = AnnualReportEndpoints.Filter(input, year, null, Status);
        var found = await desk.ListAsync(Reader, input.IsValid ? filter : new AnnualReportFilter(), page, PageSize, ct);
        Result = new Paged<AnnualReportView>([.. found.Items.Select(r => AnnualReportView.Of(r, settings))], found.Page, found.PageSize, found.Total);
    }

    public string Link(int page) => "/compliance/annual-reports" + QueryString.Create(new Dictionary<string, string?>
    {
        ["year"] = Year,
        ["status"] = Status,
        ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));
}
