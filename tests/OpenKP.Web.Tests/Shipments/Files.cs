using PdfSharp.Pdf;
using SkiaSharp;

namespace OpenKP.Web.Tests.Shipments;

/// <summary>Small real files for uploads: a one-page PDF and a 4×4 PNG.</summary>
public static class Files
{
    private static readonly Lazy<byte[]> PdfBytes = new(() =>
    {
        using var document = new PdfDocument();
        document.AddPage();
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    });

    private static readonly Lazy<byte[]> PngBytes = new(() =>
    {
        using var bitmap = new SKBitmap(4, 4);
        bitmap.Erase(SKColors.SteelBlue);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    });

    public static byte[] Pdf() => PdfBytes.Value;

    public static byte[] Png() => PngBytes.Value;
}
