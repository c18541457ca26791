namespace OpenKP.Compliance.Documents;

/// <summary>
/// A report as structured content — headings, paragraphs, bullet lists and tables — written once and rendered
/// as PDF (<see cref="DocumentPdf"/>), Word (<see cref="DocumentDocx"/>) and HTML (<see cref="DocumentHtml"/>),
/// so the three downloads of an annual report or the Chair's report say exactly the same thing.
/// </summary>
public sealed record ComplianceDocument(string Title, string? Subtitle, string Language, IReadOnlyList<DocumentBlock> Blocks);

/// <summary>One block of a <see cref="ComplianceDocument"/>.</summary>
public abstract record DocumentBlock;

/// <summary>A heading; <see cref="Level"/> 1 (section) or 2 (sub-section).</summary>
public sealed record DocumentHeading(int Level, string Text) : DocumentBlock;

/// <summary>A paragraph of plain text; blank lines inside it start new paragraphs.</summary>
public sealed record DocumentParagraph(string Text) : DocumentBlock;

public sealed record DocumentBullets(IReadOnlyList<string> Items) : DocumentBlock;

/// <summary>A table with a header row; <see cref="NumericColumns"/> are right-aligned (0-based indexes).</summary>
public sealed record DocumentTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlySet<int>? NumericColumns = null) : DocumentBlock;

/// <summary>Builds a <see cref="ComplianceDocument"/> block by block.</summary>
public sealed class DocumentBuilder(string title, string? subtitle, string language)
{
    private readonly List<DocumentBlock> blocks = [];

    public DocumentBuilder Heading(string text, int level = 1)
    {
        blocks.Add(new DocumentHeading(level, text));
        return this;
    }

    /// <summary>Adds the text as paragraphs (split on blank lines); nothing for null or blank text.</summary>
    public DocumentBuilder Paragraph(string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            foreach (var part in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                blocks.Add(new DocumentParagraph(part));
            }
        }

        return this;
    }

    public DocumentBuilder Bullets(IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count > 0)
        {
            blocks.Add(new DocumentBullets(list));
        }

        return this;
    }

    public DocumentBuilder Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, params int[] numericColumns)
    {
        blocks.Add(new DocumentTable(header, rows.ToList(), numericColumns.ToHashSet()));
        return this;
    }

    public ComplianceDocument Build() => new(title, subtitle, language, blocks.ToList());
}
