using System.CommandLine;
using OpenKP.Cli.Shared;
using OpenKP.Registry;
using OpenKP.Shared;
using Spectre.Console;

namespace OpenKP.Cli.Registry;

/// <summary><c>openkp participants list</c> and <c>openkp participants show CODE</c>.</summary>
internal static class ParticipantCommands
{
    /// <summary>The API's largest page; the list command reads every page.</summary>
    private const int PageSize = 500;

    public static void AddTo(RootCommand root, CliContext context, GlobalOptions globals)
    {
        var participants = new Command("participants", "The KP participants and their status on any day");
        participants.Subcommands.Add(List(context, globals));
        participants.Subcommands.Add(Show(context, globals));
        root.Subcommands.Add(participants);
    }

    private static Command List(CliContext context, GlobalOptions globals)
    {
        var on = new Option<string>("--on") { Description = "The day to judge, YYYY-MM-DD (default: today)" };
        var search = new Option<string>("--search", "-q") { Description = "Only participants whose code or English or French name contains this text" };
        var status = new Option<string>("--status") { Description = $"Only participants with this status on the day: {string.Join(", ", StandingView.StatusNames)}" };
        var command = new Command("list", "Every participant with its status on a day") { on, search, status };
        command.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var day = input.OptionalDate(parse.GetValue(on), "--on") ?? context.Today;
            var wanted = input.OneOf(parse.GetValue(status), "--status", StandingView.StatusNames);
            var text = parse.GetValue(search);
            if (!input.IsValid)
            {
                return run.Output.Fail(new Problem(input.Errors));
            }

            var answer = await run.AskAsync(
                api => ReadAllPagesAsync(page => api.GetAsync<Paged<ParticipantSummary>>(ListQuery(day, text, wanted, page), ct)),
                db => ReadAllPagesAsync(async page => Answer<Paged<ParticipantSummary>>.Ok(
                    await Queries(db).ListParticipantsAsync(new ParticipantListQuery(day, text, wanted, page, PageSize), ct))),
                ct);
            if (answer.Problem is { } problem)
            {
                return run.Output.Fail(problem);
            }

            var list = answer.Value!;
            if (run.Output.Json)
            {
                run.Output.WriteJson(answer);
                return ExitCodes.Ok;
            }

            var table = run.Output.Table("Code", "Participant", "Kind", "Status", "Since");
            foreach (var p in list.Items)
            {
                table.AddRow(p.Code, Output.Text(p.Name), StandingView.Kebab(p.Kind), Output.Status(p.Status), p.StatusSince is { } since ? Output.Day(since) : string.Empty);
            }

            run.Output.Console.Write(table);
            run.Output.Console.MarkupLine(Output.Text($"{list.Total} participant{(list.Total == 1 ? string.Empty : "s")} on {Output.Day(day)}."));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Show(CliContext context, GlobalOptions globals)
    {
        var code = new Argument<string>("code") { Description = "The participant's code: ISO 3166-1 alpha-2, or EU" };
        var command = new Command("show", "A participant: its status today, its whole history with the decisions, zones, embargoes and authorities") { code };
        command.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var c = input.Code(parse.GetValue(code), "code");
            if (!input.IsValid)
            {
                return run.Output.Fail(new Problem(input.Errors));
            }

            var answer = await run.AskAsync(
                api => api.GetAsync<ParticipantView>($"api/participants/{c}", ct),
                async db => await Queries(db).GetParticipantAsync(c, context.Today, ct) is { } view
                    ? Answer<ParticipantView>.Ok(view)
                    : Problem.Of(RegistryCodes.ParticipantNotFound, $"There is no participant {c} in the registry.", "code"),
                ct);
            if (answer.Problem is { } problem)
            {
                return run.Output.Fail(problem);
            }

            if (run.Output.Json)
            {
                run.Output.WriteJson(answer);
            }
            else
            {
                Print(run.Output, answer.Value!);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Print(Output output, ParticipantView p)
    {
        var console = output.Console;
        console.MarkupLine($"[bold]{Output.Text(p.Name)}[/] ({p.Code}) · {Output.Text(p.NameFr)}");
        console.MarkupLine($"Kind: {StandingView.Kebab(p.Kind)} · admitted {Output.Text(p.Admitted)}");
        var since = p.Today.Since is { } day ? $" since {Output.Day(day)}" : string.Empty;
        var scope = p.Today.Scope is { Length: > 0 } s ? $" ({Output.Text(s)})" : string.Empty;
        console.MarkupLine($"Status on {Output.Day(p.Today.On)}: {Output.Status(p.Today.Status)}{Output.Text(since)}{scope}");

        output.Section("History", p.History, ["Date", "Status", "Scope", "Decision", "Note"], e =>
        [
            Output.Text(e.Date + (e.Scheduled ? " (scheduled)" : string.Empty)), Output.Status(e.Status), Output.Text(e.Scope),
            Output.Text(string.Join(" · ", new[] { e.Decision.Title, e.Decision.Reference }.Where(x => !string.IsNullOrWhiteSpace(x)))), Output.Text(e.Note),
        ]);
        output.Section("Zones", p.Zones, ["Zone", "Kind", "From", "Until"], z =>
            [Output.Text(z.Name), StandingView.Kebab(z.Kind), Output.Day(z.From), Until(z.EndsOn)]);
        output.Section("UN embargoes on this origin", p.Embargoes, ["From", "Until", "Government-certified exempt", "Decision"], e =>
            [Output.Day(e.From), Until(e.EndsOn), e.GovernmentCertifiedExempt ? "yes" : "no", Output.Text(e.Decision.Title)]);
        output.Section("Authorities", p.Authorities, ["Authority", "Role", "Address", "Contact"], a =>
            [Output.Text(a.Name), StandingView.Kebab(a.Role), Output.Text(a.Address), Output.Text(a.Contact)]);
        output.Section("Member states", p.Members, ["Code", "Member state", "From", "Until"], m =>
            [m.Code, Output.Text(m.Name), Output.Day(m.From), Until(m.EndsOn)]);
    }

    /// <summary>End dates are exclusive: the last day is the one before.</summary>
    private static string Until(DateOnly? endsOn) => endsOn is { } end ? "before " + Output.Day(end) : "open";

    private static string ListQuery(DateOnly day, string? search, string? status, int page)
        => $"api/participants?on={Output.Day(day)}&page={page}&pageSize={PageSize}"
            + (string.IsNullOrWhiteSpace(search) ? string.Empty : "&q=" + Uri.EscapeDataString(search))
            + (status is null ? string.Empty : "&status=" + Uri.EscapeDataString(status));

    /// <summary>Reads page after page until every item is in; one page comes back as it is (with the server's JSON).</summary>
    private static async Task<Answer<Paged<T>>> ReadAllPagesAsync<T>(Func<int, Task<Answer<Paged<T>>>> read)
    {
        var items = new List<T>();
        for (var page = 1; ; page++)
        {
            var answer = await read(page);
            if (answer.Problem is not null || (page == 1 && answer.Value!.Total <= answer.Value.Items.Count))
            {
                return answer;
            }

            items.AddRange(answer.Value!.Items);
            if (items.Count >= answer.Value.Total || answer.Value.Items.Count == 0)
            {
                return Answer<Paged<T>>.Ok(new Paged<T>(items, 1, items.Count, answer.Value.Total));
            }
        }
    }

    internal static RegistryQueries Queries(OpenKP.Data.OpenKpDb db) => new(db, new ParticipantDirectory(db));
}
