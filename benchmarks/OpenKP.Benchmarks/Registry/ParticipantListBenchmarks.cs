using BenchmarkDotNet.Attributes;
using OpenKP.Registry;

namespace OpenKP.Benchmarks.Registry;

/// <summary>
/// "The status of every participant on a date": the participant list behind
/// <c>GET /api/participants?on=2014-01-01</c>, the portal's list and <c>openkp participants list --on</c>.
/// The baseline is <see cref="RegistryQueries.ListParticipantsAsync"/> as the endpoint calls it: a fresh
/// context reads the whole registry from SQLite, then builds the sorted, paged list. Beside it, in
/// the same run: reading the snapshot alone, and the status of every participant on a snapshot read
/// once, which shows how much of the list is the database read.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(RatioConfig))]
public class ParticipantListBenchmarks
{
    private static readonly DateOnly On = new(2014, 1, 1);

    private RegistryDatabase _database = null!;
    private RegistrySnapshot _snapshot = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _database = await RegistryDatabase.CreateAsync();
        await using var db = _database.Open();
        _snapshot = await new ParticipantDirectory(db).SnapshotAsync();
    }

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();

    [Benchmark(Baseline = true, Description = "RegistryQueries.ListParticipantsAsync (fresh snapshot from SQLite)")]
    public async Task<int> ListAsTheEndpointDoes()
    {
        await using var db = _database.Open();
        var list = await new RegistryQueries(db, new ParticipantDirectory(db)).ListParticipantsAsync(new ParticipantListQuery(On));
        return list.Total;
    }

    [Benchmark(Description = "ParticipantDirectory.SnapshotAsync alone")]
    public async Task<int> SnapshotReadAlone()
    {
        await using var db = _database.Open();
        var snapshot = await new ParticipantDirectory(db).SnapshotAsync();
        return snapshot.Participants.Count();
    }

    [Benchmark(Description = "every participant's standing on a cached snapshot")]
    public int CachedSnapshot()
    {
        var trading = 0;
        foreach (var participant in _snapshot.Participants)
        {
            trading += _snapshot.StandingOf(participant.Code, On).MayTrade ? 1 : 0;
        }

        return trading;
    }
}
