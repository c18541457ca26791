using System.CommandLine;
using System.Globalization;
using OpenKP.Cli.Shared;
using OpenKP.Notifications;
using OpenKP.Shared;
using Spectre.Console;

namespace OpenKP.Cli.Notifications;

/// <summary><c>openkp inbox list [--unread]</c>: the signed-in account's messages, from the server.</summary>
internal static class InboxCommands
{
    private const string ServerOnly = "An inbox belongs to an account: add --server URL and sign in (--user or --token).";

    public static void AddTo(RootCommand root, CliContext context, GlobalOptions globals)
    {
        var inbox = new Command("inbox", "Your messages: certificates, shipments, alerts (server only)");
        var unread = new Option<bool>("--unread") { Description = "Only messages you have not read" };
        var list = new Command("list", "Your messages, newest first (server only)") { unread };
        list.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var answer = await run.ServerOnlyAsync(
                api => api.GetAsync<Paged<InboxMessageView>>("api/inbox?pageSize=200" + (parse.GetValue(unread) ? "&unread=true" : string.Empty), ct), ServerOnly, ct);
            if (answer.Problem is { } problem)
            {
                return run.Output.Fail(problem);
            }

            if (run.Output.Json)
            {
                run.Output.WriteJson(answer);
                return ExitCodes.Ok;
            }

            var table = run.Output.Table("Id", "Received", "Read", "Type", "Subject", "Link");
            foreach (var m in answer.Value!.Items)
            {
                table.AddRow(m.Id.ToString(CultureInfo.InvariantCulture), m.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    m.Read ? "yes" : "NEW", m.Type, Output.Text(m.Subject), Output.Text(m.Link ?? "-"));
            }

            run.Output.Console.Write(table);
            if (answer.Value!.Items.Count == 0)
            {
                run.Output.Note("No messages.");
            }

            return ExitCodes.Ok;
        }));
        inbox.Subcommands.Add(list);
        root.Subcommands.Add(inbox);
    }
}
