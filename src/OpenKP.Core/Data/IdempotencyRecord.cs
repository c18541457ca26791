namespace OpenKP.Data;

/// <summary>
/// A creating POST sent with an <c>Idempotency-Key</c> header, and the response it got, so a retry
/// with the same key gets the same answer instead of a second record. Keys are per user.
/// </summary>
public sealed class IdempotencyRecord
{
    public long Id { get; set; }
    public required string UserName { get; set; }
    public required string Key { get; set; }
    /// <summary>SHA-256 of method, path and body: the same key with another request is refused.</summary>
    public required string RequestHash { get; set; }
    /// <summary>0 while the first request is still running.</summary>
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public byte[]? Body { get; set; }
    public string? Location { get; set; }
    public DateTime CreatedAt { get; set; }
}
