using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Notifications;

namespace OpenKP.Web.Notifications;

/// <summary>
/// Sends due webhook deliveries from the outbox. Each pass claims deliveries one by one with a lease (a
/// conditional UPDATE: of two instances or two passes only one wins a row), POSTs the event's JSON with its
/// id, type and signature headers, records the attempt, and marks the delivery delivered on 2xx or schedules
/// its retry (<see cref="WebhookRules.Backoff"/>). A delivery whose sender stopped mid-send is claimed again
/// when its lease ends: receivers de-duplicate by event id (docs/webhooks.md).
/// </summary>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes, IHttpClientFactory http, TimeProvider clock, IWebhookSecrets secrets, ILogger<WebhookDispatcher> logger)
{
    public const string HttpClientName = "openkp-webhooks";

    /// <summary>How long a receiver has to answer.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>How long a claim holds: well beyond <see cref="Timeout"/>, so only a stopped sender loses it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private const int Batch = 50;

    /// <summary>One pass: every delivery due now (up to 50), each sent once by whichever pass claims it. Returns how many this pass sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct = default)
    {
        var owner = Guid.NewGuid();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenKpDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now) && d.Subscription!.Active)
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id).Select(d => d.Id).Take(Batch).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            if (await ClaimAsync(db, id, owner, now, ct))
            {
                await SendAsync(db, id, ct);
                sent++;
            }
        }

        return sent;
    }

    /// <summary>Takes the delivery if it is still due and nobody holds it: one conditional UPDATE, so exactly one claimant wins.</summary>
    private static async Task<bool> ClaimAsync(OpenKpDb db, long id, Guid owner, DateTime now, CancellationToken ct)
    {
        var until = now + Lease;
        var claimed = await db.WebhookDeliveries
            .Where(d => d.Id == id && d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseUntil, (DateTime?)until).SetProperty(d => d.LeaseOwner, (Guid?)owner), ct);
        return claimed == 1;
    }

    private async Task SendAsync(OpenKpDb db, long id, CancellationToken ct)
    {
        var delivery = await db.WebhookDeliveries.Include(d => d.Event).Include(d => d.Subscription).SingleAsync(d => d.Id == id, ct);
        var outbox = delivery.Event!;
        var started = clock.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        int? status = null;
        string? error = null;
        try
        {
            var secret = secrets.Unprotect(delivery.Subscription!.ProtectedSecret);
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Subscription.Url)
            {
                Content = new StringContent(outbox.Payload, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-OpenKP-Event-Id", outbox.EventId.ToString("D"));
            request.Headers.Add("X-OpenKP-Event-Type", outbox.Type);
            request.Headers.Add("X-OpenKP-Signature", WebhookSignature.Header(secret, started.ToUnixTimeSeconds(), outbox.Payload));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Timeout);
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException e)
        {
            error = $"{e.HttpRequestError}: {e.Message}";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            error = $"No answer within {Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.";
        }
        catch (CryptographicException)
        {
            error = "The endpoint's secret cannot be decrypted (the Data Protection keys changed): remove the endpoint and register it again.";
        }

        stopwatch.Stop();
        var now = clock.GetUtcNow().UtcDateTime;
        delivery.AttemptLog.Add(new WebhookAttempt
        {
            AttemptedAt = started.UtcDateTime,
            StatusCode = status,
            Error = error is null ? null : error.Length <= 1000 ? error : error[..1000],
            DurationMs = stopwatch.ElapsedMilliseconds,
        });
        delivery.Attempts++;
        delivery.LeaseUntil = null;
        delivery.LeaseOwner = null;
        if (status is >= 200 and < 300)
        {
            delivery.Status = DeliveryStatus.Delivered;
            delivery.DeliveredAt = now;
        }
        else if (delivery.Attempts >= WebhookRules.MaxAttempts)
        {
            delivery.Status = DeliveryStatus.Failed;
        }
        else
        {
            delivery.NextAttemptAt = now + WebhookRules.Backoff(delivery.Attempts);
        }

        // Recorded even while the app stops: the receiver may already have the event.
        await db.SaveChangesAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        logger.LogInformation("Webhook delivery {DeliveryId} of {EventType} {EventId} to endpoint {WebhookId}: attempt {Attempt}, {Outcome}",
            delivery.Id, outbox.Type, outbox.EventId, delivery.SubscriptionId, delivery.Attempts, Describe(status, delivery.Status));
    }

    private static string Describe(int? status, DeliveryStatus outcome)
        => (status is { } s ? "HTTP " + s.ToString(CultureInfo.InvariantCulture) : "no answer") + ", " + outcome.ToString().ToLowerInvariant();
}
