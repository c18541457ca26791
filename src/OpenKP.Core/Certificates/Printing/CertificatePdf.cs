using PdfSharp.Drawing;

namespace OpenKP.Certificates;

/// <summary>
/// The printable KP certificate: an A4 PDF with every field of the certificate (KPCS Annex I), the
/// KP statement, a box for the issuing authority's signature and stamp, and the signed QR code that
/// a verifier scans. Labels are in English, and in a second language when one is asked for.
/// </summary>
public static class CertificatePdf
{
    /// <summary>The printed QR code's side, quiet zone included: 50 mm, so that a phone reads it from a desk.</summary>
    public const double QrSideMillimetres = 50;

    /// <summary>
    /// Renders <paramref name="print"/> as a PDF, one A4 page for any ordinary certificate (more when
    /// long notes or many seals need them; the signature box and the QR code are then on the last).
    /// Throws <see cref="ArgumentException"/> when the QR text does not carry exactly the certificate to
    /// print or the second language has no labels, and <see cref="FileNotFoundException"/> when the
    /// DejaVu fonts are not installed.
    /// </summary>
    public static byte[] Render(CertificatePrint print) => Draw(print).Pdf;

    /// <summary>Renders, and reports where the QR code was drawn (in points from the page's top left corner).</summary>
    internal static RenderedCertificate Draw(CertificatePrint print)
    {
        ArgumentNullException.ThrowIfNull(print);
        Check(print);
        CertificateFonts.Register();
        using var first = new CertificateSheet(print, stretch: 0);
        var rendered = first.Write();
        if (rendered.Pages > 1 || first.Slack <= 0)
        {
            return rendered;
        }

        // One page with room to spare: lay it out again with the spare room shared among the rows
        // and the gaps between groups, so that the form fills the page instead of leaving a hole.
        using var second = new CertificateSheet(print, stretch: Math.Min(1, (first.Slack - 1) / first.Stretchable));
        return second.Write();
    }

    private static void Check(CertificatePrint print)
    {
        if (!CertificateLabels.IsSupported(print.SecondLanguage))
        {
            throw new ArgumentException(
                $"No certificate labels in '{print.SecondLanguage}'; available: {string.Join(", ", CertificateLabels.SecondLanguages)}.", nameof(print));
        }

        // The paper must not show one certificate and carry another in its QR.
        var opened = CertificateQr.Open(print.QrText);
        if (!opened.Succeeded || !opened.Value!.Payload.AsSpan().SequenceEqual(CertificatePayload.Encode(print.Certificate)))
        {
            throw new ArgumentException("The QR text does not carry the certificate to print.", nameof(print));
        }
    }
}

/// <summary>A rendered certificate and where its QR code lies: page index (0-based) and bounds in points, quiet zone included.</summary>
internal sealed record RenderedCertificate(byte[] Pdf, int Pages, int QrPage, XRect QrBounds);
