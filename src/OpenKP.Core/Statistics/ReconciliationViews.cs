using OpenKP.Shared;

namespace OpenKP.Statistics;

/// <summary>Carats and US$ in units (two decimals) and a number of certificates.</summary>
public sealed record ReconciliationAmountView(decimal Carats, decimal Usd, int Certificates);

/// <summary>One category of a pair: its certificates, what each side counts in the period, and the part of the pair's difference it explains (exports − imports).</summary>
public sealed record ReconciliationCategoryView(
    string Category, int Certificates, decimal ExportCarats, decimal ExportUsd, decimal ImportCarats, decimal ImportUsd, decimal CaratsDifference, decimal UsdDifference)
{
    public static ReconciliationCategoryView Of(CategoryTotal c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(Input.Kebab(c.Category), c.Certificates, c.ExportCarats / 100m, c.ExportUsd / 100m, c.ImportCarats / 100m, c.ImportUsd / 100m, c.CaratsDifference / 100m, c.UsdDifference / 100m);
    }
}

/// <summary>
/// A pair's reconciliation as the API shows it: the exporter's exports to the importer against the importer's
/// imports from it, the difference (exports − imports), the importer's tolerances in percent, the number of
/// certificates that do not match, and every category.
/// </summary>
public sealed record ReconciliationPairView(
    string Exporter, string Importer, ReconciliationAmountView Exports, ReconciliationAmountView Imports, ReconciliationAmountView Difference,
    decimal WeightTolerancePercent, decimal ValueTolerancePercent, int Differences, IReadOnlyList<ReconciliationCategoryView> Categories)
{
    public static ReconciliationPairView Of(PairReconciliation p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Exporter, p.Importer,
            new(p.Exports.Carats / 100m, p.Exports.Usd / 100m, p.Exports.Certificates),
            new(p.Imports.Carats / 100m, p.Imports.Usd / 100m, p.Imports.Certificates),
            new(p.CaratsDifference / 100m, p.UsdDifference / 100m, p.CertificatesDifference),
            p.Tolerance.WeightBasisPoints / 100m, p.Tolerance.ValueBasisPoints / 100m, p.Differences,
            [.. p.Categories.Select(ReconciliationCategoryView.Of)]);
    }
}

/// <summary>A reconciliation's summary: the period (<c>2025</c> or <c>2025-Q4</c>), the day it was judged, the pairs sorted by absolute US$ difference.</summary>
public sealed record ReconciliationView(string Period, DateOnly JudgedOn, IReadOnlyList<ReconciliationPairView> Pairs)
{
    public static ReconciliationView Of(Reconciliation r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Period.ToString(), r.JudgedOn, [.. r.Pairs.Select(ReconciliationPairView.Of)]);
    }
}

/// <summary>One side's record of a certificate: the date (issue or receipt), carats, US$, and where it came from (<c>openkp</c> or <c>uploaded</c>).</summary>
public sealed record ReconciliationSideView(DateOnly Date, decimal Carats, decimal Usd, string Source, bool InPeriod);

/// <summary>One certificate of a reconciliation: its category and both sides (null where a side has no record).</summary>
public sealed record ReconciledCertificateView(string CertificateNumber, string Exporter, string Importer, string Category, ReconciliationSideView? Export, ReconciliationSideView? Import)
{
    public static ReconciledCertificateView Of(ReconciledCertificate c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.CertificateNumber, c.Exporter, c.Importer, Input.Kebab(c.Category),
            c.Export is { } e ? new(e.IssuedOn, e.CaratsHundredths / 100m, e.UsdCents / 100m, e.Uploaded ? "uploaded" : "openkp", c.InPeriodExport) : null,
            c.Import is { } i ? new(i.ReceivedOn, i.CaratsHundredths / 100m, i.UsdCents / 100m, i.Uploaded ? "uploaded" : "openkp", c.InPeriodImport) : null);
    }
}

/// <summary>A page of a reconciliation's certificates (optionally of one category).</summary>
public sealed record ReconciliationDetailView(string Period, DateOnly JudgedOn, Paged<ReconciledCertificateView> Certificates);
