namespace OpenKP.Shared;

/// <summary>
/// One broken rule. <paramref name="Code"/> is stable: it is never renamed or reused, and each one is
/// documented in docs/problems.md. <paramref name="Field"/> names the input the user should fix.
/// </summary>
public sealed record Violation(string Code, string Message, string? Field = null);

/// <summary>The result of a use case: a value, or every violation found, or a state conflict.</summary>
public sealed class Outcome<T>
{
    private Outcome(T? value, IReadOnlyList<Violation> violations, OutcomeKind kind)
    {
        Value = value;
        Violations = violations;
        Kind = kind;
    }

    public T? Value { get; }
    public IReadOnlyList<Violation> Violations { get; }
    public OutcomeKind Kind { get; }
    public bool Succeeded => Kind == OutcomeKind.Success;

    public static Outcome<T> Success(T value) => new(value, [], OutcomeKind.Success);
    public static Outcome<T> Invalid(IReadOnlyList<Violation> violations) => new(default, violations, OutcomeKind.RuleViolation);
    public static Outcome<T> Invalid(Violation violation) => Invalid([violation]);
    public static Outcome<T> NotFound(Violation violation) => new(default, [violation], OutcomeKind.NotFound);
    public static Outcome<T> Conflict(Violation violation) => new(default, [violation], OutcomeKind.Conflict);
    public static Outcome<T> Forbidden(Violation violation) => new(default, [violation], OutcomeKind.Forbidden);

    /// <summary>Another outcome's failure, carried over unchanged (its kind and violations).</summary>
    public static Outcome<T> From<TOther>(Outcome<TOther> failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        return failed.Succeeded ? throw new InvalidOperationException("Only a failed outcome carries over.") : new(default, failed.Violations, failed.Kind);
    }
}

public enum OutcomeKind
{
    Success,
    /// <summary>Well-formed input that breaks a KP rule (HTTP 422).</summary>
    RuleViolation,
    /// <summary>Something named in the input does not exist (HTTP 404).</summary>
    NotFound,
    /// <summary>The state changed under the caller, or the action was already done (HTTP 409).</summary>
    Conflict,
    /// <summary>The caller may not do this to something it can see, e.g. checking a shipment bound elsewhere (HTTP 403).</summary>
    Forbidden,
}
