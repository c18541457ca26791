using System.Globalization;
using CsvHelper;
using MiniExcelLibs;
using OpenKP.Shared;

namespace OpenKP.Statistics;

/// <summary>
/// A reconciliation's summary (one row per pair) and certificate detail (one row per certificate) as CSV
/// (RFC 4180, UTF-8, invariant culture, carats and US$ with two decimals, an empty cell where a side has
/// no record) and as XLSX (the same columns, numbers as numbers). Category names are the API's
/// (<c>not-yet-confirmed</c>).
/// </summary>
public static class ReconciliationFiles
{
    public static IReadOnlyList<string> SummaryHeader { get; } =
    [
        "period", "exporter", "importer",
        "export_carats", "export_usd", "export_certificates",
        "import_carats", "import_usd", "import_certificates",
        "carats_difference", "usd_difference", "certificates_difference",
        "weight_tolerance_percent", "value_tolerance_percent",
        .. Enum.GetValues<ReconciliationCategory>().SelectMany(c =>
        {
            var name = Input.Kebab(c).Replace('-', '_');
            return new[] { $"{name}_certificates", $"{name}_carats_difference", $"{name}_usd_difference" };
        }),
    ];

    public static IReadOnlyList<string> DetailHeader { get; } =
    [
        "period", "certificate", "exporter", "importer", "category",
        "issued_on", "export_carats", "export_usd", "export_source",
        "received_on", "import_carats", "import_usd", "import_source",
    ];

    /// <summary>The summary's cells, typed: strings, decimals (carats, US$, percent) and whole numbers.</summary>
    public static IEnumerable<object?[]> SummaryRows(Reconciliation reconciliation)
    {
        ArgumentNullException.ThrowIfNull(reconciliation);
        var period = reconciliation.Period.ToString();
        return reconciliation.Pairs.Select(p => new object?[]
        {
            period, p.Exporter, p.Importer,
            Units(p.Exports.Carats), Units(p.Exports.Usd), p.Exports.Certificates,
            Units(p.Imports.Carats), Units(p.Imports.Usd), p.Imports.Certificates,
            Units(p.CaratsDifference), Units(p.UsdDifference), p.CertificatesDifference,
            p.Tolerance.WeightBasisPoints / 100m, p.Tolerance.ValueBasisPoints / 100m,
        }.Concat(p.Categories.SelectMany(c => new object?[] { c.Certificates, Units(c.CaratsDifference), Units(c.UsdDifference) })).ToArray());
    }

    /// <summary>The detail's cells, typed; null where a side has no record.</summary>
    public static IEnumerable<object?[]> DetailRows(Reconciliation reconciliation, IEnumerable<ReconciledCertificate> certificates)
    {
        ArgumentNullException.ThrowIfNull(reconciliation);
        ArgumentNullException.ThrowIfNull(certificates);
        var period = reconciliation.Period.ToString();
        return certificates.Select(c =>
        {
            var (e, i) = (c.Export, c.Import);
            return new object?[]
            {
                period, c.CertificateNumber, c.Exporter, c.Importer, Input.Kebab(c.Category),
                e is null ? null : Day(e.IssuedOn), e is null ? null : Units(e.CaratsHundredths), e is null ? null : Units(e.UsdCents), e is null ? null : Source(e.Uploaded),
                i is null ? null : Day(i.ReceivedOn), i is null ? null : Units(i.CaratsHundredths), i is null ? null : Units(i.UsdCents), i is null ? null : Source(i.Uploaded),
            };
        });
    }

    public static string SummaryCsv(Reconciliation reconciliation) => Csv(SummaryHeader, SummaryRows(reconciliation));

    public static string DetailCsv(Reconciliation reconciliation, IEnumerable<ReconciledCertificate> certificates)
        => Csv(DetailHeader, DetailRows(reconciliation, certificates));

    public static byte[] SummaryXlsx(Reconciliation reconciliation)
    {
        ArgumentNullException.ThrowIfNull(reconciliation);
        return Xlsx(SummaryHeader, SummaryRows(reconciliation), $"summary {reconciliation.Period}");
    }

    public static byte[] DetailXlsx(Reconciliation reconciliation, IEnumerable<ReconciledCertificate> certificates)
    {
        ArgumentNullException.ThrowIfNull(reconciliation);
        return Xlsx(DetailHeader, DetailRows(reconciliation, certificates), $"certificates {reconciliation.Period}");
    }

    /// <summary>
    /// The downloads' file name: <c>kp-reconciliation-2025-Q4-BW-to-AE-certificates.csv</c> for a direction,
    /// <c>kp-reconciliation-2025-BW-ZA.csv</c> for a participant and partner, <c>kp-reconciliation-2025-all.xlsx</c> for every pair.
    /// </summary>
    public static string FileName(ReconciliationPeriod period, ReconciliationScope scope, bool detail, string extension)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var pairs = scope switch
        {
            { Exporter: not null } or { Importer: not null } => $"{scope.Exporter ?? "all"}-to-{scope.Importer ?? "all"}",
            { Involving: { } p, Partner: { } q } => $"{p}-{q}",
            { Involving: { } p } => p,
            _ => "all",
        };
        return $"kp-reconciliation-{period}-{pairs}{(detail ? "-certificates" : string.Empty)}.{extension}";
    }

    private static string Csv(IReadOnlyList<string> header, IEnumerable<object?[]> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var name in header)
            {
                csv.WriteField(name);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell switch
                    {
                        null => string.Empty,
                        decimal d => d.ToString("0.00", CultureInfo.InvariantCulture),
                        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                        _ => cell.ToString(),
                    });
                }

                csv.NextRecord();
            }
        }

        return text.ToString();
    }

    private static byte[] Xlsx(IReadOnlyList<string> header, IEnumerable<object?[]> rows, string sheetName)
    {
        var sheet = rows.Select(row =>
        {
            var cells = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                cells[header[i]] = row[i];
            }

            return cells;
        }).ToList();
        if (sheet.Count == 0)
        {
            // An empty list writes no header row: a sheet with the header alone says what would be there.
            sheet.Add(header.ToDictionary(h => h, _ => (object?)null, StringComparer.Ordinal));
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: sheetName, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static decimal Units(long hundredths) => hundredths / 100m;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Source(bool uploaded) => uploaded ? "uploaded" : "openkp";
}
