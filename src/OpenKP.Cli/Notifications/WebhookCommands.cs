using System.CommandLine;
using System.Globalization;
using OpenKP.Cli.Shared;
using OpenKP.Notifications;
using OpenKP.Shared;
using Spectre.Console;

namespace OpenKP.Cli.Notifications;

/// <summary>
/// <c>openkp webhooks list | add | remove | deliveries</c>: a participant's webhook endpoints, through the
/// server as its authority officer (or the secretariat with <c>--participant</c>).
/// </summary>
internal static class WebhookCommands
{
    private const string ServerOnly = "Webhooks are managed by the server that sends them: add --server URL and sign in as an authority officer.";

    public static void AddTo(RootCommand root, CliContext context, GlobalOptions globals)
    {
        var webhooks = new Command("webhooks", "Your participant's webhook endpoints for national systems (server only)");

        Option<string> ParticipantOption() => new("--participant") { Description = "The participant (ISO code); default: the signed-in officer's" };

        var listParticipant = ParticipantOption();
        var list = new Command("list", "The endpoints, with the events each receives") { listParticipant };
        list.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var answer = await run.ServerOnlyAsync(async api =>
            {
                var code = await ParticipantAsync(api, parse.GetValue(listParticipant), ct);
                return code.Problem is { } problem ? problem : await api.GetAsync<IReadOnlyList<WebhookView>>($"api/participants/{code.Value}/webhooks", ct);
            }, ServerOnly, ct);
            return Print(run, answer);
        }));

        var url = new Option<string>("--url") { Description = "The endpoint's absolute https:// URL", Required = true };
        var events = new Option<string>("--events") { Description = "Event names separated by commas (see docs/webhooks.md), or * for all", Required = true };
        var addParticipant = ParticipantOption();
        var add = new Command("add", "Register an endpoint; prints its signing secret, this once") { url, events, addParticipant };
        add.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var names = (parse.GetValue(events) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var answer = await run.ServerOnlyAsync(async api =>
            {
                var code = await ParticipantAsync(api, parse.GetValue(addParticipant), ct);
                return code.Problem is { } problem ? problem
                    : await api.PostAsync<WebhookCreatedView>($"api/participants/{code.Value}/webhooks", new { url = parse.GetValue(url), events = names }, ct);
            }, ServerOnly, ct);
            if (answer.Problem is { } refused)
            {
                return run.Output.Fail(refused);
            }

            if (run.Output.Json)
            {
                run.Output.WriteJson(answer);
                return ExitCodes.Ok;
            }

            var created = answer.Value!;
            run.Output.Console.WriteLine($"Webhook {created.Id.ToString(CultureInfo.InvariantCulture)} for {created.Participant}: {created.Url}");
            run.Output.Console.WriteLine($"Events: {string.Join(", ", created.Events)}");
            run.Output.Console.WriteLine($"Secret (shown once, store it now): {created.Secret}");
            return ExitCodes.Ok;
        }));

        var removeId = new Argument<long>("ID") { Description = "The endpoint's id" };
        var removeParticipant = ParticipantOption();
        var remove = new Command("remove", "Remove an endpoint: nothing more is sent to it") { removeId, removeParticipant };
        remove.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var answer = await run.ServerOnlyAsync(async api =>
            {
                var code = await ParticipantAsync(api, parse.GetValue(removeParticipant), ct);
                return code.Problem is { } problem ? problem
                    : await api.DeleteAsync($"api/participants/{code.Value}/webhooks/{parse.GetValue(removeId).ToString(CultureInfo.InvariantCulture)}", ct);
            }, ServerOnly, ct);
            if (answer.Problem is { } refused)
            {
                return run.Output.Fail(refused);
            }

            run.Output.Note($"Webhook {parse.GetValue(removeId).ToString(CultureInfo.InvariantCulture)} removed.");
            return ExitCodes.Ok;
        }));

        var deliveriesId = new Argument<long>("ID") { Description = "The endpoint's id" };
        var deliveriesParticipant = ParticipantOption();
        var deliveries = new Command("deliveries", "An endpoint's deliveries, newest first, with their attempts") { deliveriesId, deliveriesParticipant };
        deliveries.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var answer = await run.ServerOnlyAsync(async api =>
            {
                var code = await ParticipantAsync(api, parse.GetValue(deliveriesParticipant), ct);
                return code.Problem is { } problem ? problem
                    : await api.GetAsync<Paged<WebhookDeliveryView>>(
                        $"api/participants/{code.Value}/webhooks/{parse.GetValue(deliveriesId).ToString(CultureInfo.InvariantCulture)}/deliveries?pageSize=200", ct);
            }, ServerOnly, ct);
            if (answer.Problem is { } refused)
            {
                return run.Output.Fail(refused);
            }

            if (run.Output.Json)
            {
                run.Output.WriteJson(answer);
                return ExitCodes.Ok;
            }

            var table = run.Output.Table("Delivery", "Event", "Type", "Status", "Attempts", "Last answer", "Next attempt");
            foreach (var d in answer.Value!.Items)
            {
                var last = d.AttemptLog.Count == 0 ? null : d.AttemptLog[^1];
                table.AddRow(d.Id.ToString(CultureInfo.InvariantCulture), d.EventId.ToString("D"), d.EventType, d.Status, d.Attempts.ToString(CultureInfo.InvariantCulture),
                    Output.Text(last is null ? "-" : last.StatusCode is { } s ? "HTTP " + s.ToString(CultureInfo.InvariantCulture) : last.Error),
                    d.NextAttemptAt?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-");
            }

            run.Output.Console.Write(table);
            if (answer.Value!.Items.Count == 0)
            {
                run.Output.Note("No deliveries yet.");
            }

            return ExitCodes.Ok;
        }));

        webhooks.Subcommands.Add(list);
        webhooks.Subcommands.Add(add);
        webhooks.Subcommands.Add(remove);
        webhooks.Subcommands.Add(deliveries);
        root.Subcommands.Add(webhooks);
    }

    /// <summary><c>--participant</c> when given, else the signed-in account's participant (from <c>/api/me</c>).</summary>
    private static async Task<Answer<string>> ParticipantAsync(ApiClient api, string? given, CancellationToken ct)
    {
        var input = new Input();
        if (!string.IsNullOrWhiteSpace(given))
        {
            var code = input.Code(given, "--participant");
            return input.IsValid ? Answer<string>.Ok(code) : new Problem(input.Errors);
        }

        var me = await api.GetAsync<MeAnswer>("api/me", ct);
        if (me.Problem is { } problem)
        {
            return problem;
        }

        return me.Value!.Participant is { Length: > 0 } own
            ? Answer<string>.Ok(own)
            : Problem.Of(InputCodes.Required, "This account acts for no participant: name one with --participant CODE.");
    }

    private static int Print(CliRun run, Answer<IReadOnlyList<WebhookView>> answer)
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

        var table = run.Output.Table("Id", "Participant", "URL", "Events", "Added", "By");
        foreach (var w in answer.Value!)
        {
            table.AddRow(w.Id.ToString(CultureInfo.InvariantCulture), w.Participant, Output.Text(w.Url), Output.Text(string.Join(", ", w.Events)),
                w.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Output.Text(w.CreatedBy));
        }

        run.Output.Console.Write(table);
        if (answer.Value!.Count == 0)
        {
            run.Output.Note("No webhooks.");
        }

        return ExitCodes.Ok;
    }

    private sealed record MeAnswer(string? Participant);
}
