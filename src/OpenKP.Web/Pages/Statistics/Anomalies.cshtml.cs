using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Shared;
using OpenKP.Statistics;
using OpenKP.Web.Accounts;
using OpenKP.Web.Portal;
using OpenKP.Web.Shared;
using OpenKP.Web.Statistics;

namespace OpenKP.Web.Pages.Statistics;

/// <summary>
/// Anomalies, as <c>GET /api/statistics/anomalies</c>: the secretariat sees every participant's, runs detection for a
/// year, changes the thresholds and drafts a questionnaire from the anomalies it ticks; an authority officer sees its
/// participant's. Everyone else: 403.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class AnomaliesModel(AnomalyQuestionnaires desk, AnomalyDetector detector, AnomalySettingsStore store, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "participant")] public string? Participant { get; set; }
    [BindProperty(SupportsGet = true, Name = "kind")] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }

    public Paged<AnomalyView> Result { get; private set; } = new([], 1, PageSize, 0);
    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);
    public bool IsSecretariat { get; private set; }
    public string? Own { get; private set; }
    public AnomalySettingsView Settings { get; private set; } = null!;
    public FormErrors Errors { get; } = new();
    public string? Notice { get; private set; }
    public int ThisYear { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal)
        {
            return refusal;
        }

        Notice = TempData[AnomalyPages.NoticeKey] as string;
        return Page();
    }

    /// <summary>Runs detection for a year, as <c>POST /api/statistics/anomalies/detect</c>.</summary>
    public async Task<IActionResult> OnPostDetectAsync([FromForm(Name = "detectYear")] int? detectYear, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal)
        {
            return refusal;
        }

        if (!IsSecretariat)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var y = detectYear ?? ThisYear;
        if (y < 2003 || y > ThisYear)
        {
            return Failed([new Violation(InputCodes.InvalidValue, $"The year is 2003 to {ThisYear}.", "detectYear")], StatusCodes.Status400BadRequest);
        }

        var outcome = await detector.DetectAsync(y, ct);
        if (!outcome.Succeeded)
        {
            return Failed(outcome.Violations, Problems.StatusOf(outcome.Kind));
        }

        var r = outcome.Value!;
        TempData[AnomalyPages.NoticeKey] = localizer["Anomalies.Detected", r.Year, r.Found, r.Added, r.Changed, r.Resolved].Value;
        return Redirect("/statistics/anomalies?year=" + y.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Changes the thresholds, as <c>PUT /api/statistics/anomaly-settings</c>.</summary>
    public async Task<IActionResult> OnPostSettingsAsync([FromForm] AnomalySettingsForm form, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal)
        {
            return refusal;
        }

        if (!IsSecretariat)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var input = new Input();
        var request = form.ToRequest(input);
        var change = request?.Parse(input);
        if (!input.IsValid)
        {
            return Failed(input.Errors, StatusCodes.Status400BadRequest);
        }

        var outcome = await store.ChangeAsync(change!, request!.Version, User.Identity?.Name ?? "unknown", ct);
        if (!outcome.Succeeded)
        {
            return Failed(outcome.Violations, Problems.StatusOf(outcome.Kind));
        }

        TempData[AnomalyPages.NoticeKey] = localizer["Anomalies.SettingsSaved"].Value;
        return Redirect("/statistics/anomalies");
    }

    /// <summary>Drafts a questionnaire from the ticked anomalies, as <c>POST /api/statistics/questionnaires</c>.</summary>
    public async Task<IActionResult> OnPostQuestionnaireAsync([FromForm(Name = "anomalyIds")] long[]? anomalyIds, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal)
        {
            return refusal;
        }

        if (!IsSecretariat)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (anomalyIds is not { Length: > 0 })
        {
            return Failed([new Violation(InputCodes.Required, "Tick at least one anomaly.", "anomalyIds")], StatusCodes.Status400BadRequest);
        }

        var outcome = await desk.CreateAsync(AnomalyEndpoints.Actor(User)!, anomalyIds, null, ct);
        if (!outcome.Succeeded)
        {
            return Failed(outcome.Violations, Problems.StatusOf(outcome.Kind));
        }

        TempData[AnomalyPages.NoticeKey] = QuestionnaireModel.Created;
        return Redirect(QuestionnaireModel.Link(outcome.Value!.Id));
    }

    public string Link(int page) => "/statistics/anomalies" + QueryString.Create(new Dictionary<string, string?>
    {
        ["year"] = Year?.ToString(CultureInfo.InvariantCulture),
        ["participant"] = Participant,
        ["kind"] = Kind,
        ["status"] = Status,
        ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));

    private PageResult Failed(IEnumerable<Violation> violations, int status)
    {
        Errors.AddRules(localizer, violations);
        Response.StatusCode = status;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (AnomalyEndpoints.Actor(User) is not { } actor)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (OpenKP.Web.Pages.Shipments.ShipmentPages.PageNumber(Request) is not { } page)
        {
            return NotFound();
        }

        IsSecretariat = actor.IsSecretariat;
        Own = actor.Participant;
        ThisYear = clock.GetUtcNow().Year;
        var input = new Input();
        var filter = AnomalyEndpoints.Filter(input, Year, IsSecretariat ? Participant : null, Kind, Status);
        if (!input.IsValid)
        {
            Errors.Add(localizer, input.Errors);
            filter = new AnomalyFilter();
        }

        var found = await desk.AnomaliesAsync(actor, filter, page, PageSize, ct);
        Result = new Paged<AnomalyView>([.. found.Items.Select(AnomalyView.Of)], found.Page, found.PageSize, found.Total);
        Settings = AnomalySettingsView.Of(await store.GetAsync(ct));
        return null;
    }
}

/// <summary>The thresholds form: every field as typed, parsed like the API's request.</summary>
public sealed class AnomalySettingsForm
{
    public string? OwnBandQuarters { get; set; }
    public string? OwnBandMinimumQuarters { get; set; }
    public string? BandWideningPercent { get; set; }
    public string? PeerMinimumParticipants { get; set; }
    public string? SupplyTolerancePercent { get; set; }
    public string? PeriodChangePercent { get; set; }
    public string? CertificateJumpPercent { get; set; }
    public string? MinimumCarats { get; set; }
    public string? MinimumUsd { get; set; }
    public string? MinimumCertificates { get; set; }
    public string? QuestionnaireDueDays { get; set; }
    public string? Version { get; set; }

    public static IReadOnlyList<string> Fields { get; } =
    [
        "ownBandQuarters", "ownBandMinimumQuarters", "bandWideningPercent", "peerMinimumParticipants", "supplyTolerancePercent",
        "periodChangePercent", "certificateJumpPercent", "minimumCarats", "minimumUsd", "minimumCertificates", "questionnaireDueDays",
    ];

    public AnomalySettingsRequest? ToRequest(Input input)
    {
        int Whole(string? value, string field)
        {
            if (!int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                input.Add(InputCodes.InvalidNumber, $"'{field}' is a whole number.", field);
            }

            return n;
        }

        var request = new AnomalySettingsRequest(
            Whole(OwnBandQuarters, "ownBandQuarters"), Whole(OwnBandMinimumQuarters, "ownBandMinimumQuarters"), Whole(BandWideningPercent, "bandWideningPercent"),
            Whole(PeerMinimumParticipants, "peerMinimumParticipants"), Whole(SupplyTolerancePercent, "supplyTolerancePercent"), Whole(PeriodChangePercent, "periodChangePercent"),
            Whole(CertificateJumpPercent, "certificateJumpPercent"), input.Amount(MinimumCarats, "minimumCarats") ?? 0, input.Amount(MinimumUsd, "minimumUsd") ?? 0,
            Whole(MinimumCertificates, "minimumCertificates"), Whole(QuestionnaireDueDays, "questionnaireDueDays"), Guid.TryParse(Version, out var v) ? v : null);
        return input.IsValid ? request : null;
    }
}
