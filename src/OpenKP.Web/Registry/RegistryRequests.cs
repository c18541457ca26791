namespace OpenKP.Web.Registry;

// Requests: raw strings, parsed by Input so every malformed field is reported at once with a code.

/// <summary>Record a status change. <c>status</c>: applicant, active, suspended, self-suspended, special-measures, zone-limited, withdrawn.</summary>
public sealed record RecordStatusEventRequest(string? EffectiveOn, string? Status, string? Scope, string? Note, string? DecisionTitle, string? DecisionDate, string? DecisionReference);

public sealed record RecordZoneRequest(string? Name, string? Kind, string? From, string? EndsOn, string? Source);

public sealed record RecordEmbargoRequest(string? Origin, string? From, string? EndsOn, bool GovernmentCertifiedExempt, string? Note, string? DecisionTitle, string? DecisionDate, string? DecisionReference);

public sealed record AddParticipantRequest(string? Code, string? NameEn, string? NameFr, string? Kind, string? AdmittedOn);

public sealed record AuthorityRequest(string? Name, string? Role, string? Address, string? Contact);

/// <summary>Create or update a licensed operator. <c>version</c> is required on update (optimistic concurrency).</summary>
public sealed record OperatorRequest(string? CompanyName, string? Address, string? LicenceNumber, bool IsExporter, bool IsImporter, string? ValidFrom, string? ValidTo, bool Suspended, Guid? Version);
