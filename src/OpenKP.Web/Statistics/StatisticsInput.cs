using OpenKP.Shared;
using OpenKP.Statistics;

namespace OpenKP.Web.Statistics;

/// <summary>Input rules every statistics endpoint and page shares.</summary>
internal static class StatisticsInput
{
    /// <summary>Adds <c>invalid-value</c> on <c>year</c> unless it is a year of the scheme's statistics (<see cref="StatisticsCalendar.IsYear"/>).</summary>
    public static bool Year(Input input, int year)
    {
        if (StatisticsCalendar.IsYear(year))
        {
            return true;
        }

        input.Add(InputCodes.InvalidValue, "'year' is a year of the scheme, 2003 or later.", "year");
        return false;
    }
}
