using System.Globalization;
using ScottPlot;

namespace OpenKP.Statistics;

/// <summary>A chart's labels, in the reader's language (the caller localises them).</summary>
public sealed record ChartText(string Title, string YLabel, IReadOnlyList<string> Series);

/// <summary>
/// The public statistics charts, drawn on the server with ScottPlot as SVG (no script, readable by
/// any browser, printable). Each draws published figures only; every page that shows one also
/// shows the same figures as a table (the text alternative). Amounts arrive as stored (hundredths,
/// cents) and are drawn in millions of carats or US$, or as US$/ct.
/// </summary>
public static class StatisticsCharts
{
    public const int Width = 800;
    public const int Height = 400;
    private const string Font = "DejaVu Sans";

    private static readonly Color[] Palette = [Color.FromHex("#1d70b8"), Color.FromHex("#00703c"), Color.FromHex("#d4351c")];

    /// <summary>Several series (millions) over years: world production and trade, or one participant's history.</summary>
    public static string Lines(ChartText text, IReadOnlyList<int> years, IReadOnlyList<IReadOnlyList<long>> series, double divisor)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(series);
        var plot = Start(text);
        double[] xs = [.. years.Select(y => (double)y)];
        for (var i = 0; i < series.Count; i++)
        {
            var line = plot.Add.Scatter(xs, [.. series[i].Select(v => v / divisor)]);
            line.LegendText = text.Series[i];
            line.Color = Palette[i % Palette.Length];
            line.LineWidth = 2.5f;
            line.MarkerSize = 7;
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(xs, [.. years.Select(y => y.ToString(CultureInfo.InvariantCulture))]);
        if (years.Count == 1)
        {
            plot.Axes.SetLimitsX(years[0] - 1, years[0] + 1);
        }

        FromZero(plot);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>One bar per participant (in the order given), values divided by <paramref name="divisor"/>.</summary>
    public static string Bars(ChartText text, IReadOnlyList<(string Label, long Value)> bars, double divisor)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(bars);
        var plot = Start(text);
        var added = plot.Add.Bars([.. bars.Select(b => b.Value / divisor)]);
        added.Color = Palette[0];
        foreach (var bar in added.Bars)
        {
            bar.FillColor = Palette[0];
            bar.LineWidth = 0;
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, bars.Count).Select(i => (double)i)], [.. bars.Select(b => b.Label)]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        FromZero(plot);
        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>Amounts are read against zero: the value axis starts there, with room above the largest.</summary>
    private static void FromZero(Plot plot)
    {
        plot.Axes.AutoScale();
        var top = plot.Axes.GetLimits().Top;
        plot.Axes.SetLimitsY(0, top > 0 ? top * 1.05 : 1);
    }

    private static Plot Start(ChartText text)
    {
        var plot = new Plot();
        plot.Font.Set(Font);
        plot.Title(text.Title);
        plot.YLabel(text.YLabel);
        plot.Axes.Title.Label.FontSize = 18;
        plot.Grid.MajorLineColor = Color.FromHex("#e5e6e7");
        return plot;
    }
}
