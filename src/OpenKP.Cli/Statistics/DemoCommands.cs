using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OpenKP.Cli.Shared;
using OpenKP.Statistics.Synthetic;
using Spectre.Console;

namespace OpenKP.Cli.Statistics;

/// <summary>
/// <c>openkp demo generate</c>: fills the local database with a deterministic synthetic trade network
/// (certificates, import confirmations, production returns, planted anomalies) for statistics work and
/// benchmarks. Local only: it writes the database directly, in bulk, with one audit row for the run.
/// </summary>
internal static class DemoCommands
{
    public static void AddTo(RootCommand root, CliContext context, GlobalOptions globals)
    {
        var years = new Option<int>("--years") { Description = "How many years, ending with the current one (1–50)", DefaultValueFactory = _ => 20 };
        var perYear = new Option<int>("--certificates-per-year") { Description = "Export certificates in each full year (10–1,000,000); the world is scaled to match", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "The same seed (and day, size and registry) gives the same data", DefaultValueFactory = _ => 1 };
        var manifest = new Option<string>("--manifest") { Description = "Also write the planted anomalies (and the run's counts) to this JSON file" };
        var generate = new Command("generate", "Generate a synthetic trade network into the local database (a fresh one): certificates, confirmations, production returns, planted anomalies")
        {
            years, perYear, seed, manifest,
        };
        generate.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            if (run.Target is not LocalTarget local)
            {
                return run.Output.Fail(Problem.Of(CliCodes.LocalOnly,
                    "demo generate writes the local database directly: run it with --data-dir or --database/--connection, not --server.", "--server"));
            }

            var opened = await run.OpenDatabaseAsync(local, ct);
            if (opened.Problem is { } unavailable)
            {
                return run.Output.Fail(unavailable);
            }

            await using var db = opened.Value!;
            var request = new SyntheticRequest(parse.GetValue(years), parse.GetValue(perYear), parse.GetValue(seed));
            var generator = new SyntheticDataGenerator(db, context.Clock);
            OpenKP.Shared.Outcome<SyntheticResult>? outcome = null;
            if (run.Output.Json || !context.IsTerminal)
            {
                outcome = await generator.GenerateAsync(request, null, ct);
            }
            else
            {
                await run.Output.Console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask("Generating", maxValue: 1);
                        outcome = await generator.GenerateAsync(request, new Progress<SyntheticProgress>(p =>
                        {
                            task.MaxValue = Math.Max(1, p.CertificatesExpected);
                            task.Value = p.CertificatesWritten;
                            task.Description = string.Create(CultureInfo.InvariantCulture, $"{p.Year}: {p.CertificatesWritten:N0} certificates");
                        }), ct);
                        task.Value = task.MaxValue;
                    });
            }

            if (!outcome!.Succeeded)
            {
                return run.Output.Fail(new Problem(outcome.Violations));
            }

            var result = outcome.Value!;
            if (parse.GetValue(manifest) is { } file)
            {
                try
                {
                    await File.WriteAllTextAsync(Path.GetFullPath(file), JsonSerializer.Serialize(result, CliJson.Options), ct);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return run.Output.Fail(Problem.Of(CliCodes.FileUnwritable, $"The data was generated, but the manifest could not be written to {file}: {e.Message}", "--manifest"));
                }
            }

            if (run.Output.Json)
            {
                run.Output.WriteJson(Answer<SyntheticResult>.Ok(result));
                return ExitCodes.Ok;
            }

            var counts = run.Output.Table("Generated", "Count");
            counts.AddRow("years", $"{result.FirstYear}–{result.LastYear}");
            counts.AddRow("certificates", result.Certificates.ToString("N0", CultureInfo.InvariantCulture));
            counts.AddRow("certificate lines", result.CertificateLines.ToString("N0", CultureInfo.InvariantCulture));
            counts.AddRow("import confirmations", result.ImportConfirmations.ToString("N0", CultureInfo.InvariantCulture));
            counts.AddRow("production returns", result.ProductionReturns.ToString("N0", CultureInfo.InvariantCulture));
            counts.AddRow("time", result.Elapsed.ToString(@"m\:ss\.f", CultureInfo.InvariantCulture));
            run.Output.Console.Write(counts);
            run.Output.Section("Planted anomalies", result.Planted, ["Kind", "Participant", "Period", "What"],
                p => [p.Kind.ToString(), p.Participant, p.Quarter is { } q ? $"{p.Year}-Q{q}" : $"{p.Year}", Output.Text(p.Description)]);
            run.Output.Console.MarkupLine(Output.Text($"Generated into {LocalDatabase.Describe(local)} (seed {request.Seed})."));
            return ExitCodes.Ok;
        }));

        var demo = new Command("demo", "Demonstration and benchmark data for the local database");
        demo.Subcommands.Add(generate);
        root.Subcommands.Add(demo);
    }
}
