using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenKP.Cli.Shared;
using OpenKP.Shared;
using OpenKP.Shipments;
using Spectre.Console;

namespace OpenKP.Cli.Shipments;

/// <summary>
/// <c>openkp alerts list | raise | acknowledge</c>. Listing works locally or remotely; raising and
/// acknowledging act for a participant's officer, so they go to the server as a signed-in account.
/// </summary>
internal static class AlertCommands
{
    public static void AddTo(RootCommand root, CliContext context, GlobalOptions globals)
    {
        var alerts = new Command("alerts", "Alerts between the participants' authorities: list, raise, acknowledge");

        var unacknowledged = new Option<bool>("--unacknowledged") { Description = "Only alerts your participant has not acknowledged (server mode, as an officer)" };
        var list = new Command("list", "Alerts, newest first") { unacknowledged };
        list.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var only = parse.GetValue(unacknowledged);
            if (only && run.Target is not RemoteTarget)
            {
                return run.Output.Fail(Problem.Of(CliCodes.ServerRequired, "--unacknowledged is about your participant: add --server URL and sign in as its officer."));
            }

            var answer = await run.AskAsync(
                api => api.GetAsync<Paged<AlertView>>("api/alerts?pageSize=200" + (only ? "&unacknowledged=true" : string.Empty), ct),
                async db =>
                {
                    var rows = await db.Alerts.AsNoTracking().Include(a => a.Acknowledgements).OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).Take(200).ToListAsync(ct);
                    return Answer<Paged<AlertView>>.Ok(new Paged<AlertView>([.. rows.Select(a => AlertView.Of(a, null))], 1, 200, await db.Alerts.CountAsync(ct)));
                },
                ct);
            return Print(run, answer);
        }));

        var kind = new Option<string>("--kind") { Description = "fraudulent-certificate, suspicious-shipment, lost-or-stolen-forms or other", Required = true };
        var subject = new Option<string>("--subject") { Description = "One line: what happened", Required = true };
        var details = new Option<string>("--details") { Description = "What the other authorities need to know", Required = true };
        var certificate = new Option<string>("--certificate") { Description = "The certificate number it concerns, if any" };
        var raise = new Command("raise", "Raise an alert to every participant's authorities and the secretariat (server only)") { kind, subject, details, certificate };
        raise.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var k = input.Enum<AlertKind>(parse.GetValue(kind), "--kind");
            var s = input.Text(parse.GetValue(subject), "--subject", 200);
            var d = input.Text(parse.GetValue(details), "--details", 4000);
            var c = input.Text(parse.GetValue(certificate), "--certificate", 64, required: false);
            if (!input.IsValid)
            {
                return run.Output.Fail(new Problem(input.Errors));
            }

            var answer = await run.ServerOnlyAsync(api => api.PostAsync<AlertView>("api/alerts",
                new { kind = Input.Kebab(k), subject = s, details = d, certificateNumber = c.Length == 0 ? null : c }, ct), AlertsServerOnly, ct);
            return Print(run, answer.Problem is { } problem ? problem : Answer<Paged<AlertView>>.Ok(new Paged<AlertView>([answer.Value!], 1, 1, 1)));
        }));

        var id = new Argument<long>("ID") { Description = "The alert's id" };
        var acknowledge = new Command("acknowledge", "Your participant has read the alert (server only, once per participant)") { id };
        acknowledge.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var answer = await run.ServerOnlyAsync(api => api.PostAsync<AlertView>(
                "api/alerts/" + parse.GetValue(id).ToString(CultureInfo.InvariantCulture) + "/acknowledge", new { }, ct), AlertsServerOnly, ct);
            return Print(run, answer.Problem is { } problem ? problem : Answer<Paged<AlertView>>.Ok(new Paged<AlertView>([answer.Value!], 1, 1, 1)));
        }));

        alerts.Subcommands.Add(list);
        alerts.Subcommands.Add(raise);
        alerts.Subcommands.Add(acknowledge);
        root.Subcommands.Add(alerts);
    }

    private const string AlertsServerOnly = "Raising and acknowledging alerts act for a participant's officer: add --server URL and sign in.";

    private static int Print(CliRun run, Answer<Paged<AlertView>> answer)
    {
        if (answer.Problem is { } problem)
        {
            return run.Output.Fail(problem);
        }

        if (run.Output.Json)
        {
            run.Output.WriteJson(answer);
            return ExitCodes.Ok;
        }

        var table = run.Output.Table("Id", "Kind", "Raised", "By", "Certificate", "Subject", "Acknowledged by");
        foreach (var a in answer.Value!.Items)
        {
            table.AddRow(a.Id.ToString(CultureInfo.InvariantCulture), a.Kind, a.RaisedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                Output.Text($"{a.RaisedByParticipant ?? "secretariat"} ({a.RaisedBy})"), Output.Text(a.CertificateNumber ?? "-"), Output.Text(a.Subject),
                a.Acknowledgements.Count == 0 ? "-" : string.Join(", ", a.Acknowledgements.Select(k => k.Participant)));
        }

        run.Output.Console.Write(table);
        if (answer.Value!.Items.Count == 0)
        {
            run.Output.Note("No alerts.");
        }

        return ExitCodes.Ok;
    }
}
