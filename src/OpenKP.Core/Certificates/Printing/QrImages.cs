using QRCoder;

namespace OpenKP.Certificates;

/// <summary>
/// Draws a certificate's QR text (<c>KP1:…</c>) as a QR code: error correction level M (about 15 % of
/// the code may be damaged), alphanumeric mode (every character of a <c>KP1:</c> text is in the QR
/// alphanumeric set), and the 4-module quiet zone the QR standard requires around the code. A typical
/// certificate of about 650 characters needs version 16 (81 × 81 modules); the 800-character limit
/// of docs/certificate-format.md needs version 18 (89 × 89).
/// </summary>
public static class QrImages
{
    /// <summary>The quiet zone around the code, in modules, included in every image.</summary>
    public const int QuietZone = 4;

    /// <summary>
    /// A PNG of <paramref name="text"/>: black modules on white, <paramref name="pixelsPerModule"/>
    /// pixels per module (default 8: a typical certificate is then about 712 px square), quiet zone included.
    /// </summary>
    public static byte[] Png(string text, int pixelsPerModule = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pixelsPerModule, 1);
        using var data = Generate(text);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(pixelsPerModule, drawQuietZones: true);
    }

    /// <summary>
    /// An SVG document of <paramref name="text"/> that scales to its container (a <c>viewBox</c>, no
    /// fixed width or height): black modules on white, quiet zone included.
    /// </summary>
    public static string Svg(string text)
    {
        using var data = Generate(text);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(1, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    /// <summary>
    /// The module matrix of <paramref name="text"/>, quiet zone included: <c>[row, column]</c> is true for
    /// a dark module. For renderers that draw modules themselves (the PDF draws each as a rectangle).
    /// </summary>
    public static bool[,] Modules(string text)
    {
        using var data = Generate(text);
        var rows = data.ModuleMatrix;
        var size = rows.Count;
        var modules = new bool[size, size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                modules[y, x] = rows[y][x];
            }
        }

        return modules;
    }

    /// <summary>The QR version (1–40) that <paramref name="text"/> needs at level M.</summary>
    public static int Version(string text)
    {
        using var data = Generate(text);
        return data.Version;
    }

    private static QRCodeData Generate(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        // QRCoder picks the most compact mode itself: alphanumeric for a KP1: text, bytes otherwise.
        return QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
    }
}
