using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OpenKP.Web.Tests.Portal;

/// <summary>Every text the pages ask for exists in English; French has every English text; Chinese has no text English lacks.</summary>
public sealed partial class ResourceTests
{
    private static readonly string Web = Path.Combine(FindRepository(), "src", "OpenKP.Web");

    private static HashSet<string> Keys(string culture)
    {
        var file = Path.Combine(Web, "Resources", culture.Length == 0 ? "SharedResource.resx" : $"SharedResource.{culture}.resx");
        return [.. XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)];
    }

    [Fact]
    public void French_has_every_english_text_and_no_other()
    {
        var en = Keys("");
        var fr = Keys("fr");
        Assert.Empty(en.Except(fr).Order());
        Assert.Empty(fr.Except(en).Order());
    }

    [Theory]
    [InlineData("")]
    [InlineData("fr")]
    [InlineData("zh")]
    public void No_text_is_named_twice(string culture)
    {
        // The resource compiler keeps the first of two texts with one name and only warns: the second would never show.
        var file = Path.Combine(Web, "Resources", culture.Length == 0 ? "SharedResource.resx" : $"SharedResource.{culture}.resx");
        var names = XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!);
        Assert.Empty(names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void Chinese_has_no_text_that_english_lacks()
        => Assert.Empty(Keys("zh").Except(Keys("")).Order());

    [Fact]
    public void Every_text_a_page_names_exists_in_english()
    {
        var en = Keys("");
        var missing = Directory.EnumerateFiles(Path.Combine(Web, "Pages"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => LiteralKey().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Key: m.Groups[1].Value)))
            .Where(x => !en.Contains(x.Key))
            .Select(x => $"{x.File}: {x.Key}")
            .Distinct()
            .ToList();
        Assert.Empty(missing);
    }

    private static string FindRepository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpenKP.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("OpenKP.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary><c>L["Key"]</c> and <c>L["Key", …]</c>: keys written out in full (computed keys are not checked here).</summary>
    [GeneratedRegex("""\bL\["([^"]+)"[,\]]""")]
    private static partial Regex LiteralKey();
}
