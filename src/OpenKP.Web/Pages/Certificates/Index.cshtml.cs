using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Accounts;
using OpenKP.Certificates;
using OpenKP.Registry;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Certificates;
using OpenKP.Web.Portal;
using OpenKP.Web.Registry;

namespace OpenKP.Web.Pages.Certificates;

/// <summary>
/// Certificates as <c>GET /api/certificates</c> lists them: an officer's participant's (issued, incoming or both),
/// or for the secretariat every participant's; searched by number, exporter or importer, filtered by status and issue date.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(CertificateQueries queries, RegistryQueries registry, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "direction")]
    public string? Direction { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    /// <summary>The secretariat's choice of participant (officers always see their own).</summary>
    [BindProperty(SupportsGet = true, Name = "participant")]
    public string? ParticipantFilter { get; set; }

    /// <summary>Whose certificates are listed; null: everyone's (the secretariat).</summary>
    public string? Participant { get; private set; }

    /// <summary>The listed participant's name in the reader's language.</summary>
    public string ParticipantName { get; private set; } = string.Empty;

    public string ActiveDirection { get; private set; } = CertificateListQuery.Both;
    public bool IsSecretariat { get; private set; }

    /// <summary>An authority officer: may issue certificates for its participant.</summary>
    public bool MayIssue { get; private set; }

    /// <summary>Participants the secretariat can narrow the list to.</summary>
    public IReadOnlyList<ParticipantChoice> Participants { get; private set; } = [];

    public Paged<CertificateSummary> Result { get; private set; } = new([], 1, PageSize, 0);
    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);
    public bool Filtered => !string.IsNullOrWhiteSpace(Query) || !string.IsNullOrWhiteSpace(Status) || !string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(To);
    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        IsSecretariat = User.IsInRole(Roles.Secretariat);
        var own = CertificateEndpoints.OfficerParticipant(User);
        if (!IsSecretariat && own is null)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        MayIssue = User.IsInRole(Roles.AuthorityOfficer);
        var input = new Input();
        var p = IsSecretariat && !string.IsNullOrWhiteSpace(ParticipantFilter) ? input.Code(ParticipantFilter, "participant") : own;
        ActiveDirection = input.OneOf(Direction, "direction", CertificateListQuery.Directions) ?? CertificateListQuery.Both;
        var status = string.IsNullOrWhiteSpace(Status) ? (CertificateStatus?)null : input.Enum<CertificateStatus>(Status, "status");
        var from = input.OptionalDate(From, "from");
        var to = input.OptionalDate(To, "to");
        var text = input.Text(Query, "q", 200, required: false);
        // Read by hand: "page" is also the route value naming the Razor page, which model binding would pick first.
        var page = 1;
        if (Request.Query.TryGetValue("page", out var raw))
        {
            page = input.Page(int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0, "page", 1, 100_000);
        }

        if (IsSecretariat)
        {
            var all = await registry.ListParticipantsAsync(new ParticipantListQuery(clock.Today(), PageSize: int.MaxValue), ct);
            Participants = [.. all.Items.Where(x => x.Status != StandingView.NotParticipant && !x.Status.StartsWith("covered-by-", StringComparison.Ordinal))
                .Select(x => new ParticipantChoice(x.Code, PortalText.Name(x.Name, x.NameFr), x.Status))];
        }

        Participant = string.IsNullOrEmpty(p) ? null : p;
        if (!input.IsValid)
        {
            Errors.Add(localizer, input.Errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (Participant is not null && await registry.GetParticipantAsync(Participant, clock.Today(), ct) is { } view)
        {
            ParticipantName = PortalText.Name(view.Name, view.NameFr);
        }

        Result = await queries.ListAsync(new CertificateListQuery(Participant, ActiveDirection, text, status, from, to, page, PageSize), ct);
        return Page();
    }

    /// <summary>This list's address with the direction or page changed, keeping the other filters.</summary>
    public string Link(string? direction = null, int page = 1)
    {
        var query = new Dictionary<string, string?>
        {
            ["participant"] = IsSecretariat ? Participant : null,
            ["direction"] = (direction ?? ActiveDirection) == CertificateListQuery.Both ? null : direction ?? ActiveDirection,
            ["q"] = Blank(Query),
            ["status"] = Blank(Status),
            ["from"] = Blank(From),
            ["to"] = Blank(To),
            ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
        };
        return "/certificates" + QueryString.Create(query.Where(kv => kv.Value is not null));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
