using System.Globalization;
using CsvHelper;

namespace OpenKP.Statistics;

/// <summary>Trade figures as CSV (RFC 4180, UTF-8, invariant culture): one row per figure, carats and US$ with two decimals.</summary>
public static class TradeFigureCsv
{
    public static readonly IReadOnlyList<string> Header = ["participant", "flow", "quarter", "partner", "hs_code", "carats", "usd", "certificates"];

    public static string Write(IEnumerable<TradeFigure> figures)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var name in Header)
            {
                csv.WriteField(name);
            }

            csv.NextRecord();
            foreach (var f in figures)
            {
                csv.WriteField(f.Participant);
                csv.WriteField(f.Flow == TradeFlow.Export ? "export" : "import");
                csv.WriteField(f.Quarter.ToString());
                csv.WriteField(f.Partner);
                csv.WriteField(f.HsCode);
                csv.WriteField((f.CaratsHundredths / 100m).ToString("0.00", CultureInfo.InvariantCulture));
                csv.WriteField((f.UsdCents / 100m).ToString("0.00", CultureInfo.InvariantCulture));
                csv.WriteField(f.Certificates.ToString(CultureInfo.InvariantCulture));
                csv.NextRecord();
            }
        }

        return text.ToString();
    }
}
