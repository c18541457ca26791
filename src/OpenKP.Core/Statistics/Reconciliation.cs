using System.Globalization;
using OpenKP.Shipments;

namespace OpenKP.Statistics;

/// <summary>
/// The period a bilateral reconciliation covers: a calendar year, or one quarter of it
/// (<see cref="QuarterNumber"/> 1–4; null for the whole year). Written <c>2025</c> or <c>2025-Q4</c>.
/// </summary>
public readonly record struct ReconciliationPeriod
{
    public ReconciliationPeriod(int year, int? quarterNumber = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, StatisticsCalendar.LastYear);
        if (quarterNumber is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(quarterNumber), quarterNumber, "A quarter is 1–4.");
        }

        Year = year;
        QuarterNumber = quarterNumber;
        From = quarterNumber is { } q ? new DateOnly(year, ((q - 1) * 3) + 1, 1) : new DateOnly(year, 1, 1);
        To = quarterNumber is { } last ? new DateOnly(year, last * 3, 1).AddMonths(1).AddDays(-1) : new DateOnly(year, 12, 31);
    }

    public int Year { get; }
    public int? QuarterNumber { get; }

    /// <summary>The first day of the period.</summary>
    public DateOnly From { get; }

    /// <summary>The last day of the period (inclusive).</summary>
    public DateOnly To { get; }

    public bool Contains(DateOnly day) => day >= From && day <= To;

    public override string ToString() => QuarterNumber is { } q
        ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{q}")
        : Year.ToString("D4", CultureInfo.InvariantCulture);
}

/// <summary>
/// Why a certificate does or does not reconcile. Every certificate of a reconciliation is in exactly
/// one category (see <see cref="ReconciliationRules.Classify"/>). Names are stable: API, CSV, XLSX.
/// </summary>
public enum ReconciliationCategory
{
    /// <summary>Both sides in the period, carats and US$ within the importing participant's tolerances.</summary>
    Matched,
    /// <summary>Issued in the period and received in another one (or the reverse): the figures meet in different periods.</summary>
    Timing,
    /// <summary>Issued in the period, no import record yet, and the certificate is still valid with its shipment open.</summary>
    NotYetConfirmed,
    /// <summary>Both sides in the period, carats within tolerance, US$ beyond the value tolerance.</summary>
    Valuation,
    /// <summary>Both sides in the period, carats beyond the weight tolerance (checked before the value: a weight difference usually explains a value one).</summary>
    Carats,
    /// <summary>Issued in the period and never received: the certificate expired, or its shipment closed (seized, returned, or confirmed elsewhere) without an import record.</summary>
    MissingOnImportSide,
    /// <summary>Received in the period, and the exporter has no record of the certificate in any period.</summary>
    MissingOnExportSide,
}

/// <summary>
/// The exporting participant's record of one certificate: an OpenKP certificate not voided, or a row of
/// its uploaded certificate records (lines summed). Carats in hundredths, US$ in cents.
/// <see cref="Shipment"/>: the OpenKP shipment's status, null for an uploaded record.
/// </summary>
public sealed record ExportRecord(
    string CertificateNumber, string Exporter, string Importer, DateOnly IssuedOn, DateOnly ExpiresOn,
    long CaratsHundredths, long UsdCents, ShipmentStatus? Shipment = null, bool Uploaded = false)
{
    /// <summary>The KP loop is over on the exporting side's shipment: confirmed, seized, returned or cancelled.</summary>
    public bool ShipmentClosed => Shipment is ShipmentStatus.Confirmed or ShipmentStatus.Seized or ShipmentStatus.Returned or ShipmentStatus.Cancelled;
}

/// <summary>
/// The importing participant's record of one certificate: its import confirmation (carats confirmed,
/// US$ as found at the arrival check, else as certified), or a row of its uploaded certificate records.
/// Carats in hundredths, US$ in cents.
/// </summary>
public sealed record ImportRecord(
    string CertificateNumber, string Exporter, string Importer, DateOnly ReceivedOn,
    long CaratsHundredths, long UsdCents, bool Uploaded = false);

/// <summary>
/// How far the two sides may differ and still match, in basis points (1/100 %) of the exported figure:
/// the importing participant's arrival-check tolerances (<see cref="ShipmentSettings"/>).
/// </summary>
public readonly record struct ReconciliationTolerance(int WeightBasisPoints, int ValueBasisPoints)
{
    public static ReconciliationTolerance Of(ShipmentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.WeightToleranceBasisPoints, settings.ValueToleranceBasisPoints);
    }

    public static ReconciliationTolerance Default => new(ShipmentSettings.DefaultWeightToleranceBasisPoints, ShipmentSettings.DefaultValueToleranceBasisPoints);
}

/// <summary>
/// The rules of bilateral reconciliation (docs/statistics.md, "Reconciliation rules"). Pure: they take
/// the two records, the period and the day they judge.
/// </summary>
public static class ReconciliationRules
{
    /// <summary>
    /// The one category of a certificate in the reconciliation of <paramref name="period"/>, judged on
    /// <paramref name="today"/>. At least one record is given, and at least one falls in the period.
    /// <list type="number">
    /// <item>No export record in any period: <see cref="ReconciliationCategory.MissingOnExportSide"/>.</item>
    /// <item>No import record: <see cref="ReconciliationCategory.MissingOnImportSide"/> once the shipment closed or the certificate expired before <paramref name="today"/>; else <see cref="ReconciliationCategory.NotYetConfirmed"/>.</item>
    /// <item>One side outside the period: <see cref="ReconciliationCategory.Timing"/>.</item>
    /// <item>Carats beyond the weight tolerance: <see cref="ReconciliationCategory.Carats"/>; else US$ beyond the value tolerance: <see cref="ReconciliationCategory.Valuation"/>; else <see cref="ReconciliationCategory.Matched"/>.</item>
    /// </list>
    /// Tolerances compare |import − export| with export × basis points / 10,000, in integers.
    /// </summary>
    public static ReconciliationCategory Classify(ExportRecord? export, ImportRecord? import, ReconciliationPeriod period, DateOnly today, ReconciliationTolerance tolerance)
    {
        if (export is null && import is null)
        {
            throw new ArgumentException("A certificate to reconcile has at least one record.", nameof(export));
        }

        if (!(export is not null && period.Contains(export.IssuedOn)) && !(import is not null && period.Contains(import.ReceivedOn)))
        {
            throw new ArgumentException($"Neither record of the certificate falls in {period}.", nameof(period));
        }

        if (export is null)
        {
            return ReconciliationCategory.MissingOnExportSide;
        }

        if (import is null)
        {
            return export.ShipmentClosed || export.ExpiresOn < today
                ? ReconciliationCategory.MissingOnImportSide
                : ReconciliationCategory.NotYetConfirmed;
        }

        if (!period.Contains(export.IssuedOn) || !period.Contains(import.ReceivedOn))
        {
            return ReconciliationCategory.Timing;
        }

        if (!ShipmentRules.Within(import.CaratsHundredths, export.CaratsHundredths, tolerance.WeightBasisPoints))
        {
            return ReconciliationCategory.Carats;
        }

        return ShipmentRules.Within(import.UsdCents, export.UsdCents, tolerance.ValueBasisPoints)
            ? ReconciliationCategory.Matched
            : ReconciliationCategory.Valuation;
    }
}

/// <summary>
/// One certificate of a reconciliation: its category and both sides' records (null where a side has
/// none). <see cref="InPeriodExport"/>/<see cref="InPeriodImport"/>: whether each side counts in the
/// period's totals (a timing difference counts on one side only).
/// </summary>
public sealed record ReconciledCertificate(
    string CertificateNumber, string Exporter, string Importer, ReconciliationCategory Category,
    ExportRecord? Export, ImportRecord? Import, bool InPeriodExport, bool InPeriodImport)
{
    public long ExportCarats => InPeriodExport ? Export!.CaratsHundredths : 0;
    public long ExportUsd => InPeriodExport ? Export!.UsdCents : 0;
    public long ImportCarats => InPeriodImport ? Import!.CaratsHundredths : 0;
    public long ImportUsd => InPeriodImport ? Import!.UsdCents : 0;
}

/// <summary>
/// The certificates of one category in a pair's reconciliation, with the amounts each side counts in the
/// period. <see cref="CaratsDifference"/> and <see cref="UsdDifference"/> (exports − imports) are the part
/// of the pair's difference the category explains: the categories' differences add up to the pair's.
/// </summary>
public sealed record CategoryTotal(ReconciliationCategory Category, int Certificates, long ExportCarats, long ExportUsd, long ImportCarats, long ImportUsd)
{
    public long CaratsDifference => checked(ExportCarats - ImportCarats);
    public long UsdDifference => checked(ExportUsd - ImportUsd);
}

/// <summary>
/// A pair's reconciliation: <see cref="Exporter"/>'s exports to <see cref="Importer"/> issued in the period
/// against the importer's imports from it received in the period (carats in hundredths, US$ in cents,
/// certificates), the difference (exports − imports), the count and amounts per category, and the
/// importing participant's tolerances that judged it.
/// </summary>
public sealed record PairReconciliation(string Exporter, string Importer, TradeTotal Exports, TradeTotal Imports, ReconciliationTolerance Tolerance, IReadOnlyList<CategoryTotal> Categories)
{
    public long CaratsDifference => checked(Exports.Carats - Imports.Carats);
    public long UsdDifference => checked(Exports.Usd - Imports.Usd);
    public int CertificatesDifference => Exports.Certificates - Imports.Certificates;

    /// <summary>The pair's certificates that do not match.</summary>
    public int Differences => Categories.Where(c => c.Category != ReconciliationCategory.Matched).Sum(c => c.Certificates);

    /// <summary>Sums a pair's certificates: every category listed, in the enum's order, even when empty.</summary>
    public static PairReconciliation Of(string exporter, string importer, ReconciliationTolerance tolerance, IEnumerable<ReconciledCertificate> certificates)
    {
        var list = certificates.ToList();
        var exports = new TradeTotal(list.Sum(c => c.ExportCarats), list.Sum(c => c.ExportUsd), list.Count(c => c.InPeriodExport));
        var imports = new TradeTotal(list.Sum(c => c.ImportCarats), list.Sum(c => c.ImportUsd), list.Count(c => c.InPeriodImport));
        var byCategory = list.ToLookup(c => c.Category);
        var categories = Enum.GetValues<ReconciliationCategory>()
            .Select(k => new CategoryTotal(k, byCategory[k].Count(), byCategory[k].Sum(c => c.ExportCarats), byCategory[k].Sum(c => c.ExportUsd), byCategory[k].Sum(c => c.ImportCarats), byCategory[k].Sum(c => c.ImportUsd)))
            .ToList();
        return new(exporter, importer, exports, imports, tolerance, categories);
    }
}

/// <summary>
/// A reconciliation of one period, judged on <see cref="JudgedOn"/>: the pairs sorted by the absolute
/// US$ difference, then the absolute carat difference (largest first), and every certificate, sorted by
/// exporter, importer and certificate number.
/// </summary>
public sealed record Reconciliation(ReconciliationPeriod Period, DateOnly JudgedOn, IReadOnlyList<PairReconciliation> Pairs, IReadOnlyList<ReconciledCertificate> Certificates);
