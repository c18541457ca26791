using System.Globalization;
using System.Security.Claims;
using OpenKP.Accounts;
using OpenKP.Statistics;

namespace OpenKP.Web.Pages.Statistics;

/// <summary>What the public statistics pages share: how figures are written, the column headings, who sees the work section.</summary>
public static class StatisticsPages
{
    /// <summary>The stylesheet of the statistics pages (linked from each page: the layout is shared).</summary>
    public const string Stylesheet = "/css/statistics.css";

    /// <summary>A figure as the table shows it, in the reader's culture: two decimals for amounts, none for counts, a dash for no price.</summary>
    public static string Cell(StatisticsColumn column, ParticipantYear row)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Units(row) is not { } v ? "–" : v.ToString(column.Kind == ColumnKind.Count ? "N0" : "N2", CultureInfo.CurrentCulture);
    }

    /// <summary>A stored value (hundredths, cents, a count) in the reader's culture.</summary>
    public static string Stored(ColumnKind kind, long value)
        => kind == ColumnKind.Count ? value.ToString("N0", CultureInfo.CurrentCulture) : (value / 100m).ToString("N2", CultureInfo.CurrentCulture);

    /// <summary>The resource key of a column's heading.</summary>
    public static string ColumnKey(string key) => "StatPub.Col." + key;

    /// <summary>The group a column belongs to (production, exports, imports), for the two-row heading.</summary>
    public static string Group(string key) => key[..key.IndexOf('-', StringComparison.Ordinal)];

    /// <summary>The date a vintage was published, in the reader's culture.</summary>
    public static string Day(DateTime utc) => DateOnly.FromDateTime(utc).ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>The work section of the hub: the officials' and the secretariat's statistics pages.</summary>
    public static bool SeesWork(ClaimsPrincipal user)
        => user.IsInRole(Roles.Secretariat) || user.IsInRole(Roles.AuthorityOfficer) || user.IsInRole(Roles.CustomsOfficer);

    /// <summary>The query string of a year page or its downloads, with only the non-default values.</summary>
    public static string Query(int? vintage, string sort, bool descending, string? format = null)
        => QueryString.Create(new Dictionary<string, string?>
        {
            ["vintage"] = vintage?.ToString(CultureInfo.InvariantCulture),
            ["sort"] = sort == StatisticsTable.DefaultSort ? null : sort,
            ["dir"] = descending ? "desc" : null,
            ["format"] = format,
        }.Where(kv => kv.Value is not null)).ToString();
}
