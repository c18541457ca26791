using System.CommandLine;
using OpenKP.Audit;
using OpenKP.Cli.Shared;
using Spectre.Console;

namespace OpenKP.Cli.Audit;

/// <summary><c>openkp audit verify</c>: recomputes the audit hash chain. Exit 0 intact, 3 broken.</summary>
internal static class AuditCommands
{
    public static void AddTo(RootCommand root, CliContext context, GlobalOptions globals)
    {
        var verify = new Command("verify", "Check that no audit row was changed or removed; name the first broken row. Exit 0 intact, 3 broken");
        verify.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var answer = await run.AskAsync(
                api => api.GetAsync<AuditVerification>("api/audit/verify", ct),
                async db => Answer<AuditVerification>.Ok(await AuditChain.VerifyAsync(db, ct)),
                ct);
            if (answer.Problem is { } problem)
            {
                return run.Output.Fail(problem);
            }

            var result = answer.Value!;
            if (run.Output.Json)
            {
                run.Output.WriteJson(answer);
            }
            else if (result.Intact)
            {
                run.Output.Console.MarkupLine($"[green bold]INTACT[/]  the audit chain holds: {result.RowsChecked} rows checked.");
            }
            else
            {
                run.Output.Console.MarkupLine($"[red bold]BROKEN[/]  {Output.Text($"the audit chain breaks at row {result.FirstBrokenId}: {result.Reason} ({result.RowsChecked} rows checked).")}");
            }

            return result.Intact ? ExitCodes.Ok : ExitCodes.AuditBroken;
        }));

        var audit = new Command("audit", "The audit trail of every change");
        audit.Subcommands.Add(verify);
        root.Subcommands.Add(audit);
    }
}
