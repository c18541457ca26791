using System.Net;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Shipments;

/// <summary>Demo mode's first start shows the shipments loop in each of its states.</summary>
public sealed class ShipmentDemoTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    [Fact]
    public async Task The_demo_starts_with_an_application_to_review_a_shipment_on_its_way_one_confirmed_and_one_detained()
    {
        var queue = await (await app.ClientFor("officer.bw")).GetJson("/api/applications/queue");
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), a => a.Str("invoiceReference") == "KRT-INV-2026-0117" && a.Str("status") == "submitted");

        var incoming = await (await app.ClientFor("customs.ae")).GetJson("/api/shipments?direction=incoming&open=true");
        Assert.Contains(incoming.GetProperty("items").EnumerateArray(), s => s.Str("certificateNumber") == "BW-2026-000001" && s.Str("status") == "departed");

        var confirmed = await (await app.ClientFor("officer.za")).GetJson("/api/shipments/ZA-2026-000001");
        Assert.Equal("confirmed", confirmed.GetProperty("shipment").Str("status"));
        var verdict = await (await app.ClientFor(null)).PostJson("/api/confirmations/verify", new { text = confirmed.GetProperty("confirmation").Str("signedText") }, HttpStatusCode.OK);
        Assert.True(verdict.GetProperty("valid").GetBoolean());

        var cases = await (await app.ClientFor("officer.bw")).GetJson("/api/cases?open=true");
        var detained = Assert.Single(cases.GetProperty("items").EnumerateArray(), c => c.Str("certificateNumber") == "BW-2026-000002");
        Assert.Equal(["weight-outside-tolerance"], detained.GetProperty("discrepancies").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("IN", detained.Str("importingParticipant"));
    }
}
