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
using OpenKP.Web.Shared;

namespace OpenKP.Web.Pages.Compliance.AnnualReports;

/// <summary>
/// One annual report, as <c>GET /api/participants/{code}/annual-reports/{year}</c>: its sections; for the participant in
/// draft, the edit form (a textarea per section) and the submit step; for the secretariat once submitted, the
/// assessment form with the suggested completeness score. Each form goes through <see cref="AnnualReportDesk"/> like the API.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ReportModel(AnnualReportDesk desk, ComplianceDeadlineSettings settings, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public AnnualReportView Report { get; private set; } = null!;
    public string ParticipantName { get; private set; } = string.Empty;
    internal ComplianceReader Reader { get; private set; } = ComplianceReader.Anonymous;
    public bool MayEdit => Report.Status == "draft" && Reader.ActsFor(Report.Participant);
    public bool MayAssess => Report.Status == "submitted" && Reader.IsSecretariat;
    public FormErrors Errors { get; } = new();
    public string? Notice { get; private set; }

    /// <summary>What was typed, kept when a form comes back with a problem: sections by key, the assessment.</summary>
    public Dictionary<string, string?> Typed { get; } = [];

    public string? Text(string key) => Typed.TryGetValue(key, out var typed) ? typed : key switch
    {
        "legalFramework" => Report.LegalFramework,
        "internalControls" => Report.InternalControls,
        "artisanalAlluvial" => Report.ArtisanalAlluvial,
        "statisticsSummary" => Report.StatisticsSummary,
        "enforcement" => Report.Enforcement,
        "cooperation" => Report.Cooperation,
        "systemOfWarranties" => Report.SystemOfWarranties,
        "challenges" => Report.Challenges,
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync(string code, int year, CancellationToken ct)
    {
        if (await LoadAsync(code, year, ct) is { } refusal)
        {
            return refusal;
        }

        Notice = TempData[AnnualReportPages.NoticeKey] as string;
        return Page();
    }

    /// <summary>Saves the draft's sections, as <c>PUT …/{year}</c>.</summary>
    public Task<IActionResult> OnPostEditAsync(string code, int year, [FromForm] string? version, CancellationToken ct)
        => StepAsync(code, year, "saved", () =>
        {
            foreach (var s in AnnualReportSection.All)
            {
                Typed[s.Key] = Request.Form[s.Key].ToString();
            }

            var text = new AnnualReportText(Typed["legalFramework"], Typed["internalControls"], Typed["artisanalAlluvial"], Typed["statisticsSummary"],
                Typed["enforcement"], Typed["cooperation"], Typed["systemOfWarranties"], Typed["challenges"]);
            return desk.EditAsync(Reader, Report.Participant, year, text, Version(version), ct);
        }, ct);

    public Task<IActionResult> OnPostSubmitAsync(string code, int year, [FromForm] string? version, CancellationToken ct)
        => StepAsync(code, year, "submitted", () => desk.SubmitAsync(Reader, Report.Participant, year, Version(version), ct), ct);

    /// <summary>The assessment, as <c>POST …/{year}/assessment</c>: a blank score takes the suggested one.</summary>
    public Task<IActionResult> OnPostAssessAsync(string code, int year, [FromForm] string? comments, [FromForm] string? score, [FromForm] string? version, CancellationToken ct)
        => StepAsync(code, year, "assessed", () =>
        {
            (Typed["comments"], Typed["score"]) = (comments, score);
            var value = Report.SuggestedScore;
            if (!string.IsNullOrWhiteSpace(score) && !int.TryParse(score, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
            {
                return Task.FromResult(Outcome<AnnualReport>.Invalid(new Violation(InputCodes.InvalidNumber, "The completeness score is a whole number from 0 to 100.", "score")));
            }

            return desk.AssessAsync(Reader, Report.Participant, year, comments, value, Version(version), ct);
        }, ct);

    private static Guid? Version(string? version) => Guid.TryParse(version, out var v) ? v : null;

    private async Task<IActionResult> StepAsync(string code, int year, string notice, Func<Task<Outcome<AnnualReport>>> step, CancellationToken ct)
    {
        if (await LoadAsync(code, year, ct) is { } refusal)
        {
            return refusal;
        }

        var outcome = await step();
        if (!outcome.Succeeded)
        {
            Errors.AddRules(localizer, outcome.Violations);
            Response.StatusCode = Problems.StatusOf(outcome.Kind);
            return Page();
        }

        TempData[AnnualReportPages.NoticeKey] = notice;
        return Redirect(AnnualReportPages.Link(Report.Participant, year));
    }

    private async Task<IActionResult?> LoadAsync(string code, int year, CancellationToken ct)
    {
        Reader = ComplianceReaders.Of(User);
        if (!Reader.SeesShared)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!ParticipantCode.TryParse(code, out var participant))
        {
            return NotFound();
        }

        var found = await desk.FindAsync(Reader, participant.Value, year, ct);
        if (!found.Succeeded)
        {
            return NotFound();
        }

        Report = AnnualReportView.Of(found.Value!, settings);
        ParticipantName = await desk.NameOfAsync(participant.Value, ct);
        return null;
    }
}
