using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Shared;

namespace OpenKP.Web.Shared;

/// <summary>
/// Makes creating POSTs under /api safe to retry: with an <c>Idempotency-Key</c> header, the first
/// response (status, body, Location) is stored per user and key, and replayed for a retry with the
/// same request. The same key with a different request is refused (409); a retry while the first is
/// still running gets 409.
/// </summary>
internal sealed class IdempotencyKeys(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";

    public async Task InvokeAsync(HttpContext context, IdempotencyStore store)
    {
        var key = context.Request.Headers[Header].ToString();
        if (!HttpMethods.IsPost(context.Request.Method) || string.IsNullOrEmpty(key) || !context.Request.Path.StartsWithSegments("/api")
            || context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }

        if (key.Length > 128)
        {
            await Problems.BadRequest(InputCodes.TooLong, "The Idempotency-Key header is longer than 128 characters.", Header).ExecuteAsync(context);
            return;
        }

        context.Request.EnableBuffering();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        context.Request.Body.Position = 0;
        var hash = Convert.ToHexStringLower(SHA256.HashData(
            [.. System.Text.Encoding.UTF8.GetBytes($"{context.Request.Method} {context.Request.Path}\n"), .. Canonical(buffer.ToArray(), context.Request.ContentType)]));
        var user = context.User.Identity.Name ?? "unknown";

        var claim = await store.ClaimAsync(user, key, hash, context.RequestAborted);
        switch (claim)
        {
            case { Outcome: IdempotencyStore.ClaimOutcome.Replay, Record: { } done }:
                context.Response.StatusCode = done.StatusCode;
                context.Response.Headers["Idempotent-Replayed"] = "true";
                if (done.Location is not null)
                {
                    context.Response.Headers.Location = done.Location;
                }

                if (done.ContentType is not null)
                {
                    context.Response.ContentType = done.ContentType;
                }

                if (done.Body is { Length: > 0 } body)
                {
                    await context.Response.Body.WriteAsync(body, context.RequestAborted);
                }

                return;
            case { Outcome: IdempotencyStore.ClaimOutcome.Mismatch }:
                await Problems.Problem(StatusCodes.Status409Conflict, "Idempotency key reused",
                    [new(PlatformCodes.IdempotencyKeyReused, "This Idempotency-Key was already used for a different request. Use a new key for a new request.", Header)]).ExecuteAsync(context);
                return;
            case { Outcome: IdempotencyStore.ClaimOutcome.InFlight }:
                await Problems.Problem(StatusCodes.Status409Conflict, "Request in progress",
                    [new(PlatformCodes.IdempotencyKeyInFlight, "A request with this Idempotency-Key is still being processed; retry shortly.", Header)]).ExecuteAsync(context);
                return;
        }

        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        catch
        {
            await store.ReleaseAsync(claim.Record!.Id, CancellationToken.None);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        // Record the answer before sending it: a client that has gone away gets it on its retry.
        if (context.Response.StatusCode < 500)
        {
            await store.CompleteAsync(claim.Record!.Id, context.Response.StatusCode, context.Response.ContentType,
                captured.ToArray(), context.Response.Headers.Location.ToString(), CancellationToken.None);
        }
        else
        {
            await store.ReleaseAsync(claim.Record!.Id, CancellationToken.None);
        }

        captured.Position = 0;
        await captured.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>
    /// The request body as compared between a request and its retry: JSON re-serialised without
    /// insignificant whitespace (a client that re-encodes the same document is the same request), any
    /// other body as sent.
    /// </summary>
    private static byte[] Canonical(byte[] body, string? contentType)
    {
        if (contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true || body.Length == 0)
        {
            return body;
        }

        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(body) is { } json ? System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()) : body;
        }
        catch (System.Text.Json.JsonException)
        {
            return body; // not JSON after all: the endpoint will say so
        }
    }
}

/// <summary>Stores idempotency records in their own short transactions, apart from the request's work.</summary>
internal sealed class IdempotencyStore(IServiceScopeFactory scopes, TimeProvider clock)
{
    public enum ClaimOutcome
    {
        New,
        Replay,
        Mismatch,
        InFlight,
    }

    public sealed record Claim(ClaimOutcome Outcome, IdempotencyRecord? Record);

    /// <summary>A claim still unanswered after this long belongs to a request that died (a crash, a restart).</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    public async Task<Claim> ClaimAsync(string user, string key, string hash, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenKpDb>();
        var existing = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.UserName == user && r.Key == key, ct);
        if (existing is null)
        {
            var record = new IdempotencyRecord { UserName = user, Key = key, RequestHash = hash, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.IdempotencyRecords.Add(record);
            try
            {
                await db.SaveChangesAsync(ct);
                return new Claim(ClaimOutcome.New, record);
            }
            catch (DbUpdateException)
            {
                return new Claim(ClaimOutcome.InFlight, null);
            }
        }

        if (existing.RequestHash != hash)
        {
            return new Claim(ClaimOutcome.Mismatch, existing);
        }

        if (existing.StatusCode != 0)
        {
            return new Claim(ClaimOutcome.Replay, existing);
        }

        // Still "running" long after any request could: the process died mid-request. Take the key over.
        var now = clock.GetUtcNow().UtcDateTime;
        var abandoned = now - AbandonedAfter;
        var taken = await db.IdempotencyRecords.Where(r => r.Id == existing.Id && r.StatusCode == 0 && r.CreatedAt < abandoned)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.CreatedAt, now), ct);
        return taken == 1 ? new Claim(ClaimOutcome.New, existing) : new Claim(ClaimOutcome.InFlight, existing);
    }

    public async Task CompleteAsync(long id, int status, string? contentType, byte[] body, string? location, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenKpDb>();
        await db.IdempotencyRecords.Where(r => r.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.StatusCode, status)
            .SetProperty(r => r.ContentType, contentType)
            .SetProperty(r => r.Body, body)
            .SetProperty(r => r.Location, string.IsNullOrEmpty(location) ? null : location), ct);
    }

    public async Task ReleaseAsync(long id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenKpDb>();
        await db.IdempotencyRecords.Where(r => r.Id == id).ExecuteDeleteAsync(ct);
    }
}
