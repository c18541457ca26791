using System.CommandLine;
using System.Globalization;
using OpenKP.Cli.Shared;
using OpenKP.Cli.Shipments;
using OpenKP.Shared;
using Spectre.Console;

namespace OpenKP.Cli.Compliance;

/// <summary>
/// <c>openkp reviews list | show | plan | recommendations | dashboard</c>: peer review against a server. Readers who see
/// what the scheme shares list and show reviews and recommendations; the secretariat plans reviews.
/// </summary>
internal static class ReviewCommands
{
    private const int PageSize = 500;

    private sealed record TeamMember(string Kind, string PersonName, string? ParticipantCode, string? ObserverName, bool IsLeader);

    private sealed record Recommendation(long Id, long ReviewId, string ParticipantCode, int Number, string Text, string Owner, DateOnly DueOn, string Status, bool Overdue);

    private sealed record Review(
        long Id, string ParticipantCode, string Kind, string Status, DateOnly? InvitedOn, long? DecisionId, DateOnly StartsOn, DateOnly EndsOn, string TermsOfReference,
        string? DraftReport, string? ParticipantComments, string? FinalReport, bool FollowedToClosure, int RecommendationCount,
        IReadOnlyList<TeamMember> Team, IReadOnlyList<Recommendation> Recommendations);

    private sealed record Tally(string ParticipantCode, int Open, int InProgress, int Implemented, int Overdue, DateOnly OldestDueOn);

    public static void AddTo(RootCommand root, CliContext context, GlobalOptions globals)
    {
        var reviews = new Command("reviews", "Peer review: review visits and missions, their reports and recommendations (server only)");

        var participant = new Option<string>("--participant") { Description = "Only this participant" };
        var kind = new Option<string>("--kind") { Description = "visit or mission" };
        var status = new Option<string>("--status") { Description = "planned, draft-report, commented, final or cancelled" };
        var year = new Option<int?>("--year") { Description = "Only reviews starting in this year" };
        var list = new Command("list", "Reviews, newest first") { participant, kind, status, year };
        list.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var query = new Dictionary<string, string?>
            {
                ["participant"] = parse.GetValue(participant),
                ["kind"] = parse.GetValue(kind),
                ["status"] = parse.GetValue(status),
                ["year"] = parse.GetValue(year)?.ToString(CultureInfo.InvariantCulture),
                ["pageSize"] = PageSize.ToString(CultureInfo.InvariantCulture),
            };
            var answer = await run.ServerOnlyAsync(api => api.GetAsync<Paged<Review>>("api/compliance/reviews" + Query(query), ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, (output, page) =>
            {
                var table = output.Table("Id", "Participant", "Kind", "Starts", "Ends", "Recommendations", "Status");
                foreach (var r in page.Items)
                {
                    table.AddRow(LoopOutput.Id(r.Id), r.ParticipantCode, r.Kind, Output.Day(r.StartsOn), Output.Day(r.EndsOn),
                        r.RecommendationCount.ToString(CultureInfo.InvariantCulture), LoopOutput.Status(r.Status));
                }

                output.Console.Write(table);
                LoopOutput.Count(output, page, "reviews");
            });
        }));

        var showId = new Argument<long>("ID") { Description = "The review's id" };
        var show = new Command("show", "A review: schedule, team, the reports you may see, recommendations") { showId };
        show.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
            LoopOutput.Show(run, await run.ServerOnlyAsync(api => api.GetAsync<Review>("api/compliance/reviews/" + LoopOutput.Id(parse.GetValue(showId)), ct), LoopOutput.ServerOnly, ct), Print)));

        var planParticipant = new Option<string>("--participant") { Description = "The participant reviewed", Required = true };
        var planKind = new Option<string>("--kind") { Description = "visit (with --invited-on) or mission", Required = true };
        var invitedOn = new Option<string>("--invited-on") { Description = "Visit: the day the invitation was received, YYYY-MM-DD" };
        var decision = new Option<long?>("--decision") { Description = "Mission: the id of the adopted decision that ordered it" };
        var startsOn = new Option<string>("--starts-on") { Description = "First day on site, YYYY-MM-DD", Required = true };
        var endsOn = new Option<string>("--ends-on") { Description = "Last day on site, YYYY-MM-DD", Required = true };
        var terms = new Option<string>("--terms") { Description = "The terms of reference (a mission: its reason)", Required = true };
        var members = new Option<string[]>("--member") { Description = "A team member as KIND|NAME|FROM: participant|Anna Dube|BW, industry|Ian Roe|World Diamond Council", Required = true, AllowMultipleArgumentsPerToken = true };
        var leader = new Option<string>("--leader") { Description = "The NAME of the team's leader", Required = true };
        var plan = new Command("plan", "Plan a review visit or mission with its team (the secretariat)") { planParticipant, planKind, invitedOn, decision, startsOn, endsOn, terms, members, leader };
        plan.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var team = new List<object>();
            var leaderName = parse.GetValue(leader)?.Trim();
            foreach (var given in parse.GetValue(members) ?? [])
            {
                var parts = given.Split('|', StringSplitOptions.TrimEntries);
                if (parts.Length != 3 || parts[1].Length == 0)
                {
                    input.Add(InputCodes.InvalidValue, $"'{given}' is not KIND|NAME|FROM.", "--member");
                    continue;
                }

                var isParticipant = string.Equals(parts[0], "participant", StringComparison.OrdinalIgnoreCase);
                team.Add(new
                {
                    kind = parts[0],
                    personName = parts[1],
                    participantCode = isParticipant ? parts[2] : null,
                    observerName = isParticipant ? null : parts[2],
                    isLeader = string.Equals(parts[1], leaderName, StringComparison.Ordinal),
                });
            }

            if (!input.IsValid)
            {
                return run.Output.Fail(new Problem(input.Errors));
            }

            var body = new
            {
                participant = parse.GetValue(planParticipant),
                kind = parse.GetValue(planKind),
                invitedOn = parse.GetValue(invitedOn),
                decisionId = parse.GetValue(decision),
                startsOn = parse.GetValue(startsOn),
                endsOn = parse.GetValue(endsOn),
                termsOfReference = parse.GetValue(terms),
                team,
            };
            return LoopOutput.Show(run, await run.ServerOnlyAsync(api => api.PostAsync<Review>("api/compliance/reviews", body, ct), LoopOutput.ServerOnly, ct), Print);
        }));

        var recParticipant = new Option<string>("--participant") { Description = "Only this participant" };
        var recStatus = new Option<string>("--status") { Description = "open, in-progress, implemented, closed or not-implemented" };
        var overdue = new Option<bool>("--overdue") { Description = "Only those open or in progress past their due date" };
        var recommendations = new Command("recommendations", "Recommendations of reviews, by due date") { recParticipant, recStatus, overdue };
        recommendations.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var query = new Dictionary<string, string?>
            {
                ["participant"] = parse.GetValue(recParticipant),
                ["status"] = parse.GetValue(recStatus),
                ["overdue"] = parse.GetValue(overdue) ? "true" : null,
                ["pageSize"] = PageSize.ToString(CultureInfo.InvariantCulture),
            };
            var answer = await run.ServerOnlyAsync(api => api.GetAsync<Paged<Recommendation>>("api/compliance/recommendations" + Query(query), ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, (output, page) =>
            {
                output.Console.Write(RecommendationTable(output, page.Items));
                LoopOutput.Count(output, page, "recommendations");
            });
        }));

        var dashboard = new Command("dashboard", "Per participant, the recommendations not yet closed");
        dashboard.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var answer = await run.ServerOnlyAsync(api => api.GetAsync<List<Tally>>("api/compliance/recommendations/dashboard", ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, (output, tallies) =>
            {
                var table = output.Table("Participant", "Open", "In progress", "Implemented", "Overdue", "Oldest due");
                foreach (var t in tallies)
                {
                    table.AddRow(t.ParticipantCode, Count(t.Open), Count(t.InProgress), Count(t.Implemented), Count(t.Overdue), Output.Day(t.OldestDueOn));
                }

                output.Console.Write(table);
                output.Console.MarkupLine(Output.Text($"{tallies.Count} participants with recommendations not yet closed."));
            });
        }));

        foreach (var command in new[] { list, show, plan, recommendations, dashboard })
        {
            reviews.Subcommands.Add(command);
        }

        root.Subcommands.Add(reviews);
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static Table RecommendationTable(Output output, IEnumerable<Recommendation> items)
    {
        var table = output.Table("Id", "Review", "Participant", "No.", "Recommendation", "Owner", "Due", "Status");
        foreach (var r in items)
        {
            table.AddRow(LoopOutput.Id(r.Id), LoopOutput.Id(r.ReviewId), r.ParticipantCode, Count(r.Number), Output.Text(r.Text), Output.Text(r.Owner),
                Output.Day(r.DueOn) + (r.Overdue ? " (overdue)" : string.Empty), LoopOutput.Status(r.Status));
        }

        return table;
    }

    private static string Query(Dictionary<string, string?> values)
    {
        var given = values.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value!.Trim())}").ToList();
        return given.Count == 0 ? string.Empty : "?" + string.Join('&', given);
    }

    private static void Print(Output output, Review r)
    {
        output.Console.MarkupLine(Output.Text($"Review {LoopOutput.Id(r.Id)} of {r.ParticipantCode} ({r.Kind}): {r.Status}, {Output.Day(r.StartsOn)} to {Output.Day(r.EndsOn)}"
            + (r.FollowedToClosure && r.Status == "final" ? ", followed to closure" : string.Empty)));
        output.Console.Write(LoopOutput.Fields(output,
            ("Invited on", r.InvitedOn is { } i ? Output.Day(i) : null),
            ("Decision", r.DecisionId is { } d ? LoopOutput.Id(d) : null),
            ("Terms of reference", r.TermsOfReference),
            ("Draft report", r.DraftReport),
            ("Comments", r.ParticipantComments),
            ("Final report", r.FinalReport)));
        output.Section("Team", r.Team, ["Name", "Represents", "From", "Leader"],
            m => [Output.Text(m.PersonName), m.Kind, Output.Text(m.ParticipantCode ?? m.ObserverName ?? "-"), m.IsLeader ? "leader" : string.Empty]);
        output.Section("Recommendations", r.Recommendations, ["Id", "No.", "Recommendation", "Owner", "Due", "Status"],
            x => [LoopOutput.Id(x.Id), Count(x.Number), Output.Text(x.Text), Output.Text(x.Owner), Output.Day(x.DueOn) + (x.Overdue ? " (overdue)" : string.Empty), LoopOutput.Status(x.Status)]);
    }
}
