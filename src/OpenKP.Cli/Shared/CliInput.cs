using System.Globalization;
using OpenKP.Shared;

namespace OpenKP.Cli.Shared;

/// <summary>
/// Collects every bad argument at once, with the API's codes and messages, so a user fixes a command
/// line in one go. Fields are option names (<c>--on</c>).
/// </summary>
internal sealed class CliInput
{
    private readonly List<Violation> _errors = [];

    public bool IsValid => _errors.Count == 0;
    public Problem Problem => new(_errors);

    public string Code(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            _errors.Add(new(CliCodes.Required, $"{field} is required: a two-letter ISO 3166-1 code such as BW, or EU.", field));
            return string.Empty;
        }

        if (!ParticipantCode.TryParse(value, out var code))
        {
            _errors.Add(new(CliCodes.InvalidCode, $"{field}: '{value}' is not a two-letter ISO 3166-1 code (for example BW, AE, or EU).", field));
            return string.Empty;
        }

        return code.Value;
    }

    public DateOnly? OptionalDate(string? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            _errors.Add(new(CliCodes.InvalidDate, $"{field}: '{value}' is not a date as YYYY-MM-DD.", field));
            return null;
        }

        return date;
    }

    public string? OneOf(string? value, string field, IReadOnlyList<string> allowed)
    {
        if (value is null)
        {
            return null;
        }

        var match = allowed.FirstOrDefault(a => a.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            _errors.Add(new(CliCodes.InvalidValue, $"{field}: '{value}' is not one of {string.Join(", ", allowed)}.", field));
        }

        return match;
    }

    public void Add(string code, string message, string? field = null) => _errors.Add(new(code, message, field));

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
