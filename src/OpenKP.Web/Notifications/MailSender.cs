using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using OpenKP.Data;
using OpenKP.Notifications;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Notifications;

/// <summary>
/// Sends the outbox's e-mails: through SMTP when <c>OpenKP:Smtp:Host</c> is set (and demo mode is off),
/// otherwise as RFC 5322 .eml files in <c>&lt;data dir&gt;/mail/</c>. Rows are claimed with a lease, like
/// webhook deliveries, so two instances never send one twice at once; failures are retried with the
/// webhooks' backoff. The SMTP password is never logged.
/// </summary>
public sealed class MailSender(
    IServiceScopeFactory scopes, TimeProvider clock, OpenKpEnvironment environment, IOptions<SmtpOptions> smtp, IOptions<OpenKpOptions> openKp, ILogger<MailSender> logger)
{
    private const int Batch = 50;

    /// <summary>The folder .eml files go to: <c>&lt;data dir&gt;/mail</c>.</summary>
    public string MailDirectory => Path.Combine(environment.DataDirectory, "mail");

    /// <summary>Whether e-mails go out through SMTP (a host is configured and demo mode is off).</summary>
    public bool UsesSmtp => !environment.Demo && !string.IsNullOrWhiteSpace(smtp.Value.Host);

    /// <summary>One pass: every e-mail due now (up to 50). Returns how many this pass sent or wrote.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var owner = Guid.NewGuid();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenKpDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + WebhookDispatcher.Lease;
        var due = await db.EmailMessages.AsNoTracking()
            .Where(m => m.Status == DeliveryStatus.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Id).Take(Batch).ToListAsync(ct);
        var claimed = new List<long>();
        foreach (var id in due)
        {
            var won = await db.EmailMessages
                .Where(m => m.Id == id && m.Status == DeliveryStatus.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, (DateTime?)until).SetProperty(m => m.LeaseOwner, (Guid?)owner), ct);
            if (won == 1)
            {
                claimed.Add(id);
            }
        }

        if (claimed.Count == 0)
        {
            return 0;
        }

        var messages = await db.EmailMessages.Where(m => claimed.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(ct);
        using var client = UsesSmtp ? new SmtpClient() : null;
        var sent = 0;
        foreach (var message in messages)
        {
            string? error = null;
            try
            {
                var mime = Compose(message);
                if (client is null)
                {
                    Directory.CreateDirectory(MailDirectory);
                    var file = Path.Combine(MailDirectory, $"{message.CreatedAt.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}-{message.Id.ToString(CultureInfo.InvariantCulture)}.eml");
                    await mime.WriteToAsync(file, ct);
                }
                else
                {
                    await ConnectAsync(client, ct);
                    await client.SendAsync(mime, ct);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or SmtpCommandException or SmtpProtocolException or AuthenticationException
                or SslHandshakeException or System.Net.Sockets.SocketException or ParseException or FormatException)
            {
                error = $"{e.GetType().Name}: {e.Message}";
            }

            var after = clock.GetUtcNow().UtcDateTime;
            message.Attempts++;
            message.LeaseUntil = null;
            message.LeaseOwner = null;
            if (error is null)
            {
                message.Status = DeliveryStatus.Delivered;
                message.SentAt = after;
                message.LastError = null;
                sent++;
            }
            else
            {
                logger.LogWarning("E-mail {EmailId} to {Address} failed (attempt {Attempt}): {Error}", message.Id, message.ToAddress, message.Attempts, error);
                message.LastError = error.Length <= 1000 ? error : error[..1000];
                if (message.Attempts >= WebhookRules.MaxAttempts)
                {
                    message.Status = DeliveryStatus.Failed;
                }
                else
                {
                    message.NextAttemptAt = after + WebhookRules.Backoff(message.Attempts);
                }
            }
        }

        if (client is { IsConnected: true })
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        return sent;
    }

    /// <summary>The e-mail as RFC 5322: plain text, the link made absolute with <c>OpenKP:PublicUrl</c> when set.</summary>
    internal MimeMessage Compose(EmailMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(smtp.Value.From));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        mime.Subject = message.Subject;
        mime.Date = new DateTimeOffset(message.CreatedAt, TimeSpan.Zero);
        mime.MessageId = $"{message.EventId:N}.{message.Id.ToString(CultureInfo.InvariantCulture)}@openkp";
        mime.Headers.Add("X-OpenKP-Event-Id", message.EventId.ToString("D"));
        var link = message.Link is null ? null
            : openKp.Value.PublicUrl is { Length: > 0 } site ? site.TrimEnd('/') + message.Link : message.Link;
        var text = message.Body + (link is null ? string.Empty : "\n\n" + link)
            + "\n\n-- \nOpenKP, the Kimberley Process Certification Scheme. You receive this as a user of OpenKP; your inbox in the portal has every message.";
        mime.Body = new TextPart("plain") { Text = text };
        return mime;
    }

    private async Task ConnectAsync(SmtpClient client, CancellationToken ct)
    {
        if (client.IsConnected)
        {
            return;
        }

        var options = smtp.Value;
        var security = !options.UseTls ? SecureSocketOptions.None : options.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(options.Host!, options.Port, security, ct);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, ct);
        }
    }
}

/// <summary>
/// The background loop of this instance: every <see cref="WebhookOptions.PollMilliseconds"/> (on the injected
/// clock) one webhook pass and one e-mail pass, the same code the tests call directly. Runs when
/// <c>OpenKP:Webhooks:Enabled</c> is true (the default).
/// </summary>
internal sealed class NotificationWorker(WebhookDispatcher webhooks, MailSender mail, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<NotificationWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Max(50, options.Value.PollMilliseconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await webhooks.DispatchDueAsync(stoppingToken);
                await mail.SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            {
                // The database is away (or not migrated yet): try again next time round.
                logger.LogError(e, "Notification pass failed; retrying in {Interval}", interval);
            }

            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
