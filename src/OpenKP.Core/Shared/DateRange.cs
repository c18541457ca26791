namespace OpenKP.Shared;

/// <summary>
/// A half-open range of days [<see cref="From"/>, <see cref="EndsOn"/>): the day a thing ends on is
/// no longer inside it. <see cref="EndsOn"/> null means open-ended. Every dated rule in the registry
/// (EU membership, embargoes, compliant zones) uses this one convention.
/// </summary>
public readonly record struct DateRange(DateOnly From, DateOnly? EndsOn)
{
    public bool Contains(DateOnly day) => day >= From && (EndsOn is null || day < EndsOn.Value);
}

/// <summary>How much of a reference date is known: the sources give some dates only as a month or a year.</summary>
public enum DatePrecision
{
    Day,
    Month,
    Year,
}

/// <summary>A date as the sources give it (<c>2006</c>, <c>2006-02</c>, <c>2006-02-10</c>), resolved to its first day.</summary>
public readonly record struct PartialDate(DateOnly Date, DatePrecision Precision)
{
    public static bool TryParse(string? text, out PartialDate result)
    {
        result = default;
        var s = text?.Trim() ?? string.Empty;
        var parts = s.Split('-');
        if (parts.Length is < 1 or > 3 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)))
        {
            return false;
        }

        var year = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        var month = parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 1;
        var day = parts.Length > 2 ? int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) : 1;
        if (parts[0].Length != 4 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        result = new PartialDate(new DateOnly(year, month, day), (DatePrecision)(3 - parts.Length));
        return true;
    }

    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Date.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture),
        DatePrecision.Month => Date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        _ => Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
}
