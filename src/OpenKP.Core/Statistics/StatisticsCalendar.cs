using System.Globalization;

namespace OpenKP.Statistics;

/// <summary>A half year: <see cref="Number"/> 1 (January–June) or 2 (July–December), written <c>2026-H1</c>.</summary>
public readonly record struct HalfYear(int Year, int Number)
{
    public static HalfYear Of(DateOnly day) => new(day.Year, day.Month <= 6 ? 1 : 2);

    public DateOnly First => new(Year, Number == 1 ? 1 : 7, 1);

    public DateOnly Last => Number == 1 ? new(Year, 6, 30) : new(Year, 12, 31);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-H{Number}");
}

/// <summary>Where a participant's submission for a period stands.</summary>
public enum SubmissionStatus
{
    /// <summary>The period has ended (or not) and the due date has not passed; nothing submitted yet.</summary>
    Due,
    /// <summary>The due date passed with nothing submitted.</summary>
    Late,
    Submitted,
}

/// <summary>
/// When statistics are due: trade figures quarterly and production half-yearly, each
/// <see cref="DueDays"/> days after the end of its period ("within two months of the reference
/// period", core document Annex III, as the KP practice is commonly described). Configured with
/// <c>OpenKP:Statistics:DueDays</c>.
/// </summary>
public sealed class StatisticsCalendar(int dueDays = StatisticsCalendar.DefaultDueDays)
{
    public const int DefaultDueDays = 60;

    /// <summary>The first year of the scheme's statistics (the KPCS took effect on 1 January 2003).</summary>
    public const int FirstYear = 2003;

    /// <summary>The last year whose periods and due dates fit in the calendar (9999's end past 31 December 9999).</summary>
    public const int LastYear = 9998;

    /// <summary>Whether statistics can be asked for <paramref name="year"/>.</summary>
    public static bool IsYear(int year) => year is >= FirstYear and <= LastYear;

    public int DueDays { get; } = dueDays is >= 0 and <= 366 ? dueDays : throw new ArgumentOutOfRangeException(nameof(dueDays), "Due days are 0 to 366.");

    public DateOnly DueOn(HalfYear half) => After(half.Last);

    public DateOnly DueOn(Quarter quarter) => After(new DateOnly(quarter.Year, quarter.Number * 3, DateTime.DaysInMonth(quarter.Year, quarter.Number * 3)));

    /// <summary><see cref="DueDays"/> after a period's last day; the last representable day for a period at the end of the calendar.</summary>
    private DateOnly After(DateOnly last) => last.DayNumber + DueDays > DateOnly.MaxValue.DayNumber ? DateOnly.MaxValue : last.AddDays(DueDays);

    /// <summary>The status of a period on <paramref name="today"/>, given when (if ever) something was first submitted.</summary>
    public static SubmissionStatus StatusOf(DateOnly dueOn, bool submitted, DateOnly today)
        => submitted ? SubmissionStatus.Submitted : today > dueOn ? SubmissionStatus.Late : SubmissionStatus.Due;
}
