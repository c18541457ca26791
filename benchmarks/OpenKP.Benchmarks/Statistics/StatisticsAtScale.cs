using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenKP.Data;

namespace OpenKP.Benchmarks.Statistics;

/// <summary>
/// "Statistics at scale" (<c>dotnet run -c Release --project benchmarks/OpenKP.Benchmarks -- scale</c>):
/// generates, or reuses, a synthetic data set of 20 years × 100,000 certificates on SQLite and on
/// PostgreSQL, reports the generation time against the 10-minute goal, then times each
/// <see cref="ScaleCases"/> case against its hand-written SQL on the last complete year (median of
/// the iterations, after one warm-up). Not BenchmarkDotNet: one iteration of the generation takes
/// minutes, and the database must outlive the process. A smoke run: <c>-- scale --years 3 --per-year 2000</c>.
/// </summary>
internal static class StatisticsAtScale
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var settings = ScaleSettings.From(args);
        Console.WriteLine($"Statistics at scale: {settings.Years} years × {settings.CertificatesPerYear:N0} certificates, seed {settings.Seed}, {Environment.ProcessorCount} cores");
        var results = new List<string>();
        var failed = false;
        foreach (var name in settings.Providers)
        {
            if (!DatabaseSetup.TryParseProvider(name, out var provider))
            {
                Console.Error.WriteLine($"Unknown provider {name}: sqlite or postgres.");
                return 1;
            }

            var database = await ScaleDatabase.PrepareAsync(provider, settings, Console.WriteLine);
            if (database.Generated is { } generated)
            {
                var goal = TimeSpan.FromMinutes(10);
                results.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {provider} | generation ({generated.Certificates:N0} certificates, {generated.CertificateLines:N0} lines, {generated.ImportConfirmations:N0} confirmations) | {generated.Elapsed.TotalSeconds:N1} s | goal {goal.TotalSeconds:N0} s | {(generated.Elapsed <= goal ? "met" : "MISSED")} |"));
            }

            // The last complete year: every certificate issued, most of its confirmations in.
            var year = DateTime.UtcNow.Year - 1;
            // --case TEXT: only the cases whose name contains TEXT (e.g. --case Reconciliation).
            var only = args.ToList().IndexOf("--case") is var at and >= 0 && at + 1 < args.Count ? args[at + 1] : null;
            foreach (var scaleCase in ScaleCases.All.Where(c => only is null || c.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
            {
                var (measured, measuredAnswer) = await TimeAsync(settings.Iterations, async () =>
                {
                    await using var db = database.Open();
                    db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
                    return await scaleCase.Measured(db, year, CancellationToken.None);
                });
                var (baseline, baselineAnswer) = await TimeAsync(settings.Iterations, async () =>
                {
                    await using var db = database.Open();
                    var connection = db.Database.GetDbConnection();
                    await connection.OpenAsync();
                    return await scaleCase.Baseline(connection, provider == DatabaseProvider.Postgres, year, CancellationToken.None);
                });
                var ratio = measured.TotalMilliseconds / baseline.TotalMilliseconds;
                var same = measuredAnswer == baselineAnswer;
                failed |= !same;
                results.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {provider} | {scaleCase.Name}, {year} | {measured.TotalMilliseconds:N0} ms vs SQL {baseline.TotalMilliseconds:N0} ms | ratio {ratio:N3}× (goal ≤ {scaleCase.Goal:N1}×) | {(ratio <= scaleCase.Goal ? "met" : "MISSED")}{(same ? string.Empty : $"; ANSWERS DIFFER: {measuredAnswer} vs {baselineAnswer}")} |"));
                Console.WriteLine(results[^1]);
            }
        }

        Console.WriteLine();
        Console.WriteLine("| Database | Case | Time | Ratio | Goal |");
        Console.WriteLine("|---|---|---|---|---|");
        results.ForEach(Console.WriteLine);
        return failed ? 1 : 0;
    }

    /// <summary>One warm-up, then the median of <paramref name="iterations"/> timed runs, and the answer.</summary>
    private static async Task<(TimeSpan Median, string Answer)> TimeAsync(int iterations, Func<Task<string>> run)
    {
        var answer = await run();
        var times = new List<TimeSpan>();
        for (var i = 0; i < Math.Max(1, iterations); i++)
        {
            var watch = Stopwatch.StartNew();
            answer = await run();
            times.Add(watch.Elapsed);
        }

        times.Sort();
        return (times[times.Count / 2], answer);
    }
}
