using OpenKP.Shared;

namespace OpenKP.Cli.Shared;

/// <summary>What went wrong, every violation at once; <see cref="HttpStatus"/> when a server answered it.</summary>
internal sealed record Problem(IReadOnlyList<Violation> Violations, int? HttpStatus = null)
{
    public static Problem Of(string code, string message, string? field = null) => new([new Violation(code, message, field)]);
}

/// <summary>
/// A command's answer: a value (with the server's JSON in remote mode, printed as-is for <c>--json</c>),
/// or a problem to print.
/// </summary>
internal sealed class Answer<T>
{
    private Answer(T? value, System.Text.Json.Nodes.JsonNode? json, Problem? problem)
    {
        Value = value;
        Json = json;
        Problem = problem;
    }

    public T? Value { get; }
    public System.Text.Json.Nodes.JsonNode? Json { get; }
    public Problem? Problem { get; }

    public static Answer<T> Ok(T value, System.Text.Json.Nodes.JsonNode? json = null) => new(value, json, null);
    public static Answer<T> Failed(Problem problem) => new(default, null, problem);

    public static implicit operator Answer<T>(Problem problem) => Failed(problem);
}
