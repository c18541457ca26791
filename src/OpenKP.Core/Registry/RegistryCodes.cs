namespace OpenKP.Registry;

/// <summary>
/// Stable violation codes of the registry. Never rename or reuse one: national systems match on them.
/// Each is documented in docs/problems.md.
/// </summary>
public static class RegistryCodes
{
    public const string ExporterNotParticipant = "exporter-not-participant";
    public const string ExporterSuspended = "exporter-suspended";
    public const string ExporterSelfSuspended = "exporter-self-suspended";
    public const string ImporterNotParticipant = "importer-not-participant";
    public const string ImporterSuspended = "importer-suspended";
    public const string ImporterSelfSuspended = "importer-self-suspended";
    public const string SameParticipant = "exporter-and-importer-same-participant";
    public const string OriginEmbargoed = "origin-embargoed";
    public const string OriginZoneRequired = "origin-zone-required";
    public const string OriginZoneNotCompliant = "origin-zone-not-compliant";
    public const string OriginUnderSpecialMeasures = "origin-under-special-measures";

    public const string ParticipantNotFound = "participant-not-found";
    public const string ParticipantExists = "participant-exists";
    public const string StatusScopeRequired = "status-scope-required";
    public const string EmbargoEndsBeforeStart = "embargo-ends-before-start";
    public const string ZoneEndsBeforeStart = "zone-ends-before-start";
    public const string OperatorLicenceTaken = "operator-licence-taken";
    public const string OperatorNeedsRole = "operator-needs-role";
    public const string OperatorValidityInverted = "operator-validity-inverted";
    public const string OperatorNotFound = "operator-not-found";
    public const string ConcurrencyConflict = "concurrency-conflict";
    public const string ReferenceDataInvalid = "reference-data-invalid";
}
