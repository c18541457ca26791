using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenKP.Compliance;
using OpenKP.Compliance.Documents;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Registry;
using OpenKP.Web.Shared;
using OpenKP.Web.Statistics;

namespace OpenKP.Web.Compliance;

/// <summary>Start the draft of a year's annual report.</summary>
public sealed record StartAnnualReportRequest(int? Year);

/// <summary>The template's sections (each replaces what the draft holds; null or blank empties it), under the version read.</summary>
public sealed record EditAnnualReportRequest(
    string? LegalFramework, string? InternalControls, string? ArtisanalAlluvial, string? StatisticsSummary,
    string? Enforcement, string? Cooperation, string? SystemOfWarranties, string? Challenges, Guid? Version)
{
    public AnnualReportText Text => new(LegalFramework, InternalControls, ArtisanalAlluvial, StatisticsSummary, Enforcement, Cooperation, SystemOfWarranties, Challenges);
}

/// <summary>A step that takes only the version read (submit).</summary>
public sealed record AnnualReportStepRequest(Guid? Version);

/// <summary>The Working Group on Monitoring's assessment: comments and a completeness score 0–100 (null takes the suggested score).</summary>
public sealed record AssessAnnualReportRequest(string? Comments, int? Score, Guid? Version);

/// <summary>
/// Annual reports (issue 7 item 4) and the compliance deadline sweep (item 9). Every route needs sign-in (401);
/// customs officers and operators are refused (403). Drafts: the participant's authority officers and the secretariat
/// (anyone else 404); submitted and assessed reports: every shared reader. The late and missing list: shared readers.
/// </summary>
internal static class AnnualReportEndpoints
{
    public static void Map(WebApplication app)
    {
        var all = app.MapGroup("/api/compliance/annual-reports").WithTags("Compliance: annual reports").RequireAuthorization(Policies.SignedIn);
        all.MapGet("/", List).WithSummary("Annual reports the caller sees (every submitted one, its own drafts), filtered by year, participant and status");
        all.MapGet("/status", Status).WithSummary("The late and missing list of a year: every member's report against the due date");

        app.MapPost("/api/compliance/deadlines/sweep", Sweep).WithTags("Compliance: annual reports").RequireAuthorization(Policies.Secretariat)
            .WithSummary("Send the deadline reminders due today (each once); the daily sweep does the same");

        var own = app.MapGroup("/api/participants/{code}/annual-reports").WithTags("Compliance: annual reports").RequireAuthorization(Policies.SignedIn);
        own.MapPost("/", Start).WithSummary("Start the draft of a year's report, its statistics summary prefilled from OpenKP's figures");
        own.MapGet("/{year:int}", Get).WithSummary("One report");
        own.MapPut("/{year:int}", Edit).WithSummary("Edit the draft's sections (the participant's authority officers or the secretariat)");
        own.MapPost("/{year:int}/submit", Submit).WithSummary("Submit the draft: read-only and shared from now");
        own.MapPost("/{year:int}/assessment", Assess).WithSummary("The Working Group on Monitoring's assessment (the secretariat)");
        own.MapGet("/{year:int}/pdf", Pdf).WithSummary("The report as PDF");
        own.MapGet("/{year:int}/docx", Docx).WithSummary("The report as Word");
    }

    private static ProblemHttpResult Refused() => Problems.Forbidden("Annual reports are the secretariat's, the participants' authority officers' and the observers'.");

    internal static async Task<Results<Ok<Paged<AnnualReportView>>, ProblemHttpResult>> List(
        ClaimsPrincipal user, AnnualReportDesk desk, ComplianceDeadlineSettings settings, int? year, string? participant, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        var reader = ComplianceReaders.Of(user);
        if (!reader.SeesShared)
        {
            return Refused();
        }

        var input = new Input();
        var filter = Filter(input, year, participant, status);
        var p = input.Page(page, "page", 1, 100_000);
        var size = input.Page(pageSize, "pageSize", 50, 500);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var found = await desk.ListAsync(reader, filter, p, size, ct);
        return TypedResults.Ok(new Paged<AnnualReportView>([.. found.Items.Select(r => AnnualReportView.Of(r, settings))], found.Page, found.PageSize, found.Total));
    }

    /// <summary>The list's filters, parsed (the pages share it).</summary>
    internal static AnnualReportFilter Filter(Input input, int? year, string? participant, string? status)
    {
        if (year is { } y)
        {
            StatisticsInput.Year(input, y);
        }

        return new AnnualReportFilter(
            year,
            string.IsNullOrWhiteSpace(participant) ? null : input.Code(participant, "participant"),
            string.IsNullOrWhiteSpace(status) ? null : input.Enum<AnnualReportStatus>(status, "status"));
    }

    internal static async Task<Results<Ok<AnnualReportStatusView>, ProblemHttpResult>> Status(
        ClaimsPrincipal user, AnnualReportDesk desk, TimeProvider clock, int? year, CancellationToken ct)
    {
        if (!ComplianceReaders.Of(user).SeesShared)
        {
            return Refused();
        }

        var today = clock.Today();
        var y = year ?? today.Year - 1;
        var input = new Input();
        StatisticsInput.Year(input, y);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        return TypedResults.Ok(AnnualReportStatusView.Of(await desk.StatusAsync(y, today, ct)));
    }

    internal static async Task<Ok<DeadlineSweepView>> Sweep(DeadlineSweeper sweeper, TimeProvider clock, CancellationToken ct)
        => TypedResults.Ok(DeadlineSweepView.Of(await sweeper.SweepAsync(clock.Today(), ct)));

    internal static async Task<Results<Created<AnnualReportView>, ProblemHttpResult>> Start(
        string code, StartAnnualReportRequest? request, ClaimsPrincipal user, AnnualReportDesk desk, ComplianceDeadlineSettings settings, CancellationToken ct)
    {
        var reader = ComplianceReaders.Of(user);
        if (!reader.SeesShared)
        {
            return Refused();
        }

        var input = new Input();
        var participant = input.Code(code, "code");
        if (request?.Year is null)
        {
            input.Add(InputCodes.Required, "'year' is required: the calendar year the report covers.", "year");
        }

        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await desk.StartAsync(reader, participant, request!.Year!.Value, ct);
        return outcome.Succeeded
            ? TypedResults.Created(Url(participant, outcome.Value!.Year), AnnualReportView.Of(outcome.Value, settings))
            : Problems.From(outcome);
    }

    internal static async Task<Results<Ok<AnnualReportView>, ProblemHttpResult>> Get(
        string code, int year, ClaimsPrincipal user, AnnualReportDesk desk, ComplianceDeadlineSettings settings, CancellationToken ct)
        => Read(code, user, out var reader, out var participant) is { } problem
            ? problem
            : View(await desk.FindAsync(reader, participant, year, ct), settings);

    internal static async Task<Results<Ok<AnnualReportView>, ProblemHttpResult>> Edit(
        string code, int year, EditAnnualReportRequest request, ClaimsPrincipal user, AnnualReportDesk desk, ComplianceDeadlineSettings settings, CancellationToken ct)
        => Read(code, user, out var reader, out var participant) is { } problem
            ? problem
            : View(await desk.EditAsync(reader, participant, year, request.Text, request.Version, ct), settings);

    internal static async Task<Results<Ok<AnnualReportView>, ProblemHttpResult>> Submit(
        string code, int year, AnnualReportStepRequest? request, ClaimsPrincipal user, AnnualReportDesk desk, ComplianceDeadlineSettings settings, CancellationToken ct)
        => Read(code, user, out var reader, out var participant) is { } problem
            ? problem
            : View(await desk.SubmitAsync(reader, participant, year, request?.Version, ct), settings);

    internal static async Task<Results<Ok<AnnualReportView>, ProblemHttpResult>> Assess(
        string code, int year, AssessAnnualReportRequest request, ClaimsPrincipal user, AnnualReportDesk desk, ComplianceDeadlineSettings settings, CancellationToken ct)
    {
        if (Read(code, user, out var reader, out var participant) is { } problem)
        {
            return problem;
        }

        var score = request.Score;
        if (score is null)
        {
            // No score given: the suggested one, from the report as it stands.
            var found = await desk.FindAsync(reader, participant, year, ct);
            if (!found.Succeeded)
            {
                return Problems.From(found);
            }

            score = AnnualReportSection.SuggestedScore(found.Value!);
        }

        return View(await desk.AssessAsync(reader, participant, year, request.Comments, score.Value, request.Version, ct), settings);
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Pdf(
        string code, int year, ClaimsPrincipal user, AnnualReportDesk desk, ComplianceDeadlineSettings settings, CancellationToken ct)
        => await Download(code, year, user, desk, settings, d => (DocumentPdf.Render(d), "application/pdf", "pdf"), ct);

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Docx(
        string code, int year, ClaimsPrincipal user, AnnualReportDesk desk, ComplianceDeadlineSettings settings, CancellationToken ct)
        => await Download(code, year, user, desk, settings,
            d => (DocumentDocx.Render(d), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"), ct);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(
        string code, int year, ClaimsPrincipal user, AnnualReportDesk desk, ComplianceDeadlineSettings settings,
        Func<ComplianceDocument, (byte[] Bytes, string Type, string Extension)> render, CancellationToken ct)
    {
        if (Read(code, user, out var reader, out var participant) is { } problem)
        {
            return problem;
        }

        var found = await desk.FindAsync(reader, participant, year, ct);
        if (!found.Succeeded)
        {
            return Problems.From(found);
        }

        var (bytes, type, extension) = render(AnnualReportDocument.Build(found.Value!, await desk.NameOfAsync(participant, ct), settings));
        return TypedResults.File(bytes, type, string.Create(CultureInfo.InvariantCulture, $"annual-report-{participant}-{year}.{extension}"));
    }

    /// <summary>The caller as a reader and the route's participant code, or the problem that stops it (403 for those outside compliance work, 400 for a bad code).</summary>
    private static ProblemHttpResult? Read(string code, ClaimsPrincipal user, out ComplianceReader reader, out string participant)
    {
        reader = ComplianceReaders.Of(user);
        participant = string.Empty;
        if (!reader.SeesShared)
        {
            return Refused();
        }

        var input = new Input();
        participant = input.Code(code, "code");
        return input.IsValid ? null : Problems.BadRequest(input.Errors);
    }

    private static string Url(string participant, int year) => string.Create(CultureInfo.InvariantCulture, $"/api/participants/{participant}/annual-reports/{year}");

    private static Results<Ok<AnnualReportView>, ProblemHttpResult> View(Outcome<AnnualReport> outcome, ComplianceDeadlineSettings settings)
        => outcome.Succeeded ? TypedResults.Ok(AnnualReportView.Of(outcome.Value!, settings)) : Problems.From(outcome);
}
