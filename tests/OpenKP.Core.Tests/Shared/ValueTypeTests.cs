using CsCheck;
using OpenKP.Shared;

namespace OpenKP.Core.Tests.Shared;

public sealed class ValueTypeTests
{
    [Theory]
    [InlineData("BW", "BW")]
    [InlineData(" bw ", "BW")]
    [InlineData("eu", "EU")]
    public void A_participant_code_accepts_two_letters_in_any_case(string input, string expected)
    {
        Assert.True(ParticipantCode.TryParse(input, out var code));
        Assert.Equal(expected, code.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("B")]
    [InlineData("BWA")]
    [InlineData("B1")]
    [InlineData("É1")]
    [InlineData("ÉU")]
    public void A_participant_code_refuses_anything_else(string? input)
    {
        Assert.False(ParticipantCode.TryParse(input, out _));
        Assert.Throws<FormatException>(() => ParticipantCode.Parse(input ?? string.Empty));
    }

    [Fact]
    public void Any_string_either_parses_to_two_upper_case_letters_or_is_refused()
        => Gen.String.Sample(s =>
        {
            if (ParticipantCode.TryParse(s, out var code))
            {
                Assert.Matches("^[A-Z]{2}$", code.Value);
                Assert.True(ParticipantCode.TryParse(code.Value, out var again) && again == code);
            }
        });

    [Theory]
    [InlineData("2006", "2006-01-01", DatePrecision.Year)]
    [InlineData("2006-02", "2006-02-01", DatePrecision.Month)]
    [InlineData("2006-02-10", "2006-02-10", DatePrecision.Day)]
    public void A_partial_date_keeps_what_the_source_knew(string text, string first, DatePrecision precision)
    {
        Assert.True(PartialDate.TryParse(text, out var date));
        Assert.Equal(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), date.Date);
        Assert.Equal(precision, date.Precision);
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("06")]
    [InlineData("2006-13")]
    [InlineData("2006-02-30")]
    [InlineData("2006/02/10")]
    [InlineData("2006-02-10-01")]
    public void A_partial_date_refuses_what_is_not_a_date(string text) => Assert.False(PartialDate.TryParse(text, out _));

    [Fact]
    public void Every_real_date_round_trips_through_its_partial_form()
        => Gen.Date.Where(d => d.Year >= 1000).Sample(d =>
        {
            var day = DateOnly.FromDateTime(d);
            var text = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(PartialDate.TryParse(text, out var parsed));
            Assert.Equal(day, parsed.Date);
            Assert.Equal(text, parsed.ToString());
        });

    [Fact]
    public void A_date_range_includes_its_first_day_and_excludes_its_end()
    {
        var range = new DateRange(new DateOnly(2020, 1, 1), new DateOnly(2021, 1, 1));
        Assert.True(range.Contains(new DateOnly(2020, 1, 1)));
        Assert.True(range.Contains(new DateOnly(2020, 12, 31)));
        Assert.False(range.Contains(new DateOnly(2021, 1, 1)));
        Assert.False(range.Contains(new DateOnly(2019, 12, 31)));
        Assert.True(new DateRange(new DateOnly(2020, 1, 1), null).Contains(new DateOnly(9999, 12, 31)));
    }
}
