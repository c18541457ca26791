using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Registry;
using OpenKP.Shared;
using OpenKP.Statistics;
using OpenKP.Statistics.Intake;
using OpenKP.Web.Accounts;
using OpenKP.Web.Portal;

namespace OpenKP.Web.Pages.Statistics;

/// <summary>
/// A participant's quarterly trade uploads, as <c>/api/participants/{code}/trade-submissions</c>: the
/// quarters with due date and status, the upload form with a preview step (every bad row, or the rows
/// and totals and a confirm button), and the revisions with their files.
/// </summary>
[Authorize(Policy = Policies.SchemeOfficials)]
public sealed class SubmissionsModel(
    TradeSubmissionDesk desk, SubmissionStatusBoard board, UploadStore files, ParticipantDirectory directory, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string SavedNotice = "intake-trade-saved";

    [BindProperty(SupportsGet = true, Name = "participant")]
    public string? Chosen { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? YearChosen { get; set; }

    public string? Participant { get; private set; }
    public int Year { get; private set; }
    public bool MaySend { get; private set; }
    public IReadOnlyList<string> Members { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public ParticipantSubmissions? Status { get; private set; }
    public IReadOnlyList<TradeRevision> Revisions { get; private set; } = [];
    public TradePreview? Preview { get; private set; }
    public FormErrors Errors { get; } = new();

    // The upload form, kept across the preview step.
    [BindProperty(Name = "quarter")]
    public int? Quarter { get; set; }

    [BindProperty(Name = "kind")]
    public string? Kind { get; set; }

    [BindProperty(Name = "note")]
    public string? Note { get; set; }

    [BindProperty(Name = "sha256")]
    public string? Sha256 { get; set; }

    [BindProperty(Name = "fileName")]
    public string? FileName { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Reads the file, keeps its bytes (by hash, on disk only) for the confirm step, and shows the report; nothing is recorded.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || !MaySend)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var input = new Input();
        var (quarter, kind) = ParseForm(input);
        if (file is null)
        {
            input.Add(InputCodes.Required, localizer["Intake.FileRequired"].Value, "file");
        }

        if (!input.IsValid)
        {
            Errors.Add(localizer, input.Errors);
            return Page();
        }

        var bytes = await IntakePages.ReadAsync(file!, ct);
        var outcome = await desk.UploadAsync(new TradeUpload(Participant!, Year, quarter, kind, file!.FileName, bytes, Note), User.Identity?.Name ?? "unknown", commit: false, ct);
        if (!outcome.Succeeded)
        {
            Errors.AddRules(localizer, outcome.Violations);
            return Page();
        }

        Preview = outcome.Value;
        FileName = Path.GetFileName(file.FileName);
        Sha256 = outcome.Value!.Problems.Count == 0 ? await files.SaveAsync(bytes, ct) : null;
        return Page();
    }

    /// <summary>Commits the previewed file (read back by its hash) as the quarter's next revision.</summary>
    public async Task<IActionResult> OnPostCommitAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || !MaySend)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var input = new Input();
        var (quarter, kind) = ParseForm(input);
        var bytes = Sha256 is { } sha ? await files.ReadAsync(sha, ct) : null;
        if (bytes is null)
        {
            input.Add(InputCodes.Required, localizer["Intake.FileRequired"].Value, "file");
        }

        if (!input.IsValid)
        {
            Errors.Add(localizer, input.Errors);
            return Page();
        }

        var outcome = await desk.UploadAsync(new TradeUpload(Participant!, Year, quarter, kind, FileName, bytes!, Note), User.Identity?.Name ?? "unknown", commit: true, ct);
        if (!outcome.Succeeded)
        {
            Errors.AddRules(localizer, outcome.Violations);
            return Page();
        }

        Notice = SavedNotice;
        return Redirect(Link(Year));
    }

    public string Link(int year) => "/statistics/submissions" + QueryString.Create(new Dictionary<string, string?>
    {
        ["participant"] = User.IsInRole(OpenKP.Accounts.Roles.Secretariat) ? Participant : null,
        ["year"] = year.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => kv.Value is not null));

    private (int Quarter, SubmissionKind Kind) ParseForm(Input input)
    {
        if (Quarter is not (>= 1 and <= 4))
        {
            input.Add(InputCodes.Required, localizer["Intake.QuarterRequired"].Value, "quarter");
        }

        var kind = input.Enum<SubmissionKind>(Kind, "kind");
        Note = string.IsNullOrWhiteSpace(Note) ? null : input.Text(Note, "note", 2000, required: false);
        return (Quarter ?? 0, kind);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Year = IntakePages.Year(YearChosen, clock);
        Years = IntakePages.Years(clock);
        Participant = IntakePages.ParticipantFor(User, Chosen);
        MaySend = IntakePages.MaySend(User);
        Members = User.IsInRole(OpenKP.Accounts.Roles.Secretariat) ? AnnualFigures.MembersIn(await directory.SnapshotAsync(ct), Year) : [];
        if (Participant is null)
        {
            return false;
        }

        Status = await board.ForParticipantAsync(Participant, Year, ct);
        Revisions = await desk.RevisionsAsync(Participant, Year, null, ct);
        return true;
    }
}
