using System.Globalization;
namespace OpenKP.Shared;

/// <summary>
/// Collects every malformed field of a request or command line at once, so one answer lists them all.
/// The API's handlers and the CLI's commands take raw strings and parse here, which keeps error codes
/// stable and messages the same wherever a value was typed.
/// </summary>
public sealed class Input
{
    private readonly List<Violation> _errors = [];

    public bool IsValid => _errors.Count == 0;
    public IReadOnlyList<Violation> Errors => _errors;

    public string Code(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            _errors.Add(new(InputCodes.Required, $"'{field}' is required: a two-letter ISO 3166-1 code such as BW, or EU.", field));
            return string.Empty;
        }

        if (!ParticipantCode.TryParse(value, out var code))
        {
            _errors.Add(new(InputCodes.InvalidCode, $"'{value}' is not a two-letter ISO 3166-1 code (for example BW, AE, or EU).", field));
            return string.Empty;
        }

        return code.Value;
    }

    public DateOnly Date(string? value, string field, DateOnly? fallback = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (fallback is { } f)
            {
                return f;
            }

            _errors.Add(new(InputCodes.Required, $"'{field}' is required, as YYYY-MM-DD.", field));
            return default;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            _errors.Add(new(InputCodes.InvalidDate, $"'{value}' is not a date as YYYY-MM-DD.", field));
            return default;
        }

        return date;
    }

    public DateOnly? OptionalDate(string? value, string field)
        => string.IsNullOrWhiteSpace(value) ? null : Date(value, field);

    public string Text(string? value, string field, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                _errors.Add(new(InputCodes.Required, $"'{field}' is required.", field));
            }

            return string.Empty;
        }

        if (value.Length > maxLength)
        {
            _errors.Add(new(InputCodes.TooLong, $"'{field}' is longer than {maxLength} characters.", field));
        }
        else if (HasControlCharacters(value))
        {
            _errors.Add(new(InputCodes.InvalidValue, $"'{field}' contains control characters; only line breaks and tabs are allowed.", field));
        }

        return value.Trim();
    }

    public TEnum Enum<TEnum>(string? value, string field)
        where TEnum : struct, System.Enum
    {
        var names = string.Join(", ", System.Enum.GetNames<TEnum>().Select(Kebab));
        if (string.IsNullOrWhiteSpace(value))
        {
            _errors.Add(new(InputCodes.Required, $"'{field}' is required: one of {names}.", field));
            return default;
        }

        var match = System.Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(Kebab(n), value.Trim(), StringComparison.OrdinalIgnoreCase)
            || string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            _errors.Add(new(InputCodes.InvalidValue, $"'{value}' is not a valid {field}: one of {names}.", field));
            return default;
        }

        return System.Enum.Parse<TEnum>(match);
    }

    public int Page(int? value, string field, int @default, int max)
    {
        var v = value ?? @default;
        if (v < 1 || v > max)
        {
            _errors.Add(new(InputCodes.InvalidPage, $"'{field}' must be between 1 and {max}.", field));
            return @default;
        }

        return v;
    }

    /// <summary>One of <paramref name="allowed"/> (any case), or null when no value was given.</summary>
    public string? OneOf(string? value, string field, IReadOnlyList<string> allowed)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var match = allowed.FirstOrDefault(a => a.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            _errors.Add(new(InputCodes.InvalidValue, $"'{value}' is not a valid {field}: one of {string.Join(", ", allowed)}.", field));
        }

        return match;
    }

    /// <summary>A decimal amount typed as text (<c>1234.56</c>, invariant culture); null when blank and not required.</summary>
    public decimal? Amount(string? value, string field, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                _errors.Add(new(InputCodes.Required, $"'{field}' is required.", field));
            }

            return null;
        }

        if (!decimal.TryParse(value.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            _errors.Add(new(InputCodes.InvalidNumber, $"'{value}' is not a number such as 1234.56.", field));
            return null;
        }

        return amount;
    }

    /// <summary>A list of short texts (seal numbers, …): blanks dropped, each trimmed and at most <paramref name="maxLength"/> long.</summary>
    public IReadOnlyList<string> Texts(IEnumerable<string?>? values, string field, int maxLength, int maxCount)
    {
        var list = (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        if (list.Count > maxCount)
        {
            _errors.Add(new(InputCodes.TooLong, $"'{field}' has more than {maxCount} entries.", field));
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Length > maxLength)
            {
                _errors.Add(new(InputCodes.TooLong, $"'{field}[{i}]' is longer than {maxLength} characters.", $"{field}[{i}]"));
            }
            else if (HasControlCharacters(list[i]))
            {
                _errors.Add(new(InputCodes.InvalidValue, $"'{field}[{i}]' contains control characters.", $"{field}[{i}]"));
            }
        }

        return list;
    }

    /// <summary>NUL and the other C0/C1 controls (not tab, line feed, carriage return): no text field takes them, and PostgreSQL refuses NUL.</summary>
    private static bool HasControlCharacters(string value)
        => value.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'));

    public void Add(string code, string message, string field) => _errors.Add(new(code, message, field));

    /// <summary><c>SelfSuspended</c> → <c>self-suspended</c>: how enums appear in the API and the docs.</summary>
    public static string Kebab(string name) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(name);

    public static string Kebab<TEnum>(TEnum value)
        where TEnum : struct, System.Enum => Kebab(value.ToString());
}
