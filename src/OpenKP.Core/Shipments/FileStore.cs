using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Shared;
using PdfSharp.Pdf.IO;
using SkiaSharp;

namespace OpenKP.Shipments;

/// <summary>A file as stored: its hash names it, its type comes from its content, never from its name.</summary>
public sealed record StoredFileInfo(string Sha256, string ContentType, long Size);

/// <summary>
/// Keeps uploaded files (invoices, valuation reports, case evidence) under the data directory by
/// SHA-256 of their content (<c>files/ab/abcd…</c>), so a file attached twice is stored once. Only
/// PDF, PNG and JPEG up to <see cref="MaxBytes"/> are kept, and the type is decided by reading the
/// file: its magic bytes, then a parse (a PDF must open, an image must decode its header).
/// </summary>
public sealed class FileStore(OpenKpDb db, TimeProvider clock, string directory)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";

    /// <summary>Reads at most <see cref="MaxBytes"/> + 1 bytes, checks them, and stores them (the row is saved with the caller's change).</summary>
    public async Task<Outcome<StoredFileInfo>> StoreAsync(Stream content, string field, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await CopyAtMostAsync(content, buffer, MaxBytes + 1, ct);
        if (buffer.Length > MaxBytes)
        {
            return Outcome<StoredFileInfo>.Invalid(new Violation(ShipmentCodes.AttachmentTooLarge, $"Files are at most {MaxBytes / (1024 * 1024)} MB.", field));
        }

        var bytes = buffer.ToArray();
        var type = Identify(bytes);
        if (type is null)
        {
            return Outcome<StoredFileInfo>.Invalid(new Violation(ShipmentCodes.AttachmentTypeNotAllowed,
                "Attach a PDF, PNG or JPEG file: this file's content is none of these (or it is damaged).", field));
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var path = PathOf(hash);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Written under a temporary name and moved, so a crash never leaves a half file under the hash.
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(temporary, bytes, ct);
            File.Move(temporary, path, overwrite: true);
        }

        // Idempotent, so the same new file uploaded twice at once is recorded once (no unique violation):
        // the row names bytes already on disk, and stays right whether or not the caller's change commits.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO stored_files ("Sha256", "ContentType", "Size", "StoredAt") VALUES ({hash}, {type}, {(long)bytes.Length}, {clock.GetUtcNow().UtcDateTime}) ON CONFLICT ("Sha256") DO NOTHING""", ct);

        return Outcome<StoredFileInfo>.Success(new StoredFileInfo(hash, type, bytes.Length));
    }

    /// <summary>The stored file's bytes, or null when it is not in the store.</summary>
    public Stream? Open(string sha256)
    {
        var path = PathOf(sha256);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    /// <summary>The content type by content: PDF, PNG or JPEG that also parses; null for anything else.</summary>
    public static string? Identify(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith("%PDF-"u8))
        {
            try
            {
                using var stream = new MemoryStream(bytes, writable: false);
                using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
                return document.PageCount > 0 ? Pdf : null;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Untrusted bytes in a third-party parser: whatever it throws, the file is not a PDF we accept.
                return null;
            }
        }

        ReadOnlySpan<byte> png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        ReadOnlySpan<byte> jpeg = [0xFF, 0xD8, 0xFF];
        var claimed = bytes.AsSpan().StartsWith(png) ? Png : bytes.AsSpan().StartsWith(jpeg) ? Jpeg : null;
        if (claimed is null)
        {
            return null;
        }

        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        var format = claimed == Png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg;
        return codec is not null && codec.EncodedFormat == format && codec.Info.Width > 0 && codec.Info.Height > 0 ? claimed : null;
    }

    private string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("A stored file is named by its lowercase SHA-256.", nameof(sha256));
        }

        return Path.Combine(directory, sha256[..2], sha256);
    }

    private static async Task CopyAtMostAsync(Stream from, Stream to, long limit, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while (total < limit && (read = await from.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - total)), ct)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read), ct);
            total += read;
        }
    }
}
