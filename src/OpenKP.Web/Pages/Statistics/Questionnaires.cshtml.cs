using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenKP.Shared;
using OpenKP.Statistics;
using OpenKP.Web.Accounts;
using OpenKP.Web.Registry;
using OpenKP.Web.Statistics;

namespace OpenKP.Web.Pages.Statistics;

/// <summary>Data Anomalies Questionnaires, as <c>GET /api/statistics/questionnaires</c>: every one for the secretariat, those sent to its participant for an authority officer.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class QuestionnairesModel(AnomalyQuestionnaires desk, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }

    public Paged<QuestionnaireView> Result { get; private set; } = new([], 1, PageSize, 0);
    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);
    public bool IsSecretariat { get; private set; }
    public string? Own { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (AnomalyEndpoints.Actor(User) is not { } actor)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (OpenKP.Web.Pages.Shipments.ShipmentPages.PageNumber(Request) is not { } page)
        {
            return NotFound();
        }

        var input = new Input();
        QuestionnaireStatus? status = string.IsNullOrWhiteSpace(Status) ? null : input.Enum<QuestionnaireStatus>(Status, "status");
        (IsSecretariat, Own) = (actor.IsSecretariat, actor.Participant);
        var found = await desk.ListAsync(actor, null, input.IsValid ? status : null, page, PageSize, ct);
        var today = clock.Today();
        Result = new Paged<QuestionnaireView>([.. found.Items.Select(q => QuestionnaireView.Of(q, today))], found.Page, found.PageSize, found.Total);
        return Page();
    }

    public string Link(int page) => "/statistics/questionnaires" + QueryString.Create(new Dictionary<string, string?>
    {
        ["status"] = Status,
        ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));
}
