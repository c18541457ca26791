using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Browser.Tests;

/// <summary>
/// The Chair's report in a real browser: the secretariat drafts a year from the form, writes the introduction, and
/// downloads the report as DOCX (with its edit and the figures the page shows) and as PDF.
/// </summary>
public sealed class ChairReportBrowserTests(PortalSession portal) : IClassFixture<PortalSession>
{
    private const string Sentence = "The Chair thanks the Kalahari working party for its seventeen field visits.";

    private static async Task SignIn(IPage page, string userName)
    {
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(OpenKpApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    [Fact]
    public async Task The_secretariat_drafts_a_year_edits_its_introduction_and_downloads_it_as_docx_and_pdf()
    {
        var page = await portal.NewPage();
        await page.GotoAsync("/account/sign-in?ReturnUrl=%2Fcompliance%2Fchair-reports");
        await SignIn(page, "secretariat");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/compliance/chair-reports$"));

        // The draft form opens the new report of 2025 (the year before the clock's 2026).
        var form = page.GetByTestId("draft-form");
        await form.GetByLabel("Year").FillAsync("2025");
        await PortalSession.Screenshot(page, "70-chair-reports-draft");
        await page.GetByTestId("draft").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/compliance/chair-reports/2025$"));
        await Assertions.Expect(page.GetByTestId("report-status")).ToHaveAttributeAsync("data-status", "draft");

        // The participants figure as the page renders it: "N · M countries".
        var shown = (await page.GetByTestId("participants").InnerTextAsync()).Split('·', StringSplitOptions.TrimEntries);
        var participants = shown[0];
        var countries = shown[1].Replace(" countries", "", StringComparison.Ordinal);
        Assert.Matches("^[0-9][0-9,]*$", participants);
        Assert.Matches("^[0-9][0-9,]*$", countries);

        // The English introduction gets a sentence of the secretariat's own.
        var section = page.GetByTestId("section-introduction-en");
        await section.Locator("textarea").FillAsync(Sentence);
        await page.GetByTestId("save-introduction-en").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToContainTextAsync("Section saved.");
        await Assertions.Expect(page.GetByTestId("section-introduction-en").Locator("textarea")).ToHaveValueAsync(Sentence);
        await PortalSession.Screenshot(page, "71-chair-report-draft");

        // DOCX: the file name names the year, and the document holds the edit and the page's figure.
        var docx = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-docx-en").ClickAsync());
        Assert.EndsWith(".docx", docx.SuggestedFilename, StringComparison.Ordinal);
        Assert.Contains("2025", docx.SuggestedFilename, StringComparison.Ordinal);
        var docxPath = Path.Combine(Path.GetTempPath(), $"openkp-{Guid.NewGuid():N}-{docx.SuggestedFilename}");
        await docx.SaveAsAsync(docxPath);
        try
        {
            string text;
            using (var document = WordprocessingDocument.Open(docxPath, false))
            {
                text = document.MainDocumentPart!.Document!.InnerText;
            }

            Assert.Contains(Sentence, text, StringComparison.Ordinal);
            Assert.Contains($"had {participants} participants representing {countries} countries", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(docxPath);
        }

        // PDF: a real PDF file.
        var pdf = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-pdf-en").ClickAsync());
        Assert.EndsWith(".pdf", pdf.SuggestedFilename, StringComparison.Ordinal);
        Assert.Contains("2025", pdf.SuggestedFilename, StringComparison.Ordinal);
        var pdfPath = await pdf.PathAsync();
        var head = new byte[5];
        await using (var stream = File.OpenRead(pdfPath))
        {
            await stream.ReadExactlyAsync(head);
        }

        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(head));
    }
}
