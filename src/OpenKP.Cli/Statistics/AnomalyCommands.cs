using System.CommandLine;
using System.Globalization;
using OpenKP.Cli.Shared;
using OpenKP.Cli.Shipments;
using OpenKP.Shared;
using OpenKP.Statistics;
using Spectre.Console;

namespace OpenKP.Cli.Statistics;

/// <summary>
/// <c>openkp statistics anomalies detect | list</c> and <c>openkp statistics questionnaires list | show | create | send |
/// answer | close | escalate</c>: data anomalies and the Data Anomalies Questionnaire, against a server (the secretariat
/// detects and sends; a participant's authority officers answer).
/// </summary>
internal static class AnomalyCommands
{
    private const int PageSize = 500;

    public static void AddTo(RootCommand root, CliContext context, GlobalOptions globals)
    {
        var statistics = root.Subcommands.FirstOrDefault(c => c.Name == "statistics") ?? new Command("statistics", "KP statistics (server only)");
        if (!root.Subcommands.Contains(statistics))
        {
            root.Subcommands.Add(statistics);
        }

        statistics.Subcommands.Add(Anomalies(context, globals));
        statistics.Subcommands.Add(Questionnaires(context, globals));
    }

    private static Command Anomalies(CliContext context, GlobalOptions globals)
    {
        var anomalies = new Command("anomalies", "Data anomalies: run the rules over a year, list what they found");

        var detectYear = new Option<int>("--year") { Description = "The year to judge (its periods that have ended)", Required = true };
        var detect = new Command("detect", "Run every anomaly rule over a year and store what is found (the secretariat); idempotent") { detectYear };
        detect.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var year = parse.GetValue(detectYear);
            var answer = await run.ServerOnlyAsync(api => api.PostAsync<DetectionView>($"api/statistics/anomalies/detect?year={year.ToString(CultureInfo.InvariantCulture)}", new { }, ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, (output, r) => output.Console.MarkupLine(Output.Text(
                $"DETECTED  {r.Found} anomalies in {r.Year}: {r.Added} new, {r.Changed} changed, {r.Resolved} resolved.")));
        }));

        var year = new Option<int?>("--year") { Description = "Only this year" };
        var participant = new Option<string>("--participant") { Description = "Only this participant (the secretariat)" };
        var kind = new Option<string>("--kind") { Description = "Only this kind: " + string.Join(", ", Enum.GetNames<AnomalyKind>().Select(Input.Kebab)) };
        var status = new Option<string>("--status") { Description = "open or resolved" };
        var list = new Command("list", "Anomalies: the secretariat every participant's, an authority officer its own") { year, participant, kind, status };
        list.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var query = new Dictionary<string, string?>
            {
                ["year"] = parse.GetValue(year)?.ToString(CultureInfo.InvariantCulture),
                ["participant"] = parse.GetValue(participant),
                ["kind"] = parse.GetValue(kind),
                ["status"] = parse.GetValue(status),
                ["pageSize"] = PageSize.ToString(CultureInfo.InvariantCulture),
            };
            var answer = await run.ServerOnlyAsync(api => api.GetAsync<Paged<AnomalyView>>("api/statistics/anomalies" + Query(query), ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, (output, page) =>
            {
                var table = output.Table("Id", "Kind", "Participant", "Period", "Subject", "Measured", "Expected", "Status");
                foreach (var a in page.Items)
                {
                    table.AddRow(LoopOutput.Id(a.Id), a.Kind, a.Participant, a.Period, Output.Text(a.Subject), Amount(a.Unit, a.Measured),
                        a.ExpectedLow is { } low && a.ExpectedHigh is { } high ? $"{Amount(a.Unit, low)} – {Amount(a.Unit, high)}" : a.ExpectedHigh is { } h && a.Unit != "days" ? "≤ " + Amount(a.Unit, h) : "-",
                        LoopOutput.Status(a.Status));
                }

                output.Console.Write(table);
                LoopOutput.Count(output, page, "anomalies");
            });
        }));

        anomalies.Subcommands.Add(detect);
        anomalies.Subcommands.Add(list);
        return anomalies;
    }

    private static Command Questionnaires(CliContext context, GlobalOptions globals)
    {
        var questionnaires = new Command("questionnaires", "Data Anomalies Questionnaires: draft from anomalies, send, answer, close or escalate");

        var status = new Option<string>("--status") { Description = "Only this status: open, sent, answered, closed or escalated" };
        var list = new Command("list", "Questionnaires: the secretariat all; an authority officer those sent to its participant") { status };
        list.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var query = new Dictionary<string, string?> { ["status"] = parse.GetValue(status), ["pageSize"] = PageSize.ToString(CultureInfo.InvariantCulture) };
            var answer = await run.ServerOnlyAsync(api => api.GetAsync<Paged<QuestionnaireView>>("api/statistics/questionnaires" + Query(query), ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, (output, page) =>
            {
                var table = output.Table("Id", "Participant", "Period", "Questions", "Due on", "Status");
                foreach (var q in page.Items)
                {
                    table.AddRow(LoopOutput.Id(q.Id), q.Participant, q.Period, q.Questions.Count.ToString(CultureInfo.InvariantCulture),
                        Output.Day(q.DueOn) + (q.Overdue ? " (overdue)" : string.Empty), LoopOutput.Status(q.Status));
                }

                output.Console.Write(table);
                LoopOutput.Count(output, page, "questionnaires");
            });
        }));

        var showId = Id();
        var show = new Command("show", "A questionnaire with its questions, answers and steps") { showId };
        show.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
            LoopOutput.Show(run, await run.ServerOnlyAsync(api => api.GetAsync<QuestionnaireView>(Path(parse.GetValue(showId)), ct), LoopOutput.ServerOnly, ct), Print)));

        var anomalyIds = new Option<long[]>("--anomaly") { Description = "An anomaly to ask about (repeat for several of one participant and year)", Required = true, AllowMultipleArgumentsPerToken = true };
        var dueOn = new Option<string>("--due-on") { Description = "The due date, YYYY-MM-DD (default: today plus the thresholds' days)" };
        var create = new Command("create", "Draft a questionnaire from anomalies (the secretariat)") { anomalyIds, dueOn };
        create.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var due = input.OptionalDate(parse.GetValue(dueOn), "--due-on");
            if (!input.IsValid)
            {
                return run.Output.Fail(new Problem(input.Errors));
            }

            var body = new { anomalyIds = parse.GetValue(anomalyIds), dueOn = due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
            return LoopOutput.Show(run, await run.ServerOnlyAsync(api => api.PostAsync<QuestionnaireView>("api/statistics/questionnaires", body, ct), LoopOutput.ServerOnly, ct), Print);
        }));

        var sendId = Id();
        var send = new Command("send", "Send a draft to the participant (the secretariat)") { sendId };
        send.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
            LoopOutput.Show(run, await run.ServerOnlyAsync(api => api.PostAsync<QuestionnaireView>(Path(parse.GetValue(sendId)) + "/send", new { }, ct), LoopOutput.ServerOnly, ct), Print)));

        var answerId = Id();
        var answers = new Option<string[]>("--answer") { Description = "An answer as QUESTION-ID=TEXT; every question must be answered", Required = true, AllowMultipleArgumentsPerToken = true };
        var answer = new Command("answer", "Answer every question (the participant's authority officers)") { answerId, answers };
        answer.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var parsed = new List<object>();
            foreach (var given in parse.GetValue(answers) ?? [])
            {
                var cut = given.IndexOf('=', StringComparison.Ordinal);
                if (cut < 1 || !long.TryParse(given[..cut], NumberStyles.None, CultureInfo.InvariantCulture, out var question))
                {
                    input.Add(InputCodes.InvalidValue, $"'{given}' is not QUESTION-ID=TEXT.", "--answer");
                    continue;
                }

                parsed.Add(new { questionId = question, answer = given[(cut + 1)..] });
            }

            if (!input.IsValid)
            {
                return run.Output.Fail(new Problem(input.Errors));
            }

            return LoopOutput.Show(run, await run.ServerOnlyAsync(api => api.PostAsync<QuestionnaireView>(Path(parse.GetValue(answerId)) + "/answer", new { answers = parsed }, ct), LoopOutput.ServerOnly, ct), Print);
        }));

        var closeId = Id();
        var closeNote = new Option<string>("--note") { Description = "A note kept with the decision" };
        var close = new Command("close", "Accept the answers and close (the secretariat)") { closeId, closeNote };
        close.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
            LoopOutput.Show(run, await run.ServerOnlyAsync(api => api.PostAsync<QuestionnaireView>(Path(parse.GetValue(closeId)) + "/close", new { note = parse.GetValue(closeNote) }, ct), LoopOutput.ServerOnly, ct), Print)));

        var escalateId = Id();
        var reason = new Option<string>("--reason") { Description = "Why it is escalated", Required = true };
        var escalate = new Command("escalate", "Escalate with a reason (the secretariat)") { escalateId, reason };
        escalate.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
            LoopOutput.Show(run, await run.ServerOnlyAsync(api => api.PostAsync<QuestionnaireView>(Path(parse.GetValue(escalateId)) + "/escalate", new { note = parse.GetValue(reason) }, ct), LoopOutput.ServerOnly, ct), Print)));

        foreach (var command in new[] { list, show, create, send, answer, close, escalate })
        {
            questionnaires.Subcommands.Add(command);
        }

        return questionnaires;
    }

    private static Argument<long> Id() => new("ID") { Description = "The questionnaire's id" };

    private static string Path(long id) => "api/statistics/questionnaires/" + LoopOutput.Id(id);

    private static string Query(Dictionary<string, string?> values)
    {
        var given = values.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value!.Trim())}").ToList();
        return given.Count == 0 ? string.Empty : "?" + string.Join('&', given);
    }

    private static string Amount(string unit, decimal value) => unit switch
    {
        "usd-per-carat" => "US$ " + LoopOutput.Amount(value) + "/ct",
        "carats" => LoopOutput.Amount(value) + " ct",
        "usd" => "US$ " + LoopOutput.Amount(value),
        _ => value.ToString("0", CultureInfo.InvariantCulture) + (unit == "days" ? " days" : string.Empty),
    };

    private static void Print(Output output, QuestionnaireView q)
    {
        output.Console.MarkupLine(Output.Text($"Questionnaire {LoopOutput.Id(q.Id)} to {q.Participant} about {q.Period}: {q.Status}, due {Output.Day(q.DueOn)}" + (q.Overdue ? " (overdue)" : string.Empty)));
        output.Console.Write(LoopOutput.Fields(output,
            ("Drafted", $"{LoopOutput.Instant(q.CreatedAt)} by {q.CreatedBy}"),
            ("Sent", q.SentBy is { } s ? $"{LoopOutput.Instant(q.SentAt)} by {s}" : null),
            ("Answered", q.AnsweredBy is { } a ? $"{LoopOutput.Instant(q.AnsweredAt)} by {a}" : null),
            ("Decided", q.DecidedBy is { } d ? $"{LoopOutput.Instant(q.DecidedAt)} by {d}" : null),
            ("Note", q.DecisionNote)));
        output.Section("Questions", q.Questions, ["Id", "No.", "Anomaly", "Question", "Answer"],
            x => [LoopOutput.Id(x.Id), x.Number.ToString(CultureInfo.InvariantCulture), x.AnomalyId is { } aid ? LoopOutput.Id(aid) : "-", Output.Text(x.Text), Output.Text(x.Answer ?? "-")]);
    }
}
