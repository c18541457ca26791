using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenKP.Data;
using OpenKP.Statistics;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Statistics;

/// <summary>
/// Test data for published statistics: production returns of 2026 written through the database (the
/// demo certificates of 2026-01-15 give the trade), the clock moved into 2027, and publishing through the API.
/// </summary>
internal static class PublishedYears
{
    public const int Year = 2026;

    /// <summary>BW returns both halves of 2026 (so it submitted), ZA only the first (so it did not).</summary>
    public static async Task AddProductionAsync(OpenKpApp app)
    {
        await app.WithDb(async db =>
        {
            db.ProductionReturns.Add(Return("BW", 1, 1, 1_200_000_00, 180_000_000_00));
            db.ProductionReturns.Add(Return("BW", 2, 1, 1_100_000_00, 170_000_000_00));
            db.ProductionReturns.Add(Return("ZA", 1, 1, 250_000_00, 75_000_000_00));
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>Moves the clock to 10 January 2027: 2026 is over and may be published.</summary>
    public static void IntoNextYear(OpenKpApp app)
    {
        var target = new DateTimeOffset(Year + 1, 1, 10, 9, 0, 0, TimeSpan.Zero);
        if (app.Clock.GetUtcNow() < target)
        {
            app.Advance(target - app.Clock.GetUtcNow());
        }
    }

    public static async Task PublishAsync(OpenKpApp app, HttpStatusCode expected = HttpStatusCode.Created, string? reason = null)
        => await (await app.ClientFor("secretariat")).PostJson($"/api/statistics/years/{Year}/publish", new { reason }, expected);

    /// <summary>
    /// Saves a corrected production return the way the intake code does: in a transaction, the revision
    /// saved, then every revision observer told, then committed.
    /// </summary>
    public static async Task ReviseProductionAsync(OpenKpApp app, string participant, int half, long caratsHundredths, long usdCents, string reason)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenKpDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var revision = db.ProductionReturns.Where(r => r.ParticipantCode == participant && r.Year == Year && r.Half == half).Max(r => (int?)r.Revision) ?? 0;
        db.ProductionReturns.Add(Return(participant, half, revision + 1, caratsHundredths, usdCents));
        await db.SaveChangesAsync();
        foreach (var observer in scope.ServiceProvider.GetServices<IStatisticsRevisionObserver>())
        {
            await observer.OnRevisedAsync(Year, reason, $"officer.{participant.ToLowerInvariant()}", CancellationToken.None);
        }

        await transaction.CommitAsync();
    }

    private static ProductionReturn Return(string participant, int half, int revision, long caratsHundredths, long usdCents) => new()
    {
        ParticipantCode = participant,
        Year = Year,
        Half = half,
        Revision = revision,
        SubmittedBy = $"officer.{participant.ToLowerInvariant()}",
        SubmittedAt = new DateTime(Year, half * 6, 28, 12, 0, 0, DateTimeKind.Utc),
        Lines = [new ProductionLine { MiningType = MiningType.Industrial, CaratsHundredths = caratsHundredths, UsdCents = usdCents }],
    };
}
