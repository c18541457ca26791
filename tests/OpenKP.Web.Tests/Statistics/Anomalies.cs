using System.Net;
using OpenKP.Statistics;
using OpenKP.Web.Certificates;
using OpenKP.Web.Tests.Certificates;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Statistics;

/// <summary>Test data for anomalies: certificates issued through the API on a given day, production returns written to the database.</summary>
internal static class Anomalies
{
    public static DateTimeOffset Day(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Moves the clock to <paramref name="day"/>; a day already past is refused (the clock never goes back).</summary>
    public static void MoveTo(OpenKpApp app, DateTimeOffset day)
    {
        Assert.True(day >= app.Clock.GetUtcNow(), $"The clock is at {app.Clock.GetUtcNow():yyyy-MM-dd}: {day:yyyy-MM-dd} has passed.");
        app.Advance(day - app.Clock.GetUtcNow());
    }

    /// <summary>Issues, on <paramref name="day"/>, one certificate of <paramref name="exporter"/>'s own origin to <paramref name="importer"/>: one line.</summary>
    public static async Task<string> Export(OpenKpApp app, DateTimeOffset day, string exporter, string importer, string hsCode, decimal carats, decimal usdPerCarat)
    {
        MoveTo(app, day);
        var request = Drafts.Valid(importer, origin: exporter) with
        {
            ExporterLicence = $"{exporter}-OP-001",
            Importer = new ImporterRequest("Demo importer", "1 Diamond Street", $"{importer}-OP-001"),
            Lines = [new CertificateLineRequest(hsCode, carats, carats * usdPerCarat)],
            Parcels = 1,
        };
        var issued = await (await app.ClientFor($"officer.{exporter.ToLowerInvariant()}")).PostJson("/api/certificates", request, HttpStatusCode.Created);
        return issued.Str("number");
    }

    /// <summary>Writes revision 1 of a production return (industrial, one line) as sent on <paramref name="sentOn"/>.</summary>
    public static Task Production(OpenKpApp app, string participant, int year, int half, long carats, long usd, DateTimeOffset sentOn)
        => app.WithDb(async db =>
        {
            db.ProductionReturns.Add(new ProductionReturn
            {
                ParticipantCode = participant,
                Year = year,
                Half = half,
                Revision = 1,
                Source = SubmissionSource.Entered,
                SubmittedBy = $"officer.{participant.ToLowerInvariant()}",
                SubmittedAt = sentOn.UtcDateTime,
                Lines = [new ProductionLine { MiningType = MiningType.Industrial, CaratsHundredths = carats * 100, UsdCents = usd * 100 }],
            });
            return await db.SaveChangesAsync();
        });
}
