using OpenKP.Shared;

namespace OpenKP.Cli.Shared;

/// <summary>
/// Everything a run touches outside itself, so tests can capture output, point remote mode at a test
/// server, fix the clock and supply environment variables without changing the process's own.
/// </summary>
/// <param name="Out">Answers: tables, or JSON with <c>--json</c>.</param>
/// <param name="Error">Problems, one per line: <c>error: code: message</c>.</param>
/// <param name="IsTerminal">True when <paramref name="Out"/> is a terminal: colours and its width. Otherwise plain text.</param>
/// <param name="HttpClientFactory">The client for a server's base address (remote mode).</param>
/// <param name="Clock">Decides "today" in local mode.</param>
/// <param name="Environment">Reads an environment variable.</param>
/// <param name="PromptPassword">Asks for a password without echoing it; null when there is no terminal to ask on.</param>
internal sealed record CliContext(
    TextWriter Out,
    TextWriter Error,
    bool IsTerminal,
    Func<Uri, HttpClient> HttpClientFactory,
    TimeProvider Clock,
    Func<string, string?> Environment,
    Func<string, string?>? PromptPassword)
{
    /// <summary>Width of plain (non-terminal) output: wide enough that piped lines are not wrapped mid-message.</summary>
    public int PlainWidth { get; init; } = 240;

    /// <summary>The real console, clock and environment; the password prompt only when a person is at the keyboard.</summary>
    public static CliContext ForConsole() => new(
        Console.Out,
        Console.Error,
        !Console.IsOutputRedirected,
        DefaultHttpClient,
        TimeProvider.System,
        System.Environment.GetEnvironmentVariable,
        Console.IsInputRedirected ? null : ReadPassword);

    public static HttpClient DefaultHttpClient(Uri server) => new() { BaseAddress = server, Timeout = TimeSpan.FromSeconds(100) };

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Reads the QR text from a photo or scan (PNG, JPEG) for <c>verify --image</c>: Core's
    /// <see cref="OpenKP.Certificates.QrImageReader"/>; tests may substitute it.
    /// </summary>
    public Func<byte[], Outcome<string>> ReadQrImage { get; init; } = OpenKP.Certificates.QrImageReader.Read;

    /// <summary>Reads a line from the keyboard without echoing it.</summary>
    private static string? ReadPassword(string prompt)
    {
        Console.Error.Write(prompt);
        var password = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return password.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                {
                    password.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
    }
}
