namespace OpenKP.Shared;

/// <summary>Stable codes for malformed input (HTTP 400 in the API, exit code 1 in the CLI). Documented in docs/problems.md.</summary>
public static class InputCodes
{
    public const string InvalidCode = "invalid-code";
    public const string InvalidDate = "invalid-date";
    public const string Required = "required";
    public const string TooLong = "too-long";
    public const string InvalidValue = "invalid-value";
    public const string InvalidPage = "invalid-page";
    public const string InvalidNumber = "invalid-number";
}
