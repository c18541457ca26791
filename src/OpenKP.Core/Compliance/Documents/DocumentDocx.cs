using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace OpenKP.Compliance.Documents;

/// <summary>
/// Renders a <see cref="ComplianceDocument"/> as a Word document (Office Open XML, DocumentFormat.OpenXml) with the
/// built-in Title and Heading styles, so the secretariat can carry it into the UN's document template.
/// </summary>
public static class DocumentDocx
{
    public static byte[] Render(ComplianceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            word.PackageProperties.Title = document.Title;
            word.PackageProperties.Language = document.Language;
            var main = word.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            body.Append(Para(document.Title, "Title"));
            if (document.Subtitle is { Length: > 0 } subtitle)
            {
                body.Append(Para(subtitle, "Subtitle"));
            }

            foreach (var block in document.Blocks)
            {
                switch (block)
                {
                    case DocumentHeading h:
                        body.Append(Para(h.Text, h.Level <= 1 ? "Heading1" : "Heading2"));
                        break;
                    case DocumentParagraph p:
                        body.Append(Para(p.Text, null));
                        break;
                    case DocumentBullets b:
                        foreach (var item in b.Items)
                        {
                            body.Append(Para("• " + item, "ListParagraph"));
                        }

                        break;
                    case DocumentTable t:
                        body.Append(Table(t));
                        body.Append(new Paragraph());
                        break;
                }
            }

            body.Append(new SectionProperties(new PageSize { Width = 11906U, Height = 16838U }, new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Para(string text, string? style)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        var lines = text.Split('\n');
        var run = new Run();
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        paragraph.Append(run);
        return paragraph;
    }

    private static Table Table(DocumentTable t)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(Row(t.Header, header: true, null));
        foreach (var row in t.Rows)
        {
            table.Append(Row(row, header: false, t.NumericColumns));
        }

        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool header, IReadOnlySet<int>? numeric)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        for (var i = 0; i < cells.Count; i++)
        {
            var run = new Run(new Text(cells[i]) { Space = SpaceProcessingModeValues.Preserve });
            if (header)
            {
                run.PrependChild(new RunProperties(new Bold()));
            }

            var props = new ParagraphProperties();
            if (numeric?.Contains(i) == true)
            {
                props.Append(new Justification { Val = JustificationValues.Right });
            }

            row.Append(new TableCell(new Paragraph(props, run)));
        }

        return row;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri" }, new FontSize { Val = "22" }))),
            Style("Normal", "Normal", null, null, false),
            Style("Title", "Title", "48", "1F2A44", true),
            Style("Subtitle", "Subtitle", "24", "555555", false),
            Style("Heading1", "heading 1", "32", "1F2A44", true, outline: 0),
            Style("Heading2", "heading 2", "26", "1F2A44", true, outline: 1),
            Style("ListParagraph", "List Paragraph", null, null, false));
        styles.Styles.Save();
    }

    private static Style Style(string id, string name, string? size, string? colour, bool bold, int? outline = null)
    {
        var run = new StyleRunProperties();
        if (bold)
        {
            run.Append(new Bold());
        }

        if (colour is not null)
        {
            run.Append(new Color { Val = colour });
        }

        if (size is not null)
        {
            run.Append(new FontSize { Val = size });
        }

        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        style.Append(new StyleName { Val = name });
        if (id != "Normal")
        {
            style.Append(new BasedOn { Val = "Normal" });
        }

        var paragraph = new StyleParagraphProperties(new SpacingBetweenLines { After = "120" });
        if (outline is { } level)
        {
            paragraph.Append(new KeepNext());
            paragraph.Append(new OutlineLevel { Val = level });
        }

        style.Append(paragraph);
        style.Append(run);
        return style;
    }
}
