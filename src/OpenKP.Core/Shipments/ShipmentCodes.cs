namespace OpenKP.Shipments;

/// <summary>Stable codes of the shipments module, documented in docs/problems.md; never renamed or reused.</summary>
public static class ShipmentCodes
{
    public const string AlertNotFound = "alert-not-found";
    public const string AlertAlreadyAcknowledged = "alert-already-acknowledged";

    // Export applications and their review.
    public const string ApplicationNotFound = "application-not-found";
    public const string ApplicationChanged = "application-changed";
    public const string ApplicationNotEditable = "application-not-editable";
    public const string ApplicationNotSubmitted = "application-not-submitted";
    public const string ApplicantNotExporter = "applicant-not-exporter";
    public const string OwnApplication = "own-application";
    public const string SecondApproverRequired = "second-approver-required";
    public const string AttachmentNotFound = "attachment-not-found";
    public const string AttachmentTooLarge = "attachment-too-large";
    public const string AttachmentTypeNotAllowed = "attachment-type-not-allowed";
    public const string AttachmentLimitReached = "attachment-limit-reached";

    // The shipment on its way.
    public const string ShipmentNotFound = "shipment-not-found";
    public const string ShipmentAlreadyDeparted = "shipment-already-departed";
    public const string ShipmentClosed = "shipment-closed";
    public const string ShipmentChanged = "shipment-changed";
    public const string SealsDiffer = "seals-differ";
    public const string CertificateUnreadable = "certificate-unreadable";
    public const string CertificateAlreadyUsed = "certificate-already-used";
    public const string NotDestination = "not-destination";
    public const string ReceivedOnOutOfRange = "received-on-out-of-range";
    public const string FourEyesLoosening = "four-eyes-loosening";

    // What an arrival check finds (each makes a discrepancy; together they detain the shipment).
    public const string CertificateInvalid = "certificate-invalid";
    public const string SealBroken = "seal-broken";
    public const string ParcelsDiffer = "parcels-differ";
    public const string WeightOutsideTolerance = "weight-outside-tolerance";
    public const string ValueOutsideTolerance = "value-outside-tolerance";

    // Detention cases and confirmations.
    public const string CaseNotFound = "case-not-found";
    public const string CaseResolved = "case-resolved";
    public const string ConfirmationNotFound = "confirmation-not-found";
    public const string ConfirmationKeyNotImporters = "confirmation-key-not-importers";
    public const string SettingsChanged = "shipment-settings-changed";
    public const string NotTransitParticipant = "not-transit-participant";
}
