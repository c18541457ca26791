using System.CommandLine;
using System.Globalization;
using OpenKP.Cli.Shared;
using OpenKP.Shared;
using OpenKP.Statistics;
using Spectre.Console;

namespace OpenKP.Cli.Statistics;

/// <summary>
/// <c>openkp statistics footprints [--origin XX [--zone Z] [--hs CODE]]</c>: every origin's footprint per
/// HS code, or one origin's percentiles; <c>openkp statistics footprints recompute</c>: recompute them now
/// (the secretariat, on a server; or on the local database). Local or server.
/// </summary>
internal static class FootprintCommands
{
    public static void AddTo(RootCommand root, CliContext context, GlobalOptions globals)
    {
        // Other statistics commands may have made the group already: join it rather than add a second one.
        var statistics = root.Subcommands.FirstOrDefault(c => c.Name == "statistics");
        if (statistics is null)
        {
            statistics = new Command("statistics", "KP statistics derived from the certificates");
            root.Subcommands.Add(statistics);
        }

        var origin = new Option<string>("--origin") { Description = "One origin (ISO code): its percentiles per zone and HS code" };
        var zone = new Option<string>("--zone") { Description = "With --origin: only this zone of origin" };
        var hs = new Option<string>("--hs") { Description = "With --origin: only this HS code (7102.10, 7102.21 or 7102.31)" };
        var footprints = new Command("footprints", "Footprints: US$/ct per origin (and zone) and HS code, from history; lines outside p1–p99 are flagged at review and arrival")
        {
            origin, zone, hs,
        };
        footprints.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var code = parse.GetValue(origin) is { Length: > 0 } o ? input.Code(o, "--origin") : null;
            var z = parse.GetValue(zone) is { Length: > 0 } zz ? input.Text(zz, "--zone", 200) : null;
            var h = parse.GetValue(hs) is { Length: > 0 } hh ? input.OneOf(hh, "--hs", OpenKP.Certificates.CertificateContent.HsCodes) : null;
            if (code is null && (z is not null || h is not null))
            {
                input.Add(InputCodes.Required, "--zone and --hs narrow one origin: add --origin.", "--origin");
            }

            if (!input.IsValid)
            {
                return run.Output.Fail(new Problem(input.Errors));
            }

            if (code is null)
            {
                var list = await run.AskAsync(
                    api => api.GetAsync<FootprintListView>("api/statistics/footprints", ct),
                    async db => Answer<FootprintListView>.Ok(await new FootprintQueries(db).ListAsync(null, ct)), ct);
                return Show(run, list, PrintList);
            }

            var query = "api/statistics/footprints/" + Uri.EscapeDataString(code) + QueryOf(("zone", z), ("hs", h));
            var detail = await run.AskAsync(
                api => api.GetAsync<FootprintDetailView>(query, ct),
                async db => await new FootprintQueries(db).OriginAsync(code, z, h, ct) is { Succeeded: true } found
                    ? Answer<FootprintDetailView>.Ok(found.Value!)
                    : Problem.Of(FootprintCodes.FootprintNotFound, $"There is no footprint for {code}{(z is null ? "" : $", zone {z}")}{(h is null ? "" : $", HS {h}")}.", "--origin"),
                ct);
            return Show(run, detail, PrintDetail);
        }));

        var recompute = new Command("recompute", "Recompute every footprint from history now (the secretariat on a server; on the local database with the default window and minimum sample)");
        recompute.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var answer = await run.AskAsync(
                api => api.PostAsync<FootprintRunView>("api/statistics/footprints/recompute", new { }, ct),
                async db =>
                {
                    using var gate = new FootprintGate();
                    var outcome = await new FootprintCalculator(db, new FootprintSettings().Checked(), gate, run.Context.Clock).RecomputeAsync("cli:" + Environment.UserName, ct);
                    return outcome.Succeeded ? Answer<FootprintRunView>.Ok(FootprintRunView.Of(outcome.Value!)) : new Problem(outcome.Violations);
                },
                ct);
            return Show(run, answer, (output, r) => output.Console.MarkupLine(Output.Text(string.Create(CultureInfo.InvariantCulture,
                $"RECOMPUTED  {r.Footprints} footprints from {r.Lines} lines issued {Output.Day(r.From)} to {Output.Day(r.To)} (no band below {r.MinimumSample} lines)."))));
        }));

        footprints.Subcommands.Add(recompute);
        statistics.Subcommands.Add(footprints);
    }

    private static int Show<T>(CliRun run, Answer<T> answer, Action<Output, T> print)
    {
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
            print(run.Output, answer.Value!);
        }

        return ExitCodes.Ok;
    }

    private static string QueryOf(params (string Name, string? Value)[] pairs)
    {
        var given = pairs.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return given.Count == 0 ? string.Empty : "?" + string.Join('&', given);
    }

    private static void PrintList(Output output, FootprintListView list)
    {
        Computed(output, list.Run);
        if (list.Origins.Count == 0)
        {
            output.Note("No footprints yet.");
            return;
        }

        var table = output.Table("Origin", "HS code", "Lines", "Median US$/ct", "p1 US$/ct", "p99 US$/ct", "Zones");
        foreach (var o in list.Origins)
        {
            foreach (var f in o.HsCodes)
            {
                table.AddRow(o.Origin, f.HsCode, Count(f.Lines), Usd(f.Percentiles?.P50), f.Percentiles is null ? "not enough history" : Usd(f.Percentiles.P1), Usd(f.Percentiles?.P99),
                    Output.Text(string.Join(", ", o.Zones)));
            }
        }

        output.Console.Write(table);
    }

    private static void PrintDetail(Output output, FootprintDetailView detail)
    {
        Computed(output, detail.Run);
        var table = output.Table("Zone", "HS code", "Lines", "From", "To", "p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "p99", "Mean stone ct");
        foreach (var f in detail.Footprints)
        {
            var p = f.Percentiles?.Named().Select(n => Usd(n.UsdPerCarat)).ToArray() ?? [.. Enumerable.Repeat("-", FootprintCalculator.Levels.Count)];
            table.AddRow([Output.Text(f.Zone ?? "(whole origin)"), f.HsCode, Count(f.Lines), Output.Day(f.FirstDate), Output.Day(f.LastDate), .. p,
                f.MeanStoneCarats is { } m ? m.ToString("0.000", CultureInfo.InvariantCulture) : "none declared"]);
        }

        output.Console.Write(table);
        output.Note("US$ per carat. Certificates carry no stone count: the mean stone size comes from uploaded records that declare stones.");
    }

    private static void Computed(Output output, FootprintRunView? run)
        => output.Note(run is null
            ? "Footprints were never computed: run `openkp statistics footprints recompute`."
            : string.Create(CultureInfo.InvariantCulture, $"Computed {run.ComputedAt:yyyy-MM-dd HH:mm} UTC by {run.ComputedBy} from certificates issued {Output.Day(run.From)} to {Output.Day(run.To)}; no band below {run.MinimumSample} lines."));

    private static string Usd(decimal? value) => value is { } v ? v.ToString("#,##0.00", CultureInfo.InvariantCulture) : "-";

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
