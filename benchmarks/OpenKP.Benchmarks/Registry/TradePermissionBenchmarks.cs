using BenchmarkDotNet.Attributes;
using OpenKP.Registry;

namespace OpenKP.Benchmarks.Registry;

/// <summary>
/// "May X ship to Y on day D diamonds of origin O?": the registry's central query behind
/// <c>GET /api/trade-permission</c>. The baseline is <see cref="RegistryQueries.TradePermissionAsync"/>
/// as the endpoint calls it: a fresh context reads the whole registry from SQLite for every question.
/// Against it, the same questions answered by <see cref="TradeRules.Check"/> on a snapshot read once,
/// mapped to the same <see cref="TradePermissionView"/>. Each figure is per question.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(RatioConfig))]
public class TradePermissionBenchmarks
{
    /// <summary>Questions that reach every branch: clean, suspended, EU member state, embargo, zones, special measures.</summary>
    private static readonly TradeQuestion[] Questions =
    [
        new("BW", "AE", "BW", null, new DateOnly(2014, 1, 1)),
        new("VE", "US", "VE", null, new DateOnly(2010, 6, 1)),
        new("BE", "IN", "ZA", null, new DateOnly(2014, 1, 1)),
        new("AO", "BE", "AO", null, new DateOnly(2000, 6, 1), GovernmentCertified: true),
        new("CI", "AE", "CI", null, new DateOnly(2010, 6, 1)),
        new("CF", "AE", "CF", "Berberati", new DateOnly(2018, 1, 1)),
        new("CF", "BE", "CF", "Bangui", new DateOnly(2018, 1, 1)),
        new("ZW", "CN", "ZW", "Marange", new DateOnly(2011, 1, 1)),
    ];

    private const int QuestionCount = 8;

    private RegistryDatabase _database = null!;
    private RegistrySnapshot _snapshot = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        if (Questions.Length != QuestionCount)
        {
            throw new InvalidOperationException($"QuestionCount is {QuestionCount} but there are {Questions.Length} questions.");
        }

        _database = await RegistryDatabase.CreateAsync();
        await using var db = _database.Open();
        _snapshot = await new ParticipantDirectory(db).SnapshotAsync();
    }

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = QuestionCount, Description = "RegistryQueries.TradePermissionAsync (fresh snapshot from SQLite)")]
    public async Task<int> SnapshotPerQuestion()
    {
        var allowed = 0;
        foreach (var question in Questions)
        {
            await using var db = _database.Open();
            var answer = await new RegistryQueries(db, new ParticipantDirectory(db)).TradePermissionAsync(question);
            allowed += answer.Allowed ? 1 : 0;
        }

        return allowed;
    }

    [Benchmark(OperationsPerInvoke = QuestionCount, Description = "TradeRules.Check on a cached snapshot")]
    public int CachedSnapshot()
    {
        var allowed = 0;
        foreach (var question in Questions)
        {
            allowed += TradePermissionView.Of(TradeRules.Check(_snapshot, question)).Allowed ? 1 : 0;
        }

        return allowed;
    }
}
