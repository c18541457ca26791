using System.Globalization;
using CsvHelper;
using MiniExcelLibs;
using OpenKP.Shared;

namespace OpenKP.Statistics.Intake;

/// <summary>
/// The downloadable templates: a header row and one example row, as CSV (UTF-8, invariant culture, '.'
/// decimal separator) or as an XLSX workbook whose first sheet is the data and whose second sheet,
/// <c>notes</c>, says what each column holds. An upload is read by the same column names.
/// </summary>
public static class IntakeTemplates
{
    public static string FileName(IntakeKind kind, IntakeFormat format)
        => $"openkp-{Input.Kebab(kind)}-template.{(format == IntakeFormat.Csv ? "csv" : "xlsx")}";

    public static byte[] Csv(IntakeKind kind)
    {
        var columns = IntakeColumns.Of(kind);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var c in columns)
            {
                csv.WriteField(c.Name);
            }

            csv.NextRecord();
            foreach (var c in columns)
            {
                csv.WriteField(c.Example);
            }

            csv.NextRecord();
        }

        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    public static byte[] Xlsx(IntakeKind kind)
    {
        var columns = IntakeColumns.Of(kind);
        var example = columns.ToDictionary(c => c.Name, c => Typed(c), StringComparer.Ordinal);
        var notes = columns.Select(c => new Dictionary<string, object?>
        {
            ["column"] = c.Name,
            ["required"] = c.Required ? "yes" : "no",
            ["meaning"] = c.Meaning,
        }).Append(new Dictionary<string, object?>
        {
            ["column"] = "(file)",
            ["required"] = string.Empty,
            ["meaning"] = "Keep the header row; replace the example row with yours, one row per line. Amounts in carats and US dollars with at most two decimals.",
        }).ToList();

        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["data"] = new[] { example }, ["notes"] = notes }, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>Numbers as numbers, so a spreadsheet sums them; codes (7102.10) stay text so the trailing zero survives.</summary>
    private static object? Typed(IntakeColumn column)
        => column.Name is IntakeColumns.Carats or IntakeColumns.Usd ? decimal.Parse(column.Example, CultureInfo.InvariantCulture)
            : column.Name is IntakeColumns.Certificates or IntakeColumns.Stones ? int.Parse(column.Example, CultureInfo.InvariantCulture)
            : column.Example;
}
