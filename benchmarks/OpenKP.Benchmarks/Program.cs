using BenchmarkDotNet.Running;

namespace OpenKP.Benchmarks;

/// <summary>
/// dotnet run -c Release --project benchmarks/OpenKP.Benchmarks -- --filter '*' --job short
/// Every class sets a baseline; the Ratio column is the figure that docs/benchmarks.md records.
/// (Not a top-level Program: the web app's Program is referenced for the issuance benchmark.)
/// </summary>
public static class Benchmarks
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Benchmarks).Assembly).Run(args);
}
