using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenKP.Notifications;
using OpenKP.Web.Notifications;
using OpenKP.Web.Tests.Infrastructure;
using OpenKP.Web.Tests.Notifications;

namespace OpenKP.Web.Tests.Shipments;

/// <summary>The shipment loop's events reach the participants' national systems as signed webhooks.</summary>
public sealed class ShipmentWebhookTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> Register(HttpClient officer, string participant, string url, params string[] events)
        => (await officer.PostJson($"/api/participants/{participant}/webhooks", new { url, events }, HttpStatusCode.Created)).Str("secret");

    [Fact]
    public async Task The_importing_system_hears_of_the_certificate_and_the_exporting_system_receives_the_signed_confirmation()
    {
        await using var importing = await Receiver.StartAsync();
        await using var exporting = await Receiver.StartAsync();
        var aeSecret = await Register(await app.ClientFor("officer.ae"), "AE", importing.Url, NoticeTypes.CertificateIncoming);
        var bwSecret = await Register(await app.ClientFor("officer.bw"), "BW", exporting.Url, NoticeTypes.ImportConfirmed, NoticeTypes.ShipmentDetained);

        var operatorBw = await app.ClientFor("operator.bw");
        var id = (await operatorBw.PostJson("/api/applications", Applications.Valid(), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await operatorBw.PostJson($"/api/applications/{id}/submit", new { }, HttpStatusCode.OK);
        var certificate = (await (await app.ClientFor("officer.bw")).PostJson($"/api/applications/{id}/approve", new { }, HttpStatusCode.OK)).GetProperty("certificate");
        await (await app.ClientFor("customs.ae")).PostJson("/api/arrivals", Applications.Matching(certificate.Str("qr")), HttpStatusCode.Created);

        var dispatcher = app.Services.GetRequiredService<WebhookDispatcher>();
        while (await dispatcher.DispatchDueAsync(Ct) > 0)
        {
        }

        var incoming = Assert.Single(importing.Requests);
        Assert.Equal(NoticeTypes.CertificateIncoming, incoming.EventType);
        Assert.True(WebhookSignature.Verify(aeSecret, incoming.Signature, incoming.Body));
        var data = JsonDocument.Parse(incoming.Body).RootElement.GetProperty("data");
        Assert.Equal(certificate.Str("number"), data.Str("certificateNumber"));
        Assert.Equal("2026-01-22", data.Str("expectedArrival"));

        var confirmed = Assert.Single(exporting.Requests);
        Assert.Equal(NoticeTypes.ImportConfirmed, confirmed.EventType);
        Assert.True(WebhookSignature.Verify(bwSecret, confirmed.Signature, confirmed.Body));
        var confirmation = JsonDocument.Parse(confirmed.Body).RootElement.GetProperty("data").Str("confirmation");
        var verdict = await (await app.ClientFor(null)).PostJson("/api/confirmations/verify", new { text = confirmation }, HttpStatusCode.OK);
        Assert.True(verdict.GetProperty("valid").GetBoolean());
    }
}
