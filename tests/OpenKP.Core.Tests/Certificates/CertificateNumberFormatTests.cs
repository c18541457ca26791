using OpenKP.Certificates;

namespace OpenKP.Core.Tests.Certificates;

public sealed class CertificateNumberFormatTests
{
    private static readonly DateOnly Day = new(2026, 3, 9);

    [Theory]
    [InlineData("{P}-{YYYY}-{N:6}", 123, "BW-2026-000123")]
    [InlineData("{P}-{YY}-{N:4}", 7, "BW-26-0007")]
    [InlineData("{P}{N}", 1234567, "BW1234567")]
    [InlineData("{P}-KP-{N:8}", 42, "BW-KP-00000042")]
    public void A_format_numbers_certificates_with_the_participant_first(string pattern, long sequence, string expected)
        => Assert.Equal(expected, CertificateNumberFormat.Parse(pattern).Format("BW", Day, sequence));

    [Theory]
    [InlineData("{P}-{YYYY}-{N:6}", 2026)]
    [InlineData("{P}-{YY}{N:5}", 2026)]
    [InlineData("{P}-{N:8}", 0)]
    public void The_sequence_restarts_each_year_only_when_the_number_shows_the_year(string pattern, int period)
        => Assert.Equal(period, CertificateNumberFormat.Parse(pattern).PeriodOf(Day));

    [Theory]
    [InlineData("")]
    [InlineData("{YYYY}-{P}-{N}")]
    [InlineData("{P}-{YYYY}")]
    [InlineData("{P}-{N}-{N}")]
    [InlineData("{P}/{N:6}")]
    [InlineData("{P} {N:6}")]
    [InlineData("{P}-{N:0}")]
    [InlineData("{P}-{N:13}")]
    [InlineData("{P}-{Q}-{N}")]
    [InlineData("{P}-abc-{N}")]
    [InlineData("{P}-2026-{N:6}")]
    [InlineData("{P}-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA-{N}")]
    public void Formats_that_could_not_number_uniquely_or_safely_are_refused(string pattern)
    {
        Assert.False(CertificateNumberFormat.TryParse(pattern, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData("{P}-{YYYY}-{N:6}", "BW-2026-000123", true)]
    [InlineData("{P}-{YYYY}-{N:6}", "BW-2026-1234567", true)]
    [InlineData("{P}-{YYYY}-{N:6}", "BW-2026-00012", false)]
    [InlineData("{P}-{YYYY}-{N:6}", "BW 0012345", false)]
    [InlineData("{P}-{YYYY}-{N:6}", "ZA-2026-000123", false)]
    [InlineData("{P}-KP{YY}-{N}", "BW-KP26-7", true)]
    public void A_format_knows_the_numbers_it_could_give(string pattern, string number, bool could)
        => Assert.Equal(could, CertificateNumberFormat.Parse(pattern).CouldNumber("BW", number));
}
