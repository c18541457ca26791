using System.Reflection;
using OpenKP.Cli.Shared;
using OpenKP.Web.Tests.Shared;

namespace OpenKP.Web.Tests.Cli;

/// <summary>
/// docs/cli.md against the code: every command has its row in the commands table, and the command line's
/// own codes are documented there and never reuse an API code for something else.
/// </summary>
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
    public void Every_command_has_its_row_in_the_cli_guide()
    {
        var doc = File.ReadAllText(Path.Combine(ProblemCodeTests.RepositoryRoot(), "docs", "cli.md"));
        var context = new CliContext(TextWriter.Null, TextWriter.Null, false, CliContext.DefaultHttpClient, TimeProvider.System, _ => null, null);
        static IEnumerable<string> Leaves(System.CommandLine.Command command, string path) => command.Subcommands.Count == 0
            ? [path]
            : command.Subcommands.SelectMany(c => Leaves(c, path.Length == 0 ? c.Name : $"{path} {c.Name}"));

        var commands = Leaves(OpenKP.Cli.OpenKpCli.Commands(context), string.Empty).ToList();

        Assert.Contains("confirmations verify", commands);
        Assert.All(commands, command => Assert.Contains($"| `{command}", doc, StringComparison.Ordinal));
    }

    [Fact]
    public void No_cli_code_is_also_an_api_code()
    {
        var api = ProblemCodeTests.AllCodes().Select(c => c.Code).ToHashSet();

        Assert.All(CliOnlyCodes(), code => Assert.DoesNotContain(code, api));
        Assert.Equal(CliOnlyCodes().Count, CliOnlyCodes().Distinct().Count());
    }
}
