using System.CommandLine;
using System.Globalization;
using OpenKP.Cli.Shared;
using OpenKP.Cli.Shipments;
using OpenKP.Compliance;
using Spectre.Console;

namespace OpenKP.Cli.Compliance;

/// <summary>
/// <c>openkp chair-report draft | show | issue | download --year Y</c>: the Chair's annual report to the UN General
/// Assembly, against a server (the secretariat drafts and issues; anyone downloads an issued report).
/// </summary>
internal static class ChairReportCommands
{
    public static void AddTo(RootCommand root, CliContext context, GlobalOptions globals)
    {
        var command = new Command("chair-report", "The Chair's annual report to the UN General Assembly (server only)");

        var draftYear = Year();
        var draft = new Command("draft", "Draft the report for a year (the secretariat): the figures are drafted from the data") { draftYear };
        draft.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var answer = await run.ServerOnlyAsync(api => api.PostAsync<ChairReportView>("api/compliance/chair-reports", new { year = parse.GetValue(draftYear) }, ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, Print);
        }));

        var showYear = Year();
        var show = new Command("show", "A report's figures and status (a draft for the secretariat only)") { showYear };
        show.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var answer = await run.ServerOnlyAsync(api => api.GetAsync<ChairReportView>(Path(parse.GetValue(showYear)), ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, Print);
        }));

        var issueYear = Year();
        var issue = new Command("issue", "Issue the report (the secretariat): figures and narrative frozen for good") { issueYear };
        issue.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var answer = await run.ServerOnlyAsync(api => api.PostAsync<ChairReportView>(Path(parse.GetValue(issueYear)) + "/issue", new { }, ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, Print);
        }));

        var downloadYear = Year();
        var format = new Option<string>("--format") { Description = "docx, pdf or html", DefaultValueFactory = _ => "pdf" };
        format.AcceptOnlyFromAmong("docx", "pdf", "html");
        var lang = new Option<string>("--lang") { Description = "en or fr", DefaultValueFactory = _ => "en" };
        lang.AcceptOnlyFromAmong("en", "fr");
        var output = new Option<string>("--out") { Description = "The file to write (default: kp-chair-report-YEAR-LANG.FORMAT here)" };
        var download = new Command("download", "Save the report as DOCX, PDF or HTML in English or French") { downloadYear, format, lang, output };
        download.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var year = parse.GetValue(downloadYear);
            var (f, l) = (parse.GetValue(format)!, parse.GetValue(lang)!);
            var path = System.IO.Path.GetFullPath(parse.GetValue(output) is { Length: > 0 } given ? given : ChairReportDocument.FileName(year, l, f));
            var answer = await run.ServerOnlyAsync(async api =>
            {
                var bytes = await api.GetBytesAsync($"{Path(year)}/report.{f}?lang={l}", ct);
                if (bytes.Problem is { } problem)
                {
                    return problem;
                }

                try
                {
                    await File.WriteAllBytesAsync(path, bytes.Value!, ct);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return Problem.Of(CliCodes.FileUnwritable, $"Could not save the report in {path}: {e.Message}", "--out");
                }

                return bytes;
            }, LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, (o, b) => o.Console.MarkupLine(Output.Text($"SAVED  the Chair's report for {year} ({f}, {l}, {LoopOutput.Bytes(b.Length)}) in {path}")));
        }));

        command.Subcommands.Add(draft);
        command.Subcommands.Add(show);
        command.Subcommands.Add(issue);
        command.Subcommands.Add(download);
        root.Subcommands.Add(command);
    }

    private static Option<int> Year() => new("--year") { Description = "The year the report covers", Required = true };

    private static string Path(int year) => "api/compliance/chair-reports/" + year.ToString(CultureInfo.InvariantCulture);

    private static void Print(Output output, ChairReportView r)
    {
        var f = r.Figures;
        output.Console.MarkupLine(Output.Text($"Chair's report for {r.Year}: {r.Status}"));
        output.Console.Write(LoopOutput.Fields(output,
            ("Chair", f.Chair?.NameEn),
            ("Vice-Chair", f.ViceChair?.NameEn),
            ("Participants", $"{f.Participants} representing {f.Countries} countries on {Output.Day(f.AsOf)}"),
            ("Admissions", f.Admissions.Count == 0 ? "-" : string.Join(", ", f.Admissions.Select(a => a.Code))),
            ("Meetings", f.Meetings.Count.ToString(CultureInfo.InvariantCulture)),
            ("Decisions", f.Decisions.Count.ToString(CultureInfo.InvariantCulture)),
            ("Review visits and missions", f.Reviews.Count.ToString(CultureInfo.InvariantCulture)),
            ("Annual reports", $"{f.AnnualReportsReceived} of {f.AnnualReportsDue} on {f.AnnualReportsYear} received"),
            ("World production", $"{ChairReportLabels.Hundredths(f.World.ProductionCaratsHundredths, "en")} ct, US$ {ChairReportLabels.Hundredths(f.World.ProductionUsdCents, "en")} ({f.World.Source})"),
            ("Issued", r.IssuedAt is { } at ? $"{LoopOutput.Instant(at)} by {r.IssuedBy}" : "-")));
    }
}
