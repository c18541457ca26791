namespace OpenKP.Statistics.Synthetic;

/// <summary>Why a synthetic-data run was refused. Documented in docs/problems.md; never renamed or reused.</summary>
public static class SyntheticCodes
{
    public const string YearsOutOfRange = "synthetic.years-out-of-range";
    public const string SizeOutOfRange = "synthetic.size-out-of-range";
    public const string AlreadyGenerated = "synthetic.already-generated";
    public const string RegistryEmpty = "synthetic.registry-empty";
}
