using System.Globalization;
using ScottPlot;

namespace OpenKP.Statistics;

/// <summary>
/// A footprint drawn as its distribution: US$/ct (vertical) at each percentile p1…p99 (horizontal), one
/// line per footprint (the whole origin, then each zone) under one HS code. SVG, drawn on the server.
/// </summary>
public static class FootprintChart
{
    public const int Width = 720;
    public const int Height = 320;

    private static readonly string[] Palette = ["#1d70b8", "#d4351c", "#00703c", "#f47738", "#4c2c92", "#b58840", "#28a197", "#912b88"];

    /// <summary>
    /// The chart of <paramref name="footprints"/> that have a band; <paramref name="label"/> names each
    /// line (for example "BW" or "BW · Jwaneng"), <paramref name="axisLabel"/> the vertical axis.
    /// </summary>
    public static string Svg(IReadOnlyList<FootprintView> footprints, Func<FootprintView, string> label, string axisLabel)
    {
        ArgumentNullException.ThrowIfNull(footprints);
        ArgumentNullException.ThrowIfNull(label);
        using var plot = new Plot();
        var colour = 0;
        foreach (var f in footprints.Where(f => f.Percentiles is not null))
        {
            var named = f.Percentiles!.Named();
            var xs = FootprintCalculator.Levels.Select(p => (double)(p * 100m)).ToArray();
            var ys = named.Select(n => (double)n.UsdPerCarat).ToArray();
            var line = plot.Add.Scatter(xs, ys);
            line.Color = Color.FromHex(Palette[colour++ % Palette.Length]);
            line.LineWidth = 2;
            line.MarkerSize = 6;
            line.LegendText = Clean(label(f));
        }

        plot.Axes.Bottom.Label.Text = "percentile";
        plot.Axes.Left.Label.Text = Clean(axisLabel);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. FootprintCalculator.Levels.Select(p => (double)(p * 100m))], [.. FootprintCalculator.Levels.Select(p => "p" + (p * 100m).ToString("0", CultureInfo.InvariantCulture))]);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>Zone names come from certificates: only letters, digits, spaces and simple punctuation reach the drawing.</summary>
    private static string Clean(string text) => new([.. text.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '·' or '-' or '/' or '$' or '(' or ')' or '.' or ',')]);
}
