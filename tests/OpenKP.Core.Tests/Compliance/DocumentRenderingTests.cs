using DocumentFormat.OpenXml.Packaging;
using OpenKP.Compliance.Documents;

namespace OpenKP.Core.Tests.Compliance;

/// <summary>One report, three renderings that say the same thing.</summary>
public sealed class DocumentRenderingTests
{
    private static ComplianceDocument Sample(int paragraphs = 1) => new DocumentBuilder("Report <of> the Chair", "2025", "en")
        .Heading("Participation")
        .Paragraph(string.Join("\n\n", Enumerable.Range(1, paragraphs).Select(i => $"Paragraph {i}: the scheme counted 59 participants representing 85 countries.")))
        .Bullets(["Visit to Botswana", "Mission to Guinea"])
        .Table(["Participant", "Carats"], [["Botswana", "17,912,000.00"], ["Canada", "16,000,000.00"]], 1)
        .Build();

    [Fact]
    public void Word_holds_every_heading_paragraph_bullet_and_cell_in_order()
    {
        using var stream = new MemoryStream(DocumentDocx.Render(Sample()));
        using var word = WordprocessingDocument.Open(stream, false);
        var text = word.MainDocumentPart!.Document.Body!.InnerText;
        var expected = new[] { "Report <of> the Chair", "Participation", "Paragraph 1:", "• Visit to Botswana", "Botswana", "17,912,000.00" };
        var positions = expected.Select(e => text.IndexOf(e, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Html_escapes_text_and_marks_number_columns()
    {
        var html = DocumentHtml.Render(Sample());
        Assert.Contains("<h1>Report &lt;of&gt; the Chair</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"n\">17,912,000.00</td>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        var french = DocumentHtml.Render(new DocumentBuilder("Rapport de la présidence", null, "fr").Paragraph("Les « participants » & l'Union").Build());
        Assert.Contains("<p>Les « participants » &amp; l&#39;Union</p>", french, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_flows_long_text_onto_more_pages()
    {
        var shortPdf = DocumentPdf.Render(Sample());
        var longPdf = DocumentPdf.Render(Sample(paragraphs: 200));
        Assert.Equal("%PDF"u8.ToArray(), shortPdf[..4]);
        Assert.Equal(1, Pages(shortPdf));
        Assert.True(Pages(longPdf) > 3, $"{Pages(longPdf)} pages");
    }

    private static int Pages(byte[] pdf)
    {
        using var doc = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        return doc.PageCount;
    }
}
