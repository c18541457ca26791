namespace OpenKP.Statistics.Synthetic;

/// <summary>What to generate: <see cref="Years"/> years ending with the current year, about <see cref="CertificatesPerYear"/> export certificates in each full year, from <see cref="Seed"/>.</summary>
/// <param name="Years">1–50. The current year is generated up to yesterday only.</param>
/// <param name="CertificatesPerYear">10–1,000,000; the world is scaled to match (<see cref="SyntheticCalibration.Scale"/>).</param>
/// <param name="Seed">The same seed, size, day and registry give the same data, row for row.</param>
public sealed record SyntheticRequest(int Years, int CertificatesPerYear, int Seed)
{
    public const int MaxYears = 50;
    public const int MinCertificatesPerYear = 10;
    public const int MaxCertificatesPerYear = 1_000_000;
}

/// <summary>
/// An anomaly the generator planted on purpose, far beyond any sane threshold, for the anomaly detector
/// to find. <see cref="Quarter"/> is set for quarterly kinds, null for yearly ones. A plant may also
/// trip other kinds as a side effect (a price ×5 is also a quarter-on-quarter jump in value).
/// </summary>
public sealed record PlantedAnomaly(AnomalyKind Kind, string Participant, int Year, int? Quarter, string Description);

/// <summary>What a generation run wrote. <c>CompleteYears</c>: the years generated in full (every day, every production return sent): the past years, less the last one while its second-half returns are not all in.</summary>
public sealed record SyntheticResult(
    SyntheticRequest Request,
    int FirstYear,
    int LastYear,
    IReadOnlyList<int> CompleteYears,
    long Certificates,
    long CertificateLines,
    long ImportConfirmations,
    long ArrivalChecks,
    long ProductionReturns,
    IReadOnlyList<PlantedAnomaly> Planted,
    TimeSpan Elapsed);

/// <summary>How far a run is: the year being written and the certificates written so far.</summary>
public readonly record struct SyntheticProgress(int Year, long CertificatesWritten, long CertificatesExpected);

/// <summary>
/// Told after synthetic data was generated (the demo's first start): e.g. the statistics vintages
/// publish the complete years, so the public pages show them. Registered by whoever owns publication.
/// </summary>
public interface ISyntheticDataObserver
{
    Task OnGeneratedAsync(SyntheticResult result, CancellationToken ct);
}
