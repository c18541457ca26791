using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Compliance;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Compliance;
using OpenKP.Web.Pages.Shipments;
using OpenKP.Web.Portal;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Pages.Compliance.Admissions;

/// <summary>
/// An application to join the scheme, as <c>GET /api/compliance/admissions/{id}</c>: the dossier, its documents, the
/// checklist of minimum requirements, the visit, the recommendation and the decision. Shared readers see it; the
/// secretariat works it through one form per step, each parsed like its endpoint and run by <see cref="AdmissionDesk"/>.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
[RequestFormLimits(MultipartBodyLengthLimit = OpenKP.Shipments.FileStore.MaxBytes + (256 * 1024))]
public sealed class DetailsModel(AdmissionDesk desk, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public AdmissionView Admission { get; private set; } = null!;
    public bool IsSecretariat { get; private set; }
    public bool IsOpen => Admission.Status is "received" or "under-assessment" or "recommended" or "not-recommended";
    public bool MayEdit => IsSecretariat && IsOpen;
    public bool MayAssess => IsSecretariat && Admission.Status is "received" or "under-assessment";
    public bool MayRecommend => MayEdit && Admission.DecisionId is null;
    public bool MayPropose => IsSecretariat && Admission.Status is "recommended" or "not-recommended" && Admission.DecisionId is null;
    public bool MayAdopt => MayEdit && Admission.DecisionId is not null;
    public FormErrors Errors { get; } = new();
    public string? Notice { get; private set; }

    /// <summary>The form posted (its handler; for a checklist item, <c>assess:{code}</c>), whose typed values come back with its errors.</summary>
    public string? Posted { get; private set; }

    /// <summary>What was typed in the posted form, or the fallback.</summary>
    public string? Typed(string form, string field, string? fallback)
        => Posted == form && Request.HasFormContentType && Request.Form.TryGetValue(field, out var value) ? value.ToString() : fallback;

    /// <summary>A checklist item's field, as its violations name it (and the element they link to).</summary>
    public static string ItemField(string code, string field) => $"checklist.{code}.{field}";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        Notice = TempData[AdmissionPages.NoticeKey] as string;
        return Page();
    }

    /// <summary>Changes the dossier's texts, as <c>PUT …/{id}</c>.</summary>
    public Task<IActionResult> OnPostDossierAsync(long id, [FromForm] string? legislation, [FromForm] string? authorities, [FromForm] string? internalControls, [FromForm] string? version, CancellationToken ct)
        => StepAsync(id, "dossier", input =>
        {
            var dossier = AdmissionEndpoints.Dossier(input, legislation, authorities, internalControls);
            return input.IsValid ? desk.UpdateDossierAsync(id, dossier, Version(version), ct) : null;
        }, ct);

    /// <summary>Adds a PDF, PNG or JPEG to the dossier, as <c>POST …/{id}/documents</c>.</summary>
    public Task<IActionResult> OnPostUploadAsync(long id, [FromForm] string? title, IFormFile? file, [FromForm] string? version, CancellationToken ct)
        => StepAsync(id, "upload", input =>
        {
            if (file is null || file.Length == 0)
            {
                input.Add(InputCodes.Required, "'file' is required: the PDF, PNG or JPEG to add.", "file");
            }

            var text = input.Text(string.IsNullOrWhiteSpace(title) ? file?.FileName : title, "title", 300);
            return input.IsValid ? UploadAsync(id, text, file!, Version(version), ct) : null;
        }, ct);

    /// <summary>Assesses one minimum requirement, as <c>PUT …/{id}/checklist/{code}</c>; its violations stand beside that item.</summary>
    public Task<IActionResult> OnPostAssessAsync(long id, [FromForm] string? requirement, [FromForm] string? itemAssessment, [FromForm] string? itemComment, [FromForm] string? version, CancellationToken ct)
    {
        var code = requirement?.Trim() ?? string.Empty;
        return StepAsync(id, "assess:" + code, input =>
        {
            var (assessment, comment) = AdmissionEndpoints.Parse(input, new AdmissionAssessRequest(itemAssessment, itemComment, null));
            return input.IsValid ? desk.AssessAsync(id, code, assessment, comment, Version(version), ct) : null;
        }, ct, v => v.Field is "assessment" or "comment" ? v with { Field = ItemField(code, v.Field) } : v);
    }

    /// <summary>Records the visit, as <c>PUT …/{id}/visit</c>.</summary>
    public Task<IActionResult> OnPostVisitAsync(long id, [FromForm] string? visitOn, [FromForm] string? report, [FromForm] string? version, CancellationToken ct)
        => StepAsync(id, "visit", input =>
        {
            var (on, text) = AdmissionEndpoints.Parse(input, new AdmissionVisitRequest(visitOn, report, null));
            return input.IsValid ? desk.RecordVisitAsync(id, on, text, Version(version), ct) : null;
        }, ct);

    /// <summary>Records the assessment and recommendation, as <c>POST …/{id}/recommendation</c>.</summary>
    public Task<IActionResult> OnPostRecommendAsync(long id, [FromForm] string? recommend, [FromForm] string? assessment, [FromForm] string? recommendation, [FromForm] string? version, CancellationToken ct)
        => StepAsync(id, "recommend", input =>
        {
            bool? yes = recommend switch { "true" => true, "false" => false, _ => null };
            var (r, a, text) = AdmissionEndpoints.Parse(input, new AdmissionRecommendationRequest(yes, assessment, recommendation, null));
            return input.IsValid ? desk.RecommendAsync(id, r, a, text, Version(version), ct) : null;
        }, ct);

    /// <summary>Proposes the admission or refusal decision, as <c>POST …/{id}/decision</c>.</summary>
    public Task<IActionResult> OnPostProposeAsync(long id, [FromForm] string? outcome, [FromForm] string? procedure, [FromForm] string? version, CancellationToken ct)
        => StepAsync(id, "propose", input =>
        {
            var proposal = AdmissionEndpoints.Parse(input, new AdmissionDecisionRequest(outcome, procedure, null, null));
            return input.IsValid ? desk.ProposeDecisionAsync(id, proposal, Version(version), ct) : null;
        }, ct);

    /// <summary>Adopts the proposed decision, as <c>POST …/{id}/decision/adopt</c>.</summary>
    public Task<IActionResult> OnPostAdoptAsync(
        long id, [FromForm] string? adoptedOn, [FromForm] string? effectiveOn, [FromForm] string? votesFor, [FromForm] string? votesAgainst, [FromForm] string? votesAbstaining,
        [FromForm] string? version, CancellationToken ct)
        => StepAsync(id, "adopt", input =>
        {
            var (f, a, s) = (ShipmentPages.WholeNumber(input, votesFor, "votesFor"), ShipmentPages.WholeNumber(input, votesAgainst, "votesAgainst"), ShipmentPages.WholeNumber(input, votesAbstaining, "votesAbstaining"));
            var adoption = AdmissionEndpoints.Parse(input, new AdmissionAdoptionRequest(adoptedOn, effectiveOn, f, a, s, null));
            return input.IsValid ? desk.AdoptDecisionAsync(id, adoption, Version(version), ct) : null;
        }, ct);

    /// <summary>The applicant withdrew, as <c>POST …/{id}/withdraw</c>.</summary>
    public Task<IActionResult> OnPostWithdrawAsync(long id, [FromForm] string? version, CancellationToken ct)
        => StepAsync(id, "withdraw", _ => desk.WithdrawAsync(id, Version(version), ct), ct);

    private async Task<Outcome<AdmissionApplication>> UploadAsync(long id, string title, IFormFile file, Guid? version, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        var added = await desk.AddDocumentAsync(id, title, file.FileName, stream, version, ct);
        return added.Succeeded ? await desk.FindAsync(id, ct) : Outcome<AdmissionApplication>.From(added);
    }

    private static Guid? Version(string? version) => Guid.TryParse(version, out var v) ? v : null;

    private async Task<IActionResult> StepAsync(
        long id, string form, Func<Input, Task<Outcome<AdmissionApplication>>?> step, CancellationToken ct, Func<Violation, Violation>? place = null)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        if (!IsSecretariat)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Posted = form;
        place ??= v => v;
        var input = new Input();
        if (step(input) is not { } running)
        {
            Errors.Add(localizer, input.Errors.Select(place));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await running;
        if (!outcome.Succeeded)
        {
            Errors.AddRules(localizer, outcome.Violations.Select(place));
            // The page shows the application as read before the step (nothing was saved).
            Response.StatusCode = Problems.StatusOf(outcome.Kind);
            return Page();
        }

        TempData[AdmissionPages.NoticeKey] = form.StartsWith("assess:", StringComparison.Ordinal) ? "assess" : form;
        return Redirect(AdmissionPages.Link(id) + (form.StartsWith("assess:", StringComparison.Ordinal) ? "#checklist" : string.Empty));
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var reader = ComplianceReaders.Of(User);
        if (!reader.SeesShared)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var found = await desk.FindAsync(id, ct);
        if (!found.Succeeded)
        {
            return NotFound();
        }

        Admission = AdmissionView.Of(found.Value!, await desk.DecisionOfAsync(found.Value!, ct), reader.IsSecretariat);
        IsSecretariat = reader.IsSecretariat;
        return null;
    }

    public static string Id(long value) => value.ToString(CultureInfo.InvariantCulture);
}
