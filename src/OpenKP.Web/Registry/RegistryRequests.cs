using OpenKP.Registry;
using OpenKP.Shared;

namespace OpenKP.Web.Registry;

// Requests: raw strings, parsed by Input so every malformed field is reported at once with a code.

/// <summary>Record a status change. <c>status</c>: applicant, active, suspended, self-suspended, special-measures, zone-limited, withdrawn.</summary>
public sealed record RecordStatusEventRequest(string? EffectiveOn, string? Status, string? Scope, string? Note, string? DecisionTitle, string? DecisionDate, string? DecisionReference)
{
    /// <summary>The editor's command, every malformed field added to <paramref name="input"/>: the API and the portal's form parse alike.</summary>
    public NewStatusEvent Parse(Input input) => new(
        input.Date(EffectiveOn, "effectiveOn"),
        input.Enum<ParticipantStatus>(Status, "status"),
        input.Text(Scope, "scope", 500, required: false),
        input.Text(Note, "note", 4000),
        DecisionFields.Parse(input, DecisionTitle, DecisionDate, DecisionReference));
}

/// <summary>The decision a registry change cites, as every request carries it.</summary>
internal static class DecisionFields
{
    public static DecisionInput Parse(Input input, string? title, string? date, string? reference) => new(
        input.Text(title, "decisionTitle", 4000),
        input.OptionalDate(date, "decisionDate"),
        input.Text(reference, "decisionReference", 2000, required: false));
}

public sealed record RecordZoneRequest(string? Name, string? Kind, string? From, string? EndsOn, string? Source);

public sealed record RecordEmbargoRequest(string? Origin, string? From, string? EndsOn, bool GovernmentCertifiedExempt, string? Note, string? DecisionTitle, string? DecisionDate, string? DecisionReference);

public sealed record AddParticipantRequest(string? Code, string? NameEn, string? NameFr, string? Kind, string? AdmittedOn);

public sealed record AuthorityRequest(string? Name, string? Role, string? Address, string? Contact);

/// <summary>Create or update a licensed operator. <c>version</c> is required on update (optimistic concurrency).</summary>
public sealed record OperatorRequest(string? CompanyName, string? Address, string? LicenceNumber, bool IsExporter, bool IsImporter, string? ValidFrom, string? ValidTo, bool Suspended, Guid? Version);
