namespace OpenKP.Web.Shared;

/// <summary>Stable codes for the platform's own problems: bodies, authentication, idempotency, errors. Documented in docs/problems.md.</summary>
public static class PlatformCodes
{
    public const string MalformedBody = "malformed-body";
    public const string BodyTooLarge = "body-too-large";
    public const string Unauthenticated = "unauthenticated";
    public const string Forbidden = "forbidden";
    public const string RouteNotFound = "not-found";
    public const string InvalidCredentials = "invalid-credentials";
    public const string AccountLockedOut = "account-locked-out";
    public const string IdempotencyKeyReused = "idempotency-key-reused";
    public const string IdempotencyKeyInFlight = "idempotency-key-in-flight";
    public const string RateLimited = "rate-limited";
    public const string InternalError = "internal-error";
}
