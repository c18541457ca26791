namespace OpenKP.Statistics.Synthetic;

/// <summary>
/// World rough-diamond production per year as the KP published it (docs: /work/shared/data/world-annual.csv,
/// kpcs-reference §10), with the gaps filled by linear interpolation and the years outside the table held
/// at the nearest known year. The generator scales these to the requested size: at
/// <see cref="ReferenceCertificatesPerYear"/> certificates a year the synthetic world produces the real
/// carats; at 600 certificates a year, one hundredth of them.
/// </summary>
public static class SyntheticCalibration
{
    /// <summary>About how many export certificates the world issues in a year (55,000 in 2006; 50–70 k since).</summary>
    public const int ReferenceCertificatesPerYear = 60_000;

    /// <summary>Known years: production in carats and US$ (null where the sources give none).</summary>
    private static readonly (int Year, double? Carats, double? Usd)[] Known =
    [
        (2006, 176_030_231.94, 11_974_761_618),
        (2007, 169_198_857.66, 12_107_000_000),
        (2008, null, 12_730_000_000),
        (2009, 124_800_000, 8_640_000_000),
        (2010, 133_100_000, 12_000_000_000),
        (2011, 123_990_000, 14_410_000_000),
        (2012, 127_962_000, 12_640_000_000),
        (2014, 124_778_468, 14_495_806_402),
        (2015, 127_399_362.81, 13_881_626_083),
        (2016, 134_070_000, 12_400_000_000),
        (2017, 151_000_000, 15_870_000_000),
        (2018, 148_400_000, 14_470_000_000),
        (2019, 130_340_000, 13_470_000_000),
        (2020, 107_070_000, 9_230_000_000),
        (2021, 120_000_000, null),
        (2022, 121_471_000, 16_285_000_000),
        (2023, 111_523_000, 12_725_000_000),
    ];

    /// <summary>World production of <paramref name="year"/> in carats (real scale).</summary>
    public static double WorldProductionCarats(int year) => Interpolate(year, k => k.Carats);

    /// <summary>World production of <paramref name="year"/> in US$ (real scale).</summary>
    public static double WorldProductionUsd(int year) => Interpolate(year, k => k.Usd);

    /// <summary>The world's mean US$/ct of production in <paramref name="year"/>.</summary>
    public static double WorldPricePerCarat(int year) => WorldProductionUsd(year) / WorldProductionCarats(year);

    /// <summary>How much of the real world a run of <paramref name="certificatesPerYear"/> certificates a year stands for.</summary>
    public static double Scale(int certificatesPerYear) => certificatesPerYear / (double)ReferenceCertificatesPerYear;

    private static double Interpolate(int year, Func<(int Year, double? Carats, double? Usd), double?> value)
    {
        var points = Known.Where(k => value(k) is not null).Select(k => (k.Year, Value: value(k)!.Value)).ToArray();
        if (year <= points[0].Year)
        {
            return points[0].Value;
        }

        if (year >= points[^1].Year)
        {
            return points[^1].Value;
        }

        var after = Array.FindIndex(points, p => p.Year >= year);
        var (y1, v1) = points[after - 1];
        var (y2, v2) = points[after];
        return points[after].Year == year ? v2 : v1 + ((v2 - v1) * (year - y1) / (y2 - y1));
    }
}
