using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenKP.Data;
using OpenKP.Registry;
using OpenKP.Statistics;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Statistics;

/// <summary>Production returns entered, uploaded and corrected; due, late and submitted on the fake clock; revision observers (both databases).</summary>
public sealed class ProductionReturnTests : IAsyncLifetime
{
    private readonly ObservedApp _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private const string Url = "/api/participants/ZA/production-returns";

    private static object Return(int half, params object[] lines) => new { year = 2025, half, lines, note = "From the mines' monthly returns" };

    private static object Line(string miningType, decimal carats, decimal usd, string? hsCode = null) => new { miningType, hsCode, carats, usd };

    [Fact]
    public async Task A_return_entered_and_corrected_shows_its_latest_revision_in_the_annual_figures_and_observers_hear_each()
    {
        var officer = await _app.ClientFor("officer.za");
        var first = await officer.PostJson(Url, Return(1, Line("industrial", 1000.00m, 100_000.00m), Line("artisanal-alluvial", 50.25m, 10_000.00m)), HttpStatusCode.Created);
        Assert.Equal((1, "entered", 1050.25m), (first.GetProperty("revision").GetInt32(), first.Str("source"), first.GetProperty("carats").GetDecimal()));
        await officer.PostJson(Url, Return(2, Line("industrial", 2000.00m, 200_000.00m, "7102.31")), HttpStatusCode.Created);

        var corrected = await officer.PostJson(Url, Return(1, Line("industrial", 1100.00m, 110_000.00m)), HttpStatusCode.Created);
        Assert.Equal(2, corrected.GetProperty("revision").GetInt32());

        var za = (await _app.WithDb(db => new AnnualFigures(db, new TradeStatistics(db), _app.Services.GetRequiredService<ParticipantDirectory>()).ForYearAsync(2025, CancellationToken.None)))
            .Single(p => p.Participant == "ZA");
        Assert.Equal((310_000L, 31_000_000L, true), (za.ProductionCaratsHundredths, za.ProductionUsdCents, za.ProductionSubmitted));

        Assert.Equal(
            [(2025, "ZA production 2025-H1 revision 1", "officer.za"), (2025, "ZA production 2025-H2 revision 1", "officer.za"), (2025, "ZA production 2025-H1 revision 2", "officer.za")],
            _app.Observer.Heard);

        var year = await (await _app.ClientFor("customs.za")).GetJson(Url + "?year=2025");
        Assert.Equal(["2025-H2 1", "2025-H1 2", "2025-H1 1"], year.GetProperty("revisions").EnumerateArray().Select(r => $"{r.Str("half")} {r.GetProperty("revision").GetInt32()}"));
        Assert.Equal(["submitted-late", "submitted"], year.GetProperty("halves").EnumerateArray().Select(h => h.Str("status")));
    }

    [Fact]
    public async Task Bad_lines_are_all_reported_by_line_number_and_nothing_is_saved()
    {
        var officer = await _app.ClientFor("officer.za");
        var answer = await officer.PostJson(Url, Return(1,
            Line("industrial", 10m, 100m), Line("open-pit", 10m, 100m), Line("industrial", 10m, 100m), Line("artisanal-alluvial", 0m, 100m, "7102.99")), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["rows[2].mining_type", "rows[3].mining_type", "rows[4].hs_code", "rows[4].carats"], answer.GetProperty("violations").EnumerateArray().Select(v => v.Str("field")));
        Assert.Equal(["row-mining-type-invalid", "row-duplicate", "row-hs-code-invalid", "row-amount-invalid"], answer.Codes());
        Assert.Equal(0, await _app.WithDb(db => db.ProductionReturns.CountAsync()));
        Assert.Empty(_app.Observer.Heard);

        var preview = await officer.PostJson(Url + "?preview=true", Return(1, Line("industrial", 10m, 100m)), HttpStatusCode.OK);
        Assert.True(preview.GetProperty("valid").GetBoolean());
        Assert.Equal(0, await _app.WithDb(db => db.ProductionReturns.CountAsync()));

        // A nil return (no lines) is a return: ZA mined nothing in the half.
        await officer.PostJson(Url, Return(2), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_return_uploads_as_csv_and_a_failing_observer_leaves_nothing_saved()
    {
        var officer = await _app.ClientFor("officer.za");
        var csv = Uploads.Csv("mining_type,hs_code,carats,usd", "industrial,7102.10,500.00,50000.00", "artisanal-alluvial,,20.00,3000.00");
        var saved = await (await officer.PostAsync(Url, Uploads.Form(csv, "za-2025-h2.csv", ("year", "2025"), ("half", "2")))).Json(HttpStatusCode.Created);
        Assert.Equal(("uploaded", 520.00m, 2), (saved.Str("source"), saved.GetProperty("carats").GetDecimal(), saved.GetProperty("lines").GetArrayLength()));

        _app.Observer.Fail = true;
        var failed = await officer.PostAsync(Url, Uploads.Form(csv, "again.csv", ("year", "2025"), ("half", "2")));
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(1, await _app.WithDb(db => db.ProductionReturns.CountAsync()));
    }

    [Fact]
    public async Task Due_late_and_submitted_follow_the_calendar_on_the_clock()
    {
        // Today is 2026-01-15 with 60 due days: 2025-H1 was due 2025-08-29 (late), 2025-H2 is due 2026-03-01.
        var secretariat = await _app.ClientFor("secretariat");
        var overview = await secretariat.GetJson("/api/statistics/submission-status?year=2025");
        var za = overview.EnumerateArray().Single(p => p.Str("participant") == "ZA");
        Assert.Equal(["late 2025-08-29", "due 2026-03-01"], za.GetProperty("halves").EnumerateArray().Select(h => $"{h.Str("status")} {h.Str("dueOn")}"));
        Assert.False(za.GetProperty("uploadsTrade").GetBoolean());
        Assert.All(za.GetProperty("quarters").EnumerateArray(), q => Assert.Equal("derived", q.Str("status")));
        Assert.Equal(1, za.GetProperty("late").GetInt32());

        await (await _app.ClientFor("officer.za")).PostJson(Url, Return(2, Line("industrial", 1m, 1m)), HttpStatusCode.Created);
        _app.Advance(TimeSpan.FromDays(60));
        await (await _app.ClientFor("officer.za")).PostJson(Url, Return(1, Line("industrial", 1m, 1m)), HttpStatusCode.Created);

        var halves = (await (await _app.ClientFor("officer.za")).GetJson(Url + "?year=2025")).GetProperty("halves");
        Assert.Equal(["submitted-late 1", "submitted 1"], halves.EnumerateArray().Select(h => $"{h.Str("status")} {h.GetProperty("revision").GetInt32()}"));

        // BW uploads its trade: its 2025 quarters are owed (Q4 due 2026-03-01, late now), not derived.
        await (await _app.ClientFor("officer.bw")).PostAsync("/api/participants/BW/trade-submissions", Uploads.Trade(Uploads.Csv(Uploads.GoodFigures), "q3.csv", 2025, 3));
        var bw = (await (await _app.ClientFor("secretariat")).GetJson("/api/statistics/submission-status?year=2025")).EnumerateArray().Single(p => p.Str("participant") == "BW");
        Assert.Equal(["late", "late", "submitted-late", "late"], bw.GetProperty("quarters").EnumerateArray().Select(q => q.Str("status")));
    }

    /// <summary>The app with an observer that records what it is told, and can fail to show the revision is rolled back with it.</summary>
    private sealed class ObservedApp : OpenKpApp
    {
        public RecordingObserver Observer { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStatisticsRevisionObserver>(Observer));
        }
    }

    private sealed class RecordingObserver : IStatisticsRevisionObserver
    {
        public List<(int Year, string Reason, string By)> Heard { get; } = [];

        public bool Fail { get; set; }

        public Task OnRevisedAsync(int year, string reason, string revisedBy, CancellationToken ct)
        {
            if (Fail)
            {
                throw new InvalidOperationException("The vintage could not be made.");
            }

            Heard.Add((year, reason, revisedBy));
            return Task.CompletedTask;
        }
    }
}
