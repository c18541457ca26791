using OpenKP.Statistics;

namespace OpenKP.Core.Tests.Statistics;

/// <summary>The one percentile function (PERCENTILE.INC) against values computed by hand.</summary>
public sealed class PercentilesTests
{
    private static readonly decimal[] OneToTen = [1m, 2m, 3m, 4m, 5m, 6m, 7m, 8m, 9m, 10m];

    [Theory]
    [InlineData(0.00, 1.00)]   // rank 0
    [InlineData(0.01, 1.09)]   // rank 0.09: 1 + 0.09 × (2 − 1)
    [InlineData(0.05, 1.45)]   // rank 0.45
    [InlineData(0.10, 1.90)]   // rank 0.9
    [InlineData(0.25, 3.25)]   // rank 2.25
    [InlineData(0.50, 5.50)]   // rank 4.5
    [InlineData(0.75, 7.75)]   // rank 6.75
    [InlineData(0.90, 9.10)]   // rank 8.1
    [InlineData(0.95, 9.55)]   // rank 8.55
    [InlineData(0.99, 9.91)]   // rank 8.91
    [InlineData(1.00, 10.00)]  // rank 9
    public void Percentiles_of_one_to_ten_equal_the_hand_computed_ones(double p, double expected)
        => Assert.Equal((decimal)expected, Percentiles.Inclusive(OneToTen, (decimal)p));

    [Fact]
    public void Prices_per_carat_are_interpolated_and_rounded_to_cents()
    {
        // US$/ct of four lines: 120.00, 250.50, 251.00, 4,000.00. p50: rank 1.5 → 250.50 + 0.5 × 0.50 = 250.75.
        decimal[] prices = [120.00m, 250.50m, 251.00m, 4_000.00m];
        Assert.Equal(250.75m, Percentiles.Inclusive(prices, 0.50m));
        // p99: rank 2.97 → 251.00 + 0.97 × 3,749.00 = 3,887.53
        Assert.Equal(3_887.53m, Percentiles.Inclusive(prices, 0.99m));
        // p1: rank 0.03 → 120.00 + 0.03 × 130.50 = 123.915, rounded to even cents: 123.92
        Assert.Equal(123.92m, Percentiles.Inclusive(prices, 0.01m));
    }

    [Fact]
    public void One_value_is_every_percentile_and_an_empty_list_has_none()
    {
        Assert.Equal(42.42m, Percentiles.Inclusive([42.42m], 0.01m));
        Assert.Equal(42.42m, Percentiles.Inclusive([42.42m], 0.99m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Inclusive([], 0.5m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Inclusive(OneToTen, 1.5m));
    }
}
