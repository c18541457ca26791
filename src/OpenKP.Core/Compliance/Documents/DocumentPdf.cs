using System.Globalization;
using OpenKP.Certificates;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace OpenKP.Compliance.Documents;

/// <summary>
/// Renders a <see cref="ComplianceDocument"/> as an A4 PDF with PDFsharp: text wrapped word by word, tables with
/// wrapped cells and a header row repeated on each page, a page number in the footer. Fonts are DejaVu
/// (<see cref="CertificateFonts"/>), which cover Latin, Greek and Cyrillic but not Chinese: a Chinese report is
/// offered as HTML and Word.
/// </summary>
public static class DocumentPdf
{
    private const double Mm = 72 / 25.4;
    private static readonly XColor Navy = XColor.FromArgb(0x1F, 0x2A, 0x44);

    public static byte[] Render(ComplianceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        CertificateFonts.Register();
        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        pdf.Info.Subject = document.Subtitle ?? document.Title;
        var writer = new Writer(pdf, document.Title);
        writer.Text(document.Title, writer.TitleFont, Navy, after: 4 * Mm);
        if (document.Subtitle is { Length: > 0 } subtitle)
        {
            writer.Text(subtitle, writer.Small, XColors.DimGray, after: 6 * Mm);
        }

        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case DocumentHeading h:
                    writer.KeepSpace(20 * Mm);
                    writer.Space(h.Level <= 1 ? 4 * Mm : 2 * Mm);
                    writer.Text(h.Text, h.Level <= 1 ? writer.H1 : writer.H2, Navy, after: 2 * Mm);
                    break;
                case DocumentParagraph p:
                    writer.Text(p.Text, writer.Body, XColors.Black, after: 2.5 * Mm);
                    break;
                case DocumentBullets b:
                    foreach (var item in b.Items)
                    {
                        writer.Text(item, writer.Body, XColors.Black, after: 1 * Mm, indent: 5 * Mm, bullet: true);
                    }

                    writer.Space(1.5 * Mm);
                    break;
                case DocumentTable t:
                    writer.Table(t);
                    writer.Space(3 * Mm);
                    break;
            }
        }

        writer.Finish();
        using var stream = new MemoryStream();
        pdf.Save(stream);
        return stream.ToArray();
    }

    private sealed class Writer
    {
        private readonly PdfDocument pdf;
        private readonly string title;
        private readonly double left = 20 * Mm;
        private readonly double width;
        private readonly double bottom;
        private XGraphics? gfx;
        private double y;

        public Writer(PdfDocument pdf, string title)
        {
            this.pdf = pdf;
            this.title = title;
            width = (210 - 40) * Mm;
            bottom = (297 - 20) * Mm;
            NewPage();
        }

        public XFont TitleFont { get; } = new(CertificateFonts.Sans, 18, XFontStyleEx.Bold);
        public XFont H1 { get; } = new(CertificateFonts.Sans, 13, XFontStyleEx.Bold);
        public XFont H2 { get; } = new(CertificateFonts.Sans, 11, XFontStyleEx.Bold);
        public XFont Body { get; } = new(CertificateFonts.Sans, 9.5, XFontStyleEx.Regular);
        public XFont Bold { get; } = new(CertificateFonts.Sans, 8.5, XFontStyleEx.Bold);
        public XFont Cell { get; } = new(CertificateFonts.Sans, 8.5, XFontStyleEx.Regular);
        public XFont Small { get; } = new(CertificateFonts.Sans, 8, XFontStyleEx.Regular);

        private XGraphics G => gfx!;

        public void Space(double points) => y += points;

        public void KeepSpace(double points)
        {
            if (y + points > bottom)
            {
                NewPage();
            }
        }

        public void Text(string text, XFont font, XColor colour, double after, double indent = 0, bool bullet = false)
        {
            var lineHeight = font.Size * 1.35;
            var brush = new XSolidBrush(colour);
            var first = true;
            foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                foreach (var line in Wrap(paragraph, font, width - indent))
                {
                    KeepSpace(lineHeight);
                    if (bullet && first)
                    {
                        G.DrawString("•", font, brush, left + indent - (3.5 * Mm), y + font.Size);
                    }

                    G.DrawString(line, font, brush, left + indent, y + font.Size);
                    y += lineHeight;
                    first = false;
                }
            }

            y += after;
        }

        public void Table(DocumentTable table)
        {
            var columns = table.Header.Count;
            var widths = ColumnWidths(table);
            var padding = 1.5 * Mm;
            void DrawRow(IReadOnlyList<string> cells, bool header)
            {
                var font = header ? Bold : Cell;
                var lineHeight = font.Size * 1.3;
                var wrapped = Enumerable.Range(0, columns).Select(i => Wrap(i < cells.Count ? cells[i] : "", font, widths[i] - (2 * padding))).ToList();
                var height = (wrapped.Max(w => Math.Max(1, w.Count)) * lineHeight) + (2 * padding);
                if (y + height > bottom)
                {
                    NewPage();
                    if (!header)
                    {
                        DrawRow(table.Header, header: true);
                    }
                }

                var x = left;
                for (var i = 0; i < columns; i++)
                {
                    if (header)
                    {
                        G.DrawRectangle(new XSolidBrush(XColor.FromArgb(0xEE, 0xEE, 0xFF)), x, y, widths[i], height);
                    }

                    G.DrawRectangle(new XPen(XColors.LightSlateGray, 0.5), x, y, widths[i], height);
                    var lineY = y + padding;
                    foreach (var line in wrapped[i])
                    {
                        var numeric = !header && table.NumericColumns?.Contains(i) == true;
                        var textX = numeric ? x + widths[i] - padding - G.MeasureString(line, font).Width : x + padding;
                        G.DrawString(line, font, XBrushes.Black, textX, lineY + font.Size);
                        lineY += lineHeight;
                    }

                    x += widths[i];
                }

                y += height;
            }

            KeepSpace(20 * Mm);
            DrawRow(table.Header, header: true);
            foreach (var row in table.Rows)
            {
                DrawRow(row, header: false);
            }
        }

        /// <summary>Widths in proportion to each column's longest cell, each at least 8 % of the line.</summary>
        private double[] ColumnWidths(DocumentTable table)
        {
            var columns = table.Header.Count;
            var longest = new double[columns];
            foreach (var row in table.Rows.Prepend(table.Header))
            {
                for (var i = 0; i < columns && i < row.Count; i++)
                {
                    longest[i] = Math.Max(longest[i], Math.Min(60, row[i].Length));
                }
            }

            var weights = longest.Select(l => Math.Max(l, 4)).ToArray();
            var sum = weights.Sum();
            var widths = weights.Select(w => Math.Max(width * 0.08, width * w / sum)).ToArray();
            var scale = width / widths.Sum();
            return widths.Select(w => w * scale).ToArray();
        }

        private List<string> Wrap(string text, XFont font, double max)
        {
            var lines = new List<string>();
            var current = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (G.MeasureString(candidate, font).Width <= max)
                {
                    current = candidate;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current);
                }

                // A word longer than the line is cut where it must be.
                current = word;
                while (current.Length > 1 && G.MeasureString(current, font).Width > max)
                {
                    var cut = current.Length - 1;
                    while (cut > 1 && G.MeasureString(current[..cut], font).Width > max)
                    {
                        cut--;
                    }

                    lines.Add(current[..cut]);
                    current = current[cut..];
                }
            }

            if (current.Length > 0 || lines.Count == 0)
            {
                lines.Add(current);
            }

            return lines;
        }

        private void NewPage()
        {
            gfx?.Dispose();
            var page = pdf.AddPage();
            page.Width = XUnit.FromMillimeter(210);
            page.Height = XUnit.FromMillimeter(297);
            gfx = XGraphics.FromPdfPage(page);
            y = 20 * Mm;
        }

        public void Finish()
        {
            gfx?.Dispose();
            gfx = null;
            var count = pdf.PageCount;
            for (var i = 0; i < count; i++)
            {
                using var g = XGraphics.FromPdfPage(pdf.Pages[i]);
                var footer = string.Create(CultureInfo.InvariantCulture, $"{title} — {i + 1} / {count}");
                g.DrawString(footer, Small, XBrushes.DimGray, left, (297 - 10) * Mm);
            }
        }
    }
}
