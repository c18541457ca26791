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

namespace OpenKP.Web.Pages.Compliance.Reviews;

/// <summary>What the peer review pages share: links, tags, and the rows of the team and recommendation forms.</summary>
public static class ReviewPages
{
    public const string NoticeKey = "Reviews.Notice";
    public const int TeamRows = 6;
    public const int RecommendationRows = 3;

    public static string Link(long id) => "/compliance/reviews/" + id.ToString(CultureInfo.InvariantCulture);

    public static string Tag(string status) => status switch
    {
        "final" or "closed" => "tag--approved",
        "cancelled" or "not-implemented" => "tag--rejected",
        "planned" or "open" => "tag--pending",
        _ => "tag--info",
    };

    public static string Key(string value) => "Reviews.Status." + value;

    internal static IReadOnlyList<TeamMemberRequest> TeamFrom(IFormCollection form)
        => [.. Enumerable.Range(0, TeamRows)
            .Select(i => (Kind: form[$"teamKind{i}"].ToString(), Person: form[$"teamPerson{i}"].ToString(), Code: form[$"teamParticipant{i}"].ToString(), Observer: form[$"teamObserver{i}"].ToString(), Leader: form["teamLeader"].ToString() == i.ToString(CultureInfo.InvariantCulture)))
            .Where(r => !string.IsNullOrWhiteSpace(r.Person))
            .Select(r => new TeamMemberRequest(r.Kind, r.Person, r.Code, r.Observer, r.Leader))];

    internal static IReadOnlyList<RecommendationRequest> RecommendationsFrom(IFormCollection form)
        => [.. Enumerable.Range(0, RecommendationRows)
            .Select(i => new RecommendationRequest(form[$"recText{i}"].ToString(), form[$"recOwner{i}"].ToString(), form[$"recDue{i}"].ToString()))
            .Where(r => !string.IsNullOrWhiteSpace(r.Text))];

    internal static Guid? Version(string? version) => Guid.TryParse(version, out var v) ? v : null;
}

/// <summary>Reviews, as <c>GET /api/compliance/reviews</c>, and the secretariat's form to plan one (<c>POST</c>).</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(PeerReviewDesk desk, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "participant")] public string? Participant { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }

    public Paged<ReviewView> Result { get; private set; } = new([], 1, PageSize, 0);
    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);
    public bool IsSecretariat { get; private set; }
    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (PeerReviewEndpoints.Reader(User) is not { } reader)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (OpenKP.Web.Pages.Shipments.ShipmentPages.PageNumber(Request) is not { } page)
        {
            return NotFound();
        }

        await LoadAsync(reader, page, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (PeerReviewEndpoints.Reader(User) is not { IsSecretariat: true } reader)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var form = Request.Form;
        var decision = long.TryParse(form["decisionId"], NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : (long?)null;
        var request = new PlanReviewRequest(form["participant"], form["kind"], form["invitedOn"], decision, form["startsOn"], form["endsOn"], form["termsOfReference"], ReviewPages.TeamFrom(form));
        var input = new Input();
        var plan = PeerReviewEndpoints.ParsePlan(input, request);
        if (!input.IsValid)
        {
            Errors.Add(localizer, input.Errors, form: "review");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(reader, 1, ct);
            return Page();
        }

        var outcome = await desk.PlanAsync(reader, plan, ct);
        if (!outcome.Succeeded)
        {
            Errors.AddRules(localizer, outcome.Violations);
            Response.StatusCode = Problems.StatusOf(outcome.Kind);
            await LoadAsync(reader, 1, ct);
            return Page();
        }

        TempData[ReviewPages.NoticeKey] = "planned";
        return Redirect(ReviewPages.Link(outcome.Value!.Id));
    }

    private async Task LoadAsync(ComplianceReader reader, int page, CancellationToken ct)
    {
        IsSecretariat = reader.IsSecretariat;
        var input = new Input();
        var filter = PeerReviewEndpoints.Filter(input, Participant, null, Status, null);
        var found = await desk.ListAsync(input.IsValid ? filter : new ReviewFilter(), page, PageSize, ct);
        var today = clock.Today();
        Result = new Paged<ReviewView>([.. found.Items.Select(r => ReviewView.Of(r, reader, today))], found.Page, found.PageSize, found.Total);
    }

    public string Link(int page) => "/compliance/reviews" + QueryString.Create(new Dictionary<string, string?>
    {
        ["participant"] = Participant,
        ["status"] = Status,
        ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));
}

/// <summary>
/// A review, as <c>GET /api/compliance/reviews/{id}</c>: team, schedule, terms of reference, the reports and comments the
/// reader may see, recommendations with their follow-up forms; each step's form goes through <see cref="PeerReviewDesk"/>.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ReviewModel(PeerReviewDesk desk, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public ReviewView Review { get; private set; } = null!;
    public bool IsSecretariat { get; private set; }
    public bool IsReviewedOfficer { get; private set; }
    public bool MayFollowUp { get; private set; }
    public FormErrors Errors { get; } = new();
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        Notice = TempData[ReviewPages.NoticeKey] as string;
        return Page();
    }

    public Task<IActionResult> OnPostDraftAsync(long id, [FromForm] string? report, [FromForm] string? version, CancellationToken ct)
        => StepAsync(id, "draft", (reader, input) =>
        {
            var text = input.Text(report, "report", 200_000);
            var recommendations = PeerReviewEndpoints.ParseRecommendations(input, ReviewPages.RecommendationsFrom(Request.Form));
            return input.IsValid ? desk.IssueDraftAsync(reader, id, text, recommendations, ReviewPages.Version(version), ct) : null;
        }, ct);

    public Task<IActionResult> OnPostCommentsAsync(long id, [FromForm] string? comments, [FromForm] string? version, CancellationToken ct)
        => StepAsync(id, "commented", (reader, input) =>
        {
            var text = input.Text(comments, "comments", 200_000);
            return input.IsValid ? desk.CommentAsync(reader, id, text, ReviewPages.Version(version), ct) : null;
        }, ct);

    public Task<IActionResult> OnPostFinalAsync(long id, [FromForm] string? report, [FromForm] string? version, CancellationToken ct)
        => StepAsync(id, "final", (reader, input) =>
        {
            var text = input.Text(report, "report", 200_000);
            var recommendations = PeerReviewEndpoints.ParseRecommendations(input, ReviewPages.RecommendationsFrom(Request.Form));
            return input.IsValid ? desk.IssueFinalAsync(reader, id, text, recommendations, ReviewPages.Version(version), ct) : null;
        }, ct);

    public Task<IActionResult> OnPostCancelAsync(long id, [FromForm] string? version, CancellationToken ct)
        => StepAsync(id, "cancelled", (reader, _) => desk.CancelAsync(reader, id, ReviewPages.Version(version), ct), ct);

    /// <summary>A follow-up of one recommendation, as <c>POST /api/compliance/recommendations/{id}/updates</c>.</summary>
    public async Task<IActionResult> OnPostFollowUpAsync(long id, [FromForm] long recommendation, [FromForm] string? status, [FromForm] string? note, [FromForm] string? version, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        var input = new Input();
        var to = input.Enum<RecommendationStatus>(status, "status");
        var text = input.Text(note, "note", 4000);
        if (!input.IsValid)
        {
            Errors.Add(localizer, input.Errors, form: "review");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await desk.FollowUpAsync(ComplianceReaders.Of(User), recommendation, to, text, ReviewPages.Version(version), ct);
        if (!outcome.Succeeded)
        {
            Errors.AddRules(localizer, outcome.Violations);
            Response.StatusCode = Problems.StatusOf(outcome.Kind);
            return Page();
        }

        TempData[ReviewPages.NoticeKey] = "followed-up";
        return Redirect(ReviewPages.Link(id));
    }

    private async Task<IActionResult> StepAsync(long id, string notice, Func<ComplianceReader, Input, Task<Outcome<PeerReview>>?> step, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        var input = new Input();
        if (step(ComplianceReaders.Of(User), input) is not { } running)
        {
            Errors.Add(localizer, input.Errors, form: "review");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await running;
        if (!outcome.Succeeded)
        {
            Errors.AddRules(localizer, outcome.Violations);
            Response.StatusCode = Problems.StatusOf(outcome.Kind);
            return Page();
        }

        TempData[ReviewPages.NoticeKey] = notice;
        return Redirect(ReviewPages.Link(id));
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        if (PeerReviewEndpoints.Reader(User) is not { } reader)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var found = await desk.FindAsync(id, ct);
        if (!found.Succeeded)
        {
            return NotFound();
        }

        Review = ReviewView.Of(found.Value!, reader, clock.Today());
        IsSecretariat = reader.IsSecretariat;
        IsReviewedOfficer = reader.Role == ComplianceRole.Authority && reader.ActsFor(Review.ParticipantCode);
        MayFollowUp = reader.ActsFor(Review.ParticipantCode) && Review.Status is "draft-report" or "commented" or "final";
        return null;
    }
}

/// <summary>The dashboard of recommendations not yet closed per participant, and the list (overdue highlighted), as the API gives them.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class RecommendationsModel(PeerReviewDesk desk, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "participant")] public string? Participant { get; set; }
    [BindProperty(SupportsGet = true, Name = "overdue")] public bool Overdue { get; set; }

    public IReadOnlyList<RecommendationTally> Dashboard { get; private set; } = [];
    public Paged<RecommendationView> Result { get; private set; } = new([], 1, PageSize, 0);
    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (PeerReviewEndpoints.Reader(User) is not { } reader)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (OpenKP.Web.Pages.Shipments.ShipmentPages.PageNumber(Request) is not { } page)
        {
            return NotFound();
        }

        var input = new Input();
        var who = string.IsNullOrWhiteSpace(Participant) ? null : input.Code(Participant, "participant");
        Dashboard = await desk.DashboardAsync(reader, ct);
        var found = await desk.RecommendationsAsync(reader, new RecommendationFilter(input.IsValid ? who : null, null, Overdue), page, PageSize, ct);
        var today = clock.Today();
        Result = new Paged<RecommendationView>([.. found.Items.Select(r => RecommendationView.Of(r, today))], found.Page, found.PageSize, found.Total);
        return Page();
    }

    public string Link(int page) => "/compliance/recommendations" + QueryString.Create(new Dictionary<string, string?>
    {
        ["participant"] = Participant,
        ["overdue"] = Overdue ? "true" : null,
        ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));
}

/// <summary>Members with no completed review for N years (<c>OpenKP:Compliance:ReviewIntervalYears</c>, default 5), as <c>GET /api/compliance/reviews/due</c>.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DueModel(PeerReviewDesk desk, IConfiguration configuration) : PageModel
{
    public int Years { get; private set; }
    public IReadOnlyList<ReviewDue> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (PeerReviewEndpoints.Reader(User) is null)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Years = PeerReviewEndpoints.IntervalYears(configuration);
        Members = await desk.DueAsync(Years, ct);
        return Page();
    }
}
