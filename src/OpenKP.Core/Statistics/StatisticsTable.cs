using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace OpenKP.Statistics;

/// <summary>What a column of the public table holds: hundredths of a carat, US cents, US$ per carat, a count, or text.</summary>
public enum ColumnKind
{
    Text,
    Carats,
    Usd,
    UsdPerCarat,
    Count,
}

/// <summary>
/// One column of the public annual table. <see cref="Key"/> is stable (sort parameter, CSV header with
/// '-' as '_', differences between vintages). <see cref="Value"/> gives the stored integer
/// (hundredths, cents, a count) or, for US$/ct, the price in hundredths of a dollar, so that sorting
/// and comparing never use floating point.
/// </summary>
public sealed record StatisticsColumn(string Key, ColumnKind Kind, Func<ParticipantYear, long?> Value)
{
    public string CsvHeader => Key.Replace('-', '_');

    /// <summary>The value as the table shows it, in units (carats, US$, US$/ct, a count); null where US$/ct has no carats.</summary>
    public decimal? Units(ParticipantYear row) => Value(row) is not { } v ? null : Kind == ColumnKind.Count ? v : v / 100m;
}

/// <summary>
/// The public annual table: its columns, server-side sorting, and the CSV and XLSX downloads — which
/// hold exactly the rows of the page, in its order, with the world total last.
/// </summary>
public static class StatisticsTable
{
    public const string DefaultSort = "participant";

    /// <summary>The numeric columns, in the order of the page, the CSV and the XLSX.</summary>
    public static readonly IReadOnlyList<StatisticsColumn> Columns =
    [
        new("production-carats", ColumnKind.Carats, r => r.ProductionCaratsHundredths),
        new("production-usd", ColumnKind.Usd, r => r.ProductionUsdCents),
        new("production-usd-per-carat", ColumnKind.UsdPerCarat, r => PerCarat(r.ProductionUsdCents, r.ProductionCaratsHundredths)),
        new("export-carats", ColumnKind.Carats, r => r.ExportCaratsHundredths),
        new("export-usd", ColumnKind.Usd, r => r.ExportUsdCents),
        new("export-usd-per-carat", ColumnKind.UsdPerCarat, r => PerCarat(r.ExportUsdCents, r.ExportCaratsHundredths)),
        new("export-certificates", ColumnKind.Count, r => r.ExportCertificates),
        new("import-carats", ColumnKind.Carats, r => r.ImportCaratsHundredths),
        new("import-usd", ColumnKind.Usd, r => r.ImportUsdCents),
        new("import-usd-per-carat", ColumnKind.UsdPerCarat, r => PerCarat(r.ImportUsdCents, r.ImportCaratsHundredths)),
        new("import-certificates", ColumnKind.Count, r => r.ImportCertificates),
    ];

    /// <summary>The columns compared between vintages: the stored figures (prices follow from them) and whether production was submitted.</summary>
    public static readonly IReadOnlyList<StatisticsColumn> Stored =
    [
        .. Columns.Where(c => c.Kind != ColumnKind.UsdPerCarat),
        new("production-submitted", ColumnKind.Count, r => r.ProductionSubmitted ? 1 : 0),
    ];

    /// <summary>US$ per carat in hundredths of a dollar (cents ÷ hundredths of a carat, rounded half away from zero); null with no carats.</summary>
    public static long? PerCarat(long usdCents, long caratsHundredths)
        => caratsHundredths == 0 ? null : (long)Math.Round(usdCents * 100m / caratsHundredths, MidpointRounding.AwayFromZero);

    /// <summary>Whether <paramref name="key"/> names a sortable column (a numeric column or <c>participant</c>).</summary>
    public static bool IsSortKey(string? key) => key == DefaultSort || Columns.Any(c => c.Key == key);

    /// <summary>The rows in the order asked; ties (and the participant column) by participant code, so the order is always the same.</summary>
    public static IReadOnlyList<ParticipantYear> Sort(IEnumerable<ParticipantYear> rows, string? key, bool descending)
    {
        var column = Columns.FirstOrDefault(c => c.Key == key);
        if (column is null)
        {
            return descending
                ? [.. rows.OrderByDescending(r => r.Participant, StringComparer.Ordinal)]
                : [.. rows.OrderBy(r => r.Participant, StringComparer.Ordinal)];
        }

        // Rows without a price sort after every price, either way.
        var ordered = descending
            ? rows.OrderBy(r => column.Value(r) is null).ThenByDescending(r => column.Value(r) ?? 0)
            : rows.OrderBy(r => column.Value(r) is null).ThenBy(r => column.Value(r) ?? 0);
        return [.. ordered.ThenBy(r => r.Participant, StringComparer.Ordinal)];
    }

    /// <summary>The world total: every row summed (checked), prices from the sums.</summary>
    public static ParticipantYear WorldOf(IReadOnlyList<ParticipantYear> rows)
    {
        long Sum(Func<ParticipantYear, long> f) => rows.Aggregate(0L, (total, r) => checked(total + f(r)));
        return new ParticipantYear(
            World,
            Sum(r => r.ProductionCaratsHundredths), Sum(r => r.ProductionUsdCents),
            Sum(r => r.ExportCaratsHundredths), Sum(r => r.ExportUsdCents), checked((int)Sum(r => r.ExportCertificates)),
            Sum(r => r.ImportCaratsHundredths), Sum(r => r.ImportUsdCents), checked((int)Sum(r => r.ImportCertificates)),
            rows.All(r => r.ProductionSubmitted));
    }

    /// <summary>The participant code the world total carries in downloads.</summary>
    public const string World = "WORLD";

    /// <summary>A value as the downloads write it: invariant, two decimals for amounts, none for counts, empty for no price.</summary>
    public static string Invariant(StatisticsColumn column, ParticipantYear row)
        => column.Units(row) is not { } v ? string.Empty : column.Kind == ColumnKind.Count ? v.ToString("0", CultureInfo.InvariantCulture) : v.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The CSV download: header, the rows in the page's order, the world total last.</summary>
    public static string Csv(YearTable table, IReadOnlyList<ParticipantYear> rows)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }))
        {
            csv.WriteField("participant");
            csv.WriteField("name");
            foreach (var c in Columns)
            {
                csv.WriteField(c.CsvHeader);
            }

            csv.NextRecord();
            foreach (var row in rows.Append(table.World))
            {
                csv.WriteField(row.Participant);
                csv.WriteField(table.NameOf(row.Participant));
                foreach (var c in Columns)
                {
                    csv.WriteField(Invariant(c, row));
                }

                csv.NextRecord();
            }
        }

        return text.ToString();
    }

    /// <summary>The XLSX download: one sheet named for the year and vintage, numbers as numbers, the same rows as the CSV.</summary>
    public static byte[] Xlsx(YearTable table, IReadOnlyList<ParticipantYear> rows)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sheet = rows.Append(table.World).Select(row =>
        {
            var cells = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["participant"] = row.Participant,
                ["name"] = table.NameOf(row.Participant),
            };
            foreach (var c in Columns)
            {
                cells[c.CsvHeader] = c.Units(row);
            }

            return cells;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: table.Vintage is { } v ? $"{table.Year} vintage {v.Number}" : $"{table.Year} live");
        return stream.ToArray();
    }

    /// <summary>The downloads' file name: <c>kp-statistics-2026-v2.csv</c>, or <c>-live</c> for an unpublished preview.</summary>
    public static string FileName(YearTable table, string extension)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"kp-statistics-{table.Year}");
        sb.Append(table.Vintage is { } v ? $"-v{v.Number.ToString(CultureInfo.InvariantCulture)}" : "-live");
        return sb.Append('.').Append(extension).ToString();
    }
}
