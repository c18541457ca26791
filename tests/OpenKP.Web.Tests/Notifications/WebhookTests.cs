using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenKP.Notifications;
using OpenKP.Web.Notifications;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Notifications;

/// <summary>
/// Webhooks for national systems: registration, the authorisation table, and delivery to a real local
/// receiver: signed, retried with backoff, sent once even across a restart and concurrent dispatchers.
/// </summary>
public sealed class WebhookTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WebhookDispatcher Dispatcher => app.Services.GetRequiredService<WebhookDispatcher>();

    private static async Task<(long Id, string Secret)> RegisterAsync(OpenKpApp on, string participant, string url, params string[] events)
    {
        var created = await (await on.ClientFor("officer." + participant.ToLowerInvariant()))
            .PostJson($"/api/participants/{participant}/webhooks", new { url, events }, HttpStatusCode.Created);
        return (created.GetProperty("id").GetInt64(), created.Str("secret"));
    }

    private static async Task<JsonElement> DeliveriesAsync(OpenKpApp on, string participant, long id)
        => (await (await on.ClientFor("officer." + participant.ToLowerInvariant())).GetJson($"/api/participants/{participant}/webhooks/{id}/deliveries")).GetProperty("items");

    [Fact]
    public async Task Registration_returns_the_secret_once_stores_it_encrypted_and_keeps_it_out_of_the_audit_trail()
    {
        var officer = await app.ClientFor("officer.bw");
        var created = await officer.PostJson("/api/participants/bw/webhooks",
            new { url = "https://kp.example.gov/openkp/events", events = new[] { "certificate.incoming", "alert.raised" } }, HttpStatusCode.Created);
        var secret = created.Str("secret");
        Assert.Matches("^[A-Za-z0-9_-]{43}$", secret);
        Assert.Equal("BW", created.Str("participant"));
        Assert.Equal(["certificate.incoming", "alert.raised"], created.GetProperty("events").EnumerateArray().Select(e => e.GetString()));

        var list = await officer.GetJson("/api/participants/BW/webhooks");
        var listed = list.EnumerateArray().Single(w => w.GetProperty("id").GetInt64() == created.GetProperty("id").GetInt64());
        Assert.False(listed.TryGetProperty("secret", out _));
        Assert.DoesNotContain(secret, list.GetRawText(), StringComparison.Ordinal);

        var id = created.GetProperty("id").GetInt64();
        var stored = await app.WithDb(db => db.WebhookSubscriptions.Where(s => s.Id == id).Select(s => s.ProtectedSecret).SingleAsync());
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        Assert.Equal(secret, app.Service(s => s.GetRequiredService<IWebhookSecrets>().Unprotect(stored)));
        var audit = await app.WithDb(db => db.AuditEntries.Where(a => a.Entity == nameof(WebhookSubscription) && a.EntityKey == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(a => a.After!).SingleAsync());
        Assert.Contains("\"ProtectedSecret\":\"[redacted]\"", audit, StringComparison.Ordinal);
        Assert.DoesNotContain(stored, audit, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, audit, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://kp.example.gov/events", "webhook-url-invalid")]
    [InlineData("/relative/path", "webhook-url-invalid")]
    [InlineData("not a url", "webhook-url-invalid")]
    [InlineData("https://user:password@kp.example.gov/events", "webhook-url-invalid")]
    [InlineData("", "webhook-url-invalid")]
    public async Task A_bad_url_is_refused_with_its_code(string url, string code)
    {
        var bad = await (await app.ClientFor("officer.bw")).PostJson("/api/participants/BW/webhooks", new { url, events = new[] { "*" } }, HttpStatusCode.BadRequest);
        Assert.Equal([code], bad.Codes());
        Assert.Equal("url", bad.GetProperty("violations")[0].Str("field"));
    }

    [Fact]
    public async Task Events_must_be_named_and_known_and_every_problem_comes_at_once()
    {
        var officer = await app.ClientFor("officer.bw");
        var none = await officer.PostJson("/api/participants/BW/webhooks", new { url = "https://kp.example.gov/e", events = Array.Empty<string>() }, HttpStatusCode.BadRequest);
        Assert.Equal(["webhook-events-required"], none.Codes());
        var unknown = await officer.PostJson("/api/participants/BW/webhooks", new { url = "mailto:kp@example.gov", events = new[] { "alert.raised", "certificate.exploded" } }, HttpStatusCode.BadRequest);
        Assert.Equal(["webhook-event-unknown", "webhook-url-invalid"], unknown.Codes().Order());
        Assert.Equal("participant-not-found", (await (await app.ClientFor("secretariat")).PostJson("/api/participants/ZZ/webhooks",
            new { url = "https://kp.example.gov/e", events = new[] { "*" } }, HttpStatusCode.NotFound)).Str("code"));
    }

    public static TheoryData<string?, HttpStatusCode> Denied => new()
    {
        { null, HttpStatusCode.Unauthorized },
        { "operator.bw", HttpStatusCode.Forbidden },
        { "customs.bw", HttpStatusCode.Forbidden },
        { "officer.za", HttpStatusCode.Forbidden },
        { "observer.wdc", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Denied))]
    public async Task Only_the_participants_authority_officers_and_the_secretariat_manage_its_webhooks(string? user, HttpStatusCode expected)
    {
        var client = await app.ClientFor(user);
        Assert.Equal(expected, (await client.GetAsync("/api/participants/BW/webhooks")).StatusCode);
        Assert.Equal(expected, (await client.PostAsJsonAsync("/api/participants/BW/webhooks", new { url = "https://kp.example.gov/e", events = new[] { "*" } })).StatusCode);
        Assert.Equal(expected, (await client.DeleteAsync("/api/participants/BW/webhooks/1")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync("/api/participants/BW/webhooks/1/deliveries")).StatusCode);
        Assert.Equal(expected, (await client.PostAsJsonAsync("/api/participants/BW/webhooks/deliveries/1/redeliver", new { })).StatusCode);
    }

    [Fact]
    public async Task The_secretariat_manages_any_participants_webhooks_and_removed_ones_are_gone()
    {
        var secretariat = await app.ClientFor("secretariat");
        var created = await secretariat.PostJson("/api/participants/AO/webhooks", new { url = "https://kp.example.ao/hook", events = new[] { "*" } }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        Assert.Contains((await secretariat.GetJson("/api/participants/AO/webhooks")).EnumerateArray(), w => w.GetProperty("id").GetInt64() == id);
        Assert.Equal(HttpStatusCode.NoContent, (await (await app.ClientFor("officer.ao")).DeleteAsync($"/api/participants/AO/webhooks/{id}")).StatusCode);
        Assert.DoesNotContain((await secretariat.GetJson("/api/participants/AO/webhooks")).EnumerateArray(), w => w.GetProperty("id").GetInt64() == id);
        Assert.Equal("webhook-not-found", (await (await secretariat.DeleteAsync($"/api/participants/AO/webhooks/{id}")).Json(HttpStatusCode.NotFound)).Str("code"));
        Assert.Equal("webhook-not-found", (await secretariat.GetJson($"/api/participants/AO/webhooks/{id}/deliveries", HttpStatusCode.NotFound)).Str("code"));
        Assert.Equal("webhook-delivery-not-found", (await secretariat.PostJson("/api/participants/AO/webhooks/deliveries/99999999/redeliver", new { }, HttpStatusCode.NotFound)).Str("code"));
    }

    [Fact]
    public async Task A_delivery_carries_the_event_and_a_signature_that_verifies_with_the_returned_secret()
    {
        await using var receiver = await Receiver.StartAsync();
        var (id, secret) = await RegisterAsync(app, "CA", receiver.Url, "certificate.incoming");
        var subject = "Signed " + Guid.NewGuid().ToString("N")[..6];
        var now = app.Clock.GetUtcNow();
        await app.PublishAsync(Notices.To(subject, Audience.Authority("CA")), Notices.To("Not for CA", Audience.Authority("RU")));
        await app.PublishAsync(new Notice(NoticeTypes.AlertRaised, "Not subscribed", "-", null, [Audience.Authority("CA")], new Dictionary<string, object?>()));

        Assert.True(await Dispatcher.DispatchDueAsync(Ct) >= 1);
        var got = Assert.Single(receiver.Requests);
        Assert.True(WebhookSignature.Verify(secret, got.Signature, got.Body), $"signature {got.Signature} does not verify");
        Assert.False(WebhookSignature.Verify(secret, got.Signature, got.Body.Replace("120.5", "120.6", StringComparison.Ordinal)));
        Assert.Matches($"^t={now.ToUnixTimeSeconds()},v1=[0-9a-f]{{64}}$", got.Signature);

        var body = JsonDocument.Parse(got.Body).RootElement;
        Assert.Equal(got.EventId, body.Str("id"));
        Assert.Equal("certificate.incoming", got.EventType);
        Assert.Equal("certificate.incoming", body.Str("type"));
        Assert.Equal("BW-2026-000042", body.GetProperty("data").Str("certificateNumber"));
        Assert.Equal(now.UtcDateTime, body.GetProperty("occurredAt").GetDateTime().ToUniversalTime());

        var delivery = Assert.Single((await DeliveriesAsync(app, "CA", id)).EnumerateArray());
        Assert.Equal("delivered", delivery.Str("status"));
        Assert.Equal(got.EventId, delivery.Str("eventId"));
        Assert.Equal(200, Assert.Single(delivery.GetProperty("attemptLog").EnumerateArray()).GetProperty("statusCode").GetInt32());
        Assert.Equal(0, await Dispatcher.DispatchDueAsync(Ct));
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task A_receiver_that_fails_twice_gets_retries_after_the_backoff_and_then_one_delivery()
    {
        await using var receiver = await Receiver.StartAsync(call => call <= 2 ? 500 : 204);
        var (id, _) = await RegisterAsync(app, "RU", receiver.Url, "*");
        await app.PublishAsync(Notices.To("Retried " + Guid.NewGuid().ToString("N")[..6], Audience.Customs("RU")));

        Assert.Equal(1, await Dispatcher.DispatchDueAsync(Ct));        // 500: next attempt in 10 s
        Assert.Equal(0, await Dispatcher.DispatchDueAsync(Ct));        // not due yet
        app.Clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, await Dispatcher.DispatchDueAsync(Ct));
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Dispatcher.DispatchDueAsync(Ct));        // 500 again: next in 20 s
        app.Clock.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(0, await Dispatcher.DispatchDueAsync(Ct));
        var pending = Assert.Single((await DeliveriesAsync(app, "RU", id)).EnumerateArray());
        Assert.Equal("pending", pending.Str("status"));
        Assert.Equal(2, pending.GetProperty("attempts").GetInt32());
        Assert.Equal("webhook-delivery-pending", (await (await app.ClientFor("officer.ru")).PostJson(
            $"/api/participants/RU/webhooks/deliveries/{pending.GetProperty("id").GetInt64()}/redeliver", new { }, HttpStatusCode.Conflict)).Str("code"));
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Dispatcher.DispatchDueAsync(Ct));        // 204: delivered
        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await Dispatcher.DispatchDueAsync(Ct));

        Assert.Equal([500, 500, 204], receiver.Requests.Select(r => r.AnsweredWith));
        Assert.Single(receiver.Requests.Select(r => r.EventId).Distinct());
        var delivery = Assert.Single((await DeliveriesAsync(app, "RU", id)).EnumerateArray());
        Assert.Equal("delivered", delivery.Str("status"));
        Assert.Equal(3, delivery.GetProperty("attempts").GetInt32());
        var attempts = delivery.GetProperty("attemptLog").EnumerateArray().ToList();
        Assert.Equal([500, 500, 204], attempts.Select(a => a.GetProperty("statusCode").GetInt32()));
        var times = attempts.Select(a => a.GetProperty("attemptedAt").GetDateTime()).ToList();
        Assert.Equal(TimeSpan.FromSeconds(10), times[1] - times[0]);
        Assert.Equal(TimeSpan.FromSeconds(20), times[2] - times[1]);

        // Redelivered by hand: sent again with the same event id.
        var redelivered = await (await app.ClientFor("officer.ru")).PostJson(
            $"/api/participants/RU/webhooks/deliveries/{delivery.GetProperty("id").GetInt64()}/redeliver", new { }, HttpStatusCode.OK);
        Assert.Equal("pending", redelivered.Str("status"));
        Assert.Equal(1, await Dispatcher.DispatchDueAsync(Ct));
        Assert.Equal(4, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.EventId).Distinct());
    }

    [Fact]
    public async Task An_unreachable_receiver_is_retried_at_most_eight_times_and_then_the_delivery_fails()
    {
        string url;
        await using (var gone = await Receiver.StartAsync())
        {
            url = gone.Url;
        }

        var (id, _) = await RegisterAsync(app, "CN", url, "certificate.incoming");
        await app.PublishAsync(Notices.To("Nobody listens " + Guid.NewGuid().ToString("N")[..6], Audience.Authority("CN")));
        for (var attempt = 1; attempt <= WebhookRules.MaxAttempts; attempt++)
        {
            // Other tests' deliveries in this app may fall due as the clock moves: at least ours goes.
            Assert.True(await Dispatcher.DispatchDueAsync(Ct) >= 1);
            app.Clock.Advance(WebhookRules.Backoff(attempt));
        }

        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await Dispatcher.DispatchDueAsync(Ct));
        var delivery = Assert.Single((await DeliveriesAsync(app, "CN", id)).EnumerateArray());
        Assert.Equal("failed", delivery.Str("status"));
        var attempts = delivery.GetProperty("attemptLog").EnumerateArray().ToList();
        Assert.Equal(WebhookRules.MaxAttempts, attempts.Count);
        Assert.All(attempts, a =>
        {
            Assert.Equal(JsonValueKind.Null, a.GetProperty("statusCode").ValueKind);
            Assert.False(string.IsNullOrWhiteSpace(a.Str("error")));
        });
    }

    [Fact]
    public async Task Concurrent_dispatch_passes_never_send_one_delivery_twice()
    {
        await using var receiver = await Receiver.StartAsync();
        await RegisterAsync(app, "US", receiver.Url, "*");
        var stamp = Guid.NewGuid().ToString("N")[..6];
        await app.PublishAsync([.. Enumerable.Range(1, 20).Select(i => Notices.To($"Burst {i} {stamp}", Audience.Authority("US")))]);

        var passes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Dispatcher.DispatchDueAsync(Ct), Ct)));

        Assert.Equal(20, passes.Sum());
        Assert.Equal(20, receiver.Requests.Count);
        Assert.Equal(20, receiver.Requests.Select(r => r.EventId).Distinct().Count());
    }

    [Fact]
    public async Task An_event_committed_before_a_stop_is_sent_exactly_once_by_the_next_start()
    {
        await using var receiver = await Receiver.StartAsync();
        var first = new WebhookApp(dispatcher: false);
        Guid eventId;
        try
        {
            await first.InitializeAsync();
            var (subscription, _) = await RegisterAsync(first, "EU", receiver.Url, "certificate.incoming");
            await first.PublishAsync(Notices.To("Committed, not sent", Audience.Authority("EU")));
            eventId = await first.WithDb(db => db.WebhookDeliveries.Where(d => d.SubscriptionId == subscription).Select(d => d.Event!.EventId).SingleAsync());
            Assert.Empty(receiver.Requests);
            first.KeepDataOnDispose = true;
        }
        finally
        {
            await first.DisposeAsync();
        }

        await using var second = new WebhookApp(first, dispatcher: true);
        await second.InitializeAsync();
        await receiver.FirstRequest.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await WaitUntilAsync(() => second.WithDb(db => db.WebhookDeliveries.AllAsync(d => d.Status == DeliveryStatus.Delivered)));

        var dispatcher = second.Services.GetRequiredService<WebhookDispatcher>();
        Assert.Equal(0, await dispatcher.DispatchDueAsync(Ct));
        second.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(Ct));
        var got = Assert.Single(receiver.Requests);
        Assert.Equal(eventId.ToString("D"), got.EventId);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 300 && !await condition(); i++)
        {
            await Task.Delay(100, Ct);
        }

        Assert.True(await condition(), "The condition did not hold within 30 s.");
    }

    /// <summary>The app with the background dispatcher on or off; the second form restarts on the first one's database.</summary>
    private sealed class WebhookApp : OpenKpApp
    {
        private readonly bool _dispatcher;

        public WebhookApp(bool dispatcher) => _dispatcher = dispatcher;

        public WebhookApp(OpenKpApp previous, bool dispatcher)
            : base(previous) => _dispatcher = dispatcher;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("OpenKP:Webhooks:Enabled", _dispatcher ? "true" : "false");
        }
    }
}
