using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Accounts;
using OpenKP.Shared;
using OpenKP.Statistics;
using OpenKP.Web.Accounts;
using OpenKP.Web.Pages.Shipments;
using OpenKP.Web.Portal;
using OpenKP.Web.Statistics;

namespace OpenKP.Web.Pages.Statistics;

/// <summary>
/// Bilateral reconciliation, as <c>GET /api/statistics/reconciliation</c>: the pairs of a year or quarter with the
/// difference per category (an official's own pairs, the secretariat's choice of participant, narrowed to one
/// partner), and one pair's certificates with their category, a page at a time; downloads come from the API.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ReconciliationModel(ReconciliationRunner runner, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "year")]
    public string? YearText { get; set; }

    [BindProperty(SupportsGet = true, Name = "quarter")]
    public string? QuarterText { get; set; }

    /// <summary>The secretariat's choice of participant (officials always see their own).</summary>
    [BindProperty(SupportsGet = true, Name = "participant")]
    public string? ParticipantText { get; set; }

    [BindProperty(SupportsGet = true, Name = "partner")]
    public string? PartnerText { get; set; }

    /// <summary>The pair whose certificates are shown: <c>a</c> exports to <c>b</c>.</summary>
    [BindProperty(SupportsGet = true, Name = "a")]
    public string? ExporterText { get; set; }

    [BindProperty(SupportsGet = true, Name = "b")]
    public string? ImporterText { get; set; }

    [BindProperty(SupportsGet = true, Name = "category")]
    public string? CategoryText { get; set; }

    public bool IsSecretariat { get; private set; }
    public string? Own { get; private set; }
    public ReconciliationPeriod? Period { get; private set; }
    public DateOnly JudgedOn { get; private set; }
    public IReadOnlyList<PairReconciliation> Pairs { get; private set; } = [];

    /// <summary>The pair shown in detail; null on the list of pairs.</summary>
    public PairReconciliation? Pair { get; private set; }
    public ReconciliationCategory? Category { get; private set; }
    public Paged<ReconciledCertificate> Certificates { get; private set; } = new([], 1, PageSize, 0);
    public int Pages => Math.Max(1, (Certificates.Total + PageSize - 1) / PageSize);
    public FormErrors Errors { get; } = new();

    public static IReadOnlyList<int> Quarters { get; } = [1, 2, 3, 4];

    public IEnumerable<int> Years => Enumerable.Range(2003, clock.GetUtcNow().Year - 2003 + 2).Reverse();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        IsSecretariat = User.IsInRole(Roles.Secretariat);
        Own = User.FindFirstValue(OpenKpClaims.Participant);
        var input = new Input();
        var year = ShipmentPages.WholeNumber(input, YearText, "year");
        var quarter = ShipmentPages.WholeNumber(input, QuarterText, "quarter");
        var pairMode = !string.IsNullOrWhiteSpace(ExporterText) || !string.IsNullOrWhiteSpace(ImporterText);
        var parsed = pairMode
            ? ReconciliationEndpoints.Parse(User, clock, year, quarter, ExporterText, ImporterText, null, null, null)
            : ReconciliationEndpoints.Parse(User, clock, year, quarter, null, null, IsSecretariat ? ParticipantText : null, PartnerText, null);
        if (parsed.Status == StatusCodes.Status403Forbidden)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Category = string.IsNullOrWhiteSpace(CategoryText) ? null : input.Enum<ReconciliationCategory>(CategoryText, "category");
        var page = ShipmentPages.PageNumber(Request);
        if (page is null)
        {
            return NotFound();
        }

        if (parsed.Ask is not { } ask || !input.IsValid)
        {
            Errors.Add(localizer, ShipmentPages.OncePerField(input.Errors.Concat(parsed.Violations)));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Period = ask.Period;
        Scope = ask.Scope;
        JudgedOn = ReconciliationEndpoints.Today(clock);
        var result = await runner.RunAsync(ask.Period, ask.Scope, JudgedOn, ct);
        Pairs = result.Pairs;
        if (pairMode)
        {
            Pair = result.Pairs.Count == 1 ? result.Pairs[0] : null;
            var certificates = result.Certificates.Where(c => Category is null || c.Category == Category).ToList();
            Certificates = new([.. certificates.Skip((page.Value - 1) * PageSize).Take(PageSize)], page.Value, PageSize, certificates.Count);
        }

        return Page();
    }

    /// <summary>What the page shows, once the query parsed.</summary>
    public ReconciliationScope? Scope { get; private set; }

    public static string CategoryKey(ReconciliationCategory category) => "Reconciliation.Category." + Input.Kebab(category);

    /// <summary>The tag colour of a category: green matched, blue timing, yellow waiting, orange a figure differs, red missing.</summary>
    public static string TagOf(ReconciliationCategory category) => "tag tag--" + category switch
    {
        ReconciliationCategory.Matched => "confirmed",
        ReconciliationCategory.Timing => "submitted",
        ReconciliationCategory.NotYetConfirmed => "not-confirmed",
        ReconciliationCategory.Valuation or ReconciliationCategory.Carats => "returned",
        _ => "detained",
    };

    private Dictionary<string, string?> Query(string? a, string? b) => new()
    {
        ["year"] = Period?.Year.ToString(CultureInfo.InvariantCulture),
        ["quarter"] = Period?.QuarterNumber?.ToString(CultureInfo.InvariantCulture),
        ["participant"] = IsSecretariat && a is null ? Scope?.Involving : null,
        ["partner"] = a is null ? Scope?.Partner : null,
        ["a"] = a,
        ["b"] = b,
    };

    private static string Link(string path, IEnumerable<KeyValuePair<string, string?>> query)
        => path + QueryString.Create(query.Where(kv => !string.IsNullOrEmpty(kv.Value)));

    /// <summary>The page of a pair's certificates, optionally of one category and page.</summary>
    public string PairLink(string a, string b, ReconciliationCategory? category = null, int page = 1)
        => Link("/statistics/reconciliation", Query(a, b)
            .Append(new("category", category is { } c ? Input.Kebab(c) : null))
            .Append(new("page", page == 1 ? null : page.ToString(CultureInfo.InvariantCulture))));

    /// <summary>Back from a pair to the list of pairs of the same period.</summary>
    public string BackLink => Link("/statistics/reconciliation", Query(null, null).Where(kv => kv.Key is "year" or "quarter"));

    /// <summary>A download from the API of what the page shows: the summary or the certificates, as CSV or XLSX.</summary>
    public string DownloadLink(bool certificates, string format)
        => Link("/api/statistics/reconciliation" + (certificates ? "/certificates" : string.Empty),
            Query(Scope?.Exporter, Scope?.Importer)
                .Append(new("category", certificates && Category is { } c ? Input.Kebab(c) : null))
                .Append(new("format", format)));
}
