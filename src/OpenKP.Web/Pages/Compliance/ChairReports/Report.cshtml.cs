using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Compliance;
using OpenKP.Shared;
using OpenKP.Web.Compliance;
using OpenKP.Web.Portal;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Pages.Compliance.ChairReports;

/// <summary>
/// One year's Chair's report, as <c>GET /api/compliance/chair-reports/{year}</c>: the figures drafted from the data,
/// the narrative in English and French (the secretariat writes it while the report is a draft), the issue button and
/// the downloads (DOCX, PDF, HTML in each language). A draft is "not found" for anyone but the secretariat.
/// </summary>
public sealed class ReportModel(ChairReportDesk desk, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public ChairReportView Report { get; private set; } = null!;
    public bool IsSecretariat { get; private set; }
    public bool MayEdit => IsSecretariat && !Report.IsIssued;
    public FormErrors Errors { get; } = new();
    public string? Notice { get; private set; }

    /// <summary>The language the figures are shown in: the page's, French or English.</summary>
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" ? "fr" : "en";

    public static string Link(int year) => "/compliance/chair-reports/" + year.ToString(CultureInfo.InvariantCulture);

    public static string Download(int year, string format, string language) => Link(year) + "?handler=download&format=" + format + "&lang=" + language;

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken ct)
    {
        if (!await LoadAsync(year, ct))
        {
            return NotFound();
        }

        Notice = TempData["ChairReports.Notice"] as string;
        return Page();
    }

    /// <summary>The report as a file, as <c>GET /api/compliance/chair-reports/{year}/report.{format}?lang=</c>.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(int year, string? format, string? lang, CancellationToken ct)
    {
        if (!await LoadAsync(year, ct) || format is not ("docx" or "pdf" or "html") || !ChairReportLabels.IsSupported(lang))
        {
            return NotFound();
        }

        var file = ChairReportEndpoints.File(ChairReportDocument.Build(Report, lang!), year, lang!, format);
        return File(file.FileContents.ToArray(), file.ContentType ?? "application/octet-stream", file.FileDownloadName);
    }

    /// <summary>Writes one section in one language, as <c>PUT …/{year}/sections/{key}/{lang}</c>.</summary>
    public Task<IActionResult> OnPostSectionAsync(int year, [FromForm] string? key, [FromForm] string? lang, [FromForm] string? text, [FromForm] string? version, CancellationToken ct)
        => StepAsync(year, "saved", input =>
        {
            var value = input.Text(text, Field(key ?? "", lang ?? ""), 20_000, required: false);
            return input.IsValid ? desk.EditSectionAsync(ComplianceReaders.Of(User), year, key ?? "", lang ?? "", value, Version(version), ct) : null;
        }, ct);

    /// <summary>Issues the report, as <c>POST …/{year}/issue</c>.</summary>
    public Task<IActionResult> OnPostIssueAsync(int year, [FromForm] string? version, CancellationToken ct)
        => StepAsync(year, "issued", _ => desk.IssueAsync(ComplianceReaders.Of(User), year, Version(version), ct), ct);

    /// <summary>The form field of a section's text in a language.</summary>
    public static string Field(string key, string language) => "text-" + key + "-" + language;

    private static Guid? Version(string? version) => Guid.TryParse(version, out var v) ? v : null;

    private async Task<IActionResult> StepAsync(int year, string notice, Func<Input, Task<Outcome<ChairReportView>>?> step, CancellationToken ct)
    {
        if (!ComplianceReaders.Of(User).IsSecretariat)
        {
            return User.Identity?.IsAuthenticated == true ? StatusCode(StatusCodes.Status403Forbidden) : Challenge();
        }

        if (!await LoadAsync(year, ct))
        {
            return NotFound();
        }

        var input = new Input();
        if (step(input) is not { } running)
        {
            Errors.Add(localizer, input.Errors);
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

        TempData["ChairReports.Notice"] = notice;
        return Redirect(Link(year));
    }

    private async Task<bool> LoadAsync(int year, CancellationToken ct)
    {
        var reader = ComplianceReaders.Of(User);
        var found = await desk.FindAsync(reader, year, ct);
        if (!found.Succeeded)
        {
            return false;
        }

        Report = found.Value!;
        IsSecretariat = reader.IsSecretariat;
        return true;
    }
}
