using System.Text.Json;
using Spectre.Console;

namespace OpenKP.Cli.Shared;

/// <summary>
/// Where answers and problems go. Tables through Spectre.Console on stdout (plain text, no ANSI,
/// when stdout is not a terminal); JSON with <c>--json</c>; problems on stderr as
/// <c>error: code: message</c>, one line each.
/// </summary>
internal sealed class Output
{
    private readonly CliContext _context;

    public Output(CliContext context, bool json)
    {
        _context = context;
        Json = json;
        Console = CreateConsole(context);
    }

    public bool Json { get; }

    /// <summary>stdout, for tables and lines of markup.</summary>
    public IAnsiConsole Console { get; }

    public TableBorder Border => _context.IsTerminal ? TableBorder.Rounded : TableBorder.Ascii;

    /// <summary>The server's JSON as it came in remote mode, the same shape serialised in local mode.</summary>
    public void WriteJson<T>(Answer<T> answer)
    {
        var json = answer.Json is { } node ? node.ToJsonString(CliJson.Options) : JsonSerializer.Serialize(answer.Value, CliJson.Options);
        _context.Out.WriteLine(json);
    }

    /// <summary>Prints every violation to stderr and returns the error exit code.</summary>
    public int Fail(Problem problem)
    {
        var http = problem.HttpStatus is { } status ? $" (HTTP {status})" : string.Empty;
        foreach (var v in problem.Violations)
        {
            // The field leads when the message does not name it: "error: invalid-code: --origin: '1X' is not …".
            var field = v.Field is { Length: > 0 } f && !v.Message.Contains(f, StringComparison.Ordinal) ? $"{f}: " : string.Empty;
            _context.Error.WriteLine($"error: {v.Code}: {field}{v.Message}{http}");
        }

        return ExitCodes.Error;
    }

    public void Note(string message) => _context.Error.WriteLine(message);

    /// <summary>A line on stdout as it is, never wrapped: signed texts (KP1:, KPC1:) that people copy whole.</summary>
    public void Verbatim(string text) => _context.Out.WriteLine(text);

    public Table Table(params string[] columns)
    {
        var table = new Table().Border(Border);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(column)));
        }

        return table;
    }

    /// <summary>A titled table of <paramref name="items"/> after a blank line; nothing when there are none.</summary>
    public void Section<T>(string title, IReadOnlyList<T> items, string[] columns, Func<T, string[]> row)
    {
        if (items.Count == 0)
        {
            return;
        }

        Console.WriteLine();
        Console.MarkupLine($"[bold]{Markup.Escape(title)}[/]");
        var table = Table(columns);
        foreach (var item in items)
        {
            table.AddRow(row(item));
        }

        Console.Write(table);
    }

    /// <summary>A status in its colour (colours vanish in plain output).</summary>
    public static string Status(string status) => status switch
    {
        "active" => $"[green]{status}[/]",
        "suspended" or "self-suspended" => $"[red]{status}[/]",
        "zone-limited" or "special-measures" => $"[yellow]{status}[/]",
        "applicant" => $"[blue]{status}[/]",
        _ => $"[grey]{Markup.Escape(status)}[/]",
    };

    /// <summary>A day as the API writes it: YYYY-MM-DD.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Text(string? text) => Markup.Escape(text ?? string.Empty);

    private static IAnsiConsole CreateConsole(CliContext context)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(context.Out),
            Ansi = context.IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = context.IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            // CI detection would switch ANSI back on for piped output; plain means plain.
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = context.IsTerminal },
        });
        if (!context.IsTerminal)
        {
            console.Profile.Width = context.PlainWidth;
        }

        return console;
    }
}
