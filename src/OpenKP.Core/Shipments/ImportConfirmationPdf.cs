using System.Globalization;
using OpenKP.Certificates;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace OpenKP.Shipments;

/// <summary>
/// The printable import confirmation (the KP "return slip"): one A4 page with the fields of
/// <see cref="ConfirmationContent"/> and its signed QR (<c>KPC1:</c>), which any verifier with the
/// trust list checks against the importing authority's key.
/// </summary>
public static class ImportConfirmationPdf
{
    private const double Millimetre = 72 / 25.4;

    public static byte[] Render(ImportConfirmation confirmation, string? verifyAddress)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        CertificateFonts.Register();
        using var document = new PdfDocument();
        document.Info.Title = $"Import confirmation — certificate {confirmation.CertificateNumber}";
        document.Info.Author = confirmation.ConfirmingAuthority;
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(210);
        page.Height = XUnit.FromMillimeter(297);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var navy = XColor.FromArgb(0x1F, 0x2A, 0x44);
            var title = new XFont(CertificateFonts.Sans, 20, XFontStyleEx.Bold);
            var label = new XFont(CertificateFonts.Sans, 9, XFontStyleEx.Bold);
            var value = new XFont(CertificateFonts.Sans, 11, XFontStyleEx.Regular);
            var small = new XFont(CertificateFonts.Sans, 8, XFontStyleEx.Regular);
            var left = 20 * Millimetre;
            var y = 25 * Millimetre;
            gfx.DrawRectangle(new XPen(navy, 1.2), 12 * Millimetre, 12 * Millimetre, page.Width.Point - (24 * Millimetre), page.Height.Point - (24 * Millimetre));
            gfx.DrawString("Kimberley Process — Import Confirmation", title, new XSolidBrush(navy), left, y);
            y += 8 * Millimetre;
            gfx.DrawString("Confirmation of receipt of a shipment of rough diamonds (KPCS Section IV)", small, XBrushes.Black, left, y);
            y += 12 * Millimetre;
            (string Label, string Value)[] rows =
            [
                ("KP certificate number", confirmation.CertificateNumber),
                ("Exporting participant", confirmation.ExportingParticipant),
                ("Importing participant", confirmation.ImportingParticipant),
                ("Confirming authority", confirmation.ConfirmingAuthority),
                ("Exporter", confirmation.ExporterName),
                ("Importer", confirmation.ImporterName),
                ("Parcels received", confirmation.Parcels.ToString(CultureInfo.InvariantCulture)),
                ("Carats received", (confirmation.CaratsHundredths / 100m).ToString("N2", CultureInfo.InvariantCulture)),
                ("Date of receipt", confirmation.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("Confirmed by", $"{confirmation.ConfirmedBy}, {confirmation.ConfirmedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC"),
                ("Signing key", confirmation.KeyId),
            ];
            foreach (var (name, text) in rows)
            {
                gfx.DrawString(name, label, new XSolidBrush(navy), left, y);
                gfx.DrawString(text, value, XBrushes.Black, left + (55 * Millimetre), y);
                y += 8 * Millimetre;
            }

            y += 6 * Millimetre;
            var modules = QrImages.Modules(confirmation.SignedText);
            var side = 60 * Millimetre;
            var count = modules.GetLength(0);
            var cell = side / (count + 8);
            var origin = left + (4 * cell);
            for (var r = 0; r < count; r++)
            {
                for (var c = 0; c < count; c++)
                {
                    if (modules[r, c])
                    {
                        gfx.DrawRectangle(XBrushes.Black, origin + (c * cell), y + (4 * cell) + (r * cell), cell, cell);
                    }
                }
            }

            var note = left + side + (8 * Millimetre);
            gfx.DrawString("Scan to verify against the KP trust list.", small, XBrushes.Black, note, y + (10 * Millimetre));
            if (verifyAddress is not null)
            {
                gfx.DrawString(verifyAddress, small, XBrushes.Black, note, y + (15 * Millimetre));
            }
        }

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }
}
