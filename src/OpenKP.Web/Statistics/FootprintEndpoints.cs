using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenKP.Accounts;
using OpenKP.Certificates;
using OpenKP.Shared;
using OpenKP.Statistics;
using OpenKP.Web.Accounts;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Statistics;

/// <summary>
/// Who sees footprints: the participants' officials (authority and customs officers, who act on the
/// flags), the secretariat, and observers (industry and civil society take part in the Working Group on
/// Statistics; a footprint is an aggregate of at least the minimum sample of lines, from which no
/// certificate or company can be told). Operators and the public do not: price bands would tell a
/// trader what value passes unflagged.
/// </summary>
internal static class FootprintAccess
{
    public static bool MaySee(ClaimsPrincipal user)
        => user.IsInRole(Roles.Secretariat) || user.IsInRole(Roles.AuthorityOfficer) || user.IsInRole(Roles.CustomsOfficer) || user.IsInRole(Roles.Observer);

    public const string Refused = "Footprints are for the participants' officials, the secretariat and observers.";
}

/// <summary>
/// Footprints (issue 6 item 7): per origin (and zone) and HS code, the distribution of US$/ct from the
/// history window; lines outside p1–p99 are flagged at review and at arrival.
/// </summary>
internal static class FootprintEndpoints
{
    public static void Map(WebApplication app)
    {
        var footprints = app.MapGroup("/api/statistics/footprints").WithTags("Statistics").RequireAuthorization(Policies.SignedIn);
        footprints.MapGet("/", List).WithSummary("Every origin with footprints: lines (sample size), zones declared, and per HS code the median and the p1–p99 band");
        footprints.MapGet("/{origin}", Origin).WithSummary("One origin's footprints per zone and HS code: percentiles p1…p99, sample size, date range, mean stone size where declared");
        footprints.MapPost("/recompute", Recompute).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Recompute every footprint from history now (secretariat); otherwise they are recomputed on a schedule");
    }

    internal static async Task<Results<Ok<FootprintListView>, ProblemHttpResult>> List(ClaimsPrincipal user, FootprintQueries queries, string? origin, CancellationToken ct)
    {
        if (!FootprintAccess.MaySee(user))
        {
            return Problems.Forbidden(FootprintAccess.Refused);
        }

        var input = new Input();
        var code = string.IsNullOrWhiteSpace(origin) ? null : input.Code(origin, "origin");
        return input.IsValid ? TypedResults.Ok(await queries.ListAsync(code, ct)) : Problems.BadRequest(input.Errors);
    }

    internal static async Task<Results<Ok<FootprintDetailView>, ProblemHttpResult>> Origin(
        string origin, string? zone, string? hs, ClaimsPrincipal user, FootprintQueries queries, CancellationToken ct)
    {
        if (!FootprintAccess.MaySee(user))
        {
            return Problems.Forbidden(FootprintAccess.Refused);
        }

        var input = new Input();
        var code = input.Code(origin, "origin");
        var hsCode = string.IsNullOrWhiteSpace(hs) ? null : input.OneOf(hs, "hs", CertificateContent.HsCodes);
        var z = string.IsNullOrWhiteSpace(zone) ? null : input.Text(zone, "zone", 200);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await queries.OriginAsync(code, z, hsCode, ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : Problems.From(outcome);
    }

    internal static async Task<Results<Ok<FootprintRunView>, ProblemHttpResult>> Recompute(ClaimsPrincipal user, FootprintCalculator calculator, CancellationToken ct)
    {
        var outcome = await calculator.RecomputeAsync(user.Identity?.Name ?? "secretariat", ct);
        return outcome.Succeeded ? TypedResults.Ok(FootprintRunView.Of(outcome.Value!)) : Problems.From(outcome);
    }
}
