using System.CommandLine;
using System.Globalization;
using OpenKP.Cli.Shared;
using OpenKP.Cli.Shipments;
using OpenKP.Compliance;
using OpenKP.Shared;
using Spectre.Console;

namespace OpenKP.Cli.Compliance;

/// <summary>
/// <c>openkp decisions list | show | draft | adopt | what-if</c>, <c>openkp meetings list | add</c> and
/// <c>openkp bodies list</c>: the scheme's administrative decisions, meetings and working bodies, against a server.
/// </summary>
internal static class DecisionCommands
{
    private const int PageSize = 500;

    public static void AddTo(RootCommand root, CliContext context, GlobalOptions globals)
    {
        root.Subcommands.Add(Decisions(context, globals));
        root.Subcommands.Add(Meetings(context, globals));
        root.Subcommands.Add(Bodies(context, globals));
    }

    private static Command Decisions(CliContext context, GlobalOptions globals)
    {
        var decisions = new Command("decisions", "Administrative decisions: draft, adopt, and what their status changes would touch (server only)");

        var status = new Option<string>("--status") { Description = "Only this status: draft, written-procedure-open, adopted, rejected, withdrawn" };
        var year = new Option<int?>("--year") { Description = "Only decisions adopted (or drafted) this year" };
        var participant = new Option<string>("--participant") { Description = "Only decisions affecting this participant" };
        var search = new Option<string>("--search") { Description = "Words in the title or text" };
        var list = new Command("list", "Decisions (anyone sees adopted ones; the secretariat also drafts)") { status, year, participant, search };
        list.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var query = new Dictionary<string, string?>
            {
                ["status"] = parse.GetValue(status),
                ["year"] = parse.GetValue(year)?.ToString(CultureInfo.InvariantCulture),
                ["participant"] = parse.GetValue(participant),
                ["q"] = parse.GetValue(search),
                ["pageSize"] = PageSize.ToString(CultureInfo.InvariantCulture),
            };
            var answer = await run.ServerOnlyAsync(api => api.GetAsync<Paged<DecisionRecordView>>("api/compliance/decisions" + Query(query), ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, (output, page) =>
            {
                var table = output.Table("Id", "Number", "Title", "Status", "Adopted", "Effective", "Affects");
                foreach (var d in page.Items)
                {
                    table.AddRow(LoopOutput.Id(d.Id), d.Number ?? "-", Output.Text(d.Title), LoopOutput.Status(d.Status), LoopOutput.Day(d.AdoptedOn), LoopOutput.Day(d.EffectiveOn),
                        LoopOutput.Codes([.. d.Effects.Select(e => e.Participant).Distinct()]));
                }

                output.Console.Write(table);
                LoopOutput.Count(output, page, "decisions");
            });
        }));

        var showId = Id();
        var show = new Command("show", "A decision with its effects") { showId };
        show.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
            LoopOutput.Show(run, await run.ServerOnlyAsync(api => api.GetAsync<DecisionRecordView>(Path(parse.GetValue(showId)), ct), LoopOutput.ServerOnly, ct), Print)));

        var title = new Option<string>("--title") { Description = "The decision's title", Required = true };
        var text = new Option<string>("--text") { Description = "The operative text", Required = true };
        var procedure = new Option<string>("--procedure") { Description = "plenary-consensus, plenary-vote or written-procedure", DefaultValueFactory = _ => "plenary-consensus" };
        var meeting = new Option<long?>("--meeting") { Description = "The meeting's id (plenary procedures)" };
        var body = new Option<string>("--body") { Description = "The working body proposing it (e.g. wgm)" };
        var effects = new Option<string[]>("--effect")
        {
            Description = "An effect: status-change:CODE:STATUS[:SCOPE], compliant-zone:CODE:ZONE, special-measures-area:CODE:ZONE or embargo:ORIGIN (repeatable)",
            AllowMultipleArgumentsPerToken = true,
        };
        var draft = new Command("draft", "Draft a decision with its registry effects (the secretariat)") { title, text, procedure, meeting, body, effects };
        draft.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var rows = new List<object>();
            foreach (var given in parse.GetValue(effects) ?? [])
            {
                var parts = given.Split(':', 4);
                if (parts.Length < 2)
                {
                    input.Add(InputCodes.InvalidValue, $"'{given}' is not KIND:CODE[:…].", "--effect");
                    continue;
                }

                var zone = parts[0] is "compliant-zone" or "special-measures-area" && parts.Length > 2 ? parts[2] : null;
                rows.Add(new
                {
                    kind = parts[0],
                    participant = parts[1],
                    status = parts[0] == "status-change" && parts.Length > 2 ? parts[2] : null,
                    scope = parts[0] == "status-change" && parts.Length > 3 ? parts[3] : null,
                    zoneName = zone,
                });
            }

            if (!input.IsValid)
            {
                return run.Output.Fail(new Problem(input.Errors));
            }

            var request = new { title = parse.GetValue(title), text = parse.GetValue(text), procedure = parse.GetValue(procedure), meetingId = parse.GetValue(meeting), workingBody = parse.GetValue(body), effects = rows };
            return LoopOutput.Show(run, await run.ServerOnlyAsync(api => api.PostAsync<DecisionRecordView>("api/compliance/decisions", request, ct), LoopOutput.ServerOnly, ct), Print);
        }));

        var adoptId = Id();
        var adoptedOn = new Option<string>("--adopted-on") { Description = "The day of adoption, YYYY-MM-DD (default today)" };
        var effectiveOn = new Option<string>("--effective-on") { Description = "The day the effects start, YYYY-MM-DD (default the adoption day)" };
        var votesFor = new Option<int?>("--votes-for") { Description = "Plenary vote: votes for" };
        var votesAgainst = new Option<int?>("--votes-against") { Description = "Plenary vote: votes against" };
        var abstaining = new Option<int?>("--abstaining") { Description = "Plenary vote: abstentions" };
        var adopt = new Command("adopt", "Adopt a decision and apply its effects to the registry (the secretariat)") { adoptId, adoptedOn, effectiveOn, votesFor, votesAgainst, abstaining };
        adopt.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var request = new { adoptedOn = parse.GetValue(adoptedOn), effectiveOn = parse.GetValue(effectiveOn), votesFor = parse.GetValue(votesFor), votesAgainst = parse.GetValue(votesAgainst), votesAbstaining = parse.GetValue(abstaining) };
            return LoopOutput.Show(run, await run.ServerOnlyAsync(api => api.PostAsync<DecisionRecordView>(Path(parse.GetValue(adoptId)) + "/adopt", request, ct), LoopOutput.ServerOnly, ct), Print);
        }));

        var whatIfId = Id();
        var on = new Option<string>("--on") { Description = "Judge from this day, YYYY-MM-DD (default the decision's effective day or today)" };
        var whatIf = new Command("what-if", "Certificates in flight and pending export applications the decision's status changes would touch (the secretariat)") { whatIfId, on };
        whatIf.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var path = Path(parse.GetValue(whatIfId)) + "/what-if" + Query(new() { ["on"] = parse.GetValue(on) });
            return LoopOutput.Show(run, await run.ServerOnlyAsync(api => api.GetAsync<DecisionWhatIfView>(path, ct), LoopOutput.ServerOnly, ct), (output, w) =>
            {
                output.Console.MarkupLine(Output.Text($"From {Output.Day(w.EffectiveOn)}, for {string.Join(", ", w.Participants)}: {w.Certificates.Count} certificates in flight, {w.Applications.Count} pending applications."));
                output.Section("Certificates in flight", w.Certificates, ["Number", "From", "To", "Issued", "Expires"],
                    c => [c.Number, c.IssuingParticipant, c.ImportingParticipant, Output.Day(c.IssuedOn), Output.Day(c.ExpiresOn)]);
                output.Section("Pending export applications", w.Applications, ["Id", "From", "To", "Status"],
                    a => [LoopOutput.Id(a.Id), a.Participant, a.ImportingParticipant, a.Status]);
            });
        }));

        foreach (var command in new[] { list, show, draft, adopt, whatIf })
        {
            decisions.Subcommands.Add(command);
        }

        return decisions;
    }

    private static Command Meetings(CliContext context, GlobalOptions globals)
    {
        var meetings = new Command("meetings", "Plenary and intersessional meetings (server only)");
        var list = new Command("list", "Meetings, latest first (the secretariat, authority officers, observers)");
        list.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var answer = await run.ServerOnlyAsync(api => api.GetAsync<Paged<MeetingView>>($"api/compliance/meetings?pageSize={PageSize}", ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, (output, page) =>
            {
                var table = output.Table("Id", "Kind", "Title", "Dates", "Place", "Chair");
                foreach (var m in page.Items)
                {
                    table.AddRow(LoopOutput.Id(m.Id), m.Kind, Output.Text(m.Title), $"{Output.Day(m.StartsOn)} – {Output.Day(m.EndsOn)}", Output.Text(m.Place), m.Chair ?? "-");
                }

                output.Console.Write(table);
                LoopOutput.Count(output, page, "meetings");
            });
        }));

        var kind = new Option<string>("--kind") { Description = "plenary or intersessional", Required = true };
        var title = new Option<string>("--title") { Description = "As the scheme names it", Required = true };
        var startsOn = new Option<string>("--starts-on") { Description = "First day, YYYY-MM-DD", Required = true };
        var endsOn = new Option<string>("--ends-on") { Description = "Last day, YYYY-MM-DD (default the first day)" };
        var place = new Option<string>("--place") { Description = "Where it meets", Required = true };
        var chair = new Option<string>("--chair") { Description = "The participant chairing" };
        var summary = new Option<string>("--summary") { Description = "A summary of the meeting" };
        var add = new Command("add", "Record a meeting (the secretariat)") { kind, title, startsOn, endsOn, place, chair, summary };
        add.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var request = new { kind = parse.GetValue(kind), title = parse.GetValue(title), startsOn = parse.GetValue(startsOn), endsOn = parse.GetValue(endsOn), place = parse.GetValue(place), chair = parse.GetValue(chair), summary = parse.GetValue(summary) };
            return LoopOutput.Show(run, await run.ServerOnlyAsync(api => api.PostAsync<MeetingView>("api/compliance/meetings", request, ct), LoopOutput.ServerOnly, ct), (output, m) =>
                output.Console.MarkupLine(Output.Text($"RECORDED  meeting {LoopOutput.Id(m.Id)}: {m.Title}, {Output.Day(m.StartsOn)} – {Output.Day(m.EndsOn)}, {m.Place}")));
        }));

        meetings.Subcommands.Add(list);
        meetings.Subcommands.Add(add);
        return meetings;
    }

    private static Command Bodies(CliContext context, GlobalOptions globals)
    {
        var bodies = new Command("bodies", "The scheme's working groups and committees (server only)");
        var year = new Option<int?>("--year") { Description = "The year (default this year)" };
        var list = new Command("list", "Every working body with its members and outcomes for a year") { year };
        list.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var path = "api/compliance/bodies" + Query(new() { ["year"] = parse.GetValue(year)?.ToString(CultureInfo.InvariantCulture) });
            return LoopOutput.Show(run, await run.ServerOnlyAsync(api => api.GetAsync<List<BodyView>>(path, ct), LoopOutput.ServerOnly, ct), (output, all) =>
            {
                var table = output.Table("Code", "Body", "Year", "Members", "Outcomes");
                foreach (var b in all)
                {
                    table.AddRow(b.Code, Output.Text(b.Name), b.Year.ToString(CultureInfo.InvariantCulture),
                        Output.Text(b.Members.Count == 0 ? "-" : string.Join(", ", b.Members.Select(m => m.Role == "member" ? m.Member : $"{m.Member} ({m.Role})"))),
                        b.Outcome is null ? "-" : "recorded");
                }

                output.Console.Write(table);
            });
        }));
        bodies.Subcommands.Add(list);
        return bodies;
    }

    private static Argument<long> Id() => new("ID") { Description = "The decision's id" };

    private static string Path(long id) => "api/compliance/decisions/" + LoopOutput.Id(id);

    private static string Query(Dictionary<string, string?> values)
    {
        var given = values.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value!.Trim())}").ToList();
        return given.Count == 0 ? string.Empty : "?" + string.Join('&', given);
    }

    private static void Print(Output output, DecisionRecordView d)
    {
        output.Console.MarkupLine(Output.Text($"Decision {LoopOutput.Id(d.Id)}{(d.Number is { } n ? " " + n : string.Empty)}: {d.Title} ({d.Status})"));
        output.Console.Write(LoopOutput.Fields(output,
            ("Procedure", d.Procedure),
            ("Adopted", d.AdoptedOn is { } a ? $"{Output.Day(a)} by {d.AdoptedBy}" : null),
            ("Effective", d.EffectiveOn is { } e ? Output.Day(e) : null),
            ("Objection deadline", d.ObjectionDeadline is { } o ? Output.Day(o) : null),
            ("Objections", d.Objections),
            ("Text", d.Text)));
        output.Section("Effects", d.Effects, ["Kind", "Participant", "Status", "Zone", "Scope", "Ends on"],
            x => [x.Kind, x.Participant, x.Status ?? "-", Output.Text(x.ZoneName ?? "-"), Output.Text(x.Scope ?? "-"), LoopOutput.Day(x.EndsOn)]);
    }
}
