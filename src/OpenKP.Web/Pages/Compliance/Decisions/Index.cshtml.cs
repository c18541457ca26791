using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenKP.Compliance;
using OpenKP.Shared;
using OpenKP.Web.Compliance;

namespace OpenKP.Web.Pages.Compliance.Decisions;

/// <summary>The decisions list, as <c>GET /api/compliance/decisions</c>: public (adopted decisions), the secretariat also sees drafts.</summary>
[AllowAnonymous]
public sealed class IndexModel(DecisionDesk desk) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "year")] public string? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "participant")] public string? Participant { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }

    public Paged<DecisionRecordView> Result { get; private set; } = new([], 1, PageSize, 0);
    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);
    public bool IsSecretariat { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (OpenKP.Web.Pages.Shipments.ShipmentPages.PageNumber(Request) is not { } page)
        {
            return NotFound();
        }

        var reader = ComplianceReaders.Of(User);
        IsSecretariat = reader.IsSecretariat;
        var input = new Input();
        int? year = int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
        var filter = DecisionEndpoints.Filter(input, Status, year, Participant, Search);
        if (!input.IsValid)
        {
            filter = new DecisionFilter();
        }

        var found = await desk.ListAsync(reader, filter, page, PageSize, ct);
        Result = new Paged<DecisionRecordView>([.. found.Items.Select(DecisionRecordView.Of)], found.Page, found.PageSize, found.Total);
        return Page();
    }

    public string Link(int page) => "/compliance/decisions" + QueryString.Create(new Dictionary<string, string?>
    {
        ["status"] = Status,
        ["year"] = Year,
        ["participant"] = Participant,
        ["q"] = Search,
        ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));
}
