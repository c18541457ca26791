namespace OpenKP.Web.Notifications;

/// <summary>Settings under <c>OpenKP:Webhooks:</c>.</summary>
public sealed class WebhookOptions
{
    /// <summary>Whether this instance runs the background dispatcher (and the e-mail sender). Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the background loop looks for due deliveries and e-mails, in milliseconds. Default 1000.</summary>
    public int PollMilliseconds { get; set; } = 1000;
}

/// <summary>
/// Settings under <c>OpenKP:Smtp:</c>. Without a <see cref="Host"/> (and always in demo mode) e-mails are
/// written as .eml files into <c>&lt;data dir&gt;/mail/</c>.
/// </summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    /// <summary>Default 587 (submission with STARTTLS).</summary>
    public int Port { get; set; } = 587;

    /// <summary>The sender address, <c>OpenKP &lt;kp@example.org&gt;</c>. Default <c>OpenKP &lt;no-reply@openkp.invalid&gt;</c>.</summary>
    public string From { get; set; } = "OpenKP <no-reply@openkp.invalid>";

    public string? UserName { get; set; }

    /// <summary>Never logged, never shown.</summary>
    public string? Password { get; set; }

    /// <summary>true (default): STARTTLS on 587 or TLS on connect on 465; false: no TLS (a local relay only).</summary>
    public bool UseTls { get; set; } = true;
}
