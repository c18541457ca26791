using PdfSharp.Fonts;

namespace OpenKP.Certificates;

/// <summary>
/// Gives PDFsharp the DejaVu fonts (Debian's fonts-dejavu-core): DejaVu Sans regular and bold are
/// required, and shipped in this assembly for machines that have none installed; oblique and DejaVu
/// Sans Mono are used when present (otherwise simulated or replaced by DejaVu Sans). PDFsharp has no fonts of its own on Linux and takes one resolver per process, set
/// before its first font operation: <see cref="Register"/> does that once, from any thread.
/// </summary>
internal sealed class CertificateFonts : IFontResolver
{
    public const string Sans = "DejaVu Sans";
    public const string Mono = "DejaVu Sans Mono";

    private const string Regular = "DejaVuSans.ttf";
    private const string Bold = "DejaVuSans-Bold.ttf";
    private const string Oblique = "DejaVuSans-Oblique.ttf";
    private const string BoldOblique = "DejaVuSans-BoldOblique.ttf";
    private const string MonoRegular = "DejaVuSansMono.ttf";
    private const string MonoBold = "DejaVuSansMono-Bold.ttf";

    /// <summary>Where Debian, Fedora, Arch, Alpine, macOS (Homebrew) and per-user installs put DejaVu.</summary>
    private static readonly string[] Directories =
    [
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/dejavu",
        "/usr/share/fonts/dejavu-sans-fonts",
        "/usr/share/fonts/dejavu-sans-mono-fonts",
        "/usr/share/fonts/TTF",
        "/usr/share/fonts/truetype",
        "/usr/local/share/fonts",
        "/opt/homebrew/share/fonts",
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "fonts"),
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fonts"),
        Environment.GetFolderPath(Environment.SpecialFolder.Fonts),
    ];

    private static readonly Lock Gate = new();
    private static CertificateFonts? registered;

    private readonly Dictionary<string, byte[]> faces;

    private CertificateFonts(Dictionary<string, byte[]> faces) => this.faces = faces;

    /// <summary>
    /// Installs the resolver as PDFsharp's font resolver unless one is installed already (a host that
    /// installs its own must resolve "DejaVu Sans"). Throws <see cref="FileNotFoundException"/>, saying
    /// where it looked, when DejaVu Sans is not installed.
    /// </summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (registered is not null || GlobalFontSettings.FontResolver is not null)
            {
                return;
            }

            registered = Load();
            GlobalFontSettings.FontResolver = registered;
        }
    }

    private static CertificateFonts Load()
    {
        var faces = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in new[] { Regular, Bold, Oblique, BoldOblique, MonoRegular, MonoBold })
        {
            if (Find(file) is { } path)
            {
                faces[file] = File.ReadAllBytes(path);
            }
        }

        // A machine without DejaVu (a fresh one with only the .NET SDK) prints with the copies shipped in this assembly.
        foreach (var file in new[] { Regular, Bold }.Where(f => !faces.ContainsKey(f)))
        {
            using var stream = typeof(CertificateFonts).Assembly.GetManifestResourceStream("OpenKP.Certificates.Fonts." + file);
            if (stream is not null)
            {
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                faces[file] = copy.ToArray();
            }
        }

        var missing = new[] { Regular, Bold }.Where(f => !faces.ContainsKey(f)).ToList();
        if (missing.Count > 0)
        {
            throw new FileNotFoundException(
                $"Printing certificates needs the DejaVu Sans fonts ({string.Join(", ", missing)}), which were not found in " +
                $"{string.Join(", ", Directories.Where(d => d.Length > 0))} or below /usr/share/fonts. " +
                "Install them (Debian/Ubuntu: apt-get install fonts-dejavu-core).",
                missing[0]);
        }

        return new CertificateFonts(faces);
    }

    private static string? Find(string file)
    {
        foreach (var directory in Directories.Where(d => d.Length > 0))
        {
            var path = Path.Combine(directory, file);
            if (File.Exists(path))
            {
                return path;
            }
        }

        if (!System.IO.Directory.Exists("/usr/share/fonts"))
        {
            return null;
        }

        try
        {
            return System.IO.Directory.EnumerateFiles("/usr/share/fonts", file, SearchOption.AllDirectories).FirstOrDefault();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return null;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic)
    {
        if (string.Equals(familyName, Mono, StringComparison.OrdinalIgnoreCase) && faces.ContainsKey(MonoRegular))
        {
            var monoBold = isBold && faces.ContainsKey(MonoBold);
            return new FontResolverInfo(monoBold ? MonoBold : MonoRegular, isBold && !monoBold, isItalic);
        }

        // Every other family is drawn in DejaVu Sans: the certificate names no other.
        var wanted = (isBold, isItalic) switch
        {
            (true, true) => BoldOblique,
            (true, false) => Bold,
            (false, true) => Oblique,
            _ => Regular,
        };
        if (faces.ContainsKey(wanted))
        {
            return new FontResolverInfo(wanted);
        }

        var face = isBold ? Bold : Regular;
        return new FontResolverInfo(face, false, isItalic);
    }

    public byte[]? GetFont(string faceName) => faces.GetValueOrDefault(faceName);
}
