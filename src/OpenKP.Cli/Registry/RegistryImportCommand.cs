using System.CommandLine;
using OpenKP.Cli.Shared;
using OpenKP.Registry;
using Spectre.Console;

namespace OpenKP.Cli.Registry;

/// <summary>
/// <c>openkp registry import --from DIR</c>: updates the local registry from edited reference CSVs, in
/// one transaction, audited. Local only: a server's registry changes through its API, where every
/// change is authorised and attributed to a signed-in person.
/// </summary>
internal static class RegistryImportCommand
{
    public static void AddTo(RootCommand root, CliContext context, GlobalOptions globals)
    {
        var from = new Option<string>("--from") { Description = $"The folder holding {string.Join(", ", ReferenceFiles.FileNames)}", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the files and report every problem without changing the database" };
        var import = new Command("import", "Update the local registry from edited reference CSV files (all or nothing)") { from, dryRun };
        import.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            if (run.Target is not LocalTarget local)
            {
                return run.Output.Fail(Problem.Of(CliCodes.LocalOnly,
                    "registry import works on the local database only: run it on the server's machine with --data-dir, or record changes through the API.", "--server"));
            }

            var folder = Path.GetFullPath(parse.GetValue(from)!);
            var missing = ReferenceFiles.FileNames.Where(name => !File.Exists(Path.Combine(folder, name))).ToList();
            if (missing.Count > 0)
            {
                return run.Output.Fail(new Problem([.. missing.Select(name => new OpenKP.Shared.Violation(CliCodes.FileNotFound, $"{Path.Combine(folder, name)} does not exist.", "--from"))]));
            }

            var files = ReferenceFiles.FromDirectory(folder);
            if (parse.GetValue(dryRun))
            {
                var checkedFiles = ReferenceDataLoader.Parse(files, out _);
                if (!checkedFiles.Succeeded)
                {
                    return run.Output.Fail(new Problem(checkedFiles.Violations));
                }

                run.Output.Console.MarkupLine(Output.Text($"The files in {folder} are valid; nothing was changed (--dry-run)."));
                return ExitCodes.Ok;
            }

            var opened = await run.OpenDatabaseAsync(local, ct, loadReferenceData: false);
            if (opened.Problem is { } unavailable)
            {
                return run.Output.Fail(unavailable);
            }

            await using var db = opened.Value!;
            var loaded = await ReferenceDataLoader.LoadAsync(db, files, context.Clock.GetUtcNow().UtcDateTime, ct);
            if (!loaded.Succeeded)
            {
                return run.Output.Fail(new Problem(loaded.Violations));
            }

            var report = loaded.Value!;
            if (run.Output.Json)
            {
                run.Output.WriteJson(Answer<ReferenceDataReport>.Ok(report));
                return ExitCodes.Ok;
            }

            var table = run.Output.Table("Imported", "Count");
            table.AddRow("participants added", $"{report.ParticipantsAdded}");
            table.AddRow("participants updated", $"{report.ParticipantsUpdated}");
            table.AddRow("status events added", $"{report.StatusEventsAdded}");
            table.AddRow("embargoes added", $"{report.EmbargoesAdded}");
            table.AddRow("zones added", $"{report.ZonesAdded}");
            table.AddRow("EU memberships written", $"{report.EuMembershipsUpserted}");
            table.AddRow("observers written", $"{report.ObserversUpserted}");
            run.Output.Console.Write(table);
            run.Output.Console.MarkupLine(Output.Text($"Imported {folder} into {LocalDatabase.Describe(local)}."));
            return ExitCodes.Ok;
        }));

        var registry = new Command("registry", "Maintain the local registry's reference data");
        registry.Subcommands.Add(import);
        root.Subcommands.Add(registry);
    }
}
