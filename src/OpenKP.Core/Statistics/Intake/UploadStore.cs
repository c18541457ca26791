using System.Security.Cryptography;

namespace OpenKP.Statistics.Intake;

/// <summary>
/// Keeps the files of statistics uploads, by SHA-256 of their content, under the data directory
/// (<c>statistics-uploads/ab/abcd…</c>) so each revision can be downloaded back exactly as sent. Apart
/// from the shipments' <c>FileStore</c> because the accepted types differ (CSV and XLSX, checked by
/// <see cref="IntakeFile"/>, not PDF and images) and the revision row itself names the file
/// (<see cref="TradeSubmission.FileSha256"/>): no <c>stored_files</c> row is needed.
/// </summary>
public sealed class UploadStore(string directory)
{
    /// <summary>Writes the bytes (once: the name is their hash) and returns the hash, lowercase hex.</summary>
    public async Task<string> SaveAsync(byte[] bytes, CancellationToken ct)
    {
        var hash = Sha256(bytes);
        var path = PathOf(hash);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Written under a temporary name and moved, so a crash never leaves a half file under the hash.
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(temporary, bytes, ct);
            File.Move(temporary, path, overwrite: true);
        }

        return hash;
    }

    /// <summary>The file's bytes, or null when it is not in the store.</summary>
    public async Task<byte[]?> ReadAsync(string sha256, CancellationToken ct)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var path = PathOf(sha256);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private string PathOf(string sha256) => Path.Combine(directory, sha256[..2], sha256);
}
