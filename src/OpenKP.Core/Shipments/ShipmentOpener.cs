using Microsoft.EntityFrameworkCore;
using OpenKP.Certificates;
using OpenKP.Data;
using OpenKP.Notifications;

namespace OpenKP.Shipments;

/// <summary>
/// Opens the shipment of each certificate as it is issued, in the issuing transaction, and tells the
/// importing side at once that it is on its way (the ePhyto hub's model), and the exporter that its
/// certificate is ready. The expected arrival is the application's, else its planned departure plus
/// <see cref="DefaultTransitDays"/>, else the issue date plus twice that; never after the certificate expires.
/// </summary>
public sealed class ShipmentOpener(OpenKpDb db, Notifier notifier) : ICertificateIssuedObserver
{
    public const int DefaultTransitDays = 7;

    private ExportApplication? _application;

    /// <summary>The next certificate issued in this scope certifies <paramref name="application"/>.</summary>
    public void ForApplication(ExportApplication application) => _application = application;

    public async Task OnIssuedAsync(Certificate certificate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var application = _application;
        _application = null;
        var operators = await db.Operators.AsNoTracking()
            .Where(o => (o.ParticipantCode == certificate.IssuingParticipant && o.LicenceNumber == certificate.ExporterLicence)
                || (certificate.ImporterLicence != null && o.ParticipantCode == certificate.ImportingParticipant && o.LicenceNumber == certificate.ImporterLicence))
            .Select(o => new { o.Id, o.ParticipantCode }).ToListAsync(ct);
        var exporter = operators.FirstOrDefault(o => o.ParticipantCode == certificate.IssuingParticipant)?.Id;
        var importer = operators.FirstOrDefault(o => o.ParticipantCode == certificate.ImportingParticipant)?.Id;
        var expected = application?.ExpectedArrival
            ?? application?.PlannedDeparture?.AddDays(DefaultTransitDays)
            ?? certificate.IssuedOn.AddDays(2 * DefaultTransitDays);
        if (expected > certificate.ExpiresOn)
        {
            expected = certificate.ExpiresOn;
        }

        db.Shipments.Add(new Shipment
        {
            CertificateNumber = certificate.Number,
            ExportingParticipant = certificate.IssuingParticipant,
            ImportingParticipant = certificate.ImportingParticipant,
            ExporterOperatorId = exporter,
            ImporterOperatorId = importer,
            ApplicationId = application?.Id,
            IssuedOn = certificate.IssuedOn,
            ExpiresOn = certificate.ExpiresOn,
            ExpectedArrival = expected,
            Status = ShipmentStatus.AwaitingDeparture,
        });

        var data = ShipmentNotices.Data(certificate.Number, certificate.IssuingParticipant, certificate.ImportingParticipant,
            ("expectedArrival", expected.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("carats", certificate.TotalCaratsHundredths / 100m), ("usd", certificate.TotalUsdCents / 100m), ("parcels", certificate.Parcels));
        List<Audience> importingSide = [Audience.Authority(certificate.ImportingParticipant), Audience.Customs(certificate.ImportingParticipant)];
        if (importer is { } i)
        {
            importingSide.Add(Audience.Operator(i));
        }

        notifier.Publish(new Notice(NoticeTypes.CertificateIncoming,
            $"Incoming: certificate {certificate.Number} from {certificate.IssuingParticipant}",
            $"{certificate.ExporterName} ships {certificate.TotalCaratsHundredths / 100m:N2} ct in {certificate.Parcels} parcel(s) to {certificate.ImporterName}; expected by {expected:yyyy-MM-dd}.",
            $"/shipments/{certificate.Number}", importingSide, data));

        List<Audience> exportingSide = [Audience.Customs(certificate.IssuingParticipant)];
        if (exporter is { } e)
        {
            exportingSide.Add(Audience.Operator(e));
        }

        notifier.Publish(new Notice(NoticeTypes.CertificateIssued,
            $"Certificate {certificate.Number} issued",
            $"{certificate.IssuingAuthority} issued certificate {certificate.Number} for {certificate.ImporterName} ({certificate.ImportingParticipant}).",
            $"/shipments/{certificate.Number}", exportingSide, data));
    }

    /// <summary>
    /// A voided certificate no longer covers goods: its shipment is cancelled (unless the goods already
    /// arrived) and the importing side told, so that customs expect nothing more under it.
    /// </summary>
    public async Task OnVoidedAsync(Certificate certificate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var shipment = db.Shipments.Local.SingleOrDefault(s => s.CertificateNumber == certificate.Number)
            ?? await db.Shipments.SingleOrDefaultAsync(s => s.CertificateNumber == certificate.Number, ct);
        if (shipment is not null && shipment.Status is ShipmentStatus.AwaitingDeparture or ShipmentStatus.Departed)
        {
            shipment.Status = ShipmentStatus.Cancelled;
            shipment.ClosedAt = certificate.VoidedAt;
        }

        notifier.Publish(new Notice(NoticeTypes.CertificateVoided,
            $"Voided: certificate {certificate.Number} from {certificate.IssuingParticipant}",
            $"{certificate.IssuingAuthority} voided certificate {certificate.Number}: {certificate.VoidReason}" +
            (certificate.ReplacedBy is null ? string.Empty : " A replacement follows."),
            $"/certificates/{certificate.Number}",
            [Audience.Authority(certificate.ImportingParticipant), Audience.Customs(certificate.ImportingParticipant)],
            ShipmentNotices.Data(certificate.Number, certificate.IssuingParticipant, certificate.ImportingParticipant, ("reason", certificate.VoidReason))));
    }
}

/// <summary>The webhook payloads of the shipments loop share their first fields.</summary>
internal static class ShipmentNotices
{
    public static Dictionary<string, object?> Data(string certificate, string exporting, string importing, params (string Key, object? Value)[] more)
    {
        var data = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["certificateNumber"] = certificate,
            ["exportingParticipant"] = exporting,
            ["importingParticipant"] = importing,
        };
        foreach (var (key, value) in more)
        {
            data[key] = value;
        }

        return data;
    }
}
