using OpenKP.Certificates;
using OpenKP.Cli.Shared;
using OpenKP.Shared;

namespace OpenKP.Cli.Certificates;

/// <summary>The saved trust files, opened and checked against the saved hub key: what an offline verifier trusts.</summary>
internal sealed record OpenedTrustFiles(byte[] HubKey, TrustList TrustList, RevocationList Revocations)
{
    public string HubKeyId => KeyIds.Hex(KeyIds.Of(HubKey));

    public TrustAnchors Anchors() => TrustAnchors.From(TrustList, Revocations);
}

/// <summary>
/// Where <c>openkp trust-list download</c> saves the hub's signed lists and key, and <c>openkp verify</c>
/// reads them: the <c>trust</c> folder of the data directory, unless options name other files.
/// </summary>
internal static class TrustFiles
{
    public const string Folder = "trust";
    public const string TrustListFile = "trust-list.cose";
    public const string RevocationsFile = "revocations.cose";
    public const string HubKeyFile = "hub-key.pem";

    public static string DefaultFolder(string dataDirectory) => Path.Combine(dataDirectory, Folder);

    /// <summary>Reads the three files and opens both lists with the hub key; every problem at once, each naming its file.</summary>
    public static Answer<OpenedTrustFiles> Open(string hubKeyPath, string trustListPath, string revocationsPath)
    {
        var problems = new List<Violation>();
        var pem = Read(hubKeyPath, "--hub-key", problems);
        var trustBytes = Read(trustListPath, "--trust-list", problems);
        var revocationBytes = Read(revocationsPath, "--revocations", problems);
        if (problems.Count > 0)
        {
            return new Problem(problems);
        }

        var hubKey = HubKeys.ReadPem(System.Text.Encoding.UTF8.GetString(pem!));
        if (!hubKey.Succeeded)
        {
            return new Problem([.. Named(hubKey.Violations, hubKeyPath)]);
        }

        var trustList = TrustList.Open(trustBytes!, hubKey.Value!);
        var revocations = RevocationList.Open(revocationBytes!, hubKey.Value!);
        problems.AddRange(Named(trustList.Violations, trustListPath));
        problems.AddRange(Named(revocations.Violations, revocationsPath));
        return problems.Count > 0
            ? new Problem(problems)
            : Answer<OpenedTrustFiles>.Ok(new OpenedTrustFiles(hubKey.Value!, trustList.Value!, revocations.Value!));
    }

    /// <summary>A file's bytes, or null with <c>file-not-found</c> / <c>file-unreadable</c> added (the message names the path, whichever option gave it).</summary>
    public static byte[]? Read(string path, string option, List<Violation> problems)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            problems.Add(new(CliCodes.FileNotFound, $"{path} does not exist.{Hint(option)}"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new(CliCodes.FileUnreadable, $"{path} could not be read: {e.Message}"));
        }

        return null;
    }

    /// <summary>Writes every file beside its final name first, then moves each into place, so no reader ever sees half a file.</summary>
    public static Problem? WriteAll(string folder, IReadOnlyList<(string Name, byte[] Bytes)> files)
    {
        var temporary = new List<string>();
        try
        {
            Directory.CreateDirectory(folder);
            foreach (var (name, bytes) in files)
            {
                var path = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");
                temporary.Add(path);
                File.WriteAllBytes(path, bytes);
            }

            for (var i = 0; i < files.Count; i++)
            {
                File.Move(temporary[i], Path.Combine(folder, files[i].Name), overwrite: true);
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            foreach (var path in temporary.Where(File.Exists))
            {
                File.Delete(path);
            }

            return Problem.Of(CliCodes.FileUnwritable, $"Could not save the trust files in {folder}: {e.Message}", "--out");
        }
    }

    private static string Hint(string option) => option is "--hub-key" or "--trust-list" or "--revocations"
        ? " Download the lists first with: openkp trust-list download --server URL"
        : string.Empty;

    /// <summary>The problems of a file, each saying which file it is about.</summary>
    private static IEnumerable<Violation> Named(IReadOnlyList<Violation> violations, string path)
        => violations.Select(v => v with { Message = $"{path}: {v.Message}" });
}
