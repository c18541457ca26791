using System.Reflection;
using OpenKP.Cli.Shared;
using OpenKP.Web.Tests.Shared;

namespace OpenKP.Web.Tests.Cli;

/// <summary>The command line's own codes are documented in docs/cli.md and never reuse an API code for something else.</summary>
public sealed class CliCodeTests
{
    private static IReadOnlyList<string> CliOnlyCodes() =>
    [
        .. typeof(CliCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!),
    ];

    [Fact]
    public void Every_cli_code_is_documented_in_the_cli_guide()
    {
        var doc = File.ReadAllText(Path.Combine(ProblemCodeTests.RepositoryRoot(), "docs", "cli.md"));

        Assert.All(CliOnlyCodes(), code => Assert.Contains($"| `{code}` |", doc, StringComparison.Ordinal));
    }

    [Fact]
    public void No_cli_code_is_also_an_api_code()
    {
        var api = ProblemCodeTests.AllCodes().Select(c => c.Code).ToHashSet();

        Assert.All(CliOnlyCodes(), code => Assert.DoesNotContain(code, api));
        Assert.Equal(CliOnlyCodes().Count, CliOnlyCodes().Distinct().Count());
    }
}
