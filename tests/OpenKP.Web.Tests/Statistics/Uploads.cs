using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using MiniExcelLibs;

namespace OpenKP.Web.Tests.Statistics;

/// <summary>Builders for statistics uploads: CSV text as written, the same rows as an XLSX workbook, and the multipart form.</summary>
public static class Uploads
{
    public const string FiguresHeader = "flow,partner,hs_code,carats,usd,certificates";

    /// <summary>Quarterly figures with three bad rows: 3 (unknown partner), 4 (HS code) and 6 (three decimals); rows 2 and 5 are good.</summary>
    public static readonly string[] ThreeBadRows =
    [
        FiguresHeader,
        "export,AE,7102.10,100.00,10000.00,2",
        "export,XX,7102.10,5,500,1",
        "import,IN,7102.99,5,500,1",
        "import,AE,7102.21,3,300,1",
        "export,IN,7102.31,1.234,500,1",
    ];

    public static readonly string[] GoodFigures =
    [
        FiguresHeader,
        "export,AE,7102.10,100.00,10000.00,2",
        "export,IN,7102.31,10.50,21000.00,1",
        "import,ZA,7102.21,3,300,1",
    ];

    public static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    /// <summary>The same rows as a workbook: the header as text, amounts as numbers (as a spreadsheet would store them), HS codes as text.</summary>
    public static byte[] Xlsx(params string[] lines)
    {
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l =>
        {
            var cells = l.Split(',');
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                var cell = i < cells.Length ? cells[i] : string.Empty;
                row[header[i]] = header[i] is "carats" or "usd" or "certificates" or "stones" && decimal.TryParse(cell, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)
                    ? n : cell;
            }

            return row;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static MultipartFormDataContent Form(byte[] file, string fileName, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        return form;
    }

    public static MultipartFormDataContent Trade(byte[] file, string fileName, int year, int quarter, string kind = "quarterly-figures")
        => Form(file, fileName, ("year", year.ToString(CultureInfo.InvariantCulture)), ("quarter", quarter.ToString(CultureInfo.InvariantCulture)), ("kind", kind));
}
