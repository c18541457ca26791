using System.Security.Cryptography;
using System.Text;
using OpenKP.Shared;

namespace OpenKP.Notifications;

/// <summary>
/// What a webhook registration must be, and the delivery schedule: an absolute http(s) URL without
/// credentials, at least one event from <see cref="NoticeTypes.All"/> (or <see cref="AllEvents"/>), and
/// retries after 10 s, 20 s, 40 s … (capped at one hour), at most <see cref="MaxAttempts"/> attempts.
/// </summary>
public static class WebhookRules
{
    /// <summary>Subscribes to every event, present and future.</summary>
    public const string AllEvents = "*";

    public const int MaxAttempts = 8;
    public const int MaxUrlLength = 2000;
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan LongestRetry = TimeSpan.FromHours(1);

    /// <summary>Every violation of a registration (fields <c>url</c>, <c>events</c>); the URL and the events normalised.</summary>
    public static (Uri? Url, IReadOnlyList<string> Events, IReadOnlyList<Violation> Violations) CheckRegistration(string? url, IReadOnlyList<string?>? events)
    {
        var violations = new List<Violation>();
        Uri? uri = null;
        var raw = url?.Trim() ?? string.Empty;
        if (raw.Length == 0)
        {
            violations.Add(new(NotificationCodes.WebhookUrlInvalid, "Give the endpoint's URL, such as https://kp.example.gov/openkp/events.", "url"));
        }
        else if (raw.Length > MaxUrlLength)
        {
            violations.Add(new(NotificationCodes.WebhookUrlInvalid, $"The URL is longer than {MaxUrlLength} characters.", "url"));
        }
        else if (!Uri.TryCreate(raw, UriKind.Absolute, out uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Host.Length == 0)
        {
            uri = null;
            violations.Add(new(NotificationCodes.WebhookUrlInvalid, "The URL must be absolute and start with https:// (or http://).", "url"));
        }
        else if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            uri = null;
            violations.Add(new(NotificationCodes.WebhookUrlInvalid, "The URL must not carry a user name, password or #fragment: OpenKP signs each request instead.", "url"));
        }

        var names = (events ?? []).Select(e => e?.Trim() ?? string.Empty).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            violations.Add(new(NotificationCodes.WebhookEventsRequired, "Choose at least one event, or \"*\" for all.", "events"));
        }

        foreach (var unknown in names.Where(n => n != AllEvents && !NoticeTypes.All.Contains(n)))
        {
            violations.Add(new(NotificationCodes.WebhookEventUnknown, $"'{unknown}' is not an OpenKP event; see docs/webhooks.md for the list.", "events"));
        }

        return (uri, names.Contains(AllEvents) ? [AllEvents] : names, violations);
    }

    /// <summary>The wait after failed attempt number <paramref name="attempts"/> (1-based): 10 s doubled each time, at most one hour.</summary>
    public static TimeSpan Backoff(int attempts)
    {
        var seconds = FirstRetry.TotalSeconds * Math.Pow(2, Math.Max(0, attempts - 1));
        return seconds >= LongestRetry.TotalSeconds ? LongestRetry : TimeSpan.FromSeconds(seconds);
    }

    /// <summary>A new signing secret: 32 random bytes, base64url without padding (43 characters).</summary>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// The <c>X-OpenKP-Signature</c> header: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</c>, the HMAC keyed
/// with the secret's UTF-8 bytes over <c>"&lt;t&gt;.&lt;raw body&gt;"</c>.
/// </summary>
public static class WebhookSignature
{
    public static string Header(string secret, long unixSeconds, string body)
        => $"t={unixSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)},v1={Compute(secret, unixSeconds, body)}";

    public static string Compute(string secret, long unixSeconds, string body)
    {
        var signed = Encoding.UTF8.GetBytes(unixSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + body);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>Whether <paramref name="header"/> signs <paramref name="body"/> with <paramref name="secret"/> (constant-time compare).</summary>
    public static bool Verify(string secret, string header, string body)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);
        if (!parts.TryGetValue("t", out var t) || !long.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            || !parts.TryGetValue("v1", out var v1))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, seconds, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(v1));
    }
}

/// <summary>
/// Keeps webhook secrets encrypted at rest. The web app's implementation uses ASP.NET Core Data Protection;
/// Core only stores and reads the protected form.
/// </summary>
public interface IWebhookSecrets
{
    string Protect(string secret);

    string Unprotect(string protectedSecret);
}
