namespace OpenKP.Cli.Shared;

/// <summary>What <c>openkp</c> exits with; scripts rely on these, so they never change meaning.</summary>
internal static class ExitCodes
{
    /// <summary>Done; for <c>trade-permission</c>: allowed; for <c>verify</c> and <c>confirmations verify</c>: valid; for <c>arrivals check</c>: accepted; for <c>audit verify</c>: intact.</summary>
    public const int Ok = 0;

    /// <summary>An error: bad input or usage, an unknown participant, a refused sign-in, an unreachable server or database, bad reference files, missing or refused trust files.</summary>
    public const int Error = 1;

    /// <summary><c>trade-permission</c>: the shipment is refused under KP rules.</summary>
    public const int Refused = 2;

    /// <summary><c>verify</c>, <c>confirmations verify</c>: the certificate or confirmation is not valid (same value as <see cref="Refused"/>: the answer is no).</summary>
    public const int Invalid = 2;

    /// <summary><c>arrivals check</c>: the shipment is detained and a case opened (the answer is no).</summary>
    public const int Detained = 2;

    /// <summary><c>audit verify</c>: the audit chain is broken.</summary>
    public const int AuditBroken = 3;
}
