namespace OpenKP.Registry;

public enum AuthorityRole
{
    Exporting,
    Importing,
    ExportingAndImporting,
}

/// <summary>An authority a participant designates to issue or check certificates.</summary>
public sealed class Authority
{
    public long Id { get; set; }
    public required string ParticipantCode { get; set; }
    public required string Name { get; set; }
    public AuthorityRole Role { get; set; }
    public required string Address { get; set; }
    /// <summary>E-mail address, telephone or both, as the authority publishes them.</summary>
    public required string Contact { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>A company a participant licenses to export or import rough diamonds.</summary>
public sealed class Operator
{
    public long Id { get; set; }
    public required string ParticipantCode { get; set; }
    public required string CompanyName { get; set; }
    public required string Address { get; set; }
    /// <summary>Unique within the participant, e.g. <c>BW-OP-001</c>.</summary>
    public required string LicenceNumber { get; set; }
    public bool IsExporter { get; set; }
    public bool IsImporter { get; set; }
    public DateOnly ValidFrom { get; set; }
    /// <summary>Last day the licence is valid (inclusive); null when it has no end.</summary>
    public DateOnly? ValidTo { get; set; }
    public bool Suspended { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Whether the licence allows exporting (or importing, with <paramref name="asExporter"/> false) on a day.</summary>
    public bool IsLicensedOn(DateOnly day, bool asExporter)
        => !Suspended && (asExporter ? IsExporter : IsImporter) && day >= ValidFrom && (ValidTo is null || day <= ValidTo);
}

public enum ObserverKind
{
    Industry,
    CivilSociety,
    IndependentObserver,
}

/// <summary>An organisation that observes the scheme; observers never issue certificates.</summary>
public sealed class Observer
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public ObserverKind Kind { get; set; }
    public DateOnly Since { get; set; }
    /// <summary>Last day as an observer; null while it still is one.</summary>
    public DateOnly? Until { get; set; }
    public string? Source { get; set; }
}
