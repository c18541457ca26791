using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Shared;
using OpenKP.Shipments;
using OpenKP.Web.Accounts;
using OpenKP.Web.Pages.Shipments;
using OpenKP.Web.Portal;
using OpenKP.Web.Registry;
using OpenKP.Web.Shared;
using OpenKP.Web.Shipments;

namespace OpenKP.Web.Pages.Cases;

/// <summary>
/// A detention case for the officials of both participants and the secretariat (others: 404), as <c>GET /api/cases/{id}</c>:
/// the discrepancies, the one-month clock for telling the issuing authority, the notes with their evidence; either side's
/// officials add a note (with a PDF, PNG or JPEG); the importing side's resolve it (<see cref="DetentionCases.ResolveAsync"/>).
/// </summary>
[Authorize(Policy = Policies.SchemeOfficials)]
[RequestSizeLimit(ShipmentPages.MaxUploadBytes)]
public sealed class DetailsModel(DetentionCases cases, OpenKpEnvironment environment, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string NoteAdded = "note-added";
    public const string Resolved = "resolved";

    public static readonly IReadOnlyList<string> Resolutions = [.. Enum.GetValues<CaseResolution>().Select(r => Input.Kebab(r))];

    public DetentionCase Case { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    /// <summary>Days left to tell the issuing authority (negative once past).</summary>
    public int DaysLeft => Case.NotifyBy.DayNumber - Today.DayNumber;

    /// <summary>An official of either participant (the secretariat reads only).</summary>
    public bool MayAddNote { get; private set; }

    /// <summary>An official of the importing participant, while the case is open.</summary>
    public bool MayResolve { get; private set; }

    public string? Notice { get; private set; }
    public FormErrors Errors { get; } = new();

    /// <summary>What was typed, kept when a form comes back with a problem.</summary>
    public string? Text { get; private set; }
    public string? Resolution { get; private set; }
    public string? ResolutionNote { get; private set; }

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

    /// <summary>Adds a note, with an evidence file when one is chosen, as <c>POST /api/cases/{id}/notes</c>.</summary>
    public async Task<IActionResult> OnPostNoteAsync(long id, [FromForm] string? text, IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        if (!MayAddNote)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Text = text;
        var input = new Input();
        var note = input.Text(text, "text", 4000);
        if (!input.IsValid)
        {
            return Failed(input.Errors, StatusCodes.Status400BadRequest, rules: false);
        }

        var upload = file is { Length: > 0 } ? file : null;
        await using var stream = upload?.OpenReadStream();
        var outcome = await cases.AddNoteAsync(Actor, id, note, upload?.FileName, stream, ct);
        if (!outcome.Succeeded)
        {
            return Failed(outcome.Violations, Problems.StatusOf(outcome.Kind), rules: true);
        }

        TempData[ShipmentPages.NoticeKey] = NoteAdded;
        return Redirect(Link(id));
    }

    public async Task<IActionResult> OnPostResolveAsync(long id, [FromForm] string? resolution, [FromForm] string? note, [FromForm] string? version, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        (Resolution, ResolutionNote) = (resolution, note);
        var input = new Input();
        var r = input.Enum<CaseResolution>(resolution, "resolution");
        var text = input.Text(note, "note", 2000);
        if (!input.IsValid)
        {
            return Failed(input.Errors, StatusCodes.Status400BadRequest, rules: false);
        }

        var outcome = await cases.ResolveAsync(Actor, id, r, text, Guid.TryParse(version, out var v) ? v : null, ct);
        if (!outcome.Succeeded)
        {
            return Failed(outcome.Violations, Problems.StatusOf(outcome.Kind), rules: true);
        }

        TempData[ShipmentPages.NoticeKey] = Resolved;
        return Redirect(Link(id));
    }

    public static string Link(long id) => "/cases/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private PageResult Failed(IEnumerable<Violation> violations, int status, bool rules)
    {
        var arranged = violations.Select(v => v with { Field = v.Field is "text" or "file" or "resolution" or "note" ? v.Field : string.Empty }).ToList();
        if (rules)
        {
            Errors.AddRules(localizer, arranged);
        }
        else
        {
            Errors.Add(localizer, arranged, form: "case");
        }

        Response.StatusCode = status;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var actor = Actor;
        var found = await cases.FindAsync(actor, id, ct);
        if (!found.Succeeded)
        {
            return NotFound();
        }

        Case = found.Value!;
        Today = clock.Today();
        MayAddNote = !actor.IsSecretariat && actor.Participant is not null;
        MayResolve = Case.Resolution is null && !actor.IsSecretariat && actor.Participant == Case.ImportingParticipant;
        return null;
    }
}
