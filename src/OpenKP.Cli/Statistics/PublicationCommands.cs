using System.CommandLine;
using System.Globalization;
using OpenKP.Cli.Shared;
using OpenKP.Cli.Shipments;
using OpenKP.Data;
using OpenKP.Registry;
using OpenKP.Shared;
using OpenKP.Statistics;
using Spectre.Console;

namespace OpenKP.Cli.Statistics;

/// <summary>
/// <c>openkp statistics publish | summary</c>: the secretariat publishes a year (or a new vintage with a
/// reason, server only); anyone reads a published year's summary as a table, JSON or CSV (server or
/// local database). The other statistics commands join the same <c>statistics</c> group.
/// </summary>
internal static class PublicationCommands
{
    private const string PublishServerOnly = "Publishing is the secretariat's act: run it with --server and a secretariat account.";

    public static void AddTo(RootCommand root, CliContext context, GlobalOptions globals)
    {
        var statistics = root.Subcommands.FirstOrDefault(c => c.Name == "statistics");
        if (statistics is null)
        {
            statistics = new Command("statistics", "KP statistics: publication and the published annual summary");
            root.Subcommands.Add(statistics);
        }

        var publishYear = Year();
        var reason = new Option<string>("--reason") { Description = "Why: required for a new vintage of a year already published (shown to the public)" };
        var publish = new Command("publish", "Publish a year that is over (vintage 1), or with --reason a new vintage whose figures changed (secretariat, server only)") { publishYear, reason };
        publish.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var why = input.Text(parse.GetValue(reason), "--reason", StatisticsPublisher.MaxReasonLength, required: false);
            if (!input.IsValid)
            {
                return run.Output.Fail(new Problem(input.Errors));
            }

            var year = parse.GetValue(publishYear);
            var answer = await run.ServerOnlyAsync(api => api.PostAsync<VintageSummary>($"api/statistics/years/{year}/publish", new { reason = why.Length == 0 ? null : why }, ct), PublishServerOnly, ct);
            return LoopOutput.Show(run, answer, (output, v) => output.Console.MarkupLine(Output.Text(
                $"PUBLISHED  {year} vintage {v.Number} on {LoopOutput.Instant(v.PublishedAt)}: {v.Reason}")));
        }));

        var summaryYear = Year();
        var vintage = new Option<int?>("--vintage") { Description = "An older vintage (default: the latest)" };
        var format = new Option<string>("--format") { Description = "table (default) or csv (the public download, byte for byte)" };
        var summary = new Command("summary", "A published year: production, exports and imports per participant and the world total") { summaryYear, vintage, format };
        summary.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var csv = input.OneOf(parse.GetValue(format), "--format", ["table", "csv"]) == "csv";
            if (!input.IsValid)
            {
                return run.Output.Fail(new Problem(input.Errors));
            }

            var year = parse.GetValue(summaryYear);
            var v = parse.GetValue(vintage);
            var query = $"api/public/statistics/{year}" + (v is { } n ? $"?vintage={n}" : string.Empty);
            if (csv)
            {
                var file = await run.AskAsync(
                    async api => await api.GetBytesAsync(query + (v is null ? "?" : "&") + "format=csv", ct) is var bytes && bytes.Problem is { } refused
                        ? Answer<string>.Failed(refused)
                        : Answer<string>.Ok(System.Text.Encoding.UTF8.GetString(bytes.Value!)),
                    async db => await Local(db).PublishedAsync(year, v, ct) is { } table
                        ? Answer<string>.Ok(StatisticsTable.Csv(table, table.Rows))
                        : NotPublished(year, v),
                    ct);
                if (file.Problem is { } problem)
                {
                    return run.Output.Fail(problem);
                }

                run.Output.Verbatim(file.Value!.TrimEnd('\n'));
                return ExitCodes.Ok;
            }

            var answer = await run.AskAsync(
                api => api.GetAsync<YearSummary>(query, ct),
                async db => await Local(db).PublishedAsync(year, v, ct) is { } table ? Answer<YearSummary>.Ok(YearSummary.Of(table)) : NotPublished(year, v),
                ct);
            return LoopOutput.Show(run, answer, Print);
        }));

        statistics.Subcommands.Add(publish);
        statistics.Subcommands.Add(summary);
    }

    private static Option<int> Year() => new("--year") { Description = "The year, for example 2025", Required = true };

    private static PublishedStatistics Local(OpenKpDb db)
    {
        var directory = new ParticipantDirectory(db);
        return new PublishedStatistics(db, new AnnualFigures(db, new TradeStatistics(db), directory), directory);
    }

    private static Problem NotPublished(int year, int? vintage) => vintage is { } n
        ? Problem.Of(PublicationCodes.VintageNotFound, $"{year} has no vintage {n} (or is not published).", "--vintage")
        : Problem.Of(PublicationCodes.YearNotPublished, $"The statistics of {year} are not published.", "--year");

    private static void Print(Output output, YearSummary s)
    {
        output.Console.MarkupLine(Output.Text(s.Vintage is { } v
            ? $"{s.Year}, vintage {v.Number}, published {LoopOutput.Instant(v.PublishedAt)} ({v.Reason})"
            : $"{s.Year}: live figures, not published"));
        var table = output.Table("Participant", "Production ct", "Production US$", "US$/ct", "Export ct", "Export US$", "Export certs", "Import ct", "Import US$", "Import certs");
        foreach (var r in s.Rows.Append(s.World))
        {
            table.AddRow([.. new[]
            {
                r.Participant, LoopOutput.Amount(r.ProductionCarats), LoopOutput.Amount(r.ProductionUsd), r.ProductionUsdPerCarat is { } p ? LoopOutput.Amount(p) : "-",
                LoopOutput.Amount(r.ExportCarats), LoopOutput.Amount(r.ExportUsd), r.ExportCertificates.ToString(CultureInfo.InvariantCulture),
                LoopOutput.Amount(r.ImportCarats), LoopOutput.Amount(r.ImportUsd), r.ImportCertificates.ToString(CultureInfo.InvariantCulture),
            }.Select(Output.Text)]);
        }

        output.Console.Write(table);
        output.Console.MarkupLine(Output.Text(s.NonSubmitters.Count == 0
            ? "Every participant submitted its production returns."
            : $"Did not submit production: {string.Join(", ", s.NonSubmitters)}"));
    }
}

/// <summary>A vintage as the API gives it.</summary>
internal sealed record VintageSummary(int Number, DateTime PublishedAt, string Reason, string? PublishedBy);

/// <summary>One row of the summary, in units, as the API gives it.</summary>
internal sealed record FiguresSummary(
    string Participant, string Name,
    decimal ProductionCarats, decimal ProductionUsd, decimal? ProductionUsdPerCarat,
    decimal ExportCarats, decimal ExportUsd, decimal? ExportUsdPerCarat, int ExportCertificates,
    decimal ImportCarats, decimal ImportUsd, decimal? ImportUsdPerCarat, int ImportCertificates,
    bool ProductionSubmitted)
{
    public static FiguresSummary Of(ParticipantYear r, string name) => new(
        r.Participant, name,
        r.ProductionCaratsHundredths / 100m, r.ProductionUsdCents / 100m, StatisticsTable.PerCarat(r.ProductionUsdCents, r.ProductionCaratsHundredths) / 100m,
        r.ExportCaratsHundredths / 100m, r.ExportUsdCents / 100m, StatisticsTable.PerCarat(r.ExportUsdCents, r.ExportCaratsHundredths) / 100m, r.ExportCertificates,
        r.ImportCaratsHundredths / 100m, r.ImportUsdCents / 100m, StatisticsTable.PerCarat(r.ImportUsdCents, r.ImportCaratsHundredths) / 100m, r.ImportCertificates,
        r.ProductionSubmitted);
}

/// <summary>A published year as the API gives it (the same JSON locally).</summary>
internal sealed record YearSummary(int Year, bool Published, VintageSummary? Vintage, IReadOnlyList<FiguresSummary> Rows, FiguresSummary World, IReadOnlyList<string> NonSubmitters)
{
    public static YearSummary Of(YearTable t) => new(
        t.Year, t.IsPublished, t.Vintage is { } v ? new VintageSummary(v.Number, v.PublishedAt, v.Reason, null) : null,
        [.. t.Rows.Select(r => FiguresSummary.Of(r, t.NameOf(r.Participant)))], FiguresSummary.Of(t.World, "World"), t.NonSubmitters);
}
