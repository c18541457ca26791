using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenKP.Accounts;
using OpenKP.Shared;
using OpenKP.Statistics;
using OpenKP.Web.Accounts;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Statistics;

/// <summary>A trade figure as the API shows it: carats and US$ in units, the quarter as <c>2026-Q1</c>.</summary>
public sealed record TradeFigureView(string Participant, string Flow, string Quarter, string Partner, string HsCode, decimal Carats, decimal Usd, int Certificates)
{
    public static TradeFigureView Of(TradeFigure f) => new(
        f.Participant, Input.Kebab(f.Flow), f.Quarter.ToString(), f.Partner, f.HsCode, f.CaratsHundredths / 100m, f.UsdCents / 100m, f.Certificates);
}

/// <summary>
/// Trade statistics derived from the certificates. Until the secretariat publishes a year (issue 6),
/// they are the officials': a participant's authority and customs officers see their own, the
/// secretariat every participant's.
/// </summary>
internal static class StatisticsEndpoints
{
    public static void Map(WebApplication app)
    {
        var statistics = app.MapGroup("/api/statistics").WithTags("Statistics").RequireAuthorization(Policies.SignedIn);
        statistics.MapGet("/trade", Trade)
            .WithSummary("Exports (by issue date) and imports (by date of receipt) per quarter, partner and HS code; format=csv for a download");
    }

    internal static async Task<Results<Ok<IReadOnlyList<TradeFigureView>>, FileContentHttpResult, ProblemHttpResult>> Trade(
        ClaimsPrincipal user, TradeStatistics statistics, TimeProvider clock, int? year, string? participant, string? format, CancellationToken ct)
    {
        var secretariat = user.IsInRole(Roles.Secretariat);
        var own = user.FindFirstValue(OpenKpClaims.Participant);
        var official = user.IsInRole(Roles.AuthorityOfficer) || user.IsInRole(Roles.CustomsOfficer);
        if (!secretariat && !official)
        {
            return Problems.Forbidden("Trade statistics are the participants' officials' and the secretariat's until a year is published.");
        }

        var input = new Input();
        var y = year ?? clock.GetUtcNow().Year;
        StatisticsInput.Year(input, y);

        var who = string.IsNullOrWhiteSpace(participant) ? (secretariat ? null : own) : input.Code(participant, "participant");
        var csv = input.OneOf(format, "format", ["json", "csv"]) == "csv";
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        if (!secretariat && who != own)
        {
            return Problems.Forbidden($"You see {own}'s statistics only.");
        }

        var figures = await statistics.ForYearAsync(y, who, ct);
        return csv
            ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(TradeFigureCsv.Write(figures)), "text/csv; charset=utf-8", $"kp-trade-{who ?? "all"}-{y}.csv")
            : TypedResults.Ok<IReadOnlyList<TradeFigureView>>([.. figures.Select(TradeFigureView.Of)]);
    }
}
