using Microsoft.AspNetCore.Http.HttpResults;
using OpenKP.Shared;

namespace OpenKP.Web.Shared;

/// <summary>
/// The one mapping from outcomes to HTTP: rule violations → 422 with a <c>violations</c> array,
/// unknown → 404, state conflicts → 409, malformed input → 400. Every problem's <c>type</c> links
/// to its entry in docs/problems.md.
/// </summary>
public static class Problems
{
    /// <summary>Problem types are relative URIs into docs/problems.md, served by the app at <c>/problems</c>.</summary>
    public const string DocsBase = "/problems#";

    public static ProblemHttpResult From<T>(Outcome<T> outcome) => Problem(StatusOf(outcome.Kind), outcome.Kind switch
    {
        OutcomeKind.NotFound => "Not found",
        OutcomeKind.Conflict => "Conflict",
        OutcomeKind.Forbidden => "Forbidden",
        _ => "The request breaks Kimberley Process rules",
    }, outcome.Violations);

    /// <summary>The HTTP status of a failed outcome, for the API and for pages that re-render with the problem.</summary>
    public static int StatusOf(OutcomeKind kind) => kind switch
    {
        OutcomeKind.NotFound => StatusCodes.Status404NotFound,
        OutcomeKind.Conflict => StatusCodes.Status409Conflict,
        OutcomeKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    /// <summary>Malformed input: 400 with every bad field at once.</summary>
    public static ProblemHttpResult BadRequest(IReadOnlyList<Violation> violations)
        => Problem(StatusCodes.Status400BadRequest, "The request is malformed", violations);

    public static ProblemHttpResult BadRequest(string code, string message, string? field = null)
        => BadRequest([new Violation(code, message, field)]);

    /// <summary>403 for a rule the handler checks itself (the scope is in the data, not in the route).</summary>
    public static ProblemHttpResult Forbidden(string message)
        => Problem(StatusCodes.Status403Forbidden, "Forbidden", [new Violation(PlatformCodes.Forbidden, message)]);

    public static ProblemHttpResult NotFound(string code, string message, string? field = null)
        => Problem(StatusCodes.Status404NotFound, "Not found", [new Violation(code, message, field)]);

    public static ProblemHttpResult Problem(int status, string title, IReadOnlyList<Violation> violations)
    {
        var first = violations.Count > 0 ? violations[0] : null;
        return TypedResults.Problem(
            statusCode: status,
            title: title,
            detail: violations.Count == 1 ? first!.Message : string.Join(" ", violations.Select(v => v.Message)),
            type: first is null ? null : DocsBase + first.Code,
            extensions: new Dictionary<string, object?>
            {
                ["code"] = first?.Code,
                ["violations"] = violations.Select(v => new { code = v.Code, message = v.Message, field = v.Field }).ToArray(),
            });
    }
}
