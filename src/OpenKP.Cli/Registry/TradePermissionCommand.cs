using System.CommandLine;
using OpenKP.Cli.Shared;
using OpenKP.Registry;
using OpenKP.Shared;
using Spectre.Console;

namespace OpenKP.Cli.Registry;

/// <summary><c>openkp trade-permission</c>: may this shipment go? Exit 0 when allowed, 2 when refused.</summary>
internal static class TradePermissionCommand
{
    public static void AddTo(RootCommand root, CliContext context, GlobalOptions globals)
    {
        var exporter = new Option<string>("--exporter") { Description = "The exporting participant or country (ISO code)", Required = true };
        var importer = new Option<string>("--importer") { Description = "The importing participant or country (ISO code)", Required = true };
        var origin = new Option<string>("--origin") { Description = "The country of origin of the diamonds (ISO code)", Required = true };
        var zone = new Option<string>("--zone") { Description = "The origin zone, where the origin is zone-limited or under special measures (e.g. Berbérati, Marange)" };
        var on = new Option<string>("--on") { Description = "The day of the shipment, YYYY-MM-DD (default: today)" };
        var governmentCertified = new Option<bool>("--government-certified") { Description = "The goods carry the origin government's certificate (exempt from some UN embargoes)" };
        var command = new Command("trade-permission", "May exporter X ship to importer Y on a day diamonds of origin O (zone Z)? Exit 0 allowed, 2 refused")
        {
            exporter, importer, origin, zone, on, governmentCertified,
        };
        command.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var x = input.Code(parse.GetValue(exporter), "--exporter");
            var i = input.Code(parse.GetValue(importer), "--importer");
            var o = input.Code(parse.GetValue(origin), "--origin");
            var day = input.OptionalDate(parse.GetValue(on), "--on") ?? context.Today;
            var z = parse.GetValue(zone)?.Trim() is { Length: > 0 } named ? named : null;
            var certified = parse.GetValue(governmentCertified);
            if (!input.IsValid)
            {
                return run.Output.Fail(new Problem(input.Errors));
            }

            var query = $"api/trade-permission?exporter={x}&importer={i}&origin={o}&on={Output.Day(day)}"
                + (z is null ? string.Empty : "&zone=" + Uri.EscapeDataString(z))
                + (certified ? "&governmentCertified=true" : string.Empty);
            var answer = await run.AskAsync(
                api => api.GetAsync<TradePermissionView>(query, ct),
                async db => Answer<TradePermissionView>.Ok(await ParticipantCommands.Queries(db).TradePermissionAsync(new TradeQuestion(x, i, o, z, day, certified), ct)),
                ct);
            if (answer.Problem is { } problem)
            {
                return run.Output.Fail(problem);
            }

            var permission = answer.Value!;
            if (run.Output.Json)
            {
                run.Output.WriteJson(answer);
            }
            else
            {
                Print(run.Output, permission);
            }

            return permission.Allowed ? ExitCodes.Ok : ExitCodes.Refused;
        }));
        root.Subcommands.Add(command);
    }

    private static void Print(Output output, TradePermissionView p)
    {
        var console = output.Console;
        var zone = p.Zone is null ? string.Empty : $" (zone {p.Zone})";
        var question = $"{p.Exporter.Code} → {p.Importer.Code}, origin {p.Origin.Code}{zone}, on {Output.Day(p.On)}";
        console.MarkupLine(p.Allowed
            ? $"[green bold]ALLOWED[/]  {Output.Text(question)}"
            : $"[red bold]REFUSED[/]  {Output.Text(question)}");

        var standings = output.Table("Role", "Code", "Participant", "Status");
        foreach (var (role, s) in new[] { ("exporter", p.Exporter), ("importer", p.Importer), ("origin", p.Origin) })
        {
            standings.AddRow(role, s.Code, s.Participant ?? "-", Output.Status(s.Status));
        }

        console.Write(standings);
        if (p.Violations.Count > 0)
        {
            var violations = output.Table("Code", "Reason");
            foreach (var v in p.Violations)
            {
                violations.AddRow(Output.Text(v.Code), Output.Text(v.Message));
            }

            console.Write(violations);
        }
    }
}
