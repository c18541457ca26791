using OpenKP.Shared;

namespace OpenKP.Registry;

/// <summary>What a member of the scheme is.</summary>
public enum ParticipantKind
{
    State,
    /// <summary>A regional economic integration organisation: the European Union.</summary>
    RegionalOrganisation,
    /// <summary>Meets the KP minimum requirements without being a participant (Chinese Taipei).</summary>
    TradingEntity,
}

/// <summary>A KP participant (or trading entity). Its status on any day comes from its <see cref="StatusEvent"/>s.</summary>
public sealed class Participant
{
    /// <summary>ISO 3166-1 alpha-2, or <c>EU</c>.</summary>
    public required string Code { get; set; }
    public required string NameEn { get; set; }
    public required string NameFr { get; set; }
    public ParticipantKind Kind { get; set; }
    /// <summary>The day it joined; first day of the month or year when the sources give no more.</summary>
    public DateOnly AdmittedOn { get; set; }
    public DatePrecision AdmittedPrecision { get; set; }
    /// <summary>Where the reference data came from (a citation), if loaded from it.</summary>
    public string? Source { get; set; }
    /// <summary>Longest validity of a certificate this participant issues, in days (EU: two months).</summary>
    public int MaxCertificateValidityDays { get; set; } = 60;
    /// <summary>How its certificates are numbered (<see cref="Certificates.CertificateNumberFormat"/>): <c>{P}-{YYYY}-{N:6}</c> by default.</summary>
    public string CertificateNumberFormat { get; set; } = Certificates.CertificateNumberFormat.Default;
    /// <summary>The second language of its printed certificates' labels (<c>fr</c>), or null for English only.</summary>
    public string? CertificateLanguage { get; set; }
    /// <summary>Optimistic concurrency token, changed on every update.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public PartialDate Admitted => new(AdmittedOn, AdmittedPrecision);

    public string Name(string language) => language.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? NameFr : NameEn;
}
