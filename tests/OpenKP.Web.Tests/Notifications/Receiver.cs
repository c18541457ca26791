using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OpenKP.Web.Tests.Notifications;

/// <summary>One request a receiver got: the event id, type and signature headers, and the raw body.</summary>
internal sealed record Received(string EventId, string EventType, string Signature, string Body, int AnsweredWith);

/// <summary>
/// A national system's webhook endpoint for tests: a small Kestrel app on 127.0.0.1 (a free port) that
/// records every request and answers with the status <see cref="Answer"/> gives for the n-th call (1-based).
/// </summary>
internal sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    private Receiver(WebApplication app, Func<int, int> answer)
    {
        _app = app;
        Answer = answer;
    }

    public Func<int, int> Answer { get; set; }

    public IReadOnlyList<Received> Requests => [.. _received];

    public string Url { get; private set; } = string.Empty;

    /// <summary>Completes when the first request has arrived.</summary>
    public Task FirstRequest => _first.Task;

    public static async Task<Receiver> StartAsync(Func<int, int>? answer = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new Receiver(app, answer ?? (_ => 200));
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var status = receiver.Answer(Interlocked.Increment(ref receiver._calls));
            receiver._received.Enqueue(new Received(
                context.Request.Headers["X-OpenKP-Event-Id"].ToString(), context.Request.Headers["X-OpenKP-Event-Type"].ToString(),
                context.Request.Headers["X-OpenKP-Signature"].ToString(), body, status));
            receiver._first.TrySetResult();
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        receiver.Url = app.Urls.Single().TrimEnd('/') + "/hook";
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
