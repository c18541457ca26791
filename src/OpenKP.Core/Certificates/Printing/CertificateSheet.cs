using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace OpenKP.Certificates;

/// <summary>Lays out one certificate, top to bottom, onto as many A4 pages as it needs.</summary>
internal sealed class CertificateSheet : IDisposable
{
    private const double Mm = 72 / 25.4;
    private const double Margin = 16 * Mm;
    private const double Pad = 5;
    private const double GroupGap = 7;

    /// <summary>At full stretch, what each gap between groups and each row's top and bottom padding gain.</summary>
    private const double GapStretch = 12;
    private const double PadStretch = 3.5;

    private static readonly XColor Navy = XColor.FromArgb(0x1B, 0x36, 0x5D);
    private static readonly XColor Ink = XColor.FromArgb(0x1A, 0x1A, 0x1A);
    private static readonly XColor Muted = XColor.FromArgb(0x55, 0x60, 0x70);
    private static readonly XColor RuleColour = XColor.FromArgb(0xB4, 0xC0, 0xCE);
    private static readonly XColor Tint = XColor.FromArgb(0xEE, 0xF2, 0xF7);
    private static readonly XColor StampRed = XColor.FromArgb(125, 0xC6, 0x1B, 0x1B);

    private readonly XFont schemeFont = new(CertificateFonts.Sans, 7.5, XFontStyleEx.Bold);
    private readonly XFont titleFont = new(CertificateFonts.Sans, 19, XFontStyleEx.Bold);
    private readonly XFont subtitleFont = new(CertificateFonts.Sans, 12.5);
    private readonly XFont numberFont = new(CertificateFonts.Sans, 14, XFontStyleEx.Bold);
    private readonly XFont labelFont = new(CertificateFonts.Sans, 6.8, XFontStyleEx.Bold);
    private readonly XFont valueFont = new(CertificateFonts.Sans, 9.3);
    private readonly XFont strongFont = new(CertificateFonts.Sans, 9.3, XFontStyleEx.Bold);
    private readonly XFont smallFont = new(CertificateFonts.Sans, 7.3);
    private readonly XFont statementFont = new(CertificateFonts.Sans, 8.5, XFontStyleEx.Italic);
    private readonly XFont footerFont = new(CertificateFonts.Sans, 6.3);
    private readonly XFont monoFont = new(CertificateFonts.Mono, 6.5);

    private readonly CertificatePrint print;
    private readonly CertificateContent certificate;
    private readonly string? language;
    private readonly PdfDocument document = new();
    private readonly List<PdfPage> pages = [];
    private XGraphics gfx = null!;
    private double y;
    private double footerHeight;
    private XRect qrBounds;
    private int qrPage;
    private double pageTop;
    private readonly double gap;
    private readonly double rowPad;

    /// <param name="print">What to print.</param>
    /// <param name="stretch">0 for the compact layout; up to 1 to spread rows and groups apart (see <see cref="Slack"/>).</param>
    public CertificateSheet(CertificatePrint print, double stretch)
    {
        this.print = print;
        certificate = print.Certificate;
        language = print.SecondLanguage;
        gap = GroupGap + GapStretch * stretch;
        rowPad = Pad + PadStretch * stretch;
    }

    /// <summary>After <see cref="Write"/>: the free height (points) left above the signature box on the last page.</summary>
    public double Slack { get; private set; }

    /// <summary>After <see cref="Write"/>: how many points the layout grows at full stretch.</summary>
    public double Stretchable { get; private set; }

    private static double Left => Margin;

    public void Dispose() => document.Dispose();

    private double Right => pages[^1].Width.Point - Margin;

    private double Width => Right - Left;

    private double Bottom => pages[^1].Height.Point - Margin - footerHeight;

    public RenderedCertificate Write()
    {
        document.Info.Title = $"{CertificateContent.Title} {certificate.Number}";
        document.Info.Subject = $"{print.Named(certificate.IssuingParticipant)} → {print.Named(certificate.Importer.Participant)}";
        document.Info.Author = certificate.IssuingAuthority;
        document.Info.Creator = "OpenKP";

        NewPage();
        footerHeight = FooterLines().Count * footerFont.GetHeight() + 14;
        Header();
        Body();
        SignatureAndQr();
        gfx.Dispose();
        Finish();

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return new RenderedCertificate(stream.ToArray(), pages.Count, qrPage, qrBounds);
    }

    // ---- Page furniture -------------------------------------------------------------------------

    private void NewPage()
    {
        if (pages.Count > 0)
        {
            gfx.Dispose();
        }

        var page = document.AddPage();
        page.Size = PageSize.A4;
        pages.Add(page);
        gfx = XGraphics.FromPdfPage(page);
        Frame();
        y = Margin;
        if (pages.Count > 1)
        {
            ContinuationHeader();
        }

        pageTop = y;
    }

    /// <summary>A double rule around the page, as on security printing.</summary>
    private void Frame()
    {
        var page = pages[^1];
        var outer = 8 * Mm;
        var inner = outer + 1.6;
        gfx.DrawRectangle(new XPen(Navy, 1.3), outer, outer, page.Width.Point - 2 * outer, page.Height.Point - 2 * outer);
        gfx.DrawRectangle(new XPen(Navy, 0.4), inner, inner, page.Width.Point - 2 * inner, page.Height.Point - 2 * inner);
    }

    private void Header()
    {
        const double numberBoxWidth = 170;
        var top = y;
        Emblem(Left, top + 2, 30);
        var textLeft = Left + 40;
        var textWidth = Width - numberBoxWidth - 52;

        var ty = top;
        foreach (var line in Wrap(CertificateLabels.Scheme.En.ToUpperInvariant(), schemeFont, textWidth))
        {
            Text(line, schemeFont, Navy, textLeft, ty);
            ty += schemeFont.GetHeight();
        }

        if (language is not null)
        {
            foreach (var line in Wrap(CertificateLabels.Scheme.In(language).ToUpperInvariant(), schemeFont, textWidth))
            {
                Text(line, schemeFont, Muted, textLeft, ty);
                ty += schemeFont.GetHeight();
            }
        }

        ty += 3;
        var title = Fit(CertificateLabels.Title.En, titleFont, textWidth);
        Text(CertificateLabels.Title.En, title, Navy, textLeft, ty);
        ty += title.GetHeight();
        if (language is not null)
        {
            var subtitle = Fit(CertificateLabels.Title.In(language), subtitleFont, textWidth);
            Text(CertificateLabels.Title.In(language), subtitle, Navy, textLeft, ty);
            ty += subtitle.GetHeight();
        }

        // The number, boxed at the right: the first thing an officer looks for.
        var number = Fit(certificate.Number, numberFont, numberBoxWidth - 2 * Pad - 4);
        var numberLabel = Wrap(CertificateLabels.Number.Both(language), labelFont, numberBoxWidth - 2 * Pad - 4);
        var boxHeight = 2 * Pad + 2 + numberLabel.Count * labelFont.GetHeight() + 2 + number.GetHeight();
        var box = new XRect(Right - numberBoxWidth, top, numberBoxWidth, boxHeight);
        gfx.DrawRoundedRectangle(new XPen(Navy, 1), new XSolidBrush(Tint), box, new XSize(6, 6));
        var by = box.Top + Pad + 1;
        foreach (var line in numberLabel)
        {
            Text(line, labelFont, Muted, box.Left + Pad + 2, by);
            by += labelFont.GetHeight();
        }

        Text(certificate.Number, number, Navy, box.Left + Pad + 2, by + 2);

        y = Math.Max(ty, box.Bottom) + 6;
        gfx.DrawLine(new XPen(Navy, 1.6), Left, y, Right, y);
        gfx.DrawLine(new XPen(Navy, 0.5), Left, y + 2.6, Right, y + 2.6);
        y += 2.6 + GroupGap + 2;
    }

    /// <summary>A brilliant-cut diamond in outline: table, crown and pavilion facets.</summary>
    private void Emblem(double x, double top, double size)
    {
        var pen = new XPen(Navy, 0.9) { LineJoin = XLineJoin.Round };
        var w = size;
        var crown = top + w * 0.28;
        var tableL = x + w * 0.28;
        var tableR = x + w * 0.72;
        var tip = new XPoint(x + w / 2, top + w * 0.95);
        gfx.DrawPolygon(pen, new XSolidBrush(Tint), [new(tableL, top), new(tableR, top), new(x + w, crown), tip, new(x, crown)], XFillMode.Winding);
        gfx.DrawLine(pen, x, crown, x + w, crown);
        var thin = new XPen(Navy, 0.5);
        gfx.DrawLine(thin, tableL, top, x + w * 0.18, crown);
        gfx.DrawLine(thin, tableL, top, x + w / 2, crown);
        gfx.DrawLine(thin, tableR, top, x + w / 2, crown);
        gfx.DrawLine(thin, tableR, top, x + w * 0.82, crown);
        gfx.DrawLine(thin, x + w * 0.18, crown, tip.X, tip.Y);
        gfx.DrawLine(thin, x + w / 2, crown, tip.X, tip.Y);
        gfx.DrawLine(thin, x + w * 0.82, crown, tip.X, tip.Y);
    }

    private void ContinuationHeader()
    {
        var text = $"{CertificateLabels.Title.En} {certificate.Number} — {CertificateLabels.Continued.Both(language)}";
        Text(text, strongFont, Navy, Left, y);
        y += strongFont.GetHeight() + 4;
        gfx.DrawLine(new XPen(Navy, 0.8), Left, y, Right, y);
        y += GroupGap + 2;
    }

    private List<string> FooterLines()
    {
        var width = Width - 95;
        var lines = Wrap(CertificateLabels.Footer.En, footerFont, width);
        if (language is not null)
        {
            lines.AddRange(Wrap(CertificateLabels.Footer.In(language), footerFont, width));
        }

        return lines;
    }

    /// <summary>Footers ("page n of m" needs the count) and the status stamp, over everything else.</summary>
    private void Finish()
    {
        var footer = FooterLines();
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            gfx = g;
            var top = page.Height.Point - Margin - footerHeight + 12;
            g.DrawLine(new XPen(RuleColour, 0.6), Left, top - 3, Right, top - 3);
            var fy = top;
            foreach (var line in footer)
            {
                Text(line, footerFont, Muted, Left, fy);
                fy += footerFont.GetHeight();
            }

            var pageOf = $"{CertificateLabels.Page.En} {i + 1} {CertificateLabels.Of.En} {pages.Count}";
            if (language is not null)
            {
                pageOf += $" / {CertificateLabels.Page.In(language)} {i + 1} {CertificateLabels.Of.In(language)} {pages.Count}";
            }

            TextRight(pageOf, footerFont, Muted, Right, top);
            TextRight(certificate.Number, footerFont, Muted, Right, top + footerFont.GetHeight());

            if (print.Stamp is { Length: > 0 } stamp)
            {
                Stamp(page, stamp);
            }
        }
    }

    /// <summary>The status, big, red and diagonal across the middle of the page (clear of the QR code in the bottom right corner).</summary>
    private void Stamp(PdfPage page, string stamp)
    {
        const double width = 400;
        var split = stamp.IndexOf(" — ", StringComparison.Ordinal);
        var head = split < 0 ? stamp : stamp[..split];
        var tail = split < 0 ? null : stamp[(split + 3)..];
        var headFont = Fit(head, new XFont(CertificateFonts.Sans, 96, XFontStyleEx.Bold), width);
        var tailFont = new XFont(CertificateFonts.Sans, 17, XFontStyleEx.Bold);
        var tailLines = tail is null ? [] : Wrap(tail, tailFont, width);
        var height = headFont.GetHeight() + tailLines.Count * tailFont.GetHeight();
        var boxWidth = Math.Max(Measure(head, headFont), tailLines.Count == 0 ? 0 : tailLines.Max(l => Measure(l, tailFont))) + 36;

        var centre = new XPoint(page.Width.Point / 2, page.Height.Point * 0.42);
        var state = gfx.Save();
        gfx.RotateAtTransform(-30, centre);
        var box = new XRect(centre.X - boxWidth / 2, centre.Y - height / 2 - 12, boxWidth, height + 24);
        gfx.DrawRoundedRectangle(new XPen(StampRed, 5), box, new XSize(18, 18));
        gfx.DrawRoundedRectangle(new XPen(StampRed, 1.2), new XRect(box.X + 6, box.Y + 6, box.Width - 12, box.Height - 12), new XSize(12, 12));
        var brush = new XSolidBrush(StampRed);
        var sy = box.Top + 12;
        gfx.DrawString(head, headFont, brush, centre.X - Measure(head, headFont) / 2, sy, XStringFormats.TopLeft);
        sy += headFont.GetHeight();
        foreach (var line in tailLines)
        {
            gfx.DrawString(line, tailFont, brush, centre.X - Measure(line, tailFont) / 2, sy, XStringFormats.TopLeft);
            sy += tailFont.GetHeight();
        }

        gfx.Restore(state);
    }

    // ---- The certificate's fields ---------------------------------------------------------------

    private void Body()
    {
        var c = certificate;
        Row(
            new Cell(CertificateLabels.IssuingParticipant, [new(print.Named(c.IssuingParticipant), strongFont)]),
            new Cell(CertificateLabels.IssuingAuthority, [new(c.IssuingAuthority, valueFont)], 1.6));
        Gap();

        Row(
            new Cell(CertificateLabels.Exporter,
            [
                new(c.Exporter.Name, strongFont),
                new(c.Exporter.Address, valueFont),
                new(c.Exporter.Licence, valueFont, CertificateLabels.Licence),
            ]),
            new Cell(CertificateLabels.Importer,
            [
                new(c.Importer.Name, strongFont),
                new(c.Importer.Address, valueFont),
                new(print.Named(c.Importer.Participant), valueFont, CertificateLabels.ImportingParticipant),
                .. c.Importer.Licence is { } licence ? [new Run(licence, valueFont, CertificateLabels.Licence)] : Array.Empty<Run>(),
            ]));
        Gap();

        var origin = c.IsMixed ? CertificateLabels.Mixed.Both(language) : print.Named(c.Origin);
        Row(
        [
            new Cell(CertificateLabels.Origin, [new(origin, strongFont)]),
            .. c.IsMixed ? [new Cell(CertificateLabels.Provenance, [new(c.Provenance is null ? "—" : print.Named(c.Provenance), valueFont)])] : Array.Empty<Cell>(),
            new Cell(CertificateLabels.OriginZone, [new(c.OriginZone ?? "—", valueFont)]),
        ]);
        Gap();

        Goods();
        Gap();

        Row(
            new Cell(CertificateLabels.Parcels, [new(c.Parcels.ToString(CultureInfo.InvariantCulture), strongFont)]),
            new Cell(CertificateLabels.IssuedOn, [new(Day(c.IssuedOn), strongFont)]),
            new Cell(CertificateLabels.ExpiresOn, [new(Day(c.ExpiresOn), strongFont)]));
        Row(
            new Cell(CertificateLabels.Seals, [new(List(c.SealNumbers), valueFont)]),
            new Cell(CertificateLabels.Containers, [new(List(c.ContainerNumbers), valueFont)]));

        var extra = new List<Cell>();
        if (!string.IsNullOrWhiteSpace(c.QualityNotes))
        {
            extra.Add(new Cell(CertificateLabels.QualityNotes, [new(c.QualityNotes, valueFont)], 2));
        }

        if (!string.IsNullOrWhiteSpace(c.Replaces))
        {
            extra.Add(new Cell(CertificateLabels.Replaces, [new(c.Replaces, strongFont)]));
        }

        if (extra.Count > 0)
        {
            Row([.. extra]);
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "—" : string.Join(", ", items);

    private static string Amount(decimal value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture);

    private void Gap()
    {
        y += gap;
        Stretchable += GapStretch;
    }

    /// <summary>The goods: one row per line with its HS code's description, then the totals.</summary>
    private void Goods()
    {
        double[] weights = [1.0, 2.0, 1.1, 1.35];
        var widths = weights.Select(w => Width * w / weights.Sum()).ToArray();
        string[] headers =
        [
            CertificateLabels.HsCode.Both(language), CertificateLabels.Description.Both(language),
            CertificateLabels.Carats.Both(language), CertificateLabels.Value.Both(language),
        ];
        var headerLines = headers.Select((h, i) => Wrap(h, labelFont, widths[i] - 2 * Pad)).ToList();
        var headerHeight = headerLines.Max(l => l.Count) * labelFont.GetHeight() + 2 * Pad;
        var rowHeight = valueFont.GetHeight() + 2 * rowPad;
        var descriptions = certificate.Lines.Select(l => Wrap(CertificateLabels.HsDescription(l.HsCode).Both(language), valueFont, widths[1] - 2 * Pad)).ToList();
        var total = headerHeight + descriptions.Sum(d => Math.Max(1, d.Count) * valueFont.GetHeight() + 2 * rowPad) + rowHeight;
        Room(Math.Min(total, headerHeight + 3 * rowHeight));
        Stretchable += 2 * PadStretch * (certificate.Lines.Count + 1);

        var pen = new XPen(RuleColour, 0.6);
        gfx.DrawRectangle(pen, new XSolidBrush(Tint), Left, y, Width, headerHeight);
        var x = Left;
        for (var i = 0; i < headers.Length; i++)
        {
            var ly = y + Pad;
            foreach (var line in headerLines[i])
            {
                if (i >= 2)
                {
                    TextRight(line, labelFont, Navy, x + widths[i] - Pad, ly);
                }
                else
                {
                    Text(line, labelFont, Navy, x + Pad, ly);
                }

                ly += labelFont.GetHeight();
            }

            x += widths[i];
        }

        y += headerHeight;
        for (var row = 0; row < certificate.Lines.Count; row++)
        {
            var line = certificate.Lines[row];
            var height = Math.Max(1, descriptions[row].Count) * valueFont.GetHeight() + 2 * rowPad;
            Room(height);
            gfx.DrawRectangle(pen, Left, y, Width, height);
            Text(line.HsCode, strongFont, Ink, Left + Pad, y + rowPad);
            var dy = y + rowPad;
            foreach (var text in descriptions[row])
            {
                Text(text, valueFont, Ink, Left + widths[0] + Pad, dy);
                dy += valueFont.GetHeight();
            }

            TextRight(Amount(line.Carats), valueFont, Ink, Left + widths[0] + widths[1] + widths[2] - Pad, y + rowPad);
            TextRight(Amount(line.Usd), valueFont, Ink, Right - Pad, y + rowPad);
            y += height;
        }

        Room(rowHeight);
        gfx.DrawRectangle(new XPen(RuleColour, 0.6), new XSolidBrush(Tint), Left, y, Width, rowHeight);
        gfx.DrawLine(new XPen(Navy, 0.9), Left, y, Right, y);
        Text(CertificateLabels.Total.Both(language), strongFont, Navy, Left + Pad, y + rowPad);
        TextRight(Amount(certificate.TotalCarats), strongFont, Navy, Left + widths[0] + widths[1] + widths[2] - Pad, y + rowPad);
        TextRight(Amount(certificate.TotalUsd), strongFont, Navy, Right - Pad, y + rowPad);
        y += rowHeight;
    }

    /// <summary>The KP statement (and its translation) in a tinted box with a rule at the left: returns its height, and draws it at <paramref name="top"/> unless null.</summary>
    private double Statement(double? top)
    {
        var inner = Width - 4 * Pad;
        var english = Wrap(CertificateLabels.Statement.En, statementFont, inner);
        var second = language is null ? [] : Wrap(CertificateLabels.Statement.In(language), statementFont, inner);
        var height = (english.Count + second.Count) * statementFont.GetHeight() + (second.Count > 0 ? 3 : 0) + 3 * Pad;
        if (top is not { } sy)
        {
            return height;
        }

        gfx.DrawRectangle(new XSolidBrush(Tint), Left, sy, Width, height);
        gfx.DrawRectangle(new XSolidBrush(Navy), Left, sy, 2.2, height);
        sy += 1.5 * Pad;
        foreach (var line in english)
        {
            Text(line, statementFont, Ink, Left + 2 * Pad, sy);
            sy += statementFont.GetHeight();
        }

        sy += 3;
        foreach (var line in second)
        {
            Text(line, statementFont, Muted, Left + 2 * Pad, sy);
            sy += statementFont.GetHeight();
        }

        return height;
    }

    // ---- Signature box and QR code ----------------------------------------------------------------

    private void SignatureAndQr()
    {
        var qrSide = CertificatePdf.QrSideMillimetres * Mm;
        var qrWidth = qrSide + 8;
        var caption = Wrap(CertificateLabels.ScanToVerify.Both(language), labelFont, qrWidth);
        var verifyLabel = Wrap(CertificateLabels.VerifyAt.Both(language), smallFont, qrWidth);
        var address = Wrap(print.VerifyAddress, Sized(strongFont, 7.3), qrWidth);
        var blockHeight = caption.Count * labelFont.GetHeight() + 2 + qrSide + 3
            + verifyLabel.Count * smallFont.GetHeight() + address.Count * smallFont.GetHeight() + 2 + monoFont.GetHeight();

        // The statement, the authority's signature and the QR stay together, anchored to the bottom of
        // the last page after every field: what is signed is everything above them.
        var statementHeight = Statement(null);
        var attestation = statementHeight + GroupGap + blockHeight;
        if (y + GroupGap + attestation > Bottom)
        {
            NewPage();
        }

        Slack = Bottom - attestation - GroupGap - y;
        Statement(Bottom - attestation);

        var top = Bottom - blockHeight;
        var qrLeft = Right - qrWidth;
        SignatureBox(new XRect(Left, top, qrLeft - 12 - Left, blockHeight));

        var cy = top;
        foreach (var line in caption)
        {
            TextCentred(line, labelFont, Navy, qrLeft + qrWidth / 2, cy);
            cy += labelFont.GetHeight();
        }

        cy += 2;
        qrBounds = new XRect(qrLeft + (qrWidth - qrSide) / 2, cy, qrSide, qrSide);
        qrPage = pages.Count - 1;
        Qr(qrBounds);
        cy += qrSide + 3;
        foreach (var line in verifyLabel)
        {
            TextCentred(line, smallFont, Muted, qrLeft + qrWidth / 2, cy);
            cy += smallFont.GetHeight();
        }

        foreach (var line in address)
        {
            TextCentred(line, Sized(strongFont, 7.3), Navy, qrLeft + qrWidth / 2, cy);
            cy += smallFont.GetHeight();
        }

        cy += 2;
        var excerpt = print.QrText.Length > 30 ? print.QrText[..30] + "…" : print.QrText;
        TextCentred(excerpt, monoFont, Muted, qrLeft + qrWidth / 2, cy);
    }

    private void SignatureBox(XRect box)
    {
        gfx.DrawRectangle(new XPen(RuleColour, 0.6), box);
        var inner = box.Width - 2 * Pad - 2;
        var sy = box.Top + Pad;
        foreach (var line in Wrap(CertificateLabels.Authentication.Both(language), labelFont, inner))
        {
            Text(line, labelFont, Muted, box.Left + Pad + 1, sy);
            sy += labelFont.GetHeight();
        }

        sy += 3;
        var forText = Wrap(certificate.IssuingAuthority, strongFont, inner, Measure(CertificateLabels.SignedFor.Both(language) + "  ", smallFont));
        Text(CertificateLabels.SignedFor.Both(language), smallFont, Muted, box.Left + Pad + 1, sy + 1.5);
        var indent = Measure(CertificateLabels.SignedFor.Both(language) + "  ", smallFont);
        for (var i = 0; i < forText.Count; i++)
        {
            Text(forText[i], strongFont, Ink, box.Left + Pad + 1 + (i == 0 ? indent : 0), sy);
            sy += strongFont.GetHeight();
        }

        // The official stamp goes in the circle; the three lines are for the signing officer.
        var radius = Math.Min(38, (box.Bottom - sy - 10) / 2);
        var stampCentre = new XPoint(box.Right - Pad - 6 - radius, box.Bottom - Pad - 4 - radius);
        var dashed = new XPen(RuleColour, 0.8) { DashStyle = XDashStyle.Dash };
        gfx.DrawEllipse(dashed, stampCentre.X - radius, stampCentre.Y - radius, 2 * radius, 2 * radius);
        var stampLabel = Wrap(CertificateLabels.Stamp.Both(language), smallFont, 1.6 * radius);
        var ly = stampCentre.Y - stampLabel.Count * smallFont.GetHeight() / 2;
        foreach (var line in stampLabel)
        {
            TextCentred(line, smallFont, RuleColour, stampCentre.X, ly);
            ly += smallFont.GetHeight();
        }

        var lineRight = stampCentre.X - radius - 14;
        var fields = new[] { CertificateLabels.NameAndTitle, CertificateLabels.Signature, CertificateLabels.Date };
        var slot = (box.Bottom - Pad - sy) / fields.Length;
        var dotted = new XPen(Muted, 0.6) { DashStyle = XDashStyle.Dot };
        for (var i = 0; i < fields.Length; i++)
        {
            var baseLine = sy + slot * (i + 1) - smallFont.GetHeight() - 2;
            gfx.DrawLine(dotted, box.Left + Pad + 1, baseLine, lineRight, baseLine);
            Text(fields[i].Both(language), smallFont, Muted, box.Left + Pad + 1, baseLine + 1.5);
        }
    }

    /// <summary>
    /// The QR code as filled rectangles, one per horizontal run of dark modules (PDFsharp rejects
    /// 1-bit PNGs, and runs leave no hairline seams between modules when rasterised), on white.
    /// </summary>
    private void Qr(XRect bounds)
    {
        var modules = QrImages.Modules(print.QrText);
        var count = modules.GetLength(0);
        var size = bounds.Width / count;
        gfx.DrawRectangle(XBrushes.White, bounds);
        var black = new XSolidBrush(XColors.Black);
        for (var row = 0; row < count; row++)
        {
            var column = 0;
            while (column < count)
            {
                if (!modules[row, column])
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < count && modules[row, column])
                {
                    column++;
                }

                gfx.DrawRectangle(black, bounds.X + start * size, bounds.Y + row * size, (column - start) * size, size);
            }
        }
    }

    // ---- Rows of boxed cells --------------------------------------------------------------------

    /// <summary>A line of a cell's body; <paramref name="Prefix"/>, when given, is a small label before the text on the same line.</summary>
    private sealed record Run(string Text, XFont Font, CertificateLabels.Row? Prefix = null);

    /// <summary>A boxed field: its label and its value lines. <paramref name="Weight"/> shares the row's width.</summary>
    private sealed record Cell(CertificateLabels.Row Label, IReadOnlyList<Run> Body, double Weight = 1);

    /// <summary>
    /// A row of boxed cells side by side, as tall as its tallest cell. A row taller than the room left
    /// goes to the next page; one taller than a whole page is split line by line across pages, each
    /// part with its cells' labels marked "continued".
    /// </summary>
    private void Row(params Cell[] cells)
    {
        var total = cells.Sum(c => c.Weight);
        var widths = cells.Select(c => Width * c.Weight / total).ToArray();
        var pending = cells.Select((c, i) => new Queue<TextLine>(CellLines(c, widths[i] - 2 * Pad))).ToArray();
        var height = pending.Max(q => q.Sum(l => l.Height)) + 2 * rowPad;
        Stretchable += 2 * PadStretch;
        var room = Bottom - y;
        var whole = height <= Bottom - pageTop;
        if (height > room && y > pageTop && (whole || room < 2 * rowPad + 4 * valueFont.GetHeight()))
        {
            // Kept whole on the next page; a row taller than a page starts here and is split.
            NewPage();
        }

        while (true)
        {
            var parts = pending.Select(q => Take(q, Bottom - y - 2 * rowPad)).ToArray();
            DrawRow(widths, parts, parts.Max(p => p.Sum(l => l.Height)) + 2 * rowPad);
            if (pending.All(q => q.Count == 0))
            {
                return;
            }

            NewPage();
            for (var i = 0; i < cells.Length; i++)
            {
                if (pending[i].Count > 0)
                {
                    var label = $"{cells[i].Label.Both(language)} ({CertificateLabels.Continued.Both(language)})";
                    pending[i] = new Queue<TextLine>(Wrap(label, labelFont, widths[i] - 2 * Pad)
                        .Select(l => new TextLine(l, labelFont, Muted, labelFont.GetHeight()))
                        .Concat(pending[i]));
                }
            }
        }
    }

    /// <summary>The lines of <paramref name="queue"/> that fit in <paramref name="room"/> points (at least one, so that every part makes progress).</summary>
    private static List<TextLine> Take(Queue<TextLine> queue, double room)
    {
        var taken = new List<TextLine>();
        var used = 0.0;
        while (queue.Count > 0 && (taken.Count == 0 || used + queue.Peek().Height <= room))
        {
            used += queue.Peek().Height;
            taken.Add(queue.Dequeue());
        }

        return taken;
    }

    private void DrawRow(double[] widths, List<TextLine>[] cells, double height)
    {
        var pen = new XPen(RuleColour, 0.6);
        var x = Left;
        for (var i = 0; i < cells.Length; i++)
        {
            gfx.DrawRectangle(pen, x, y, widths[i], height);
            var cy = y + rowPad;
            foreach (var line in cells[i])
            {
                if (line.Prefix is not null)
                {
                    Text(line.Prefix, smallFont, Muted, x + Pad, cy + (line.Font.GetHeight() - smallFont.GetHeight()) * 0.75);
                }

                Text(line.Text, line.Font, line.Colour, x + Pad + line.Indent, cy);
                cy += line.Height;
            }

            x += widths[i];
        }

        y += height;
    }

    /// <summary>One printed line of a cell: its text, how far it is indented (after a prefix label) and the height it takes.</summary>
    private sealed record TextLine(string Text, XFont Font, XColor Colour, double Height, string? Prefix = null, double Indent = 0);

    /// <summary>A cell's label and body broken into lines no wider than <paramref name="width"/>.</summary>
    private List<TextLine> CellLines(Cell cell, double width)
    {
        var lines = Wrap(cell.Label.Both(language), labelFont, width)
            .Select(l => new TextLine(l, labelFont, Muted, labelFont.GetHeight()))
            .ToList();
        lines[^1] = lines[^1] with { Height = lines[^1].Height + 2.5 };
        foreach (var run in cell.Body)
        {
            var prefix = run.Prefix?.Both(language);
            var indent = prefix is null ? 0 : Measure(prefix + "  ", smallFont);
            var wrapped = Wrap(run.Text, run.Font, width, indent);
            for (var i = 0; i < wrapped.Count; i++)
            {
                var last = i == wrapped.Count - 1;
                lines.Add(new TextLine(wrapped[i], run.Font, Ink, run.Font.GetHeight() + (last ? 1 : 0), i == 0 ? prefix : null, i == 0 ? indent : 0));
            }
        }

        return lines;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> points fit above the footer.</summary>
    private void Room(double height)
    {
        if (y + height > Bottom && y > pageTop)
        {
            NewPage();
        }
    }

    // ---- Text -----------------------------------------------------------------------------------

    private double Measure(string text, XFont font) => gfx.MeasureString(text, font).Width;

    private void Text(string text, XFont font, XColor colour, double x, double top) =>
        gfx.DrawString(text, font, new XSolidBrush(colour), x, top, XStringFormats.TopLeft);

    private void TextRight(string text, XFont font, XColor colour, double right, double top) =>
        Text(text, font, colour, right - Measure(text, font), top);

    private void TextCentred(string text, XFont font, XColor colour, double centre, double top) =>
        Text(text, font, colour, centre - Measure(text, font) / 2, top);

    private static XFont Sized(XFont font, double size) => new(font.FontFamily.Name, size, font.Style);

    /// <summary><paramref name="font"/>, made smaller if needed so that <paramref name="text"/> fits on one line of <paramref name="width"/>.</summary>
    private XFont Fit(string text, XFont font, double width)
    {
        var measured = Measure(text, font);
        return measured <= width ? font : Sized(font, Math.Max(6, font.Size * width / measured));
    }

    /// <summary>
    /// Breaks <paramref name="text"/> into lines no wider than <paramref name="width"/>: at spaces, and
    /// inside a word only when the word alone is too wide (a long licence or seal number). The first
    /// line is <paramref name="firstIndent"/> narrower. Line breaks in the text are kept.
    /// </summary>
    private List<string> Wrap(string text, XFont font, double width, double firstIndent = 0)
    {
        var lines = new List<string>();
        var available = width - firstIndent;
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var current = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (Measure(candidate, font) <= available)
                {
                    current = candidate;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current);
                    available = width;
                }

                var rest = word;
                while (rest.Length > 1 && Measure(rest, font) > available)
                {
                    var fits = 1;
                    while (fits < rest.Length && Measure(rest[..(fits + 1)], font) <= available)
                    {
                        fits++;
                    }

                    lines.Add(rest[..fits]);
                    rest = rest[fits..];
                    available = width;
                }

                current = rest;
            }

            lines.Add(current);
            available = width;
        }

        return lines;
    }
}
