using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OpenKP.Data;
using OpenKP.Registry;
using OpenKP.Statistics;
using OpenKP.Statistics.Synthetic;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Statistics;

/// <summary>A fresh database (the suite's provider) with the registry loaded, for synthetic data to be generated into.</summary>
public sealed class SyntheticDatabase : IAsyncDisposable
{
    private readonly string _directory;

    private SyntheticDatabase(TestDatabase database, string directory)
    {
        Database = database;
        _directory = directory;
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; } = new(OpenKpApp.Today);

    public static async Task<SyntheticDatabase> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "openkp-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var created = new SyntheticDatabase(TestDatabase.Create(TestEnvironment.UsePostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, directory), directory);
        await using var db = created.Open();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        var loaded = await ReferenceDataLoader.LoadAsync(db, ReferenceFiles.Embedded(), OpenKpApp.Today.UtcDateTime, TestContext.Current.CancellationToken);
        Assert.True(loaded.Succeeded);
        return created;
    }

    public OpenKpDb Open() => new(DatabaseSetup.OpenKpOptions(Database.Provider, Database.ConnectionString), clock: Clock);

    public async Task<SyntheticResult> GenerateAsync(SyntheticRequest request)
    {
        await using var db = Open();
        var outcome = await new SyntheticDataGenerator(db, Clock).GenerateAsync(request, null, TestContext.Current.CancellationToken);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Violations.Select(v => v.Message)));
        return outcome.Value!;
    }

    /// <summary>A hash of what the statistics read (every year's annual figures and trade figures) and of every certificate number.</summary>
    public async Task<string> ChecksumAsync(int firstYear, int lastYear)
    {
        await using var db = Open();
        var ct = TestContext.Current.CancellationToken;
        var text = new StringBuilder();
        for (var year = firstYear; year <= lastYear; year++)
        {
            var trade = new TradeStatistics(db);
            foreach (var row in await new AnnualFigures(db, trade, new ParticipantDirectory(db)).ForYearAsync(year, ct))
            {
                text.AppendLine(row.ToString());
            }

            foreach (var figure in await trade.ForYearAsync(year, null, ct))
            {
                text.AppendLine(figure.ToString());
            }
        }

        foreach (var number in await db.Certificates.OrderBy(c => c.Id).Select(c => c.Number + c.IssuedOn.ToString()).ToListAsync(ct))
        {
            text.AppendLine(number);
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }
    }
}
