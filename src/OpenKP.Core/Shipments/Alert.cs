namespace OpenKP.Shipments;

/// <summary>What an alert warns of.</summary>
public enum AlertKind
{
    FraudulentCertificate,
    SuspiciousShipment,
    LostOrStolenForms,
    Other,
}

/// <summary>
/// A warning one participant's authority sends every participant's authorities and the secretariat:
/// a fraudulent certificate, a suspicious shipment, blank forms lost or stolen. Each participant
/// acknowledges it once (<see cref="AlertAcknowledgement"/>).
/// </summary>
public sealed class Alert
{
    public long Id { get; set; }
    public AlertKind Kind { get; set; }
    /// <summary>The participant whose officer raised it; null when the secretariat did.</summary>
    public string? RaisedByParticipant { get; set; }
    public required string RaisedBy { get; set; }
    public DateTime RaisedAt { get; set; }
    /// <summary>The certificate it concerns, if any (any participant's number, or one OpenKP never issued).</summary>
    public string? CertificateNumber { get; set; }
    public required string Subject { get; set; }
    public required string Details { get; set; }
    public List<AlertAcknowledgement> Acknowledgements { get; set; } = [];
}

/// <summary>A participant has read an alert; one per participant.</summary>
public sealed class AlertAcknowledgement
{
    public long Id { get; set; }
    public long AlertId { get; set; }
    public required string ParticipantCode { get; set; }
    public required string AcknowledgedBy { get; set; }
    public DateTime AcknowledgedAt { get; set; }
}
