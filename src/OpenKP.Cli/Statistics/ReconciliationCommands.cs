using System.CommandLine;
using System.Globalization;
using OpenKP.Cli.Shared;
using OpenKP.Shared;
using OpenKP.Statistics;
using Spectre.Console;

namespace OpenKP.Cli.Statistics;

/// <summary>
/// <c>openkp statistics reconcile --year Y [--quarter Q] [--a A --b B | --participant P [--partner Q]]
/// [--certificates] [--format csv|xlsx] [--out FILE]</c>: bilateral reconciliation. With <c>--server</c>, asks
/// <c>GET /api/statistics/reconciliation</c> (as the signed-in account: an official sees its own pairs);
/// locally, runs it on the data directory's database (every pair: the machine's owner is the secretariat).
/// A table of pairs by default; <c>--certificates</c> for the certificate detail; a file with <c>--out</c>.
/// </summary>
internal static class ReconciliationCommands
{
    /// <summary>The certificate detail printed as a table: the first this many (files carry all of them).</summary>
    private const int TableRows = 500;

    public static void AddTo(RootCommand root, CliContext context, GlobalOptions globals)
    {
        // Other statistics commands share the group: whichever registers first creates it.
        var statistics = root.Subcommands.FirstOrDefault(c => c.Name == "statistics");
        if (statistics is null)
        {
            statistics = new Command("statistics", "KP statistics: trade derived from the certificates, reconciliation, uploads");
            root.Subcommands.Add(statistics);
        }

        var year = new Option<int?>("--year") { Description = "The year (default: this year)" };
        var quarter = new Option<int?>("--quarter") { Description = "One quarter of the year, 1–4 (default: the whole year)" };
        var a = new Option<string>("--a") { Description = "The exporting participant of the pair (A's exports to B)" };
        var b = new Option<string>("--b") { Description = "The importing participant of the pair (B's imports from A)" };
        var participant = new Option<string>("--participant") { Description = "Only the pairs this participant is in, both directions" };
        var partner = new Option<string>("--partner") { Description = "With --participant: only the pairs between it and this partner" };
        var certificates = new Option<bool>("--certificates") { Description = "The certificate detail (each certificate's category and both sides' figures) instead of the summary per pair" };
        var format = new Option<string>("--format") { Description = "csv or xlsx: write a file (to --out; CSV to standard output without --out)" };
        var output = new Option<string>("--out") { Description = "The file to write; the format follows its extension unless --format says" };
        var reconcile = new Command("reconcile", "A's exports to B against B's imports from A, certificate by certificate, each difference in a category; all pairs of a year without --a/--b")
        {
            year, quarter, a, b, participant, partner, certificates, format, output,
        };
        reconcile.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var y = parse.GetValue(year) ?? context.Today.Year;
            var q = parse.GetValue(quarter);
            if (!StatisticsCalendar.IsYear(y))
            {
                input.Add(InputCodes.InvalidValue, "--year is a year of the scheme, 2003 or later.", "--year");
            }

            if (q is < 1 or > 4)
            {
                input.Add(InputCodes.InvalidValue, "--quarter is 1, 2, 3 or 4.", "--quarter");
            }

            string? Code(Option<string> option) => string.IsNullOrWhiteSpace(parse.GetValue(option)) ? null : input.Code(parse.GetValue(option), option.Name);
            var (exporter, importer, involving, other) = (Code(a), Code(b), Code(participant), Code(partner));
            var file = parse.GetValue(output);
            var kind = input.OneOf(parse.GetValue(format), "--format", ["csv", "xlsx"])
                ?? (file is null ? null : file.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? "xlsx" : "csv");
            if (kind == "xlsx" && file is null)
            {
                input.Add(InputCodes.Required, "--format xlsx writes a file: name it with --out.", "--out");
            }

            if (!input.IsValid)
            {
                return run.Output.Fail(new Problem(input.Errors));
            }

            var detail = parse.GetValue(certificates);
            var query = string.Join('&', new[]
            {
                $"year={y}", q is { } n ? $"quarter={n}" : null, exporter is null ? null : $"a={exporter}", importer is null ? null : $"b={importer}",
                involving is null ? null : $"participant={involving}", other is null ? null : $"partner={other}",
            }.Where(p => p is not null));
            var route = "api/statistics/reconciliation" + (detail ? "/certificates" : string.Empty);
            var local = new Func<OpenKP.Data.OpenKpDb, Task<Reconciliation>>(db => new ReconciliationRunner(db).RunAsync(
                new ReconciliationPeriod(y, q), new ReconciliationScope(exporter, importer, involving, other), context.Today, ct));

            if (kind is not null)
            {
                var bytes = await run.AskAsync(
                    api => api.GetBytesAsync($"{route}?{query}&format={kind}", ct),
                    async db =>
                    {
                        var r = await local(db);
                        return Answer<byte[]>.Ok(kind == "xlsx"
                            ? (detail ? ReconciliationFiles.DetailXlsx(r, r.Certificates) : ReconciliationFiles.SummaryXlsx(r))
                            : System.Text.Encoding.UTF8.GetBytes(detail ? ReconciliationFiles.DetailCsv(r, r.Certificates) : ReconciliationFiles.SummaryCsv(r)));
                    }, ct);
                if (bytes.Problem is { } refused)
                {
                    return run.Output.Fail(refused);
                }

                if (file is null)
                {
                    run.Output.Verbatim(System.Text.Encoding.UTF8.GetString(bytes.Value!).TrimEnd('\r', '\n'));
                    return ExitCodes.Ok;
                }

                var path = Path.GetFullPath(file);
                try
                {
                    await File.WriteAllBytesAsync(path, bytes.Value!, ct);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return run.Output.Fail(Problem.Of(CliCodes.FileUnwritable, $"Could not write {path}: {e.Message}", "--out"));
                }

                run.Output.Note($"Wrote {path} ({bytes.Value!.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes).");
                return ExitCodes.Ok;
            }

            if (detail)
            {
                var answer = await run.AskAsync(
                    api => api.GetAsync<ReconciliationDetailView>($"{route}?{query}&pageSize={TableRows}", ct),
                    async db =>
                    {
                        var r = await local(db);
                        return Answer<ReconciliationDetailView>.Ok(new(r.Period.ToString(), r.JudgedOn,
                            new Paged<ReconciledCertificateView>([.. r.Certificates.Take(TableRows).Select(ReconciledCertificateView.Of)], 1, TableRows, r.Certificates.Count)));
                    }, ct);
                return Show(run, answer, PrintDetail);
            }

            var summary = await run.AskAsync(
                api => api.GetAsync<ReconciliationView>($"{route}?{query}", ct),
                async db => Answer<ReconciliationView>.Ok(ReconciliationView.Of(await local(db))), ct);
            return Show(run, summary, PrintSummary);
        }));
        statistics.Subcommands.Add(reconcile);
    }

    private static int Show<T>(CliRun run, Answer<T> answer, Action<Output, T> print)
    {
        if (answer.Problem is { } problem)
        {
            return run.Output.Fail(problem);
        }

        if (run.Output.Json)
        {
            run.Output.WriteJson(answer);
        }
        else
        {
            print(run.Output, answer.Value!);
        }

        return ExitCodes.Ok;
    }

    /// <summary>Short column names for the categories, in the API's order.</summary>
    private static readonly string[] CategoryColumns = ["Matched", "Timing", "Pending", "Value", "Carats", "No import", "No export"];

    private static void PrintSummary(Output output, ReconciliationView view)
    {
        output.Verbatim($"Reconciliation {view.Period}, judged on {Output.Day(view.JudgedOn)}: {view.Pairs.Count} pairs, largest US$ difference first.");
        if (view.Pairs.Count == 0)
        {
            return;
        }

        var table = output.Table(["Pair", "Exports US$", "Imports US$", "Diff US$", "Diff ct", .. CategoryColumns]);
        foreach (var p in view.Pairs)
        {
            table.AddRow([
                Output.Text($"{p.Exporter}->{p.Importer}"), Money(p.Exports.Usd), Money(p.Imports.Usd), Money(p.Difference.Usd), Money(p.Difference.Carats),
                .. p.Categories.Select(c => c.Certificates.ToString(CultureInfo.InvariantCulture)),
            ]);
        }

        output.Console.Write(table);
    }

    private static void PrintDetail(Output output, ReconciliationDetailView view)
    {
        output.Verbatim($"Reconciliation {view.Period}, judged on {Output.Day(view.JudgedOn)}: {view.Certificates.Total} certificates.");
        if (view.Certificates.Total == 0)
        {
            return;
        }

        var table = output.Table("Certificate", "Pair", "Category", "Issued", "Export US$", "Received", "Import US$");
        foreach (var c in view.Certificates.Items)
        {
            table.AddRow(
                Output.Text(c.CertificateNumber), Output.Text($"{c.Exporter}->{c.Importer}"), Output.Text(c.Category),
                c.Export is { } e ? Output.Day(e.Date) : "-", c.Export is { } e2 ? Money(e2.Usd) : "-",
                c.Import is { } i ? Output.Day(i.Date) : "-", c.Import is { } i2 ? Money(i2.Usd) : "-");
        }

        output.Console.Write(table);
        if (view.Certificates.Items.Count < view.Certificates.Total)
        {
            output.Note($"{view.Certificates.Items.Count} of {view.Certificates.Total} certificates shown: --format csv or xlsx writes them all.");
        }
    }

    private static string Money(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture);
}
