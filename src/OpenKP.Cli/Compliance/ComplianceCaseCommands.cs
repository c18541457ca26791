using System.CommandLine;
using System.Globalization;
using OpenKP.Cli.Shared;
using OpenKP.Cli.Shipments;
using OpenKP.Compliance;
using OpenKP.Shared;
using Spectre.Console;

namespace OpenKP.Cli.Compliance;

/// <summary>
/// <c>openkp compliance-cases list | show | open | step | measure | propose-decision</c>: non-compliance cases against a
/// server (<c>/api/compliance/cases</c>; not the shipments' detention cases of <c>openkp cases</c>). The secretariat opens
/// cases and acts on every step; a participant's authority officers record steps of their own participant's cases;
/// observers and every authority officer list and read them.
/// </summary>
internal static class ComplianceCaseCommands
{
    private const int PageSize = 500;
    private const string ServerOnly =
        "Non-compliance cases are on the server: add --server URL and sign in with --user NAME or --token TOKEN (the secretariat, an authority officer or an observer).";

    public static void AddTo(RootCommand root, CliContext context, GlobalOptions globals)
    {
        var cases = new Command("compliance-cases", "Non-compliance cases: consultation, work plan, interim measure and decision (server only)");

        var participant = new Option<string>("--participant") { Description = "Only this participant" };
        var status = new Option<string>("--status") { Description = "Only this status: " + Names<ComplianceCaseStatus>() };
        var source = new Option<string>("--source") { Description = "Only this source: " + Names<CaseSource>() };
        var list = new Command("list", "Non-compliance cases, newest first") { participant, status, source };
        list.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var query = new Dictionary<string, string?>
            {
                ["participant"] = parse.GetValue(participant),
                ["status"] = parse.GetValue(status),
                ["source"] = parse.GetValue(source),
                ["pageSize"] = PageSize.ToString(CultureInfo.InvariantCulture),
            };
            var answer = await run.ServerOnlyAsync(api => api.GetAsync<Paged<ComplianceCaseView>>("api/compliance/cases" + Query(query), ct), ServerOnly, ct);
            return LoopOutput.Show(run, answer, (output, page) =>
            {
                var table = output.Table("Id", "Participant", "Source", "Title", "Measure", "Decision", "Opened", "Status");
                foreach (var c in page.Items)
                {
                    table.AddRow(LoopOutput.Id(c.Id), c.Participant, SourceOf(c), Output.Text(c.Title), c.Measure,
                        Output.Text(c.DecisionNumber ?? (c.DecisionId is { } d ? $"{LoopOutput.Id(d)} ({c.DecisionStatus})" : "-")), LoopOutput.Instant(c.OpenedAt), LoopOutput.Status(c.Status));
                }

                output.Console.Write(table);
                LoopOutput.Count(output, page, "cases");
            });
        }));

        var showId = Id();
        var show = new Command("show", "A case: in full (steps, work plan) for the secretariat and the participant concerned") { showId };
        show.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
            LoopOutput.Show(run, await run.ServerOnlyAsync(api => api.GetAsync<ComplianceCaseView>(Path(parse.GetValue(showId)), ct), ServerOnly, ct), Print)));

        var openParticipant = new Option<string>("--participant") { Description = "The participant concerned", Required = true };
        var openSource = new Option<string>("--source") { Description = "Where the concern comes from: " + Names<CaseSource>(), Required = true };
        var sourceId = new Option<long?>("--source-id") { Description = "The review, anomaly or alert id, or the year of the missing annual report (none for other)" };
        var title = new Option<string>("--title") { Description = "The case's title", Required = true };
        var summary = new Option<string>("--summary") { Description = "The concern", Required = true };
        var open = new Command("open", "Open a case against a participant (the secretariat)") { openParticipant, openSource, sourceId, title, summary };
        open.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var body = new { participant = parse.GetValue(openParticipant), source = parse.GetValue(openSource), sourceId = parse.GetValue(sourceId), title = parse.GetValue(title), summary = parse.GetValue(summary) };
            return LoopOutput.Show(run, await run.ServerOnlyAsync(api => api.PostAsync<ComplianceCaseView>("api/compliance/cases", body, ct), ServerOnly, ct), Print);
        }));

        var stepId = Id();
        var kind = new Option<string>("--kind") { Description = "consultation, letter, meeting or note", Required = true };
        var on = new Option<string>("--on") { Description = "When it happened, YYYY-MM-DD (default: today)" };
        var text = new Option<string>("--text") { Description = "What happened", Required = true };
        var step = new Command("step", "Record a consultation, letter, meeting or note (the secretariat; the participant's authority officers)") { stepId, kind, on, text };
        step.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var day = input.OptionalDate(parse.GetValue(on), "--on");
            if (!input.IsValid)
            {
                return run.Output.Fail(new Problem(input.Errors));
            }

            var body = new { kind = parse.GetValue(kind), on = day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), text = parse.GetValue(text) };
            return LoopOutput.Show(run, await run.ServerOnlyAsync(api => api.PostAsync<ComplianceCaseView>(Path(parse.GetValue(stepId)) + "/steps", body, ct), ServerOnly, ct), Print);
        }));

        var measureId = Id();
        var measureName = new Option<string>("--measure") { Description = "The interim measure: " + Names<InterimMeasure>(), Required = true };
        var scope = new Option<string>("--scope") { Description = "For special measures: what they cover" };
        var reason = new Option<string>("--reason") { Description = "The reasoning", Required = true };
        var measure = new Command("measure", "Recommend an interim measure with its reasoning (the secretariat)") { measureId, measureName, scope, reason };
        measure.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var body = new { measure = parse.GetValue(measureName), scope = parse.GetValue(scope), reason = parse.GetValue(reason) };
            return LoopOutput.Show(run, await run.ServerOnlyAsync(api => api.PostAsync<ComplianceCaseView>(Path(parse.GetValue(measureId)) + "/measure", body, ct), ServerOnly, ct), Print);
        }));

        var proposeId = Id();
        var procedure = new Option<string>("--procedure") { Description = "How it is to be decided: " + Names<DecisionProcedure>() + " (default plenary-consensus)" };
        var decisionTitle = new Option<string>("--title") { Description = "The decision's title (default: from the case)" };
        var decisionText = new Option<string>("--text") { Description = "The decision's text (default: the measure's reasoning)" };
        var propose = new Command("propose-decision", "Draft the decision that carries the recommended measure (the secretariat)") { proposeId, procedure, decisionTitle, decisionText };
        propose.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var body = new { procedure = parse.GetValue(procedure), title = parse.GetValue(decisionTitle), text = parse.GetValue(decisionText) };
            return LoopOutput.Show(run, await run.ServerOnlyAsync(api => api.PostAsync<ComplianceCaseView>(Path(parse.GetValue(proposeId)) + "/decision", body, ct), ServerOnly, ct), Print);
        }));

        foreach (var command in new[] { list, show, open, step, measure, propose })
        {
            cases.Subcommands.Add(command);
        }

        root.Subcommands.Add(cases);
    }

    private static Argument<long> Id() => new("ID") { Description = "The case's id" };

    private static string Path(long id) => "api/compliance/cases/" + LoopOutput.Id(id);

    private static string Names<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetNames<TEnum>().Select(Input.Kebab));

    private static string SourceOf(ComplianceCaseView c) => c.SourceId is { } id ? $"{c.Source} {id.ToString(CultureInfo.InvariantCulture)}" : c.Source;

    private static string Query(Dictionary<string, string?> values)
    {
        var given = values.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value!.Trim())}").ToList();
        return given.Count == 0 ? string.Empty : "?" + string.Join('&', given);
    }

    private static void Print(Output output, ComplianceCaseView c)
    {
        output.Console.MarkupLine(Output.Text($"Case {LoopOutput.Id(c.Id)} against {c.Participant}: {c.Title} — {c.Status}"));
        output.Console.Write(LoopOutput.Fields(output,
            ("Source", SourceOf(c)),
            ("Summary", c.Summary),
            ("Opened", $"{LoopOutput.Instant(c.OpenedAt)} by {c.OpenedBy}"),
            ("Measure", c.Measure == "none" ? null : c.Measure + (c.MeasureScope is { } s ? $" ({s})" : string.Empty)),
            ("Reasoning", c.MeasureReason),
            ("Decision", c.DecisionId is { } d ? $"{LoopOutput.Id(d)} {c.DecisionNumber} ({c.DecisionStatus})" + (c.DecisionEffectiveOn is { } e ? $", effective {Output.Day(e)}" : string.Empty) : null),
            ("Outcome", c.Outcome),
            ("Closed", c.ClosedAt is { } at ? LoopOutput.Instant(at) : null)));
        if (c.Steps is { } steps)
        {
            output.Section("Steps", steps, ["Id", "On", "Kind", "Text", "By"],
                s => [LoopOutput.Id(s.Id), Output.Day(s.On), s.Kind, Output.Text(s.Text), Output.Text(s.By)]);
        }

        if (c.WorkPlan is { } plan)
        {
            output.Section("Work plan", plan, ["Id", "Action", "Due on", "Status"],
                w => [LoopOutput.Id(w.Id), Output.Text(w.Text), Output.Day(w.DueOn) + (w.Overdue ? " (overdue)" : string.Empty), LoopOutput.Status(w.Status)]);
        }
    }
}
