namespace OpenKP.Audit;

/// <summary>
/// One change, append-only. <see cref="Hash"/> is the SHA-256 of <see cref="PreviousHash"/> and this
/// row's content (see <see cref="AuditChain.ComputeHash"/>), so editing or deleting any row breaks
/// the chain from that row on.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    /// <summary>UTC, truncated to the millisecond so every database stores it exactly.</summary>
    public DateTime At { get; set; }
    public required string UserName { get; set; }
    public string? Role { get; set; }
    public string? Participant { get; set; }
    /// <summary><c>added</c>, <c>modified</c> or <c>deleted</c>.</summary>
    public required string Action { get; set; }
    public required string Entity { get; set; }
    public required string EntityKey { get; set; }
    /// <summary>JSON of the changed properties before the change; null for an addition.</summary>
    public string? Before { get; set; }
    /// <summary>JSON of the changed properties after the change; null for a deletion.</summary>
    public string? After { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}

/// <summary>Who is making the current change; set per request (or per CLI run).</summary>
public interface IAuditActor
{
    string UserName { get; }
    string? Role { get; }
    string? Participant { get; }
}

/// <summary>The actor for work no person asked for: start-up seeding, reference data loads.</summary>
public sealed record SystemActor(string UserName = "system", string? Role = null, string? Participant = null) : IAuditActor;
