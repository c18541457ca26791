using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/OpenKP.Benchmarks -- --filter '*' --job short
// Every class sets a baseline; the Ratio column is the figure that docs/benchmarks.md records.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
