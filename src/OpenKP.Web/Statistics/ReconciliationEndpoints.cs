using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenKP.Accounts;
using OpenKP.Shared;
using OpenKP.Statistics;
using OpenKP.Web.Accounts;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Statistics;

/// <summary>
/// A reconciliation asked for: the period, the pairs (<paramref name="Scope"/>), and the download format
/// (<c>json</c>, <c>csv</c> or <c>xlsx</c>).
/// </summary>
internal sealed record ReconciliationAsk(ReconciliationPeriod Period, ReconciliationScope Scope, string Format);

/// <summary>A parsed reconciliation query: the ask, or why not — 403 (not the caller's pairs) or 400 (malformed), with every violation.</summary>
internal sealed record ParsedAsk(ReconciliationAsk? Ask, int Status, IReadOnlyList<Violation> Violations)
{
    public ProblemHttpResult Problem() => Status == StatusCodes.Status403Forbidden ? Problems.Forbidden(Violations[0].Message) : Problems.BadRequest(Violations);

    public static ParsedAsk Forbidden(string message) => new(null, StatusCodes.Status403Forbidden, [new Violation(PlatformCodes.Forbidden, message)]);
}

/// <summary>
/// Bilateral reconciliation (issue 6 item 5): A's exports to B against B's imports from A, certificate by
/// certificate. Authority and customs officers see the pairs their participant is in; the secretariat every pair.
/// </summary>
internal static class ReconciliationEndpoints
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static void Map(WebApplication app)
    {
        var reconciliation = app.MapGroup("/api/statistics/reconciliation").WithTags("Statistics").RequireAuthorization(Policies.SignedIn);
        reconciliation.MapGet("/", Summary)
            .WithSummary("Each pair's exports against the partner's imports with the difference per category; a=exporter, b=importer (one direction), participant and partner (both directions); format=csv|xlsx for a download");
        reconciliation.MapGet("/certificates", Certificates)
            .WithSummary("The reconciliation's certificates with their category and both sides' figures, a page at a time (all of them with format=csv|xlsx)");
    }

    /// <summary>
    /// Parses the query and checks who may see it. <paramref name="a"/> (exporter) and <paramref name="b"/> (importer) fix a
    /// direction; <paramref name="participant"/> keeps the pairs it is in, both directions, and <paramref name="partner"/> those
    /// between it and the partner. An official's pairs are always its own participant's (asking for another's is refused).
    /// </summary>
    internal static ParsedAsk Parse(
        ClaimsPrincipal user, TimeProvider clock, int? year, int? quarter, string? a, string? b, string? participant, string? partner, string? format)
    {
        var secretariat = user.IsInRole(Roles.Secretariat);
        var own = user.FindFirstValue(OpenKpClaims.Participant);
        var official = (user.IsInRole(Roles.AuthorityOfficer) || user.IsInRole(Roles.CustomsOfficer)) && own is not null;
        if (!secretariat && !official)
        {
            return ParsedAsk.Forbidden("Reconciliations are the participants' officials' and the secretariat's.");
        }

        var input = new Input();
        var y = year ?? clock.GetUtcNow().Year;
        StatisticsInput.Year(input, y);

        if (quarter is < 1 or > 4)
        {
            input.Add(InputCodes.InvalidValue, "'quarter' is 1, 2, 3 or 4 (or absent for the whole year).", "quarter");
        }

        var exporter = Optional(input, a, "a");
        var importer = Optional(input, b, "b");
        if (exporter is not null && exporter == importer)
        {
            input.Add(InputCodes.InvalidValue, "'a' (the exporter) and 'b' (the importer) are two different participants.", "b");
        }

        var involving = Optional(input, participant, "participant");
        var other = Optional(input, partner, "partner");
        if (other is not null && involving is null && secretariat)
        {
            input.Add(InputCodes.Required, "'partner' narrows the pairs of a 'participant': name the participant too.", "participant");
        }

        var chosen = input.OneOf(format, "format", ["json", "csv", "xlsx"]) ?? "json";
        if (!input.IsValid)
        {
            return new(null, StatusCodes.Status400BadRequest, input.Errors);
        }

        if (!secretariat && ((involving is not null && involving != own) || ((exporter ?? importer) is not null && exporter != own && importer != own)))
        {
            return ParsedAsk.Forbidden($"You see the reconciliations of {own}'s pairs only: name {own} as 'a', 'b' or 'participant'.");
        }

        var scope = new ReconciliationScope(exporter, importer, secretariat ? involving : own, other);
        return new(new ReconciliationAsk(new ReconciliationPeriod(y, quarter), scope, chosen), StatusCodes.Status200OK, []);
    }

    private static string? Optional(Input input, string? code, string field) => string.IsNullOrWhiteSpace(code) ? null : input.Code(code, field);

    internal static async Task<Results<Ok<ReconciliationView>, FileContentHttpResult, ProblemHttpResult>> Summary(
        ClaimsPrincipal user, ReconciliationRunner runner, TimeProvider clock, int? year, int? quarter, string? a, string? b, string? participant, string? partner, string? format, CancellationToken ct)
    {
        var parsed = Parse(user, clock, year, quarter, a, b, participant, partner, format);
        if (parsed.Ask is not { } ask)
        {
            return parsed.Problem();
        }

        var result = await runner.RunAsync(ask.Period, ask.Scope, Today(clock), ct);
        var name = ReconciliationFiles.FileName(ask.Period, ask.Scope, false, ask.Format);
        return ask.Format switch
        {
            "csv" => TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ReconciliationFiles.SummaryCsv(result)), "text/csv; charset=utf-8", name),
            "xlsx" => TypedResults.File(ReconciliationFiles.SummaryXlsx(result), XlsxType, name),
            _ => TypedResults.Ok(ReconciliationView.Of(result)),
        };
    }

    internal static async Task<Results<Ok<ReconciliationDetailView>, FileContentHttpResult, ProblemHttpResult>> Certificates(
        ClaimsPrincipal user, ReconciliationRunner runner, TimeProvider clock, int? year, int? quarter, string? a, string? b, string? participant, string? partner, string? category,
        int? page, int? pageSize, string? format, CancellationToken ct)
    {
        var parsed = Parse(user, clock, year, quarter, a, b, participant, partner, format);
        if (parsed.Ask is not { } ask)
        {
            return parsed.Problem();
        }

        var input = new Input();
        ReconciliationCategory? only = string.IsNullOrWhiteSpace(category) ? null : input.Enum<ReconciliationCategory>(category, "category");
        var p = input.Page(page, "page", 1, 100_000);
        var size = input.Page(pageSize, "pageSize", DefaultPageSize, MaxPageSize);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var result = await runner.RunAsync(ask.Period, ask.Scope, Today(clock), ct);
        var certificates = result.Certificates.Where(c => only is null || c.Category == only).ToList();
        var name = ReconciliationFiles.FileName(ask.Period, ask.Scope, true, ask.Format);
        return ask.Format switch
        {
            "csv" => TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ReconciliationFiles.DetailCsv(result, certificates)), "text/csv; charset=utf-8", name),
            "xlsx" => TypedResults.File(ReconciliationFiles.DetailXlsx(result, certificates), XlsxType, name),
            _ => TypedResults.Ok(new ReconciliationDetailView(result.Period.ToString(), result.JudgedOn,
                new Paged<ReconciledCertificateView>([.. certificates.Skip((p - 1) * size).Take(size).Select(ReconciledCertificateView.Of)], p, size, certificates.Count))),
        };
    }

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    internal static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
