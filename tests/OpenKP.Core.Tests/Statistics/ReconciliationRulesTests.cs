using OpenKP.Shipments;
using OpenKP.Statistics;

namespace OpenKP.Core.Tests.Statistics;

public sealed class ReconciliationRulesTests
{
    private static readonly ReconciliationPeriod Year2025 = new(2025);
    private static readonly ReconciliationPeriod Year2026 = new(2026);
    private static readonly DateOnly Today = new(2026, 3, 1);

    /// <summary>0.5 % on weight, 5 % on value: the default arrival-check tolerances.</summary>
    private static readonly ReconciliationTolerance Tolerance = ReconciliationTolerance.Default;

    private static ExportRecord Export(string issued = "2025-06-10", string expires = "2025-08-09", long carats = 100_00, long usd = 10_000_00, ShipmentStatus? shipment = ShipmentStatus.Confirmed)
        => new("BW-2025-000001", "BW", "AE", DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(expires, System.Globalization.CultureInfo.InvariantCulture), carats, usd, shipment);

    private static ImportRecord Import(string received = "2025-06-20", long carats = 100_00, long usd = 10_000_00)
        => new("BW-2025-000001", "BW", "AE", DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture), carats, usd);

    private static ReconciliationCategory Classify(ExportRecord? export, ImportRecord? import, ReconciliationPeriod? period = null, string today = "2026-03-01")
        => ReconciliationRules.Classify(export, import, period ?? Year2025, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), Tolerance);

    [Fact]
    public void Both_sides_in_the_period_and_equal_match()
        => Assert.Equal(ReconciliationCategory.Matched, Classify(Export(), Import()));

    [Fact]
    public void Differences_at_the_tolerance_match_and_one_hundredth_beyond_do_not()
    {
        // 5 % of US$ 10,000.00 is US$ 500.00; 0.5 % of 100.00 ct is 0.50 ct.
        Assert.Equal(ReconciliationCategory.Matched, Classify(Export(), Import(usd: 10_500_00, carats: 100_50)));
        Assert.Equal(ReconciliationCategory.Matched, Classify(Export(), Import(usd: 9_500_00, carats: 99_50)));
        Assert.Equal(ReconciliationCategory.Valuation, Classify(Export(), Import(usd: 10_500_01)));
        Assert.Equal(ReconciliationCategory.Valuation, Classify(Export(), Import(usd: 9_499_99)));
        Assert.Equal(ReconciliationCategory.Carats, Classify(Export(), Import(carats: 100_51)));
    }

    [Fact]
    public void A_carat_difference_is_the_category_when_the_value_differs_too()
        => Assert.Equal(ReconciliationCategory.Carats, Classify(Export(), Import(carats: 90_00, usd: 9_000_00)));

    [Fact]
    public void The_importers_tolerance_decides()
    {
        var strict = new ReconciliationTolerance(0, 100);
        Assert.Equal(ReconciliationCategory.Valuation, ReconciliationRules.Classify(Export(), Import(usd: 10_200_00), Year2025, Today, strict));
        Assert.Equal(ReconciliationCategory.Carats, ReconciliationRules.Classify(Export(), Import(carats: 100_01), Year2025, Today, strict));
    }

    [Fact]
    public void Issued_at_the_end_of_a_year_and_received_in_the_next_is_a_timing_difference_in_both_years()
    {
        var export = Export(issued: "2025-12-30", expires: "2026-02-28");
        var import = Import(received: "2026-01-05", usd: 1_00);
        Assert.Equal(ReconciliationCategory.Timing, Classify(export, import, Year2025));
        Assert.Equal(ReconciliationCategory.Timing, Classify(export, import, Year2026));
        Assert.Equal(ReconciliationCategory.Timing, Classify(export, import, new ReconciliationPeriod(2025, 4)));
    }

    [Fact]
    public void Received_in_the_next_quarter_of_the_same_year_is_timing_for_the_quarter_and_a_match_for_the_year()
    {
        var export = Export(issued: "2025-03-30");
        var import = Import(received: "2025-04-02");
        Assert.Equal(ReconciliationCategory.Timing, Classify(export, import, new ReconciliationPeriod(2025, 1)));
        Assert.Equal(ReconciliationCategory.Timing, Classify(export, import, new ReconciliationPeriod(2025, 2)));
        Assert.Equal(ReconciliationCategory.Matched, Classify(export, import, Year2025));
    }

    [Fact]
    public void An_unconfirmed_certificate_still_valid_with_its_shipment_open_is_not_yet_confirmed()
    {
        var export = Export(issued: "2026-02-10", expires: "2026-04-10", shipment: ShipmentStatus.Departed);
        Assert.Equal(ReconciliationCategory.NotYetConfirmed, Classify(export, null, Year2026));
        Assert.Equal(ReconciliationCategory.NotYetConfirmed, Classify(export, null, Year2026, today: "2026-04-10"));
        Assert.Equal(ReconciliationCategory.NotYetConfirmed, Classify(export with { Shipment = null, Uploaded = true }, null, Year2026));
    }

    [Fact]
    public void An_unconfirmed_certificate_expired_or_whose_shipment_closed_is_missing_on_the_import_side()
    {
        var export = Export(issued: "2026-02-10", expires: "2026-04-10", shipment: ShipmentStatus.Departed);
        Assert.Equal(ReconciliationCategory.MissingOnImportSide, Classify(export, null, Year2026, today: "2026-04-11"));
        Assert.Equal(ReconciliationCategory.MissingOnImportSide, Classify(export with { Shipment = ShipmentStatus.Seized }, null, Year2026));
        Assert.Equal(ReconciliationCategory.MissingOnImportSide, Classify(export with { Shipment = ShipmentStatus.Returned }, null, Year2026));
        Assert.Equal(ReconciliationCategory.MissingOnImportSide, Classify(export with { Shipment = ShipmentStatus.Confirmed }, null, Year2026));
    }

    [Fact]
    public void An_import_the_exporter_has_no_record_of_is_missing_on_the_export_side()
        => Assert.Equal(ReconciliationCategory.MissingOnExportSide, Classify(null, Import()));

    [Fact]
    public void A_certificate_with_neither_side_in_the_period_is_a_caller_error()
    {
        Assert.Throws<ArgumentException>(() => Classify(Export(), Import(), Year2026));
        Assert.Throws<ArgumentException>(() => Classify(null, null));
    }

    [Fact]
    public void A_pairs_categories_explain_its_whole_difference()
    {
        var period = Year2025;
        ReconciledCertificate Certificate(string number, ExportRecord? e, ImportRecord? i)
        {
            e = e is null ? null : e with { CertificateNumber = number };
            i = i is null ? null : i with { CertificateNumber = number };
            return new(number, "BW", "AE", ReconciliationRules.Classify(e, i, period, Today, Tolerance), e, i,
                e is not null && period.Contains(e.IssuedOn), i is not null && period.Contains(i.ReceivedOn));
        }

        var pair = PairReconciliation.Of("BW", "AE", Tolerance,
        [
            Certificate("1", Export(), Import()),
            Certificate("2", Export(usd: 20_000_00), Import(usd: 15_000_00)),
            Certificate("3", Export(issued: "2025-12-30", expires: "2026-02-28"), Import(received: "2026-01-05")),
            Certificate("4", Export(), null),
            Certificate("5", null, Import(carats: 7_00, usd: 700_00)),
        ]);

        Assert.Equal(new TradeTotal(400_00, 50_000_00, 4), pair.Exports);
        Assert.Equal(new TradeTotal(207_00, 25_700_00, 3), pair.Imports);
        Assert.Equal(193_00, pair.CaratsDifference);
        Assert.Equal(24_300_00, pair.UsdDifference);
        Assert.Equal(pair.UsdDifference, pair.Categories.Sum(c => c.UsdDifference));
        Assert.Equal(pair.CaratsDifference, pair.Categories.Sum(c => c.CaratsDifference));
        Assert.Equal(Enum.GetValues<ReconciliationCategory>(), pair.Categories.Select(c => c.Category));
        Assert.Equal([1, 1, 0, 1, 0, 1, 1], pair.Categories.Select(c => c.Certificates));
        Assert.Equal(4, pair.Differences);
        Assert.Equal(5_000_00, pair.Categories.Single(c => c.Category == ReconciliationCategory.Valuation).UsdDifference);
    }

    [Theory]
    [InlineData(2025, null, "2025-01-01", "2025-12-31", "2025")]
    [InlineData(2025, 4, "2025-10-01", "2025-12-31", "2025-Q4")]
    [InlineData(2024, 1, "2024-01-01", "2024-03-31", "2024-Q1")]
    [InlineData(2026, 2, "2026-04-01", "2026-06-30", "2026-Q2")]
    public void A_period_spans_its_year_or_quarter(int year, int? quarter, string from, string to, string written)
    {
        var period = new ReconciliationPeriod(year, quarter);
        Assert.Equal((from, to, written), (period.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), period.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), period.ToString()));
    }

    [Fact]
    public void A_quarter_outside_one_to_four_is_refused()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new ReconciliationPeriod(2025, 5));
}
