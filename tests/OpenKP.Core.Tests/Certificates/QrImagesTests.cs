using System.Xml.Linq;
using OpenKP.Certificates;

namespace OpenKP.Core.Tests.Certificates;

/// <summary>The QR drawn as PNG, SVG or a module matrix: level M, alphanumeric, quiet zone included.</summary>
public sealed class QrImagesTests
{
    private static readonly string Qr = Certificates.Print().QrText;

    [Fact]
    public void A_typical_certificate_needs_a_modest_QR_version_and_the_800_character_limit_stays_below_version_19()
    {
        // Version 16 is 81 modules a side; at 50 mm that is over half a millimetre per module.
        Assert.InRange(QrImages.Version(Qr), 14, 17);
        var longest = "KP1:" + new string('A', 796);
        Assert.InRange(QrImages.Version(longest), 17, 18);
    }

    [Fact]
    public void The_module_matrix_includes_the_four_module_quiet_zone()
    {
        var modules = QrImages.Modules(Qr);
        var side = 17 + 4 * QrImages.Version(Qr) + 2 * QrImages.QuietZone;

        Assert.Equal(side, modules.GetLength(0));
        Assert.Equal(side, modules.GetLength(1));
        for (var i = 0; i < side; i++)
        {
            for (var q = 0; q < QrImages.QuietZone; q++)
            {
                Assert.False(modules[q, i] || modules[i, q] || modules[side - 1 - q, i] || modules[i, side - 1 - q], $"quiet zone dark at {q},{i}");
            }
        }

        // The top-left finder pattern starts right after the quiet zone.
        Assert.True(modules[QrImages.QuietZone, QrImages.QuietZone]);
    }

    [Fact]
    public void The_PNG_is_a_PNG_with_the_requested_module_size()
    {
        var png = QrImages.Png(Qr, pixelsPerModule: 4);
        var side = QrImages.Modules(Qr).GetLength(0) * 4;

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        Assert.Equal(side, bitmap.Width);
        Assert.Equal(side, bitmap.Height);
    }

    [Fact]
    public void The_SVG_is_well_formed_XML_with_an_svg_root_that_scales()
    {
        var svg = XDocument.Parse(QrImages.Svg(Qr));

        Assert.Equal(XName.Get("svg", "http://www.w3.org/2000/svg"), svg.Root!.Name);
        Assert.NotNull(svg.Root.Attribute("viewBox"));
    }
}
