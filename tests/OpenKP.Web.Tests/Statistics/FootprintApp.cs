using System.Net;
using Microsoft.AspNetCore.Hosting;
using OpenKP.Web.Certificates;
using OpenKP.Web.Tests.Certificates;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Statistics;

/// <summary>
/// The app with a footprint minimum sample of <see cref="MinimumSample"/> lines and a known history of BW
/// origin: twelve BW → AE certificates issued a day apart through the API (with the demo's four BW lines,
/// thirteen or fourteen lines per HS code), then footprints recomputed by the secretariat. Origin ZA has
/// only the demo's one certificate: below the minimum, no band.
/// </summary>
public sealed class FootprintApp : OpenKpApp
{
    public const int MinimumSample = 10;

    /// <summary>US$/ct of the twelve certificates: 7102.10 from 200 to 310, 7102.21 from 40 to 51, 7102.31 from 2,000 to 2,550.</summary>
    public static CertificateLineRequest[] HistoryLines(int i) =>
    [
        new("7102.10", 100.00m, 20_000.00m + (i * 1_000.00m)),
        new("7102.21", 100.00m, 4_000.00m + (i * 100.00m)),
        new("7102.31", 10.00m, 20_000.00m + (i * 500.00m)),
    ];

    private readonly SemaphoreSlim _once = new(1, 1);
    private bool _built;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("OpenKP:Statistics:Footprints:MinimumSample", MinimumSample.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Issues the history and recomputes, once per app (tests of a class share it).</summary>
    public async Task EnsureHistoryAsync()
    {
        await _once.WaitAsync();
        try
        {
            if (_built)
            {
                return;
            }

            for (var i = 0; i < 12; i++)
            {
                await (await ClientFor("officer.bw")).PostJson("/api/certificates", Drafts.Valid() with { Lines = HistoryLines(i) }, HttpStatusCode.Created);
                Advance(TimeSpan.FromDays(1));
            }

            await (await ClientFor("secretariat")).PostJson("/api/statistics/footprints/recompute", new { }, HttpStatusCode.OK);
            _built = true;
        }
        finally
        {
            _once.Release();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        _once.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
