using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;

namespace OpenKP.Benchmarks;

/// <summary>
/// Shows the ratio to the baseline as "N x faster/slower" (a cached answer is ~1000 times faster,
/// which the plain ratio column rounds to 0.001). Jobs come from the command line (--job short).
/// </summary>
public sealed class RatioConfig : ManualConfig
{
    public RatioConfig()
    {
        SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
    }
}
