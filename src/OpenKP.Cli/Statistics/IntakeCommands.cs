using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using OpenKP.Cli.Certificates;
using OpenKP.Cli.Shared;
using OpenKP.Shared;
using OpenKP.Statistics.Intake;
using Spectre.Console;

namespace OpenKP.Cli.Statistics;

/// <summary>
/// <c>openkp statistics template | upload | production submit | production list</c>: the templates
/// (written locally), quarterly trade uploads and production returns (server only, as the participant's
/// authority officer or the secretariat). A rejected file prints every bad row as a table and exits 1.
/// </summary>
internal static partial class IntakeCommands
{
    private const string ServerOnly =
        "Statistics are sent to the server as a participant's authority officer (or the secretariat): add --server URL and sign in with --user NAME or --token TOKEN.";

    public static void AddTo(RootCommand root, CliContext context, GlobalOptions globals)
    {
        // Other statistics commands may add to the same group.
        var statistics = root.Subcommands.FirstOrDefault(c => c.Name == "statistics");
        if (statistics is null)
        {
            statistics = new Command("statistics", "KP statistics: templates, quarterly trade uploads, production returns");
            root.Subcommands.Add(statistics);
        }

        statistics.Subcommands.Add(Template(context, globals));
        statistics.Subcommands.Add(Upload(context, globals));

        var production = new Command("production", "Half-yearly production returns: submit (typed lines or a file), list");
        production.Subcommands.Add(SubmitProduction(context, globals));
        production.Subcommands.Add(ListProduction(context, globals));
        statistics.Subcommands.Add(production);
    }

    private static Command Template(CliContext context, GlobalOptions globals)
    {
        var kind = new Option<string>("--kind") { Description = "quarterly-figures, certificate-records or production", Required = true };
        var format = new Option<string>("--format") { Description = "csv or xlsx (default xlsx)" };
        var output = new Option<string>("--out") { Description = "Where to write it (default: the template's name in the current folder)" };
        var command = new Command("template", "Writes an upload template: header row, an example row, and (XLSX) a notes sheet. No server needed.") { kind, format, output };
        command.SetAction(CliRun.Action(context, globals, (parse, run, ct) =>
        {
            var input = new Input();
            var k = input.Enum<IntakeKind>(parse.GetValue(kind), "--kind");
            var f = input.OneOf(parse.GetValue(format), "--format", ["csv", "xlsx"]) == "csv" ? IntakeFormat.Csv : IntakeFormat.Xlsx;
            if (!input.IsValid)
            {
                return Task.FromResult(run.Output.Fail(new Problem(input.Errors)));
            }

            var path = Path.GetFullPath(parse.GetValue(output) is { Length: > 0 } o ? o : IntakeTemplates.FileName(k, f));
            var bytes = f == IntakeFormat.Csv ? IntakeTemplates.Csv(k) : IntakeTemplates.Xlsx(k);
            try
            {
                File.WriteAllBytes(path, bytes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Task.FromResult(run.Output.Fail(Problem.Of(InputCodes.InvalidValue, $"Could not write {path}: {e.Message}", "--out")));
            }

            if (run.Output.Json)
            {
                run.Output.Verbatim(System.Text.Json.JsonSerializer.Serialize(new { kind = Input.Kebab(k), format = Input.Kebab(f), path, columns = IntakeColumns.Of(k).Select(c => c.Name) }));
            }
            else
            {
                run.Output.Console.MarkupLine(Output.Text($"WROTE  {path} ({string.Join(", ", IntakeColumns.Of(k).Select(c => c.Name))})"));
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static Command Upload(CliContext context, GlobalOptions globals)
    {
        var participant = new Option<string>("--participant") { Description = "The participant whose quarter it is (its officers: their own)", Required = true };
        var year = new Option<int>("--year") { Description = "The year", Required = true };
        var quarter = new Option<int>("--quarter") { Description = "1 to 4", Required = true };
        var kind = new Option<string>("--kind") { Description = "quarterly-figures or certificate-records", Required = true };
        var file = new Option<string>("--file") { Description = "The CSV or XLSX file (at most 10 MB; the server reads the content, not the name)", Required = true };
        var note = new Option<string>("--note") { Description = "A note kept with the revision" };
        var preview = new Option<bool>("--preview") { Description = "Only check the file and show its totals; nothing is saved" };
        var command = new Command("upload", "Uploads a quarter of trade data as the next revision; every bad row is listed and nothing is saved") { participant, year, quarter, kind, file, note, preview };
        command.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var code = input.Code(parse.GetValue(participant), "--participant");
            var k = input.OneOf(parse.GetValue(kind), "--kind", ["quarterly-figures", "certificate-records"]) ?? Missing(input, "--kind");
            var problems = new List<Violation>(input.Errors);
            var path = Path.GetFullPath(parse.GetValue(file)!);
            var bytes = TrustFiles.Read(path, "--file", problems);
            if (problems.Count > 0)
            {
                return run.Output.Fail(new Problem(problems));
            }

            var dryRun = parse.GetValue(preview);
            var url = $"api/participants/{code}/trade-submissions" + (dryRun ? "?preview=true" : string.Empty);
            var answer = await run.ServerOnlyAsync(async api =>
            {
                using var form = Form(bytes!, path, ("year", parse.GetValue(year)), ("quarter", parse.GetValue(quarter)), ("kind", k), ("note", parse.GetValue(note)));
                return await api.PostContentAsync<UploadAnswer>(url, form, ct);
            }, ServerOnly, ct);
            return Report(run, answer, dryRun, a => $"{a.Participant} {a.Quarter}", a => a.Exports is { } e && a.Imports is { } i
                ? $"exports {e.Carats.ToString("N2", CultureInfo.InvariantCulture)} ct, US$ {e.Usd.ToString("N2", CultureInfo.InvariantCulture)}, {e.Certificates} certificates; imports {i.Carats.ToString("N2", CultureInfo.InvariantCulture)} ct, US$ {i.Usd.ToString("N2", CultureInfo.InvariantCulture)}, {i.Certificates} certificates"
                : string.Empty);
        }));
        return command;
    }

    private static Command SubmitProduction(CliContext context, GlobalOptions globals)
    {
        var participant = new Option<string>("--participant") { Description = "The participant whose return it is", Required = true };
        var year = new Option<int>("--year") { Description = "The year", Required = true };
        var half = new Option<int>("--half") { Description = "1 (January–June) or 2 (July–December)", Required = true };
        var line = new Option<string[]>("--line") { Description = "A line as MINING-TYPE:HS-CODE:CARATS:USD, e.g. industrial:7102.10:1000.50:150000 (HS code may be empty); repeat for more", AllowMultipleArgumentsPerToken = false };
        var file = new Option<string>("--file") { Description = "Upload a CSV or XLSX return instead of --line" };
        var note = new Option<string>("--note") { Description = "A note kept with the revision" };
        var preview = new Option<bool>("--preview") { Description = "Only check; nothing is saved" };
        var command = new Command("submit", "Sends a half year's production return (a correction is a new revision); no --line and no --file is a nil return") { participant, year, half, line, file, note, preview };
        command.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var code = input.Code(parse.GetValue(participant), "--participant");
            var lines = new List<object>();
            foreach (var (text, i) in (parse.GetValue(line) ?? []).Select((t, i) => (t, i)))
            {
                var parts = text.Split(':');
                if (parts.Length != 4)
                {
                    input.Add(InputCodes.InvalidValue, $"'{text}' is not MINING-TYPE:HS-CODE:CARATS:USD.", $"--line[{i}]");
                    continue;
                }

                lines.Add(new { miningType = parts[0], hsCode = parts[1].Length == 0 ? null : parts[1], carats = input.Amount(parts[2], $"--line[{i}]"), usd = input.Amount(parts[3], $"--line[{i}]") });
            }

            var problems = new List<Violation>(input.Errors);
            var path = parse.GetValue(file) is { Length: > 0 } given ? Path.GetFullPath(given) : null;
            if (path is not null && lines.Count > 0)
            {
                problems.Add(new(InputCodes.InvalidValue, "Give --line or --file, not both.", "--file"));
            }

            var bytes = path is null ? null : TrustFiles.Read(path, "--file", problems);
            if (problems.Count > 0)
            {
                return run.Output.Fail(new Problem(problems));
            }

            var dryRun = parse.GetValue(preview);
            var url = $"api/participants/{code}/production-returns" + (dryRun ? "?preview=true" : string.Empty);
            var answer = await run.ServerOnlyAsync(async api =>
            {
                if (bytes is null)
                {
                    return await api.PostAsync<UploadAnswer>(url, new { year = parse.GetValue(year), half = parse.GetValue(half), lines, note = parse.GetValue(note) }, ct);
                }

                using var form = Form(bytes, path!, ("year", parse.GetValue(year)), ("half", parse.GetValue(half)), ("note", parse.GetValue(note)));
                return await api.PostContentAsync<UploadAnswer>(url, form, ct);
            }, ServerOnly, ct);
            return Report(run, answer, dryRun, a => $"{a.Participant} {a.Half}",
                a => $"{a.Lines?.Count ?? 0} lines, {a.Carats.GetValueOrDefault().ToString("N2", CultureInfo.InvariantCulture)} ct, US$ {a.Usd.GetValueOrDefault().ToString("N2", CultureInfo.InvariantCulture)}");
        }));
        return command;
    }

    private static Command ListProduction(CliContext context, GlobalOptions globals)
    {
        var participant = new Option<string>("--participant") { Description = "The participant (its officials: their own)", Required = true };
        var year = new Option<int>("--year") { Description = "The year", Required = true };
        var command = new Command("list", "A year's half years with due date, status (due, late, submitted, submitted-late) and revision, then every revision") { participant, year };
        command.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var code = input.Code(parse.GetValue(participant), "--participant");
            if (!input.IsValid)
            {
                return run.Output.Fail(new Problem(input.Errors));
            }

            var answer = await run.ServerOnlyAsync(api => api.GetAsync<ProductionYearAnswer>(
                string.Create(CultureInfo.InvariantCulture, $"api/participants/{code}/production-returns?year={parse.GetValue(year)}"), ct), ServerOnly, ct);
            if (answer.Problem is { } problem)
            {
                return run.Output.Fail(problem);
            }

            if (run.Output.Json)
            {
                run.Output.WriteJson(answer);
                return ExitCodes.Ok;
            }

            var halves = run.Output.Table("Half", "Due", "Status", "Revision", "Last sent");
            foreach (var h in answer.Value!.Halves)
            {
                halves.AddRow(h.Period, Output.Day(h.DueOn), Output.Status(h.Status), h.Revision?.ToString(CultureInfo.InvariantCulture) ?? "-",
                    h.LastSubmittedAt is { } at ? Output.Text($"{at:yyyy-MM-dd HH:mm} UTC by {h.LastSubmittedBy}") : "-");
            }

            run.Output.Console.Write(halves);
            run.Output.Section("Revisions", answer.Value.Revisions, ["Half", "Revision", "Source", "Sent", "By", "Carats", "US$", "Lines"],
                r => [r.Half, r.Revision.ToString(CultureInfo.InvariantCulture), r.Source, $"{r.SubmittedAt:yyyy-MM-dd HH:mm}", Output.Text(r.SubmittedBy),
                    r.Carats.ToString("N2", CultureInfo.InvariantCulture), r.Usd.ToString("N2", CultureInfo.InvariantCulture), r.Lines.Count.ToString(CultureInfo.InvariantCulture)]);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>
    /// A saved revision (<c>SAVED</c>), a clean preview (<c>VALID</c>), or the bad rows as a table
    /// (<c>REJECTED</c> or <c>INVALID</c> for a preview) with exit code 1.
    /// </summary>
    private static int Report(CliRun run, Answer<UploadAnswer> answer, bool preview, Func<UploadAnswer, string> what, Func<UploadAnswer, string> totals)
    {
        if (answer.Problem is { } problem)
        {
            var rows = problem.Violations.Select(v => (v, m: RowField().Match(v.Field ?? string.Empty))).Where(x => x.m.Success).ToList();
            if (rows.Count == 0 || run.Output.Json)
            {
                return run.Output.Fail(problem);
            }

            run.Output.Console.MarkupLine(Output.Text($"REJECTED  {rows.Count} bad rows; nothing was saved (rows as in the file, the header is row 1)"));
            PrintRows(run.Output, rows.Select(x => (int.Parse(x.m.Groups[1].Value, CultureInfo.InvariantCulture), x.m.Groups[2].Value, x.v.Code, StripPrefix(x.v.Message))));
            return ExitCodes.Error;
        }

        if (run.Output.Json)
        {
            run.Output.WriteJson(answer);
            return answer.Value!.Problems is { Count: > 0 } ? ExitCodes.Error : ExitCodes.Ok;
        }

        var a = answer.Value!;
        if (a.Problems is { Count: > 0 } bad)
        {
            run.Output.Console.MarkupLine(Output.Text($"INVALID  {what(a)}: {bad.Count} bad rows (rows as in the file, the header is row 1)"));
            PrintRows(run.Output, bad.Select(p => (p.Row, p.Column, p.Code, p.Message)));
            return ExitCodes.Error;
        }

        run.Output.Console.MarkupLine(Output.Text(preview
            ? $"VALID  {what(a)}: {totals(a)}. Nothing was saved (--preview)."
            : $"SAVED  {what(a)} revision {a.Revision}: {totals(a)}."));
        return ExitCodes.Ok;
    }

    private static void PrintRows(Output output, IEnumerable<(int Row, string Column, string Code, string Message)> rows)
    {
        var table = output.Table("Row", "Column", "Code", "Problem");
        foreach (var (row, column, code, message) in rows)
        {
            table.AddRow(row.ToString(CultureInfo.InvariantCulture), Output.Text(column), Output.Text(code), Output.Text(message));
        }

        output.Console.Write(table);
    }

    private static MultipartFormDataContent Form(byte[] bytes, string path, params (string Name, object? Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Where(f => f.Value is not null))
        {
            form.Add(new StringContent(Convert.ToString(value, CultureInfo.InvariantCulture)!), name);
        }

        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", Path.GetFileName(path));
        return form;
    }

    private static string Missing(Input input, string field)
    {
        input.Add(InputCodes.Required, $"'{field}' is required.", field);
        return string.Empty;
    }

    private static string StripPrefix(string message)
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        return message.StartsWith("Row ", StringComparison.Ordinal) && colon > 0 ? message[(colon + 2)..] : message;
    }

    [GeneratedRegex(@"^rows\[(\d+)\]\.(.+)$")]
    private static partial Regex RowField();

    private sealed record ProblemRow(int Row, string Column, string Code, string Message);

    private sealed record TotalAnswer(decimal Carats, decimal Usd, int Certificates);

    /// <summary>What the upload endpoints answer: a revision (201) or a preview (200), trade or production.</summary>
    private sealed record UploadAnswer(
        string Participant, string? Quarter, string? Half, int? Revision, TotalAnswer? Exports, TotalAnswer? Imports,
        decimal? Carats, decimal? Usd, IReadOnlyList<object>? Lines, IReadOnlyList<ProblemRow>? Problems);

    private sealed record PeriodAnswer(string Period, DateOnly DueOn, string Status, int? Revision, DateTime? LastSubmittedAt, string? LastSubmittedBy);

    private sealed record RevisionAnswer(string Half, int Revision, string Source, DateTime SubmittedAt, string SubmittedBy, decimal Carats, decimal Usd, IReadOnlyList<object> Lines);

    private sealed record ProductionYearAnswer(string Participant, int Year, IReadOnlyList<PeriodAnswer> Halves, IReadOnlyList<RevisionAnswer> Revisions);
}
