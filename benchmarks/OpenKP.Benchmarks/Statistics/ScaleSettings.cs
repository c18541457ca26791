namespace OpenKP.Benchmarks.Statistics;

/// <summary>
/// The size of a "Statistics at scale" run, from arguments (<c>--years 20 --per-year 100000 --seed 1
/// --providers sqlite,postgres --iterations 5 --fresh</c>) or environment (<c>OPENKP_SCALE_YEARS</c>,
/// <c>OPENKP_SCALE_PER_YEAR</c>, <c>OPENKP_SCALE_SEED</c>, <c>OPENKP_SCALE_PROVIDERS</c>,
/// <c>OPENKP_SCALE_ITERATIONS</c>, <c>OPENKP_SCALE_FRESH=1</c>, <c>OPENKP_SCALE_DIR</c>,
/// <c>OPENKP_SCALE_PG</c> — the PostgreSQL admin connection string). Defaults: the full 2-million-certificate run.
/// </summary>
internal sealed record ScaleSettings(int Years, int CertificatesPerYear, int Seed, IReadOnlyList<string> Providers, int Iterations, bool Fresh, string Directory, string PostgresAdmin)
{
    public static ScaleSettings From(IReadOnlyList<string> args)
    {
        string? Arg(string name, string variable)
        {
            var at = args.ToList().IndexOf(name);
            return at >= 0 && at + 1 < args.Count ? args[at + 1] : Environment.GetEnvironmentVariable(variable);
        }

        int Int(string name, string variable, int fallback) => int.TryParse(Arg(name, variable), out var value) ? value : fallback;

        return new ScaleSettings(
            Int("--years", "OPENKP_SCALE_YEARS", 20),
            Int("--per-year", "OPENKP_SCALE_PER_YEAR", 100_000),
            Int("--seed", "OPENKP_SCALE_SEED", 1),
            [.. (Arg("--providers", "OPENKP_SCALE_PROVIDERS") ?? "sqlite,postgres").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            Int("--iterations", "OPENKP_SCALE_ITERATIONS", 5),
            args.Contains("--fresh") || Environment.GetEnvironmentVariable("OPENKP_SCALE_FRESH") is "1" or "true",
            Environment.GetEnvironmentVariable("OPENKP_SCALE_DIR") ?? Path.Combine(Path.GetTempPath(), "openkp-scale"),
            Environment.GetEnvironmentVariable("OPENKP_SCALE_PG") ?? "Host=127.0.0.1;Port=5432;Username=openkp;Password=openkp;Database=postgres;Timeout=10");
    }
}
