using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenKP.Compliance;
using OpenKP.Compliance.Documents;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Shared;
using OpenKP.Web.Statistics;

namespace OpenKP.Web.Compliance;

/// <summary>Draft the Chair's report of a year.</summary>
public sealed record CreateChairReportRequest(int? Year);

/// <summary>One narrative section's text in one language (blank: back to the default drafted from the figures), under the version read.</summary>
public sealed record ChairReportSectionRequest(string? Text, Guid? Version);

public sealed record ChairReportStepRequest(Guid? Version);

/// <summary>
/// The Chair's annual report to the UN General Assembly (compliance item 7). The secretariat drafts, writes the
/// narrative, issues and sees drafts; an issued report is public, downloadable by anyone as the UN publishes it;
/// a draft is "not found" for anyone but the secretariat.
/// </summary>
internal static class ChairReportEndpoints
{
    public static void Map(WebApplication app)
    {
        var reports = app.MapGroup("/api/compliance/chair-reports").WithTags("Compliance: the Chair's report");
        reports.MapGet("/", List).AllowAnonymous().WithSummary("The Chair's reports (issued ones for everyone; drafts for the secretariat)");
        reports.MapPost("/", Create).RequireAuthorization(Policies.Secretariat).WithSummary("Draft the Chair's report for a year");
        reports.MapGet("/{year:int}", Get).AllowAnonymous().WithSummary("A report with its figures and narrative (a draft for the secretariat only)");
        reports.MapPut("/{year:int}/sections/{key}/{lang}", EditSection).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Write one narrative section in one language of a draft");
        reports.MapPost("/{year:int}/issue", Issue).RequireAuthorization(Policies.Secretariat).WithSummary("Issue the report: figures and narrative frozen");
        reports.MapGet("/{year:int}/report.{format}", Download).AllowAnonymous().WithSummary("The report as DOCX, PDF or HTML, in English or French (?lang=en|fr)");
    }

    internal static async Task<Results<Ok<Paged<ChairReportSummary>>, ProblemHttpResult>> List(ClaimsPrincipal user, ChairReportDesk desk, int? page, int? pageSize, CancellationToken ct)
    {
        var input = new Input();
        var p = input.Page(page, "page", 1, 100_000);
        var size = input.Page(pageSize, "pageSize", 50, 500);
        return input.IsValid ? TypedResults.Ok(await desk.ListAsync(ComplianceReaders.Of(user), p, size, ct)) : Problems.BadRequest(input.Errors);
    }

    internal static async Task<Results<Created<ChairReportView>, ProblemHttpResult>> Create(CreateChairReportRequest request, ClaimsPrincipal user, ChairReportDesk desk, CancellationToken ct)
    {
        var input = new Input();
        if (request.Year is not { } year)
        {
            input.Add(InputCodes.Required, "'year' is required.", "year");
            year = 0;
        }
        else
        {
            StatisticsInput.Year(input, year);
        }

        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await desk.CreateAsync(ComplianceReaders.Of(user), year, ct);
        return outcome.Succeeded ? TypedResults.Created($"/api/compliance/chair-reports/{year}", outcome.Value) : Problems.From(outcome);
    }

    internal static async Task<Results<Ok<ChairReportView>, ProblemHttpResult>> Get(int year, ClaimsPrincipal user, ChairReportDesk desk, CancellationToken ct)
        => View(await desk.FindAsync(ComplianceReaders.Of(user), year, ct));

    internal static async Task<Results<Ok<ChairReportView>, ProblemHttpResult>> EditSection(
        int year, string key, string lang, ChairReportSectionRequest request, ClaimsPrincipal user, ChairReportDesk desk, CancellationToken ct)
    {
        var input = new Input();
        var text = input.Text(request.Text, "text", 20_000, required: false);
        return input.IsValid
            ? View(await desk.EditSectionAsync(ComplianceReaders.Of(user), year, key, lang, text, request.Version, ct))
            : Problems.BadRequest(input.Errors);
    }

    internal static async Task<Results<Ok<ChairReportView>, ProblemHttpResult>> Issue(int year, ChairReportStepRequest? request, ClaimsPrincipal user, ChairReportDesk desk, CancellationToken ct)
        => View(await desk.IssueAsync(ComplianceReaders.Of(user), year, request?.Version, ct));

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(
        int year, string format, string? lang, ClaimsPrincipal user, ChairReportDesk desk, CancellationToken ct)
    {
        var language = string.IsNullOrWhiteSpace(lang) ? "en" : lang;
        if (!ChairReportLabels.IsSupported(language))
        {
            return Problems.BadRequest(ChairReportCodes.LanguageUnsupported, $"'lang' is one of {string.Join(", ", ChairReportLabels.Languages)}.", "lang");
        }

        if (format is not ("docx" or "pdf" or "html"))
        {
            return Problems.NotFound(ChairReportCodes.FormatUnsupported, "The report is downloaded as report.docx, report.pdf or report.html.", "format");
        }

        var found = await desk.FindAsync(ComplianceReaders.Of(user), year, ct);
        if (!found.Succeeded)
        {
            return Problems.From(found);
        }

        return File(ChairReportDocument.Build(found.Value!, language), year, language, format);
    }

    /// <summary>The rendered document as a download (the pages share it).</summary>
    internal static FileContentHttpResult File(ComplianceDocument document, int year, string language, string format) => format switch
    {
        "docx" => TypedResults.File(DocumentDocx.Render(document), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ChairReportDocument.FileName(year, language, "docx")),
        "pdf" => TypedResults.File(DocumentPdf.Render(document), "application/pdf", ChairReportDocument.FileName(year, language, "pdf")),
        _ => TypedResults.File(System.Text.Encoding.UTF8.GetBytes(DocumentHtml.Render(document)), "text/html; charset=utf-8", ChairReportDocument.FileName(year, language, "html")),
    };

    private static Results<Ok<ChairReportView>, ProblemHttpResult> View(Outcome<ChairReportView> outcome)
        => outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : Problems.From(outcome);
}
