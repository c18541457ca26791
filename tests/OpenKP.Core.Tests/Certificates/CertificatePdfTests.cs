using System.Globalization;
using System.Text.RegularExpressions;
using OpenKP.Certificates;
using OpenKP.Tests.Shared;
using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace OpenKP.Core.Tests.Certificates;

/// <summary>
/// The printed certificate, checked the way a verifier meets it: rendered to pixels by poppler and
/// scanned by zbar (an independent QR reader) and by <see cref="QrImageReader"/>, its text extracted
/// by pdftotext. Without poppler-utils or zbar-tools these tests are skipped (failed under OPENKP_REQUIRE_ALL=1).
/// </summary>
public sealed partial class CertificatePdfTests : IDisposable
{
    private const double Dpi = 150;
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("openkp-print-");

    public void Dispose() => folder.Delete(recursive: true);

    [Theory]
    [InlineData(null, null)]
    [InlineData("fr", null)]
    [InlineData("fr", "VOID — replaced by AA-2026-000124")]
    public void The_printed_QR_scans_back_to_the_exact_QR_text(string? language, string? stamp)
    {
        var print = Certificates.Print(language: language, stamp: stamp);

        var page = Rasterise(CertificatePdf.Render(print)).Single();

        Assert.Equal(print.QrText, Zbar(page));
        Assert.Equal(print.QrText, QrImageReader.Read(File.ReadAllBytes(page)).Value);
    }

    [Fact]
    public void The_printed_QR_is_50_mm_wide_as_drawn_and_as_measured_on_the_page()
    {
        var print = Certificates.Print();

        var rendered = CertificatePdf.Draw(print);
        Assert.Equal(1, rendered.Pages);
        Assert.InRange(rendered.QrBounds.Width * 25.4 / 72, 45, 55);
        Assert.Equal(rendered.QrBounds.Width, rendered.QrBounds.Height, 3);

        // Independently: the finder patterns' centres, found by ZXing in the 150 dpi page, are
        // (modules − 7) modules apart; the printed code is (modules + 8) modules wide with its quiet zone.
        var page = Rasterise(rendered.Pdf).Single();
        using var bitmap = SKBitmap.Decode(page).Copy(SKColorType.Bgra8888);
        // ZXing misses a few upright codes that it reads turned (see QrImageReader); distances do not depend on the turn.
        var source = new RGBLuminanceSource(bitmap.GetPixelSpan().ToArray(), bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.BGRA32);
        var result = new[] { false, true }
            .Select(turn => new BarcodeReaderGeneric { AutoRotate = turn, Options = new DecodingOptions { TryHarder = true, PossibleFormats = [BarcodeFormat.QR_CODE] } }.Decode(source))
            .FirstOrDefault(r => r is not null);
        Assert.NotNull(result);
        var modules = 17 + 4 * QrImages.Version(print.QrText);
        var (bottomLeft, topLeft, topRight) = (result.ResultPoints[0], result.ResultPoints[1], result.ResultPoints[2]);
        var across = (ResultPoint.distance(topLeft, topRight) + ResultPoint.distance(topLeft, bottomLeft)) / 2;
        var millimetres = across / (modules - 7) * (modules + 2 * QrImages.QuietZone) / Dpi * 25.4;
        Assert.InRange(millimetres, 48, 52);
    }

    [Fact]
    public void The_text_holds_the_number_the_parties_and_every_field()
    {
        var print = Certificates.Print();

        var text = PdfText(CertificatePdf.Render(print));

        Assert.Contains("Kimberley Process Certificate", text);
        Assert.Contains("AA-2026-000123", text);
        Assert.Contains("Kalahari Rough Exports (Pty) Ltd", text);
        Assert.Contains("Gulf Rough Trading DMCC", text);
        Assert.Contains("Aurelia (AA)", text);
        Assert.Contains("Borealis (BB)", text);
        Assert.Contains("Unsorted", text);
        Assert.Contains("Non-industrial", text);
        Assert.Contains("1,918.89", text);
        Assert.Contains("354,150.50", text);
        Assert.Contains("2026-01-15", text);
        Assert.Contains("2026-03-16", text);
        Assert.Contains("SEAL-0042117, SEAL-0042118", text);
        Assert.Contains("MSKU 123456-7", text);
        Assert.Contains("https://openkp.example/verify", text);
        Assert.Contains(print.QrText[..20], text);
        Assert.Contains("Exporter", text);
        Assert.DoesNotContain("Exportateur", text);
    }

    [Fact]
    public void In_French_every_label_and_the_statement_are_in_both_languages()
    {
        var text = PdfText(CertificatePdf.Render(Certificates.Print(language: "fr")));

        Assert.Contains("Certificat du Processus de Kimberley", text);
        Assert.Contains("AA-2026-000123", text);
        Assert.Contains("Kalahari Rough Exports (Pty) Ltd", text);
        Assert.Contains("Exporter / Exportateur", text);
        Assert.Contains("Importer / Importateur", text);
        Assert.Contains("Date of expiry / Date d'expiration", text);
        Assert.Contains("Unsorted / Non triés", text);
        Assert.Contains("Les diamants bruts de cette expédition", text);
        Assert.Contains("Verify at / Vérifier sur", text);
    }

    [Fact]
    public void A_mixed_origin_prints_its_provenance_and_a_replacement_names_the_certificate_it_replaces()
    {
        var certificate = Certificates.Typical() with
        {
            Origin = CertificateContent.Mixed,
            Provenance = "CC",
            OriginZone = "Northern fields",
            Replaces = "AA-2026-000122",
            QualityNotes = "Two parcels of boart.",
        };
        var print = Certificates.Print(certificate, "fr") with { CountryNames = new Dictionary<string, string> { ["CC"] = "Cascadia" } };

        var text = PdfText(CertificatePdf.Render(print));

        Assert.Contains("Mixed / Origine mixte", text);
        Assert.Contains("Cascadia (CC)", text);
        Assert.Contains("Northern fields", text);
        Assert.Contains("AA-2026-000122", text);
        Assert.Contains("Two parcels of boart.", text);
    }

    [Fact]
    public void Long_addresses_notes_and_numbers_wrap_inside_the_page()
    {
        var address = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"Street{i}"));
        var certificate = Certificates.Typical() with
        {
            Exporter = new CertificateExporter("Kalahari Rough Exports and Very Long Company Name Holdings International (Pty) Ltd", address, "AA-OP-001"),
            Importer = new CertificateImporter("Gulf Rough Trading DMCC", "Unit" + new string('9', 120) + " Jumeirah", "BB", "BB-OP-001"),
            SealNumbers = [.. Enumerable.Range(1, 30).Select(i => $"SEAL-{i:0000000}")],
            QualityNotes = string.Join(' ', Enumerable.Repeat("Mixed boart and gem quality stones.", 12)),
        };

        var words = Words(CertificatePdf.Render(Certificates.Print(certificate, "fr")));

        Assert.Contains(words, w => w.Text == "Street40");
        Assert.Contains(words, w => w.Text == "SEAL-0000030");
        var margin = 15 * 72 / 25.4;
        Assert.All(words, w => Assert.True(w.XMin >= margin && w.XMax <= 595.28 - margin, $"'{w.Text}' drawn at {w.XMin:0}–{w.XMax:0} pt"));
    }

    [Fact]
    public void A_certificate_too_long_for_one_page_continues_with_the_attestation_and_QR_on_the_last_page()
    {
        var certificate = Certificates.Typical() with { QualityNotes = string.Join(' ', Enumerable.Repeat("Mixed boart and gem quality stones, sorted by size.", 45)) };
        var print = Certificates.Print(certificate);

        var rendered = CertificatePdf.Draw(print);
        var pages = Rasterise(rendered.Pdf);
        var text = PdfText(rendered.Pdf);

        Assert.Equal(2, rendered.Pages);
        Assert.Equal(1, rendered.QrPage);
        Assert.Equal(print.QrText, Zbar(pages[1]));
        Assert.Contains("Page 2 of 2", text);
        Assert.Equal(45, Regex.Count(text, @"sorted\s+by\s+size"));
    }

    [Fact]
    public void A_field_longer_than_a_page_is_split_across_pages_with_nothing_lost()
    {
        var certificate = Certificates.Typical() with { QualityNotes = string.Join(' ', Enumerable.Range(1, 700).Select(i => $"Stone{i} boart.")) };
        var print = Certificates.Print(certificate);

        var rendered = CertificatePdf.Draw(print);
        var words = Words(rendered.Pdf);

        Assert.Equal(3, rendered.Pages);
        Assert.Equal(2, rendered.QrPage);
        Assert.Equal(print.QrText, Zbar(Rasterise(rendered.Pdf)[2]));
        Assert.Contains("Quality notes (continued)", PdfText(rendered.Pdf));
        Assert.Equal(Enumerable.Range(1, 700).Select(i => $"Stone{i}"), words.Where(w => w.Text.StartsWith("Stone", StringComparison.Ordinal)).Select(w => w.Text));
    }

    [Fact]
    public void A_QR_text_of_another_certificate_or_an_unknown_language_is_refused()
    {
        var print = Certificates.Print();
        var other = Certificates.Print(Certificates.Typical() with { Parcels = 5 });

        Assert.Throws<ArgumentException>(() => CertificatePdf.Render(print with { QrText = other.QrText }));
        Assert.Throws<ArgumentException>(() => CertificatePdf.Render(print with { QrText = "KP1:ABC" }));
        Assert.Throws<ArgumentException>(() => CertificatePdf.Render(print with { SecondLanguage = "xx" }));
    }

    [Fact]
    public void Certificates_render_from_many_threads_at_once()
    {
        // The font resolver is installed once per process, whichever request comes first.
        var prints = Enumerable.Range(0, 8).Select(i => Certificates.Print(language: i % 2 == 0 ? "fr" : null)).ToList();

        var pdfs = prints.AsParallel().Select(CertificatePdf.Render).ToList();

        Assert.All(pdfs, pdf => Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]));
    }

    /// <summary>Each page as a PNG at 150 dpi, by poppler's pdftoppm.</summary>
    private string[] Rasterise(byte[] pdf)
    {
        var pdftoppm = Tools.Require("pdftoppm", "poppler-utils");
        var file = Save(pdf);
        var (exit, _) = Tools.Run(pdftoppm, "-png", "-r", Dpi.ToString(CultureInfo.InvariantCulture), file, Path.Combine(folder.FullName, "page"));
        Assert.Equal(0, exit);
        return [.. folder.GetFiles("page-*.png").OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => f.FullName)];
    }

    private static string Zbar(string png)
    {
        var zbarimg = Tools.Require("zbarimg", "zbar-tools");
        var (exit, output) = Tools.Run(zbarimg, "-q", "--raw", png);
        Assert.True(exit == 0, $"zbarimg found no code in {png} (exit {exit}).");
        return output.TrimEnd('\n');
    }

    private string PdfText(byte[] pdf)
    {
        var pdftotext = Tools.Require("pdftotext", "poppler-utils");
        var (exit, text) = Tools.Run(pdftotext, "-raw", Save(pdf), "-");
        Assert.Equal(0, exit);
        return text;
    }

    private sealed record Word(string Text, double XMin, double XMax);

    /// <summary>Every word with its horizontal extent in points, from pdftotext -bbox.</summary>
    private List<Word> Words(byte[] pdf)
    {
        var pdftotext = Tools.Require("pdftotext", "poppler-utils");
        var (exit, html) = Tools.Run(pdftotext, "-bbox", Save(pdf), "-");
        Assert.Equal(0, exit);
        return [.. WordElement().Matches(html).Select(m => new Word(
            System.Net.WebUtility.HtmlDecode(m.Groups["text"].Value),
            double.Parse(m.Groups["xmin"].Value, CultureInfo.InvariantCulture),
            double.Parse(m.Groups["xmax"].Value, CultureInfo.InvariantCulture)))];
    }

    [GeneratedRegex("""<word xMin="(?<xmin>[0-9.]+)" yMin="[0-9.]+" xMax="(?<xmax>[0-9.]+)" yMax="[0-9.]+">(?<text>[^<]*)</word>""")]
    private static partial Regex WordElement();

    private string Save(byte[] pdf)
    {
        var file = Path.Combine(folder.FullName, $"certificate-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        return file;
    }
}
