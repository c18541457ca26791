using OpenKP.Shipments;

namespace OpenKP.Core.Tests.Shipments;

public sealed class ShipmentRulesTests
{
    private static readonly ShipmentSettings Defaults = ShipmentSettings.DefaultFor("BB");

    [Theory]
    [InlineData(100_000, 100_000, true)]
    [InlineData(100_500, 100_000, true)]   // +0.5 %: at the tolerance
    [InlineData(99_500, 100_000, true)]    // −0.5 %
    [InlineData(100_501, 100_000, false)]  // just above
    [InlineData(99_499, 100_000, false)]   // just below
    public void Weight_within_half_a_percent_is_accepted_and_beyond_it_is_a_discrepancy(long found, long certified, bool accepted)
    {
        var violations = ShipmentRules.CheckArrival(true, 3, certified, 1_000_000, new ArrivalFindings(true, 3, found, 1_000_000), Defaults);
        Assert.Equal(accepted, violations.Count == 0);
        Assert.All(violations, v => Assert.Equal(ShipmentCodes.WeightOutsideTolerance, v.Code));
    }

    [Fact]
    public void Every_discrepancy_is_reported_at_once()
    {
        var violations = ShipmentRules.CheckArrival(false, 3, 100_000, 1_000_000, new ArrivalFindings(false, 2, 90_000, 800_000), Defaults);
        Assert.Equal(
            [ShipmentCodes.CertificateInvalid, ShipmentCodes.SealBroken, ShipmentCodes.ParcelsDiffer, ShipmentCodes.WeightOutsideTolerance, ShipmentCodes.ValueOutsideTolerance],
            violations.Select(v => v.Code));
    }

    [Fact]
    public void Nobody_approves_their_own_application_and_the_first_approver_cannot_be_the_second()
    {
        var application = new ExportApplication
        {
            ParticipantCode = "AA",
            ExporterLicence = "AA-1",
            ImportingParticipant = "BB",
            ImporterName = "x",
            ImporterAddress = "y",
            Origin = "AA",
            InvoiceReference = "i",
            CreatedBy = "officer.aa",
            TotalUsdCents = 200_000_000,
        };
        var settings = new ShipmentSettings { ParticipantCode = "AA", FourEyesThresholdUsdCents = 100_000_000 };
        Assert.Equal([ShipmentCodes.OwnApplication], ShipmentRules.CheckApproval(application, "OFFICER.AA", settings).Select(v => v.Code));
        Assert.Empty(ShipmentRules.CheckApproval(application, "officer2.aa", settings));
        Assert.True(ShipmentRules.NeedsTwoApprovals(application.TotalUsdCents, settings));
        Assert.True(ShipmentRules.NeedsTwoApprovals(100_000_000, settings));
        Assert.False(ShipmentRules.NeedsTwoApprovals(99_999_999, settings));
        Assert.False(ShipmentRules.NeedsTwoApprovals(long.MaxValue, Defaults));
        application.FirstApprovedBy = "officer2.aa";
        Assert.Equal([ShipmentCodes.SecondApproverRequired], ShipmentRules.CheckApproval(application, "officer2.aa", settings).Select(v => v.Code));
        Assert.Empty(ShipmentRules.CheckApproval(application, "officer3.aa", settings));
    }

    [Fact]
    public void Seals_are_compared_trimmed_and_ignoring_case_and_each_difference_is_named()
    {
        Assert.Empty(DepartureRecorder.SealDifferences(["SEAL-1", "SEAL-2"], [" seal-2 ", "Seal-1"]));
        var differences = DepartureRecorder.SealDifferences(["SEAL-1", "SEAL-2"], ["SEAL-1", "SEAL-3"]).ToList();
        Assert.Equal(2, differences.Count);
        Assert.Contains("SEAL-2", differences[0].Message, StringComparison.Ordinal);
        Assert.Contains("SEAL-3", differences[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Uploaded_files_are_identified_by_content_not_by_name()
    {
        Assert.Null(FileStore.Identify("%PDF-1.7 but nothing else"u8.ToArray()));
        Assert.Null(FileStore.Identify([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]));
        Assert.Null(FileStore.Identify([0xFF, 0xD8, 0xFF, 0xE0, 0, 0]));
        Assert.Null(FileStore.Identify("GIF89a"u8.ToArray()));
        using var bitmap = new SkiaSharp.SKBitmap(2, 2);
        using var jpeg = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 80);
        Assert.Equal(FileStore.Jpeg, FileStore.Identify(jpeg.ToArray()));
        using var document = new PdfSharp.Pdf.PdfDocument();
        document.AddPage();
        using var stream = new MemoryStream();
        document.Save(stream);
        Assert.Equal(FileStore.Pdf, FileStore.Identify(stream.ToArray()));
    }
}
