using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenKP.Data;
using OpenKP.Shared;
using OpenKP.Shipments;
using OpenKP.Web.Accounts;
using OpenKP.Web.Pages.Shipments;
using OpenKP.Web.Portal;
using OpenKP.Web.Shared;
using OpenKP.Web.Shipments;

namespace OpenKP.Web.Pages.Applications;

/// <summary>
/// One export application for those who see it (<see cref="ApplicationAccess.CanSee"/>, else 404, as the API): everything
/// on it, its attachments (upload while it may change), its decisions; submit for the exporter; and for the exporting
/// authority's officers the review (<see cref="ApplicationReviewer.ReviewAsync"/>) with approve, reject and send back.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
[RequestSizeLimit(ShipmentPages.MaxUploadBytes)]
public sealed class DetailsModel(
    ShipmentQueries queries, ApplicationDesk desk, ApplicationReviewer reviewer, OpenKpDb db, OpenKpEnvironment environment,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string Saved = "saved";
    public const string Submitted = "submitted";
    public const string Attached = "attached";
    public const string FirstApproval = "first-approval";
    public const string Issued = "issued";
    public const string Rejected = "rejected";
    public const string SentBack = "sent-back";

    public static readonly IReadOnlyList<string> AttachmentKinds = [.. Enum.GetValues<AttachmentKind>().Select(k => Input.Kebab(k))];

    public ExportApplication Application { get; private set; } = null!;

    /// <summary>The exporting company's name.</summary>
    public string Company { get; private set; } = string.Empty;

    /// <summary>The review, for the exporting authority's officers and the secretariat while officers may decide.</summary>
    public ApplicationReview? Review { get; private set; }

    /// <summary>The exporter (or the officer preparing it) may still change it, attach files and submit.</summary>
    public bool MayEdit { get; private set; }

    /// <summary>An authority officer of the exporting participant, with the application awaiting a decision.</summary>
    public bool MayDecide { get; private set; }

    /// <summary>Officers and the secretariat read certificates; operators see their shipment.</summary>
    public bool MayReadCertificate { get; private set; }

    public string? Notice { get; private set; }
    public FormErrors Errors { get; } = new();

    /// <summary>The reason typed for a rejection or a sending back, kept when the form comes back with a problem; and which form it was.</summary>
    public string? Reason { get; private set; }
    public string? Decision { get; private set; }

    public static string Link(long id) => "/applications/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private ShipmentActor Actor => ShipmentEndpoints.Actor(User, environment);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        Notice = TempData[ShipmentPages.NoticeKey] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(long id, [FromForm] string? version, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        var outcome = await desk.SubmitAsync(Actor, id, Guid.TryParse(version, out var v) ? v : null, ct);
        return outcome.Succeeded ? Done(id, Submitted) : await FailedAsync(id, outcome.Violations, Problems.StatusOf(outcome.Kind), ct);
    }

    /// <summary>Attaches a PDF, PNG or JPEG (checked by content by the desk), as <c>POST /api/applications/{id}/attachments</c>.</summary>
    public async Task<IActionResult> OnPostAttachAsync(long id, [FromForm] string? kind, IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        var input = new Input();
        var k = input.Enum<AttachmentKind>(kind, "kind");
        if (file is null || file.Length == 0)
        {
            input.Add(InputCodes.Required, "'file' is required: the PDF, PNG or JPEG to attach.", "file");
        }

        if (!input.IsValid)
        {
            return await FailedAsync(id, input.Errors, StatusCodes.Status400BadRequest, ct);
        }

        await using var stream = file!.OpenReadStream();
        var outcome = await desk.AttachAsync(Actor, id, k, file.FileName, stream, ct);
        return outcome.Succeeded ? Done(id, Attached) : await FailedAsync(id, outcome.Violations, Problems.StatusOf(outcome.Kind), ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(long id, [FromForm] string? version, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        if (!Actor.IsAuthorityOfficer)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var outcome = await reviewer.ApproveAsync(Actor, id, Guid.TryParse(version, out var v) ? v : null, ct);
        return outcome.Succeeded
            ? Done(id, outcome.Value.Certificate is null ? FirstApproval : Issued)
            : await FailedAsync(id, outcome.Violations, Problems.StatusOf(outcome.Kind), ct);
    }

    public Task<IActionResult> OnPostRejectAsync(long id, [FromForm] string? reason, [FromForm] string? version, CancellationToken ct)
        => DecideAsync(id, "reject", reason, version, Rejected, (actor, text, v) => reviewer.RejectAsync(actor, id, v, text, ct), ct);

    public Task<IActionResult> OnPostSendBackAsync(long id, [FromForm] string? reason, [FromForm] string? version, CancellationToken ct)
        => DecideAsync(id, "send-back", reason, version, SentBack, (actor, text, v) => reviewer.SendBackAsync(actor, id, v, text, ct), ct);

    private async Task<IActionResult> DecideAsync(
        long id, string decision, string? reason, string? version, string notice,
        Func<ShipmentActor, string, Guid?, Task<Outcome<ExportApplication>>> decide, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        if (!Actor.IsAuthorityOfficer)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Decision = decision;
        Reason = reason;
        var input = new Input();
        var text = input.Text(reason, "reason", 2000);
        if (!input.IsValid)
        {
            return await FailedAsync(id, input.Errors, StatusCodes.Status400BadRequest, ct);
        }

        var outcome = await decide(Actor, text, Guid.TryParse(version, out var v) ? v : null);
        return outcome.Succeeded ? Done(id, notice) : await FailedAsync(id, outcome.Violations, Problems.StatusOf(outcome.Kind), ct);
    }

    private RedirectResult Done(long id, string notice)
    {
        TempData[ShipmentPages.NoticeKey] = notice;
        return Redirect(Link(id));
    }

    /// <summary>The page again, as it now stands, with the problems on top (the forms' fields beside them).</summary>
    private async Task<IActionResult> FailedAsync(long id, IEnumerable<Violation> violations, int status, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var arranged = violations.Select(v => v with { Field = v.Field is "reason" or "kind" or "file" ? v.Field : string.Empty });
        if (status == StatusCodes.Status400BadRequest)
        {
            Errors.Add(localizer, arranged, form: "application");
        }
        else
        {
            Errors.AddRules(localizer, arranged);
        }

        Response.StatusCode = status;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var actor = Actor;
        var application = await queries.ApplicationAsync(actor, id, ct);
        if (application is null)
        {
            return NotFound();
        }

        Application = application;
        Company = await db.Operators.AsNoTracking().Where(o => o.Id == application.OperatorId).Select(o => o.CompanyName).SingleOrDefaultAsync(ct) ?? application.ExporterLicence;
        MayEdit = application.Editable && ApplicationAccess.CanEdit(actor, application);
        MayDecide = application.AwaitingDecision && actor.IsAuthorityOfficer && actor.Participant == application.ParticipantCode;
        MayReadCertificate = !actor.IsOperator;
        Review = application.AwaitingDecision && (actor.IsSecretariat || MayDecide) && await reviewer.ReviewAsync(actor, id, ct) is { Succeeded: true } review
            ? review.Value
            : null;
        return null;
    }
}
