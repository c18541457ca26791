using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenKP.Accounts;
using OpenKP.Shared;
using OpenKP.Shipments;
using OpenKP.Web.Accounts;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Shipments;

/// <summary>Raise an alert: <c>kind</c> fraudulent-certificate, suspicious-shipment, lost-or-stolen-forms or other.</summary>
public sealed record RaiseAlertRequest(string? Kind, string? Subject, string? Details, string? CertificateNumber)
{
    /// <summary>
    /// The alert to raise, with every violation added to <paramref name="input"/> (fields <c>kind</c>, <c>subject</c>,
    /// <c>details</c>, <c>certificateNumber</c>); the API and the portal's form both parse here.
    /// </summary>
    public NewAlert Parse(Input input)
    {
        var kind = input.Enum<AlertKind>(Kind, "kind");
        var subject = input.Text(Subject, "subject", 200);
        var details = input.Text(Details, "details", 4000);
        var number = input.Text(CertificateNumber, "certificateNumber", 64, required: false);
        return new NewAlert(kind, subject, details, number.Length == 0 ? null : number);
    }
}

/// <summary>
/// Alerts between the participants' authorities: any official raises one, every participant's
/// officials and the secretariat see it, each participant acknowledges it once.
/// </summary>
internal static class AlertEndpoints
{
    public static void Map(WebApplication app)
    {
        var alerts = app.MapGroup("/api/alerts").WithTags("Alerts").RequireAuthorization(Policies.SchemeOfficials);
        alerts.MapPost("/", Raise).WithSummary("Raise an alert to every participant's authorities and the secretariat");
        alerts.MapGet("/", List).WithSummary("Alerts, newest first; unacknowledged=true: those your participant has not acknowledged");
        alerts.MapGet("/{id:long}", Get).WithSummary("An alert with the participants that acknowledged it");
        alerts.MapPost("/{id:long}/acknowledge", Acknowledge).WithSummary("Your participant has read the alert (once per participant)");
    }

    internal static async Task<Results<Created<AlertView>, ProblemHttpResult>> Raise(RaiseAlertRequest request, ClaimsPrincipal user, Alerts alerts, CancellationToken ct)
    {
        var input = new Input();
        var parsed = request.Parse(input);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var own = Participant(user);
        var alert = await alerts.RaiseAsync(new AlertActor(own, user.Identity?.Name ?? "unknown"), parsed, ct);
        return TypedResults.Created($"/api/alerts/{alert.Id}", AlertView.Of(alert, own));
    }

    internal static async Task<Results<Ok<Paged<AlertView>>, ProblemHttpResult>> List(
        ClaimsPrincipal user, Alerts alerts, string? kind, bool? unacknowledged, int? page, int? pageSize, CancellationToken ct)
    {
        var input = new Input();
        var k = string.IsNullOrWhiteSpace(kind) ? (AlertKind?)null : input.Enum<AlertKind>(kind, "kind");
        var p = input.Page(page, "page", 1, 100_000);
        var size = input.Page(pageSize, "pageSize", 50, 500);
        var own = Participant(user);
        if (unacknowledged == true && own is null)
        {
            input.Add(InputCodes.InvalidValue, "'unacknowledged' filters by your participant's acknowledgements; the secretariat has none.", "unacknowledged");
        }

        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var list = await alerts.ListAsync(k, unacknowledged == true ? own : null, p, size, ct);
        return TypedResults.Ok(new Paged<AlertView>([.. list.Items.Select(a => AlertView.Of(a, own))], list.Page, list.PageSize, list.Total));
    }

    internal static async Task<Results<Ok<AlertView>, ProblemHttpResult>> Get(long id, ClaimsPrincipal user, Alerts alerts, CancellationToken ct)
        => await alerts.FindAsync(id, ct) is { } alert
            ? TypedResults.Ok(AlertView.Of(alert, Participant(user)))
            : Problems.NotFound(ShipmentCodes.AlertNotFound, $"There is no alert {id}.", "id");

    internal static async Task<Results<Ok<AlertView>, ProblemHttpResult>> Acknowledge(long id, ClaimsPrincipal user, Alerts alerts, CancellationToken ct)
    {
        if (Participant(user) is not { } own)
        {
            return Problems.Forbidden("Participants acknowledge alerts through their officers; the secretariat has no participant to acknowledge for.");
        }

        var outcome = await alerts.AcknowledgeAsync(id, own, user.Identity?.Name ?? "unknown", ct);
        return outcome.Succeeded ? TypedResults.Ok(AlertView.Of(outcome.Value!, own)) : Problems.From(outcome);
    }

    /// <summary>The participant an officer acts for; null for the secretariat.</summary>
    internal static string? Participant(ClaimsPrincipal user) => user.IsInRole(Roles.Secretariat) ? null : user.FindFirstValue(OpenKpClaims.Participant);
}
