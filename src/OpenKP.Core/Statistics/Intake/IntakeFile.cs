using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using OpenKP.Shared;

namespace OpenKP.Statistics.Intake;

/// <summary>The two formats an upload may have, decided by its content (never by its name).</summary>
public enum IntakeFormat
{
    Csv,
    Xlsx,
}

/// <summary>One row of an uploaded table: its number as the user sees it in the file (the header is row 1) and its cells by column name.</summary>
public sealed record IntakeRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string Cell(string column) => Cells.GetValueOrDefault(column, string.Empty);
}

/// <summary>An uploaded file read as a table: the format it turned out to be, its column names (lower case) and its non-blank rows.</summary>
public sealed record IntakeTable(IntakeFormat Format, IReadOnlyList<string> Columns, IReadOnlyList<IntakeRow> Rows);

/// <summary>
/// Reads an uploaded statistics file. The type comes from the content: a ZIP that MiniExcel opens as a
/// workbook is XLSX (its first sheet is the data); strict UTF-8 text without control characters is CSV
/// (comma separated, invariant culture, '.' decimal separator). Anything else is refused with
/// <see cref="IntakeCodes.UploadTypeNotSupported"/>. Blank rows are skipped but keep their numbers.
/// </summary>
public static class IntakeFile
{
    /// <summary>Files are at most 10 MB (about 100,000 certificate records in CSV).</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>A file has at most this many data rows.</summary>
    public const int MaxRows = 100_000;

    public const string CsvContentType = "text/csv";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The format of <paramref name="bytes"/> by content, or null when it is neither XLSX nor UTF-8 text.</summary>
    public static IntakeFormat? Identify(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return IntakeFormat.Xlsx;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        return text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n')) ? null : IntakeFormat.Csv;
    }

    /// <summary>Reads the table, or the one reason the file as a whole cannot be read (type, damage, size, no rows).</summary>
    public static Outcome<IntakeTable> Read(byte[] bytes, string field = "file")
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.LongLength > MaxBytes)
        {
            return Outcome<IntakeTable>.Invalid(new Violation(IntakeCodes.UploadTooLarge, $"Files are at most {MaxBytes / (1024 * 1024)} MB.", field));
        }

        var format = Identify(bytes);
        if (format is null)
        {
            return Outcome<IntakeTable>.Invalid(new Violation(IntakeCodes.UploadTypeNotSupported,
                "Upload a CSV file (UTF-8 text) or an XLSX workbook: this file's content is neither, whatever its name says.", field));
        }

        List<string[]> raw;
        try
        {
            raw = format == IntakeFormat.Xlsx ? ReadXlsx(bytes) : ReadCsv(bytes);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Untrusted bytes in third-party parsers: whatever they throw, the file is damaged or not a workbook.
            return Outcome<IntakeTable>.Invalid(new Violation(IntakeCodes.UploadUnreadable,
                format == IntakeFormat.Xlsx ? "The workbook could not be read: it is damaged or not an XLSX file." : "The CSV could not be read: check its quotes and separators.", field));
        }

        var headerIndex = raw.FindIndex(r => r.Any(c => c.Length > 0));
        if (headerIndex < 0)
        {
            return Outcome<IntakeTable>.Invalid(new Violation(IntakeCodes.UploadEmpty, "The file is empty: it needs a header row and at least one data row.", field));
        }

        var columns = raw[headerIndex].Select(c => c.Trim().ToLowerInvariant()).ToArray();
        var rows = new List<IntakeRow>();
        for (var i = headerIndex + 1; i < raw.Count; i++)
        {
            if (raw[i].All(c => c.Length == 0))
            {
                continue;
            }

            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < columns.Length; c++)
            {
                if (columns[c].Length > 0 && !cells.ContainsKey(columns[c]))
                {
                    cells[columns[c]] = c < raw[i].Length ? raw[i][c] : string.Empty;
                }
            }

            rows.Add(new IntakeRow(i + 1, cells));
            if (rows.Count > MaxRows)
            {
                return Outcome<IntakeTable>.Invalid(new Violation(IntakeCodes.UploadTooManyRows, $"A file has at most {MaxRows:N0} rows: split it.", field));
            }
        }

        if (rows.Count == 0)
        {
            return Outcome<IntakeTable>.Invalid(new Violation(IntakeCodes.UploadEmpty, "The file has a header row but no data rows.", field));
        }

        return Outcome<IntakeTable>.Success(new IntakeTable(format.Value, [.. columns.Where(c => c.Length > 0)], rows));
    }

    private static List<string[]> ReadCsv(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes, writable: false), StrictUtf8, detectEncodingFromByteOrderMarks: true);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, BadDataFound = null, DetectColumnCountChanges = false };
        using var csv = new CsvParser(reader, configuration);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            // Row numbers are the file's lines as a spreadsheet shows them; a quoted field with a line break counts as one row.
            rows.Add([.. csv.Record!.Select(c => c.Trim())]);
            if (rows.Count > MaxRows + 2)
            {
                break;
            }
        }

        return rows;
    }

    private static List<string[]> ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var rows = new List<string[]>();
        foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            rows.Add([.. row.Values.Select(Text)]);
            if (rows.Count > MaxRows + 2)
            {
                break;
            }
        }

        return rows;
    }

    /// <summary>A cell as the text a CSV would carry: numbers in invariant culture, dates as YYYY-MM-DD.</summary>
    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        string s => s.Trim(),
        double d => ((decimal)d).ToString(CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("s", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim() ?? string.Empty,
    };
}
