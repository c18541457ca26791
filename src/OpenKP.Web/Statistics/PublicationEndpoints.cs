using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using OpenKP.Accounts;
using OpenKP.Shared;
using OpenKP.Statistics;
using OpenKP.Web.Accounts;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Statistics;

/// <summary>One participant's figures (or the world total) in units: carats, US$, US$/ct (null without carats), certificate counts.</summary>
public sealed record FiguresView(
    string Participant, string Name,
    decimal ProductionCarats, decimal ProductionUsd, decimal? ProductionUsdPerCarat,
    decimal ExportCarats, decimal ExportUsd, decimal? ExportUsdPerCarat, int ExportCertificates,
    decimal ImportCarats, decimal ImportUsd, decimal? ImportUsdPerCarat, int ImportCertificates,
    bool ProductionSubmitted)
{
    public static FiguresView Of(ParticipantYear r, string name) => new(
        r.Participant, name,
        r.ProductionCaratsHundredths / 100m, r.ProductionUsdCents / 100m, StatisticsTable.PerCarat(r.ProductionUsdCents, r.ProductionCaratsHundredths) / 100m,
        r.ExportCaratsHundredths / 100m, r.ExportUsdCents / 100m, StatisticsTable.PerCarat(r.ExportUsdCents, r.ExportCaratsHundredths) / 100m, r.ExportCertificates,
        r.ImportCaratsHundredths / 100m, r.ImportUsdCents / 100m, StatisticsTable.PerCarat(r.ImportUsdCents, r.ImportCaratsHundredths) / 100m, r.ImportCertificates,
        r.ProductionSubmitted);
}

/// <summary>A vintage: its number in the year, when it was published and why (who, for the secretariat only).</summary>
public sealed record VintageView(int Number, DateTime PublishedAt, string Reason, string? PublishedBy = null)
{
    public static VintageView Of(VintageInfo v, bool withAuthor = false) => new(v.Number, v.PublishedAt, v.Reason, withAuthor ? v.PublishedBy : null);
}

/// <summary>A published year (or the secretariat's live preview, <c>published: false</c>): rows in the order asked, the world total, the non-submitters.</summary>
public sealed record YearView(
    int Year, bool Published, VintageView? Vintage, IReadOnlyList<VintageView> Vintages,
    IReadOnlyList<FiguresView> Rows, FiguresView World, IReadOnlyList<string> NonSubmitters);

/// <summary>A published year in the list: its latest vintage and the world total.</summary>
public sealed record PublishedYearView(int Year, VintageView Vintage, FiguresView World);

/// <summary>A year as the secretariat's publication list shows it: its latest vintage, or null when unpublished.</summary>
public sealed record PublicationStatusView(int Year, bool Published, VintageView? Latest);

/// <summary>Why a year should be published again (required for a new vintage of a published year).</summary>
public sealed record PublishRequest(string? Reason);

/// <summary>One figure that changed between two vintages, in units (1/0 for production-submitted).</summary>
public sealed record FigureChangeView(string Participant, string Column, decimal Old, decimal New)
{
    public static FigureChangeView Of(FigureChange c) => new(c.Participant, c.Column, Units(c.Kind, c.Old), Units(c.Kind, c.New));

    public static decimal Units(ColumnKind kind, long value) => kind == ColumnKind.Count ? value : value / 100m;
}

/// <summary>What changed from one vintage of a year to another.</summary>
public sealed record VintageDifferenceView(int Year, VintageView From, VintageView To, IReadOnlyList<FigureChangeView> Changes);

/// <summary>
/// Published statistics: anonymous reads of published years (JSON, CSV, XLSX and the charts), and the
/// secretariat's publication — live preview, publish, vintages and their differences. An unpublished
/// year does not exist for the public: every public route answers 404 for it.
/// </summary>
internal static class PublicationEndpoints
{
    public static void Map(WebApplication app)
    {
        var open = app.MapGroup("/api/public/statistics").WithTags("Public statistics").AllowAnonymous();
        open.MapGet("/", Years).WithSummary("The published years, latest first, with their latest vintage and world totals");
        open.MapGet("/{year:int}", Year)
            .WithSummary("A published year: per participant and world totals, the vintage shown, non-submitters; vintage=N for an older one; sort, dir; format=csv|xlsx for the same table as a file");
        open.MapGet("/participants/{code}", History).WithSummary("One participant's figures in every published year (latest vintage of each)");

        var secretariat = app.MapGroup("/api/statistics/years").WithTags("Statistics publication").RequireAuthorization(Policies.Secretariat);
        secretariat.MapGet("/", Statuses).WithSummary("Every year with data: published (latest vintage) or not");
        secretariat.MapGet("/{year:int}/preview", Preview).WithSummary("The live figures of a year, published or not (sort, dir, format=csv|xlsx)");
        secretariat.MapPost("/{year:int}/publish", Publish)
            .WithSummary("Publish a year that is over (vintage 1), or, with a reason, a new vintage of a published year whose figures changed");
        secretariat.MapGet("/{year:int}/vintages", Vintages).WithSummary("A year's vintages, oldest first, with who published each and why");
        secretariat.MapGet("/{year:int}/vintages/{a:int}/diff/{b:int}", Difference).WithSummary("Every figure that differs from vintage a to vintage b (per participant and column, old → new)");

        var charts = app.MapGroup("/statistics/charts").WithTags("Public statistics").AllowAnonymous();
        charts.MapGet("/world.svg", WorldChart).WithSummary("World production and trade (US$) over the published years, SVG");
        charts.MapGet("/{year:int}/top-producers.svg", TopProducersChart).WithSummary("The year's ten largest producers by carats, SVG");
        charts.MapGet("/{year:int}/price.svg", PriceChart).WithSummary("Production US$/ct by producer for the year, SVG");
        charts.MapGet("/participants/{code}.svg", ParticipantChart).WithSummary("One participant's production, exports and imports (US$) over the published years, SVG");
    }

    // ---- Public ------------------------------------------------------------------------------------

    internal static async Task<Ok<IReadOnlyList<PublishedYearView>>> Years(PublishedStatistics statistics, CancellationToken ct)
        => TypedResults.Ok<IReadOnlyList<PublishedYearView>>([.. (await statistics.YearsAsync(ct))
            .Select(y => new PublishedYearView(y.Year, VintageView.Of(y.Vintage), FiguresView.Of(y.World, "World")))]);

    internal static async Task<Results<Ok<YearView>, FileContentHttpResult, ProblemHttpResult>> Year(
        int year, int? vintage, string? sort, string? dir, string? format, PublishedStatistics statistics, CancellationToken ct)
    {
        var input = new Input();
        var order = Order(input, sort, dir);
        var as_ = input.OneOf(format, "format", ["json", "csv", "xlsx"]) ?? "json";
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var table = await statistics.PublishedAsync(year, vintage, ct);
        if (table is null)
        {
            return vintage is { } n && await statistics.IsPublishedAsync(year, ct)
                ? Problems.NotFound(PublicationCodes.VintageNotFound, $"{year} has no vintage {n}.", "vintage")
                : NotPublished(year);
        }

        return await Answer(table, order, as_, statistics, withAuthor: false, ct);
    }

    internal static async Task<Results<Ok<IReadOnlyList<FigureHistoryView>>, ProblemHttpResult>> History(string code, PublishedStatistics statistics, CancellationToken ct)
    {
        var input = new Input();
        var participant = input.Code(code, "code");
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var names = await statistics.NamesAsync(ct);
        return TypedResults.Ok<IReadOnlyList<FigureHistoryView>>([.. (await statistics.HistoryAsync(participant, ct))
            .Select(h => new FigureHistoryView(h.Year, h.Vintage, FiguresView.Of(h.Figures, names.GetValueOrDefault(participant, participant))))]);
    }

    // ---- Secretariat -------------------------------------------------------------------------------

    internal static async Task<Ok<IReadOnlyList<PublicationStatusView>>> Statuses(PublishedStatistics statistics, TimeProvider clock, CancellationToken ct)
    {
        var published = (await statistics.YearsAsync(ct)).ToDictionary(y => y.Year);
        var years = await statistics.YearsWithDataAsync(clock.GetUtcNow().Year, ct);
        return TypedResults.Ok<IReadOnlyList<PublicationStatusView>>([.. years.Union(published.Keys).OrderDescending()
            .Select(y => new PublicationStatusView(y, published.ContainsKey(y), published.TryGetValue(y, out var p) ? VintageView.Of(p.Vintage, withAuthor: true) : null))]);
    }

    internal static async Task<Results<Ok<YearView>, FileContentHttpResult, ProblemHttpResult>> Preview(
        int year, string? sort, string? dir, string? format, PublishedStatistics statistics, CancellationToken ct)
    {
        var input = new Input();
        var order = Order(input, sort, dir);
        var as_ = input.OneOf(format, "format", ["json", "csv", "xlsx"]) ?? "json";
        if (!StatisticsInput.Year(input, year) || !input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        return await Answer(await statistics.LiveAsync(year, ct), order, as_, statistics, withAuthor: true, ct);
    }

    internal static async Task<Results<Created<VintageView>, ProblemHttpResult>> Publish(
        int year, PublishRequest? request, ClaimsPrincipal user, StatisticsPublisher publisher, CancellationToken ct)
    {
        var input = new Input();
        var reason = input.Text(request?.Reason, "reason", StatisticsPublisher.MaxReasonLength, required: false);
        if (!StatisticsInput.Year(input, year) || !input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await publisher.PublishAsync(year, reason.Length == 0 ? null : reason, user.Identity?.Name ?? Roles.Secretariat, ct);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/public/statistics/{year}?vintage={outcome.Value!.Number}", VintageView.Of(outcome.Value!, withAuthor: true))
            : Problems.From(outcome);
    }

    internal static async Task<Results<Ok<IReadOnlyList<VintageView>>, ProblemHttpResult>> Vintages(int year, PublishedStatistics statistics, CancellationToken ct)
    {
        var vintages = await statistics.VintagesAsync(year, ct);
        return vintages.Count == 0 ? NotPublished(year) : TypedResults.Ok<IReadOnlyList<VintageView>>([.. vintages.Select(v => VintageView.Of(v, withAuthor: true))]);
    }

    internal static async Task<Results<Ok<VintageDifferenceView>, ProblemHttpResult>> Difference(int year, int a, int b, PublishedStatistics statistics, CancellationToken ct)
    {
        var difference = await DifferenceAsync(statistics, year, a, b, ct);
        return difference.Succeeded
            ? TypedResults.Ok(new VintageDifferenceView(year, VintageView.Of(difference.Value!.From, true), VintageView.Of(difference.Value!.To, true),
                [.. difference.Value!.Changes.Select(FigureChangeView.Of)]))
            : Problems.From(difference);
    }

    /// <summary>The difference between two vintages of a year (404 naming the missing one).</summary>
    public static async Task<Outcome<VintageDifference>> DifferenceAsync(PublishedStatistics statistics, int year, int a, int b, CancellationToken ct)
    {
        var from = await statistics.PublishedAsync(year, a, ct);
        var to = await statistics.PublishedAsync(year, b, ct);
        if (from is null || to is null)
        {
            return Outcome<VintageDifference>.NotFound(await statistics.IsPublishedAsync(year, ct)
                ? new Violation(PublicationCodes.VintageNotFound, $"{year} has no vintage {(from is null ? a : b)}.", from is null ? "a" : "b")
                : new Violation(PublicationCodes.YearNotPublished, $"{year} is not published.", "year"));
        }

        return Outcome<VintageDifference>.Success(new VintageDifference(year, from.Vintage!, to.Vintage!, VintageDifference.Between(from.Rows, to.Rows)));
    }

    // ---- Charts ------------------------------------------------------------------------------------

    internal static async Task<IResult> WorldChart(PublishedStatistics statistics, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var years = (await statistics.YearsAsync(ct)).OrderBy(y => y.Year).ToList();
        return Svg(StatisticsCharts.Lines(
            new ChartText(l["StatPub.ChartWorld"], l["StatPub.ChartMillionUsd"], [l["StatPub.Production"], l["StatPub.Exports"], l["StatPub.Imports"]]),
            [.. years.Select(y => y.Year)],
            [[.. years.Select(y => y.World.ProductionUsdCents)], [.. years.Select(y => y.World.ExportUsdCents)], [.. years.Select(y => y.World.ImportUsdCents)]],
            100_000_000d));
    }

    internal static async Task<IResult> TopProducersChart(int year, PublishedStatistics statistics, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (await statistics.PublishedAsync(year, null, ct) is not { } table)
        {
            return NotPublished(year);
        }

        return Svg(StatisticsCharts.Bars(new ChartText(l["StatPub.ChartTopProducers", year], l["StatPub.ChartMillionCarats"], []),
            [.. TopProducers(table).Select(r => (r.Participant, r.ProductionCaratsHundredths))], 100_000_000d));
    }

    internal static async Task<IResult> PriceChart(int year, PublishedStatistics statistics, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (await statistics.PublishedAsync(year, null, ct) is not { } table)
        {
            return NotPublished(year);
        }

        return Svg(StatisticsCharts.Bars(new ChartText(l["StatPub.ChartPrice", year], l["StatPub.UsdPerCarat"], []),
            [.. Priced(table).Select(r => (r.Participant, StatisticsTable.PerCarat(r.ProductionUsdCents, r.ProductionCaratsHundredths)!.Value))], 100d));
    }

    internal static async Task<IResult> ParticipantChart(string code, PublishedStatistics statistics, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var input = new Input();
        var participant = input.Code(code, "code");
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var history = await statistics.HistoryAsync(participant, ct);
        return Svg(StatisticsCharts.Lines(
            new ChartText(l["StatPub.ChartParticipant", participant], l["StatPub.ChartMillionUsd"], [l["StatPub.Production"], l["StatPub.Exports"], l["StatPub.Imports"]]),
            [.. history.Select(h => h.Year)],
            [[.. history.Select(h => h.Figures.ProductionUsdCents)], [.. history.Select(h => h.Figures.ExportUsdCents)], [.. history.Select(h => h.Figures.ImportUsdCents)]],
            100_000_000d));
    }

    /// <summary>The ten largest producers by carats (the top-producers chart and its table).</summary>
    public static IReadOnlyList<ParticipantYear> TopProducers(YearTable table)
        => [.. StatisticsTable.Sort(table.Rows.Where(r => r.ProductionCaratsHundredths > 0), "production-carats", descending: true).Take(10)];

    /// <summary>Producers with a price, highest US$/ct first (the price chart and its table).</summary>
    public static IReadOnlyList<ParticipantYear> Priced(YearTable table)
        => [.. StatisticsTable.Sort(table.Rows.Where(r => r.ProductionCaratsHundredths > 0), "production-usd-per-carat", descending: true)];

    // ---- Shared --------------------------------------------------------------------------------------

    /// <summary>The sort column and direction from the query string (the page and the downloads share them).</summary>
    public static (string Key, bool Descending) Order(Input input, string? sort, string? dir)
    {
        ArgumentNullException.ThrowIfNull(input);
        var key = string.IsNullOrWhiteSpace(sort) ? StatisticsTable.DefaultSort : sort.Trim();
        if (!StatisticsTable.IsSortKey(key))
        {
            input.Add(InputCodes.InvalidValue, $"'{sort}' is not a column: participant, or one of {string.Join(", ", StatisticsTable.Columns.Select(c => c.Key))}.", "sort");
        }

        var descending = input.OneOf(dir, "dir", ["asc", "desc"]) == "desc";
        return (key, descending);
    }

    private static async Task<Results<Ok<YearView>, FileContentHttpResult, ProblemHttpResult>> Answer(
        YearTable table, (string Key, bool Descending) order, string format, PublishedStatistics statistics, bool withAuthor, CancellationToken ct)
    {
        var rows = StatisticsTable.Sort(table.Rows, order.Key, order.Descending);
        return format switch
        {
            "csv" => TypedResults.File(System.Text.Encoding.UTF8.GetBytes(StatisticsTable.Csv(table, rows)), "text/csv; charset=utf-8", StatisticsTable.FileName(table, "csv")),
            "xlsx" => TypedResults.File(StatisticsTable.Xlsx(table, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", StatisticsTable.FileName(table, "xlsx")),
            _ => TypedResults.Ok(new YearView(
                table.Year, table.IsPublished, table.Vintage is { } v ? VintageView.Of(v, withAuthor) : null,
                [.. (await statistics.VintagesAsync(table.Year, ct)).Select(x => VintageView.Of(x, withAuthor))],
                [.. rows.Select(r => FiguresView.Of(r, table.NameOf(r.Participant)))],
                FiguresView.Of(table.World, "World"),
                table.NonSubmitters)),
        };
    }

    private static ProblemHttpResult NotPublished(int year)
        => Problems.NotFound(PublicationCodes.YearNotPublished, $"The statistics of {year} are not published.", "year");

    private static IResult Svg(string svg) => Results.Text(svg, "image/svg+xml; charset=utf-8");
}

/// <summary>A participant's figures in one published year's latest vintage.</summary>
public sealed record FigureHistoryView(int Year, int Vintage, FiguresView Figures);
