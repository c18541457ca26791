using OpenKP.Statistics;

namespace OpenKP.Core.Tests.Statistics;

/// <summary>Each anomaly rule fires on a planted case and stays quiet on a normal one, judged for the period it is given.</summary>
public sealed class AnomalyRulesTests
{
    private static readonly AnomalySettings Defaults = AnomalySettings.Default();
    private static readonly Quarter Q2 = new(2027, 2);

    /// <summary>1,200 ct at <paramref name="usdPerCarat"/> US$/ct.</summary>
    private static Volume At(long usdPerCarat, long carats = 1_200) => new(carats * 100, usdPerCarat * carats * 100);

    [Fact]
    public void A_price_far_above_the_participants_own_band_is_flagged_with_the_band()
    {
        var found = AnomalyRules.PriceOutsideOwnBand("BW", "7102.10", Q2, At(412), [At(150), At(160), At(170), At(180), At(190)], Defaults);

        Assert.NotNull(found);
        Assert.Equal(AnomalyKind.PriceOutsideOwnBand, found.Kind);
        Assert.Equal(("2027-Q2", "export 7102.10", 41_200L), (found.Period, found.Subject, found.Measured));
        // p10 = 154, p90 = 186 (interpolated), widened by 25 %: 115.50 to 232.50 US$/ct.
        Assert.Equal((11_550L, 23_250L), (found.Low!.Value, found.High!.Value));
        Assert.Equal("Exports of 7102.10 in 2027-Q2 were US$ 412.00/ct against your band US$ 115.50–232.50/ct (your previous 5 quarters with exports of 7102.10, widened by 25 %).", found.Details);
    }

    [Theory]
    [InlineData(200)] // inside the widened band
    [InlineData(120)]
    public void A_price_inside_the_own_band_is_quiet(long usdPerCarat)
        => Assert.Null(AnomalyRules.PriceOutsideOwnBand("BW", "7102.10", Q2, At(usdPerCarat), [At(150), At(160), At(170), At(180), At(190)], Defaults));

    [Fact]
    public void An_own_band_needs_enough_history_and_volume()
    {
        Assert.Null(AnomalyRules.PriceOutsideOwnBand("BW", "7102.10", Q2, At(412), [At(150), At(160), At(170)], Defaults));
        Assert.Null(AnomalyRules.PriceOutsideOwnBand("BW", "7102.10", Q2, At(412, carats: 10), [At(150), At(160), At(170), At(180)], Defaults));
        Assert.NotNull(AnomalyRules.PriceOutsideOwnBand("BW", "7102.10", Q2, At(412), [At(150), At(160), At(170)], new AnomalySettings { OwnBandMinimumQuarters = 3 }));
    }

    [Fact]
    public void A_price_outside_the_peers_band_for_the_same_origin_is_flagged()
    {
        var found = AnomalyRules.PriceOutsidePeerBand("AE", "CD", "7102.31", 2027, At(40), [At(10), At(11), At(9), At(10)], Defaults);
        Assert.NotNull(found);
        Assert.Equal((AnomalyKind.PriceOutsidePeerBand, "2027", "origin CD 7102.31"), (found.Kind, found.Period, found.Subject));
        Assert.Null(AnomalyRules.PriceOutsidePeerBand("AE", "CD", "7102.31", 2027, At(11), [At(10), At(11), At(9), At(10)], Defaults));
        // Two peers are not a band.
        Assert.Null(AnomalyRules.PriceOutsidePeerBand("AE", "CD", "7102.31", 2027, At(40), [At(10), At(11)], Defaults));
    }

    [Theory]
    [InlineData(1_200_000, 1_000_000, 0, false)]     // 1.2 Mct out of 1 Mct + 10 %: flagged
    [InlineData(1_100_000, 1_000_000, 0, true)]      // at the tolerance
    [InlineData(5_000_000, 1_000_000, 4_500_000, true)] // a trading centre re-exports its imports
    [InlineData(900, 0, 0, true)]                   // below the 1,000 ct floor
    public void Exports_above_production_plus_imports_plus_the_tolerance_are_flagged(long exportCarats, long productionCarats, long importCarats, bool quiet)
    {
        var found = AnomalyRules.ExportsExceedSupply("CA", 2027, exportCarats * 100, productionCarats * 100, importCarats * 100, Defaults);
        Assert.Equal(quiet, found is null);
        if (found is not null)
        {
            Assert.Equal(("2027", AnomalyUnit.CaratsHundredths, 110_000_000L), (found.Period, found.Unit, found.High!.Value));
        }
    }

    [Theory]
    [InlineData(6_000, 1_500, false)]  // +300 %
    [InlineData(700, 1_500, false)]    // −53 %
    [InlineData(2_200, 1_500, true)]   // +47 %
    [InlineData(900, 600, true)]       // +50 % but both under the floor
    [InlineData(6_000, 0, true)]       // a first quarter has no baseline
    public void A_quarter_on_quarter_change_above_the_threshold_and_the_floor_is_flagged(long caratsNow, long caratsBefore, bool quiet)
    {
        var found = AnomalyRules.PeriodChange("ZA", 2027, "2027-Q2", "2027-Q1", "export carats", AnomalyUnit.CaratsHundredths, caratsNow * 100, caratsBefore * 100, Defaults);
        Assert.Equal(quiet, found is null);
    }

    [Fact]
    public void A_change_names_both_periods_and_the_percentage()
    {
        var found = AnomalyRules.PeriodChange("ZA", 2027, "2027-H1", "2026-H2", "production usd", AnomalyUnit.UsdCents, 300_000_000, 100_000_000, Defaults);
        Assert.Equal("Production usd in 2027-H1 were US$ 3,000,000.00 against US$ 1,000,000.00 in 2026-H2, a change of +200 % (the threshold is 50 %).", found!.Details);
        Assert.Equal((50_000_000L, 150_000_000L), (found.Low!.Value, found.High!.Value));
    }

    [Fact]
    public void A_certificate_count_that_doubles_is_flagged_above_the_floor_only()
    {
        Assert.NotNull(AnomalyRules.CertificateCountJump("AE", Q2, "import", 25, 10, Defaults));
        Assert.Null(AnomalyRules.CertificateCountJump("AE", Q2, "import", 19, 10, Defaults));
        Assert.Null(AnomalyRules.CertificateCountJump("AE", Q2, "import", 8, 3, Defaults));
        Assert.Contains("in 2026-Q4", AnomalyRules.CertificateCountJump("AE", new Quarter(2027, 1), "export", 40, 10, Defaults)!.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void A_return_never_sent_is_missing_once_its_due_date_passed_and_one_sent_after_it_is_late()
    {
        var due = new DateOnly(2027, 8, 29);
        Assert.Null(AnomalyRules.Submission("ZA", 2027, "2027-H1", "production return", due, null, due));
        var missing = AnomalyRules.Submission("ZA", 2027, "2027-H1", "production return", due, null, due.AddDays(3));
        Assert.Equal((AnomalyKind.MissingSubmission, 3L), (missing!.Kind, missing.Measured));
        var late = AnomalyRules.Submission("ZA", 2027, "2027-H1", "production return", due, due.AddDays(10), due.AddDays(20));
        Assert.Equal((AnomalyKind.LateSubmission, 10L), (late!.Kind, late.Measured));
        Assert.Null(AnomalyRules.Submission("ZA", 2027, "2027-H1", "production return", due, due, due.AddDays(20)));
    }

    [Fact]
    public void Thresholds_out_of_range_are_all_reported()
    {
        var violations = AnomalyRules.CheckSettings(new AnomalySettings { OwnBandQuarters = 2, PeriodChangePercent = 0, QuestionnaireDueDays = 1, MinimumCaratsHundredths = -1 });
        Assert.Equal(["ownBandQuarters", "ownBandMinimumQuarters", "periodChangePercent", "minimumCarats", "questionnaireDueDays"], violations.Select(v => v.Field));
        Assert.All(violations, v => Assert.Equal(AnomalyCodes.SettingOutOfRange, v.Code));
        Assert.Empty(AnomalyRules.CheckSettings(AnomalySettings.Default()));
    }

    [Fact]
    public void A_question_starts_from_the_finding()
        => Assert.StartsWith("Exports in 2027 were", AnomalyRules.QuestionFor(AnomalyKind.ExportsExceedSupply,
            AnomalyRules.ExportsExceedSupply("CA", 2027, 200_000, 0, 0, Defaults)!.Details), StringComparison.Ordinal);

    [Theory]
    [InlineData(new long[] { 10 }, 10, 10)]
    [InlineData(new long[] { 10, 20 }, 50, 15)]
    [InlineData(new long[] { 150, 160, 170, 180, 190 }, 10, 154)]
    public void Percentiles_interpolate_between_ranks(long[] values, int p, double expected)
        => Assert.Equal((decimal)expected, AnomalyRules.Percentile(values, p));
}
