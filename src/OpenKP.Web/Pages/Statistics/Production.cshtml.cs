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
/// A participant's half-yearly production returns, as <c>/api/participants/{code}/production-returns</c>:
/// the halves with due date and status, a form to enter a return (or a correction: a new revision), an
/// upload with a preview step, and every revision with its lines.
/// </summary>
[Authorize(Policy = Policies.SchemeOfficials)]
public sealed class ProductionModel(
    ProductionReturnDesk desk, SubmissionStatusBoard board, UploadStore files, ParticipantDirectory directory, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string SavedNotice = "intake-production-saved";
    public const int FormLines = 4;

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
    public IReadOnlyList<ProductionRevision> Revisions { get; private set; } = [];
    public ProductionPreview? Preview { get; private set; }
    public IReadOnlyList<RowProblem> LineProblems { get; private set; } = [];
    public FormErrors Errors { get; } = new();

    [BindProperty(Name = "half")]
    public int? Half { get; set; }

    [BindProperty(Name = "note")]
    public string? Note { get; set; }

    [BindProperty(Name = "lines")]
    public List<LineForm> Lines { get; set; } = [];

    [BindProperty(Name = "sha256")]
    public string? Sha256 { get; set; }

    [BindProperty(Name = "fileName")]
    public string? FileName { get; set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>A line of the entry form: amounts as typed (invariant, '.' decimal separator).</summary>
    public sealed class LineForm
    {
        public string? MiningType { get; set; }
        public string? HsCode { get; set; }
        public string? Carats { get; set; }
        public string? Usd { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Saves the typed-in lines (blank lines skipped) as the half year's next revision; every bad line is reported by its number.</summary>
    public async Task<IActionResult> OnPostEnterAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || !MaySend)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var input = new Input();
        var half = ParseHalf(input);
        var lines = new List<ProductionLineInput>();
        for (var i = 0; i < Lines.Count; i++)
        {
            var l = Lines[i];
            if (string.IsNullOrWhiteSpace(l.Carats) && string.IsNullOrWhiteSpace(l.Usd) && string.IsNullOrWhiteSpace(l.HsCode))
            {
                continue;
            }

            lines.Add(new ProductionLineInput(l.MiningType, l.HsCode, input.Amount(l.Carats, $"lines[{i}].carats"), input.Amount(l.Usd, $"lines[{i}].usd")));
        }

        if (!input.IsValid)
        {
            Errors.Add(localizer, input.Errors);
            return Page();
        }

        var outcome = await desk.EnterAsync(Participant!, new HalfYear(Year, half), lines, Note, User.Identity?.Name ?? "unknown", commit: true, ct);
        return Saved(outcome);
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || !MaySend)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var input = new Input();
        var half = ParseHalf(input);
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
        var outcome = await desk.UploadAsync(Participant!, new HalfYear(Year, half), file!.FileName, bytes, Note, User.Identity?.Name ?? "unknown", commit: false, ct);
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

    public async Task<IActionResult> OnPostCommitAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || !MaySend)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var input = new Input();
        var half = ParseHalf(input);
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

        return Saved(await desk.UploadAsync(Participant!, new HalfYear(Year, half), FileName, bytes!, Note, User.Identity?.Name ?? "unknown", commit: true, ct));
    }

    public string Link(int year) => "/statistics/production" + QueryString.Create(new Dictionary<string, string?>
    {
        ["participant"] = User.IsInRole(OpenKP.Accounts.Roles.Secretariat) ? Participant : null,
        ["year"] = year.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => kv.Value is not null));

    private IActionResult Saved(Outcome<ProductionPreview> outcome)
    {
        if (!outcome.Succeeded)
        {
            // Bad lines are listed in the report table by line number; anything else goes to the summary.
            LineProblems = [.. outcome.Violations.Where(v => v.Field?.StartsWith("rows[", StringComparison.Ordinal) == true).Select(ToProblem)];
            Errors.AddRules(localizer, outcome.Violations.Where(v => v.Field?.StartsWith("rows[", StringComparison.Ordinal) != true));
            return Page();
        }

        Notice = SavedNotice;
        return Redirect(Link(Year));
    }

    private static RowProblem ToProblem(Violation v)
    {
        var field = v.Field!;
        var close = field.IndexOf(']', StringComparison.Ordinal);
        var row = int.Parse(field[5..close], CultureInfo.InvariantCulture);
        var message = v.Message;
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        return new RowProblem(row, field[(close + 2)..], v.Code, colon > 0 ? message[(colon + 2)..] : message);
    }

    private int ParseHalf(Input input)
    {
        if (Half is not (1 or 2))
        {
            input.Add(InputCodes.Required, localizer["Intake.HalfRequired"].Value, "half");
        }

        Note = string.IsNullOrWhiteSpace(Note) ? null : input.Text(Note, "note", 1500, required: false);
        return Half ?? 0;
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Year = IntakePages.Year(YearChosen, clock);
        Years = IntakePages.Years(clock);
        Participant = IntakePages.ParticipantFor(User, Chosen);
        MaySend = IntakePages.MaySend(User);
        Members = User.IsInRole(OpenKP.Accounts.Roles.Secretariat) ? AnnualFigures.MembersIn(await directory.SnapshotAsync(ct), Year) : [];
        while (Lines.Count < FormLines)
        {
            Lines.Add(new LineForm { MiningType = Lines.Count == 1 ? "artisanal-alluvial" : "industrial" });
        }

        if (Participant is null)
        {
            return false;
        }

        Status = await board.ForParticipantAsync(Participant, Year, ct);
        Revisions = await desk.RevisionsAsync(Participant, Year, null, ct);
        return true;
    }
}
