using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Notifications;
using OpenKP.Registry;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Notifications;

/// <summary>Register an endpoint: an absolute http(s) <c>url</c> and the <c>events</c> it wants (names from docs/webhooks.md, or <c>*</c>).</summary>
public sealed record RegisterWebhookRequest(string? Url, IReadOnlyList<string?>? Events);

/// <summary>
/// A participant's webhook endpoints for its national systems: its authority officers (and the secretariat)
/// register, list and remove them, read every delivery with its attempts, and redeliver one.
/// </summary>
internal static class WebhookEndpoints
{
    public static void Map(WebApplication app)
    {
        var hooks = app.MapGroup("/api/participants/{code}/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.ParticipantAuthority);
        hooks.MapGet("/", List).WithSummary("The participant's webhook endpoints (secrets are never shown again)");
        hooks.MapPost("/", Register).WithSummary("Register an endpoint; the answer carries its signing secret, this once");
        hooks.MapDelete("/{id:long}", Remove).WithSummary("Remove an endpoint: nothing more is sent to it");
        hooks.MapGet("/{id:long}/deliveries", Deliveries).WithSummary("An endpoint's deliveries, newest first, with every attempt");
        hooks.MapPost("/deliveries/{deliveryId:long}/redeliver", Redeliver).WithSummary("Send a delivered or failed delivery again");
    }

    internal static async Task<Results<Ok<IReadOnlyList<WebhookView>>, ProblemHttpResult>> List(string code, Webhooks webhooks, OpenKpDb db, CancellationToken ct)
    {
        var (participant, problem) = await ParticipantAsync(code, db, ct);
        return problem ?? (Results<Ok<IReadOnlyList<WebhookView>>, ProblemHttpResult>)TypedResults.Ok(await webhooks.ListAsync(participant, ct));
    }

    internal static async Task<Results<Created<WebhookCreatedView>, ProblemHttpResult>> Register(
        string code, RegisterWebhookRequest request, ClaimsPrincipal user, Webhooks webhooks, OpenKpDb db, CancellationToken ct)
    {
        var (participant, problem) = await ParticipantAsync(code, db, ct);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await webhooks.RegisterAsync(participant, request.Url, request.Events, user.Identity?.Name ?? "unknown", ct);
        if (!outcome.Succeeded)
        {
            return Problems.BadRequest(outcome.Violations);
        }

        var created = outcome.Value!;
        return TypedResults.Created($"/api/participants/{participant}/webhooks/{created.Id}", created);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Remove(string code, long id, Webhooks webhooks, OpenKpDb db, CancellationToken ct)
    {
        var (participant, problem) = await ParticipantAsync(code, db, ct);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await webhooks.RemoveAsync(participant, id, ct);
        return outcome.Succeeded ? TypedResults.NoContent() : Problems.From(outcome);
    }

    internal static async Task<Results<Ok<Paged<WebhookDeliveryView>>, ProblemHttpResult>> Deliveries(
        string code, long id, int? page, int? pageSize, Webhooks webhooks, OpenKpDb db, CancellationToken ct)
    {
        var input = new Input();
        var p = input.Page(page, "page", 1, 100_000);
        var size = input.Page(pageSize, "pageSize", 50, 500);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var (participant, problem) = await ParticipantAsync(code, db, ct);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await webhooks.DeliveriesAsync(participant, id, p, size, ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : Problems.From(outcome);
    }

    internal static async Task<Results<Ok<WebhookDeliveryView>, ProblemHttpResult>> Redeliver(string code, long deliveryId, Webhooks webhooks, OpenKpDb db, CancellationToken ct)
    {
        var (participant, problem) = await ParticipantAsync(code, db, ct);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await webhooks.RedeliverAsync(participant, deliveryId, ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : Problems.From(outcome);
    }

    /// <summary>The route's participant code, checked against the registry (the secretariat may name any).</summary>
    private static async Task<(string Code, ProblemHttpResult? Problem)> ParticipantAsync(string code, OpenKpDb db, CancellationToken ct)
    {
        var input = new Input();
        var c = input.Code(code, "code");
        if (!input.IsValid)
        {
            return (c, Problems.BadRequest(input.Errors));
        }

        return await db.Participants.AnyAsync(p => p.Code == c, ct)
            ? (c, null)
            : (c, Problems.NotFound(RegistryCodes.ParticipantNotFound, $"There is no participant {c} in the registry.", "code"));
    }
}
