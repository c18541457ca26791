using OpenKP.Statistics;
using OpenKP.Statistics.Intake;

namespace OpenKP.Core.Tests.Statistics;

public sealed class IntakeRulesTests
{
    [Theory]
    [InlineData("ZA-2026-000001", true)]
    [InlineData("BE/2026/12.345", true)]
    [InlineData("=HYPERLINK(\"//evil/x\",\"open\")", false)] // a formula in a partner's spreadsheet download
    [InlineData("-5+3", false)]
    [InlineData("@SUM(A1)", false)]
    [InlineData("BW 001", false)]
    [InlineData("", false)]
    public void A_certificate_number_is_letters_digits_slashes_hyphens_and_dots_starting_with_a_letter_or_digit(string number, bool valid)
        => Assert.Equal(valid, IntakeRules.IsCertificateNumber(number));

    [Fact]
    public void A_mining_type_given_both_as_a_total_and_by_hs_code_is_refused_because_it_would_count_twice()
    {
        var parse = IntakeRules.Production(
        [
            new ProductionLineInput("industrial", null, 1000m, 100_000m),
            new ProductionLineInput("industrial", "7102.10", 400m, 40_000m),
            new ProductionLineInput("artisanal-alluvial", "7102.10", 10m, 1_000m),
            new ProductionLineInput("artisanal-alluvial", "7102.31", 5m, 2_000m),
        ]);

        var problem = Assert.Single(parse.Problems);
        Assert.Equal((2, IntakeCodes.RowDuplicate), (problem.Row, problem.Code));
    }

    [Fact]
    public void Due_dates_are_the_due_days_after_the_period_and_never_past_the_calendar()
    {
        var calendar = new StatisticsCalendar(60);
        Assert.Equal(new DateOnly(2026, 5, 30), calendar.DueOn(new Quarter(2026, 1)));
        Assert.Equal(new DateOnly(2027, 3, 1), calendar.DueOn(new Quarter(2026, 4)));
        Assert.Equal(new DateOnly(2026, 8, 29), calendar.DueOn(new HalfYear(2026, 1)));
        Assert.Equal(DateOnly.MaxValue, calendar.DueOn(new Quarter(9999, 4)));
        Assert.Equal(DateOnly.MaxValue, calendar.DueOn(new HalfYear(9999, 2)));
    }
}
