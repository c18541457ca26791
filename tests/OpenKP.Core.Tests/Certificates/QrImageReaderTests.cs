using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using OpenKP.Certificates;
using OpenKP.Shared;
using SkiaSharp;

namespace OpenKP.Core.Tests.Certificates;

/// <summary>Reading the QR in an uploaded photo or scan: every image the portal may receive, and every refusal.</summary>
public sealed class QrImageReaderTests
{
    private static readonly string Qr = Certificates.Print().QrText;

    private static string? Code(Outcome<string> outcome) => outcome.Violations.SingleOrDefault()?.Code;

    [Fact]
    public void The_PNG_of_a_signed_QR_reads_back_to_the_exact_text()
    {
        var read = QrImageReader.Read(QrImages.Png(Qr));

        Assert.True(read.Succeeded, Code(read));
        Assert.Equal(Qr, read.Value);
    }

    [Fact]
    public void Every_one_of_many_freshly_signed_codes_reads_back_from_its_PNG()
    {
        // Each signature changes the modules; about one clean code in thirty once defeated ZXing's plain read.
        var misses = Enumerable.Range(0, 120).Select(_ =>
        {
            using var key = Certificates.NewKey();
            var qr = CertificateQr.Sign(Certificates.Typical(), key);
            return QrImageReader.Read(QrImages.Png(qr)).Value == qr ? null : qr;
        }).Where(qr => qr is not null).ToList();

        Assert.Empty(misses);
    }

    [Theory]
    [InlineData(0.6, 0)]
    [InlineData(0.8, 5)]
    [InlineData(1.0, 6)]
    [InlineData(1.7, -9)]
    [InlineData(3.0, 3)]
    public void A_JPEG_photo_of_the_code_scaled_and_turned_reads_back_to_the_exact_text(double scale, float degrees)
    {
        // From 2.4 to 12 pixels per module in a 1600 × 1200 photo.
        var jpeg = Photo(QrImages.Png(Qr, pixelsPerModule: 4), scale, degrees, 1600, 1200, quality: 75);

        Assert.Equal([0xFF, 0xD8, 0xFF], jpeg[..3]);
        var read = QrImageReader.Read(jpeg);
        Assert.True(read.Succeeded, Code(read));
        Assert.Equal(Qr, read.Value);
    }

    [Fact]
    public void A_big_phone_photo_reads_back_to_the_exact_text()
    {
        // 20 megapixels: decoded at a reduced size, as the reader does for anything above 12.
        var jpeg = Photo(QrImages.Png(Qr), 2.5, 4, 5472, 3648, quality: 85);

        var read = QrImageReader.Read(jpeg);
        Assert.True(read.Succeeded, Code(read));
        Assert.Equal(Qr, read.Value);
    }

    [Fact]
    public void A_code_on_a_transparent_background_reads_back()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(900, 900, SKColorType.Bgra8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            var modules = QrImages.Modules(Qr);
            using var paint = new SKPaint { Color = SKColors.Black };
            for (var row = 0; row < modules.GetLength(0); row++)
            {
                for (var column = 0; column < modules.GetLength(1); column++)
                {
                    if (modules[row, column])
                    {
                        canvas.DrawRect(column * 9, row * 9, 9, 9, paint);
                    }
                }
            }
        }

        var read = QrImageReader.Read(Encode(bitmap, SKEncodedImageFormat.Png, 100));
        Assert.Equal(Qr, read.Value);
    }

    [Theory]
    [InlineData("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;")]
    [InlineData("KP1:NCFOXN%TSMAHN-HIZS-0SRUJON27")]
    [InlineData("")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]
    public void Anything_but_PNG_or_JPEG_is_refused_by_its_content(string content)
    {
        var read = QrImageReader.Read(Encoding.Latin1.GetBytes(content));

        Assert.False(read.Succeeded);
        Assert.Equal(CertificateCodes.ImageTypeUnsupported, Code(read));
        Assert.Equal("image", read.Violations.Single().Field);
    }

    [Fact]
    public void A_truncated_PNG_is_unreadable()
    {
        var png = QrImages.Png(Qr);

        Assert.Equal(CertificateCodes.ImageUnreadable, Code(QrImageReader.Read(png[..(png.Length * 2 / 3)])));
        Assert.Equal(CertificateCodes.ImageUnreadable, Code(QrImageReader.Read(png[..40])));
    }

    [Fact]
    public void A_PNG_signature_followed_by_rubbish_is_unreadable()
    {
        byte[] rubbish = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.ASCII.GetBytes(new string('x', 500))];

        Assert.Equal(CertificateCodes.ImageUnreadable, Code(QrImageReader.Read(rubbish)));
    }

    [Fact]
    public void A_picture_without_a_QR_code_is_reported_as_such()
    {
        using var bitmap = new SKBitmap(640, 480);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Beige);
            using var paint = new SKPaint { Color = SKColors.DarkSlateBlue };
            canvas.DrawCircle(320, 240, 150, paint);
        }

        var read = QrImageReader.Read(Encode(bitmap, SKEncodedImageFormat.Png, 100));

        Assert.Equal(CertificateCodes.QrNotFound, Code(read));
    }

    [Fact]
    public void A_file_over_10_MB_is_refused_before_it_is_decoded()
    {
        var big = new byte[QrImageReader.MaxBytes + 1];
        QrImages.Png(Qr).CopyTo(big, 0);

        Assert.Equal(CertificateCodes.ImageTooLarge, Code(QrImageReader.Read(big)));
    }

    [Fact]
    public void A_small_file_declaring_a_gigantic_picture_is_refused_before_it_is_decoded()
    {
        Assert.Equal(CertificateCodes.ImageTooLarge, Code(QrImageReader.Read(PngDeclaring(40_000, 40_000))));
    }

    /// <summary>The code on a grey desk in a <paramref name="width"/> × <paramref name="height"/> picture, scaled and turned, as JPEG.</summary>
    private static byte[] Photo(byte[] png, double scale, float degrees, int width, int height, int quality)
    {
        using var code = SKImage.FromEncodedData(png);
        using var photo = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(photo))
        {
            canvas.Clear(new SKColor(0x8A, 0x86, 0x80));
            var side = (float)(code.Width * scale);
            canvas.Translate(width / 2f, height / 2f);
            canvas.RotateDegrees(degrees);
            canvas.DrawImage(code, SKRect.Create(-side / 2, -side / 2, side, side), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }

        return Encode(photo, SKEncodedImageFormat.Jpeg, quality);
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    /// <summary>A valid PNG header for a picture of the given size, with one tiny data chunk: a decompression bomb's first bytes.</summary>
    private static byte[] PngDeclaring(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale
        Chunk(png, "IHDR", header);
        using var zlib = new MemoryStream();
        using (var z = new ZLibStream(zlib, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            z.Write(new byte[width + 1]);
        }

        Chunk(png, "IDAT", zlib.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(length, Crc32(typed));
        png.Write(length);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
