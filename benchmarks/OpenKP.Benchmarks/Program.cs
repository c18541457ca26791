using BenchmarkDotNet.Running;

namespace OpenKP.Benchmarks;

/// <summary>
/// dotnet run -c Release --project benchmarks/OpenKP.Benchmarks -- --filter '*' --job short
/// Every class sets a baseline; the Ratio column is the figure that docs/benchmarks.md records.
/// <c>-- scale [options]</c> runs "Statistics at scale" instead (<see cref="Statistics.StatisticsAtScale"/>).
/// (Not a top-level Program: the web app's Program is referenced for the issuance benchmark.)
/// </summary>
public static class Benchmarks
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["scale", .. var rest])
        {
            return await Statistics.StatisticsAtScale.RunAsync(rest);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Benchmarks).Assembly).Run(args);
        return 0;
    }
}
