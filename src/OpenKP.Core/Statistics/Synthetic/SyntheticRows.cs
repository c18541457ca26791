namespace OpenKP.Statistics.Synthetic;

/// <summary>A synthetic company: name, address and licence as a certificate prints them.</summary>
internal sealed record SyntheticCompany(string Name, string Address, string Licence);

/// <summary>One certificate line, amounts in hundredths of a carat and US cents.</summary>
internal readonly record struct SyntheticLine(string HsCode, long CaratsHundredths, long UsdCents);

/// <summary>One certificate as the bulk writers store it, with its import confirmation and arrival check when the importer confirmed it.</summary>
internal sealed class SyntheticCertificate
{
    public long Id { get; set; }
    public string Number { get; set; } = string.Empty;
    public required string Exporter { get; init; }
    public required string Importer { get; init; }
    public required string Authority { get; init; }
    public required string ImporterAuthority { get; init; }
    public required SyntheticCompany ExporterCompany { get; init; }
    public required SyntheticCompany ImporterCompany { get; init; }
    public required string Origin { get; init; }
    public int Parcels { get; init; }
    public DateOnly IssuedOn { get; init; }
    public DateOnly ExpiresOn { get; init; }
    public DateTime CreatedAt { get; init; }
    public Guid Version { get; init; }
    public required SyntheticLine[] Lines { get; init; }
    public long TotalCaratsHundredths { get; init; }
    public long TotalUsdCents { get; init; }
    /// <summary>Orders certificates of the same day before numbering.</summary>
    public int Tiebreak { get; init; }
    public SyntheticArrival? Arrival { get; init; }
}

/// <summary>The importing side's accepted arrival check and confirmation of receipt.</summary>
internal sealed record SyntheticArrival(DateOnly ReceivedOn, DateTime ConfirmedAt, long CaratsFound, long UsdFound, long CaratsConfirmed)
{
    public long ConfirmationId { get; set; }
    public long ArrivalCheckId { get; set; }
}

/// <summary>One production return (revision 1) and its lines by mining type.</summary>
internal sealed record SyntheticReturn(string Participant, int Year, int Half, DateTime SubmittedAt, IReadOnlyList<(MiningType Type, long Carats, long Usd)> Lines)
{
    public long Id { get; set; }
}

/// <summary>A year ready to write: its certificates (numbered, ids assigned) and its production returns; line ids run on from the first ones, in order.</summary>
internal sealed record SyntheticYear(int Year, IReadOnlyList<SyntheticCertificate> Certificates, IReadOnlyList<SyntheticReturn> Returns, long FirstLineId, long FirstProductionLineId)
{
    public long Lines => Certificates.Sum(c => (long)c.Lines.Length);
}
