namespace OpenKP.Web.Shared;

/// <summary>Stable codes for malformed input (HTTP 400) and platform errors. Documented in docs/problems.md.</summary>
public static class InputCodes
{
    public const string InvalidCode = "invalid-code";
    public const string InvalidDate = "invalid-date";
    public const string Required = "required";
    public const string TooLong = "too-long";
    public const string InvalidValue = "invalid-value";
    public const string MalformedBody = "malformed-body";
    public const string BodyTooLarge = "body-too-large";
    public const string InvalidPage = "invalid-page";
    public const string Unauthenticated = "unauthenticated";
    public const string Forbidden = "forbidden";
    public const string RouteNotFound = "not-found";
    public const string InvalidCredentials = "invalid-credentials";
    public const string AccountLockedOut = "account-locked-out";
    public const string IdempotencyKeyReused = "idempotency-key-reused";
    public const string IdempotencyKeyInFlight = "idempotency-key-in-flight";
    public const string InternalError = "internal-error";
}
