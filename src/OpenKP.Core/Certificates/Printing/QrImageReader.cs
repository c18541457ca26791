using OpenKP.Shared;
using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace OpenKP.Certificates;

/// <summary>
/// Finds and reads the QR code in a photo or scan (PNG or JPEG, at most <see cref="MaxBytes"/>), for
/// verifiers who upload a picture of a paper certificate instead of typing its text. The answer is the
/// QR's text, exactly as encoded; whether it is a valid certificate is <see cref="CertificateVerifier"/>'s
/// question. Failures carry the codes of the "Images" section of <see cref="CertificateCodes"/>.
/// </summary>
public static class QrImageReader
{
    /// <summary>The largest file read: 10 MB (10 × 1024 × 1024 bytes), above any phone photo.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>The most pixels an image may declare (50 megapixels), so that a small file cannot ask for gigabytes.</summary>
    public const long MaxPixels = 50_000_000;

    /// <summary>PNG decodes at full size (JPEG decodes reduced): a larger PNG would hold hundreds of MB for one upload.</summary>
    public const long MaxPngPixels = 16_000_000;

    // Decoding holds a full bitmap: at most one image per core at a time, whatever the number of uploads.
    private static readonly SemaphoreSlim Decoding = new(Environment.ProcessorCount, Environment.ProcessorCount);

    /// <summary>Bigger photos are decoded at a reduced size where the format allows it (JPEG does), to save memory.</summary>
    private const long ComfortablePixels = 12_000_000;

    /// <summary>The longest side of the downscaled copies tried when the full image gives no QR.</summary>
    private static readonly int[] DownscaledSides = [1600, 800];

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    /// <summary>Reads the QR in <paramref name="image"/>; see <see cref="Read(ReadOnlySpan{byte})"/>.</summary>
    public static Outcome<string> Read(byte[] image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Read(image.AsSpan());
    }

    /// <summary>
    /// Reads the QR in <paramref name="image"/>. The type is judged by the file's first bytes, not by
    /// its name or a declared content type. Fails with <c>image-too-large</c> (over 10 MB, or 50
    /// megapixels for JPEG and 16 for PNG), <c>image-type-unsupported</c> (not PNG or JPEG), <c>image-unreadable</c> (a damaged
    /// or truncated file) or <c>qr-not-found</c>.
    /// </summary>
    public static Outcome<string> Read(ReadOnlySpan<byte> image)
    {
        if (image.Length > MaxBytes)
        {
            return Fail(CertificateCodes.ImageTooLarge, $"The image is {image.Length / (1024.0 * 1024.0):0.0} MB; at most 10 MB is read.");
        }

        if (!image.StartsWith(PngSignature) && !image.StartsWith(JpegSignature))
        {
            return Fail(CertificateCodes.ImageTypeUnsupported, "Only PNG and JPEG images are read (judged by the file's content, not its name).");
        }

        using var data = SKData.CreateCopy(image);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return Unreadable();
        }

        var pixels = (long)codec.Info.Width * codec.Info.Height;
        var limit = image.StartsWith(JpegSignature) ? MaxPixels : MaxPngPixels;
        if (pixels > limit)
        {
            return Fail(CertificateCodes.ImageTooLarge, $"The image is {codec.Info.Width} × {codec.Info.Height} pixels; at most {limit / 1_000_000} megapixels are read.");
        }

        Decoding.Wait();
        try
        {
            return ReadDecoded(codec, pixels);
        }
        finally
        {
            Decoding.Release();
        }
    }

    private static Outcome<string> ReadDecoded(SKCodec codec, long pixels)
    {
        using var decoded = Decode(codec, pixels);
        if (decoded is null)
        {
            return Unreadable();
        }

        using var picture = SKImage.FromBitmap(decoded);
        foreach (var (width, height) in Sizes(picture.Width, picture.Height))
        {
            if (Scan(picture, width, height) is { } text)
            {
                return Outcome<string>.Success(text);
            }
        }

        return Fail(CertificateCodes.QrNotFound, "No QR code could be read in the image. Photograph the code straight on, in focus, filling a good part of the picture.");
    }

    /// <summary>Decodes every pixel, or null when the file is damaged or cut short.</summary>
    private static SKBitmap? Decode(SKCodec codec, long pixels)
    {
        var size = codec.Info.Size;
        if (pixels > ComfortablePixels)
        {
            // JPEG decodes at 1/2, 1/4 … directly; other formats answer their full size.
            size = codec.GetScaledDimensions((float)Math.Sqrt((double)ComfortablePixels / pixels));
        }

        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Bgra8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        if (codec.GetPixels(info, bitmap.GetPixels()) != SKCodecResult.Success)
        {
            bitmap.Dispose();
            return null;
        }

        return bitmap;
    }

    /// <summary>The full size first (small codes in big photos need every pixel), then smaller copies (noise and blur average out).</summary>
    private static IEnumerable<(int Width, int Height)> Sizes(int width, int height)
    {
        yield return (width, height);
        var longest = Math.Max(width, height);
        foreach (var side in DownscaledSides.Where(s => s < longest))
        {
            yield return (Math.Max(1, width * side / longest), Math.Max(1, height * side / longest));
        }

        if (longest <= 2000)
        {
            yield return (width * 2, height * 2);
        }
    }

    private static string? Scan(SKImage picture, int width, int height)
    {
        // Drawn onto white: a QR saved with a transparent background must not read as black on black.
        var info = new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Premul);
        using var canvasBitmap = new SKBitmap(info);
        using (var canvas = new SKCanvas(canvasBitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawImage(picture, new SKRect(0, 0, width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }

        var source = new RGBLuminanceSource(canvasBitmap.GetPixelSpan().ToArray(), width, height, RGBLuminanceSource.BitmapFormat.BGRA32);
        return Readers.Select(reader => reader.Decode(source)?.Text).FirstOrDefault(text => text is not null);
    }

    /// <summary>
    /// ZXing's detector misses about one clean, upright code in thirty (finder patterns confused by the
    /// data modules); reading it turned, or as a pure code without background, finds those. The plain
    /// read comes first: it is the cheapest and reads photos.
    /// </summary>
    private static IEnumerable<BarcodeReaderGeneric> Readers
    {
        get
        {
            yield return Reader(autoRotate: false, pure: false);
            yield return Reader(autoRotate: true, pure: false);
            yield return Reader(autoRotate: false, pure: true);
        }
    }

    private static BarcodeReaderGeneric Reader(bool autoRotate, bool pure) => new()
    {
        AutoRotate = autoRotate,
        Options = new DecodingOptions { TryHarder = true, TryInverted = true, PureBarcode = pure, PossibleFormats = [BarcodeFormat.QR_CODE] },
    };

    private static Outcome<string> Unreadable() =>
        Fail(CertificateCodes.ImageUnreadable, "The file is not a readable PNG or JPEG image: it is damaged or cut short.");

    private static Outcome<string> Fail(string code, string message) => Outcome<string>.Invalid(new Violation(code, message, "image"));
}
