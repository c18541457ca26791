using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenKP.Shared;
using OpenKP.Statistics;
using OpenKP.Statistics.Intake;
using OpenKP.Web.Accounts;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Statistics;

/// <summary>
/// Statistics intake: templates, quarterly trade uploads from participants running national systems,
/// half-yearly production returns, and who is due or late. A participant's authority officers (and the
/// secretariat for it) send; its customs officers read; the secretariat sees everyone's status.
/// </summary>
internal static class IntakeEndpoints
{
    /// <summary>An upload may carry a file of <see cref="IntakeFile.MaxBytes"/> plus the multipart envelope; a larger file gets the clear 422.</summary>
    private static readonly Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute UploadLimit = new(IntakeFile.MaxBytes + (256 * 1024));

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/statistics/templates/{file}", Template).WithTags("Statistics intake").RequireAuthorization(Policies.SchemeOfficials)
            .WithSummary("A template: quarterly-figures, certificate-records or production, as .csv or .xlsx (header row, example row; the XLSX has a notes sheet)");
        app.MapGet("/api/statistics/submission-status", Overview).WithTags("Statistics intake").RequireAuthorization(Policies.Secretariat)
            .WithSummary("The secretariat's overview of a year: every participant's quarters and halves with due dates, statuses and revisions");

        var trade = app.MapGroup("/api/participants/{code}/trade-submissions").WithTags("Statistics intake");
        trade.MapPost("/", UploadTrade).RequireAuthorization(Policies.ParticipantAuthority).DisableAntiforgery().WithMetadata(UploadLimit)
            .WithSummary("Upload a quarter (multipart: file, year, quarter, kind quarterly-figures|certificate-records, note); preview=true checks and saves nothing; any bad row → 422 with every one");
        trade.MapGet("/", TradeQuarters).RequireAuthorization(Policies.ParticipantOfficials)
            .WithSummary("The year's quarters with due date, status and current revision (derived when the participant does not upload), and every revision");
        trade.MapGet("/revisions", TradeRevisions).RequireAuthorization(Policies.ParticipantOfficials)
            .WithSummary("Revisions of the year's quarters (or one quarter), newest first: who, when, file name, SHA-256, totals");
        trade.MapGet("/{id:long}/file", TradeFile).RequireAuthorization(Policies.ParticipantOfficials)
            .WithSummary("Download a revision's file exactly as uploaded");

        var production = app.MapGroup("/api/participants/{code}/production-returns").WithTags("Statistics intake");
        production.MapPost("/", SubmitProduction).RequireAuthorization(Policies.ParticipantAuthority).DisableAntiforgery().WithMetadata(UploadLimit)
            .WithSummary("Send a half year's return as JSON lines, or upload it (multipart: file, year, half, note); a correction is a new revision; preview=true saves nothing");
        production.MapGet("/", ProductionYear).RequireAuthorization(Policies.ParticipantOfficials)
            .WithSummary("The year's halves with due date, status and current revision, and every revision with its lines");
    }

    internal static Results<FileContentHttpResult, ProblemHttpResult> Template(string file)
    {
        var dot = file.LastIndexOf('.');
        var input = new Input();
        var kind = input.Enum<IntakeKind>(dot > 0 ? file[..dot] : file, "kind");
        var format = input.OneOf(dot > 0 ? file[(dot + 1)..] : null, "format", ["csv", "xlsx"]);
        if (format is null && input.IsValid)
        {
            input.Add(InputCodes.Required, "Name the template as kind.csv or kind.xlsx, e.g. quarterly-figures.xlsx.", "format");
        }

        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        return format == "csv"
            ? TypedResults.File(IntakeTemplates.Csv(kind), IntakeFile.CsvContentType + "; charset=utf-8", IntakeTemplates.FileName(kind, IntakeFormat.Csv))
            : TypedResults.File(IntakeTemplates.Xlsx(kind), IntakeFile.XlsxContentType, IntakeTemplates.FileName(kind, IntakeFormat.Xlsx));
    }

    internal static async Task<Results<Ok<TradePreviewView>, Created<TradeRevisionView>, ProblemHttpResult>> UploadTrade(
        string code, HttpRequest request, ClaimsPrincipal user, TradeSubmissionDesk desk, bool? preview, CancellationToken ct)
    {
        var input = new Input();
        var participant = input.Code(code, "code");
        var form = await FormAsync(request, ct);
        if (form is null)
        {
            return MalformedBody();
        }

        var year = Year(input, form.Year);
        var quarter = Period(input, form.Fields["quarter"].ToString(), "quarter", 4);
        var kind = input.Enum<SubmissionKind>(form.Fields["kind"].ToString(), "kind");
        var note = NullIfEmpty(input.Text(form.Fields["note"].ToString(), "note", 2000, required: false));
        RequireFile(input, form);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await desk.UploadAsync(new TradeUpload(participant, year, quarter, kind, form.FileName, form.Bytes!, note), By(user), commit: preview != true, ct);
        if (!outcome.Succeeded)
        {
            return ProblemOf(outcome);
        }

        if (preview == true)
        {
            return TypedResults.Ok(TradePreviewView.Of(outcome.Value!));
        }

        var saved = (await desk.RevisionsAsync(participant, year, quarter, ct))[0];
        return TypedResults.Created($"/api/participants/{participant}/trade-submissions/revisions?year={year}&quarter={quarter}", TradeRevisionView.Of(saved));
    }

    internal static async Task<Results<Ok<TradeQuartersView>, ProblemHttpResult>> TradeQuarters(
        string code, int? year, SubmissionStatusBoard board, TradeSubmissionDesk desk, TimeProvider clock, CancellationToken ct)
    {
        var input = new Input();
        var participant = input.Code(code, "code");
        var y = OptionalYear(input, year, clock);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var status = await board.ForParticipantAsync(participant, y, ct);
        var revisions = await desk.RevisionsAsync(participant, y, null, ct);
        return TypedResults.Ok(new TradeQuartersView(participant, y, status.UploadsTrade, [.. status.Quarters.Select(PeriodStatusView.Of)], [.. revisions.Select(TradeRevisionView.Of)]));
    }

    internal static async Task<Results<Ok<IReadOnlyList<TradeRevisionView>>, ProblemHttpResult>> TradeRevisions(
        string code, int? year, int? quarter, TradeSubmissionDesk desk, TimeProvider clock, CancellationToken ct)
    {
        var input = new Input();
        var participant = input.Code(code, "code");
        var y = OptionalYear(input, year, clock);
        if (quarter is not (null or (>= 1 and <= 4)))
        {
            input.Add(InputCodes.InvalidValue, "'quarter' is 1 to 4.", "quarter");
        }

        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        return TypedResults.Ok<IReadOnlyList<TradeRevisionView>>([.. (await desk.RevisionsAsync(participant, y, quarter, ct)).Select(TradeRevisionView.Of)]);
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> TradeFile(string code, long id, TradeSubmissionDesk desk, CancellationToken ct)
    {
        var input = new Input();
        var participant = input.Code(code, "code");
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await desk.FileAsync(participant, id, ct);
        if (!outcome.Succeeded)
        {
            return Problems.From(outcome);
        }

        var (submission, bytes) = outcome.Value;
        var xlsx = IntakeFile.Identify(bytes) == IntakeFormat.Xlsx;
        var name = submission.FileName ?? string.Create(CultureInfo.InvariantCulture, $"{submission.ParticipantCode}-{submission.Quarter}-r{submission.Revision}.{(xlsx ? "xlsx" : "csv")}");
        return TypedResults.File(bytes, xlsx ? IntakeFile.XlsxContentType : IntakeFile.CsvContentType + "; charset=utf-8", name);
    }

    internal static async Task<Results<Ok<ProductionPreviewView>, Created<ProductionRevisionView>, ProblemHttpResult>> SubmitProduction(
        string code, HttpRequest request, ClaimsPrincipal user, ProductionReturnDesk desk, bool? preview, CancellationToken ct)
    {
        var input = new Input();
        var participant = input.Code(code, "code");
        var commit = preview != true;
        Outcome<ProductionPreview> outcome;
        int year;
        int half;
        if (request.HasFormContentType)
        {
            var form = await FormAsync(request, ct);
            if (form is null)
            {
                return MalformedBody();
            }

            year = Year(input, form.Year);
            half = Period(input, form.Fields["half"].ToString(), "half", 2);
            var note = NullIfEmpty(input.Text(form.Fields["note"].ToString(), "note", 1500, required: false));
            RequireFile(input, form);
            if (!input.IsValid)
            {
                return Problems.BadRequest(input.Errors);
            }

            outcome = await desk.UploadAsync(participant, new HalfYear(year, half), form.FileName, form.Bytes!, note, By(user), commit, ct);
        }
        else
        {
            ProductionReturnRequest? body;
            try
            {
                body = await request.ReadFromJsonAsync<ProductionReturnRequest>(ct);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
            {
                return MalformedBody();
            }

            year = body?.Year is { } y ? Year(input, y.ToString(CultureInfo.InvariantCulture)) : Year(input, null);
            half = Period(input, body?.Half?.ToString(CultureInfo.InvariantCulture), "half", 2);
            var note = NullIfEmpty(input.Text(body?.Note, "note", 2000, required: false));
            if (body?.Lines is { Count: > 1000 })
            {
                input.Add(InputCodes.TooLong, "A return has at most 1,000 lines.", "lines");
            }

            if (!input.IsValid)
            {
                return Problems.BadRequest(input.Errors);
            }

            var lines = (body!.Lines ?? []).Select(l => new ProductionLineInput(l?.MiningType, l?.HsCode, l?.Carats, l?.Usd)).ToList();
            outcome = await desk.EnterAsync(participant, new HalfYear(year, half), lines, note, By(user), commit, ct);
        }

        if (!outcome.Succeeded)
        {
            return ProblemOf(outcome);
        }

        if (!commit)
        {
            return TypedResults.Ok(ProductionPreviewView.Of(outcome.Value!));
        }

        var saved = (await desk.RevisionsAsync(participant, year, half, ct))[0];
        return TypedResults.Created($"/api/participants/{participant}/production-returns?year={year}", ProductionRevisionView.Of(saved));
    }

    internal static async Task<Results<Ok<ProductionYearView>, ProblemHttpResult>> ProductionYear(
        string code, int? year, SubmissionStatusBoard board, ProductionReturnDesk desk, TimeProvider clock, CancellationToken ct)
    {
        var input = new Input();
        var participant = input.Code(code, "code");
        var y = OptionalYear(input, year, clock);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var status = await board.ForParticipantAsync(participant, y, ct);
        var revisions = await desk.RevisionsAsync(participant, y, null, ct);
        return TypedResults.Ok(new ProductionYearView(participant, y, [.. status.Halves.Select(PeriodStatusView.Of)], [.. revisions.Select(ProductionRevisionView.Of)]));
    }

    internal static async Task<Results<Ok<IReadOnlyList<SubmissionStatusView>>, ProblemHttpResult>> Overview(int? year, SubmissionStatusBoard board, TimeProvider clock, CancellationToken ct)
    {
        var input = new Input();
        var y = OptionalYear(input, year, clock);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        return TypedResults.Ok<IReadOnlyList<SubmissionStatusView>>([.. (await board.ForYearAsync(y, ct)).Select(SubmissionStatusView.Of)]);
    }

    // ---- Helpers ---------------------------------------------------------------------------------

    /// <summary>A multipart upload: its fields, and the file's name and bytes (at most <see cref="IntakeFile.MaxBytes"/> + 1 read).</summary>
    internal sealed record UploadForm(IFormCollection Fields, string? FileName, byte[]? Bytes)
    {
        public string Year => Fields["year"].ToString();
    }

    internal static async Task<UploadForm?> FormAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException)
        {
            return null;
        }

        var file = form.Files.GetFile("file");
        return new UploadForm(form, file?.FileName, file is null ? null : await ReadAtMostAsync(file, ct));
    }

    /// <summary>The file's bytes, stopping one past the limit so an oversized file is refused without reading it all.</summary>
    internal static async Task<byte[]> ReadAtMostAsync(IFormFile file, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= IntakeFile.MaxBytes && (read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static void RequireFile(Input input, UploadForm form)
    {
        if (form.Bytes is null)
        {
            input.Add(InputCodes.Required, "'file' is required: the CSV or XLSX file to upload.", "file");
        }
    }

    internal static int Year(Input input, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            input.Add(InputCodes.Required, "'year' is required.", "year");
            return 0;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            year = 0;
        }

        if (!StatisticsInput.Year(input, year))
        {
            return 0;
        }

        return year;
    }

    internal static int Period(Input input, string? value, string field, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            input.Add(InputCodes.Required, $"'{field}' is required: 1 to {max}.", field);
            return 0;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > max)
        {
            input.Add(InputCodes.InvalidValue, $"'{field}' is 1 to {max}.", field);
            return 0;
        }

        return n;
    }

    internal static int OptionalYear(Input input, int? year, TimeProvider clock)
    {
        var y = year ?? clock.GetUtcNow().Year;
        StatisticsInput.Year(input, y);

        return y;
    }

    /// <summary>A file that is neither CSV nor XLSX is 415 Unsupported Media Type; every other failure maps as usual.</summary>
    private static ProblemHttpResult ProblemOf<T>(Outcome<T> outcome)
        => outcome.Violations is [{ Code: IntakeCodes.UploadTypeNotSupported }]
            ? Problems.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported file type", outcome.Violations)
            : Problems.From(outcome);

    private static string By(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static ProblemHttpResult MalformedBody()
        => Problems.BadRequest([new Violation(PlatformCodes.MalformedBody, "The body is not what this endpoint reads: multipart form data with 'file' and its fields (or, for production returns, JSON {year, half, lines}).")]);
}
