using System.CommandLine;
using System.Globalization;
using OpenKP.Cli.Shared;
using OpenKP.Cli.Shipments;
using OpenKP.Compliance;
using OpenKP.Shared;
using Spectre.Console;

namespace OpenKP.Cli.Compliance;

/// <summary>
/// <c>openkp annual-reports list | show | status | pdf</c> and <c>openkp deadlines sweep</c>: participants' annual reports,
/// the late and missing list, and the compliance deadline reminders, against a server.
/// </summary>
internal static class AnnualReportCommands
{
    private const int PageSize = 500;

    public static void AddTo(RootCommand root, CliContext context, GlobalOptions globals)
    {
        root.Subcommands.Add(AnnualReports(context, globals));
        root.Subcommands.Add(Deadlines(context, globals));
    }

    private static Command AnnualReports(CliContext context, GlobalOptions globals)
    {
        var reports = new Command("annual-reports", "Participants' annual reports on their implementation of the KPCS (server only)");

        var year = new Option<int?>("--year") { Description = "Only this year" };
        var participant = new Option<string>("--participant") { Description = "Only this participant" };
        var status = new Option<string>("--status") { Description = "draft, submitted or assessed" };
        var list = new Command("list", "Annual reports: every submitted one, and the drafts of the participant you act for") { year, participant, status };
        list.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var query = Query(new Dictionary<string, string?>
            {
                ["year"] = parse.GetValue(year)?.ToString(CultureInfo.InvariantCulture),
                ["participant"] = parse.GetValue(participant),
                ["status"] = parse.GetValue(status),
                ["pageSize"] = PageSize.ToString(CultureInfo.InvariantCulture),
            });
            var answer = await run.ServerOnlyAsync(api => api.GetAsync<Paged<AnnualReportView>>("api/compliance/annual-reports" + query, ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, (output, page) =>
            {
                var table = output.Table("Participant", "Year", "Due on", "Submitted", "Score", "Status");
                foreach (var r in page.Items)
                {
                    table.AddRow(r.Participant, r.Year.ToString(CultureInfo.InvariantCulture), Output.Day(r.DueOn),
                        LoopOutput.Instant(r.SubmittedAt) + (r.SubmittedLate ? " (late)" : string.Empty),
                        r.CompletenessScore is { } s ? s.ToString(CultureInfo.InvariantCulture) + "/100" : "-", LoopOutput.Status(r.Status));
                }

                output.Console.Write(table);
                LoopOutput.Count(output, page, "annual reports");
            });
        }));

        var (showCode, showYear) = (Code(), Year());
        var show = new Command("show", "One annual report with its sections and assessment") { showCode, showYear };
        show.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
            LoopOutput.Show(run, await run.ServerOnlyAsync(api => api.GetAsync<AnnualReportView>(Path(parse.GetValue(showCode), parse.GetValue(showYear)), ct), LoopOutput.ServerOnly, ct), Print)));

        var statusYear = new Option<int?>("--year") { Description = "The reporting year (default: last year)" };
        var statusCommand = new Command("status", "The late and missing list of a year: every member's report against the due date") { statusYear };
        statusCommand.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var query = parse.GetValue(statusYear) is { } y ? "?year=" + y.ToString(CultureInfo.InvariantCulture) : string.Empty;
            var answer = await run.ServerOnlyAsync(api => api.GetAsync<AnnualReportStatusView>("api/compliance/annual-reports/status" + query, ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, (output, list) =>
            {
                output.Console.MarkupLine(Output.Text(string.Create(CultureInfo.InvariantCulture,
                    $"Annual reports for {list.Year}, due {Output.Day(list.DueOn)}: {list.Members} participants, {list.Late} late or missing, {list.SubmittedOnTime} on time, {list.SubmittedLate} submitted late.")));
                var table = output.Table("Participant", "Name", "Status", "Submitted", "Standing");
                foreach (var l in list.Lines)
                {
                    table.AddRow(l.Participant, Output.Text(l.Name), l.Status ?? "not started", LoopOutput.Instant(l.SubmittedAt), l.Standing);
                }

                output.Console.Write(table);
            });
        }));

        var (pdfCode, pdfYear) = (Code(), Year());
        var outFile = new Option<string>("--out") { Description = "Where to save the PDF (default: annual-report-CODE-YEAR.pdf here)" };
        var pdf = new Command("pdf", "Save an annual report as PDF") { pdfCode, pdfYear, outFile };
        pdf.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var (code, y) = (parse.GetValue(pdfCode), parse.GetValue(pdfYear));
            var path = System.IO.Path.GetFullPath(parse.GetValue(outFile) is { Length: > 0 } given
                ? given
                : string.Create(CultureInfo.InvariantCulture, $"annual-report-{code?.Trim().ToUpperInvariant()}-{y}.pdf"));
            var answer = await run.ServerOnlyAsync(api => api.GetBytesAsync(Path(code, y) + "/pdf", ct), LoopOutput.ServerOnly, ct);
            if (answer.Problem is { } refused)
            {
                return run.Output.Fail(refused);
            }

            try
            {
                File.WriteAllBytes(path, answer.Value!);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return run.Output.Fail(Problem.Of(CliCodes.FileUnwritable, $"Could not save the PDF in {path}: {e.Message}", "--out"));
            }

            run.Output.Console.MarkupLine(Output.Text($"SAVED  {path} ({LoopOutput.Bytes(answer.Value!.Length)})"));
            return ExitCodes.Ok;
        }));

        foreach (var command in new[] { list, show, statusCommand, pdf })
        {
            reports.Subcommands.Add(command);
        }

        return reports;
    }

    private static Command Deadlines(CliContext context, GlobalOptions globals)
    {
        var deadlines = new Command("deadlines", "Compliance deadlines: annual reports, review recommendations, questionnaires, case work plans (server only)");
        var sweep = new Command("sweep", "Send the reminders due today, each once (the secretariat); the server also sweeps daily");
        sweep.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var answer = await run.ServerOnlyAsync(api => api.PostAsync<DeadlineSweepView>("api/compliance/deadlines/sweep", new { }, ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, (output, s) => output.Console.MarkupLine(Output.Text(string.Create(CultureInfo.InvariantCulture,
                $"SWEPT  {s.Total} reminders on {Output.Day(s.On)}: {s.AnnualReports} annual reports, {s.Recommendations} recommendations, {s.Questionnaires} questionnaires, {s.WorkPlanItems} work-plan actions."))));
        }));
        deadlines.Subcommands.Add(sweep);
        return deadlines;
    }

    private static Argument<string> Code() => new("CODE") { Description = "The participant's code, e.g. BW" };

    private static Argument<int> Year() => new("YEAR") { Description = "The reporting year, e.g. 2025" };

    private static string Path(string? code, int year)
        => string.Create(CultureInfo.InvariantCulture, $"api/participants/{LoopOutput.Segment(code?.Trim().ToUpperInvariant())}/annual-reports/{year}");

    private static string Query(Dictionary<string, string?> values)
    {
        var given = values.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value!.Trim())}").ToList();
        return given.Count == 0 ? string.Empty : "?" + string.Join('&', given);
    }

    private static void Print(Output output, AnnualReportView r)
    {
        output.Console.MarkupLine(Output.Text($"Annual report of {r.Participant} for {r.Year.ToString(CultureInfo.InvariantCulture)}: {r.Status}, due {Output.Day(r.DueOn)}" + (r.SubmittedLate ? " (submitted late)" : string.Empty)));
        output.Console.Write(LoopOutput.Fields(output,
            ("Started", $"{LoopOutput.Instant(r.CreatedAt)} by {r.CreatedBy}"),
            ("Submitted", r.SubmittedBy is { } s ? $"{LoopOutput.Instant(r.SubmittedAt)} by {s}" : null),
            ("Assessed", r.AssessedBy is { } a ? $"{LoopOutput.Instant(r.AssessedAt)} by {a}" : null),
            ("Score", r.CompletenessScore is { } score ? $"{score.ToString(CultureInfo.InvariantCulture)}/100" : $"suggested {r.SuggestedScore.ToString(CultureInfo.InvariantCulture)}/100"),
            ("Comments", r.AssessmentComments)));
        output.Section("Sections", AnnualReportSection.All, ["Section", "Text"],
            s => [s.Title, Output.Text(Text(r, s.Key) ?? "-")]);
    }

    private static string? Text(AnnualReportView r, string key) => key switch
    {
        "legalFramework" => r.LegalFramework,
        "internalControls" => r.InternalControls,
        "artisanalAlluvial" => r.ArtisanalAlluvial,
        "statisticsSummary" => r.StatisticsSummary,
        "enforcement" => r.Enforcement,
        "cooperation" => r.Cooperation,
        "systemOfWarranties" => r.SystemOfWarranties,
        _ => r.Challenges,
    };
}
