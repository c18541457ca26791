using System.Globalization;
using OpenKP.Cli.Shared;
using OpenKP.Shared;
using OpenKP.Shipments;
using Spectre.Console;

namespace OpenKP.Cli.Shipments;

/// <summary>
/// What the shipments loop's commands share: they all act for a signed-in account on the server, print
/// the server's JSON with <c>--json</c> and a table or a few lines otherwise, and format amounts and
/// instants alike.
/// </summary>
internal static class LoopOutput
{
    public const string ServerOnly =
        "The shipments loop acts for a signed-in account (operator, officer or customs): add --server URL and sign in with --user NAME or --token TOKEN.";

    /// <summary>The problem, or the JSON as the server sent it, or <paramref name="print"/>; exits with what <paramref name="exitCode"/> says of the answer (0 by default).</summary>
    public static int Show<T>(CliRun run, Answer<T> answer, Action<Output, T> print, Func<T, int>? exitCode = null)
    {
        if (answer.Problem is { } problem)
        {
            return run.Output.Fail(problem);
        }

        if (run.Output.Json)
        {
            run.Output.WriteJson(answer);
        }
        else
        {
            print(run.Output, answer.Value!);
        }

        return exitCode?.Invoke(answer.Value!) ?? ExitCodes.Ok;
    }

    /// <summary>A two-column table of the fields that have a value.</summary>
    public static Table Fields(Output output, params (string Name, string? Value)[] rows)
    {
        var table = output.Table("Field", "Value");
        foreach (var (name, value) in rows.Where(r => !string.IsNullOrEmpty(r.Value)))
        {
            table.AddRow(Output.Text(name), Output.Text(value));
        }

        return table;
    }

    /// <summary>A paged list's footer: how many were shown, of how many.</summary>
    public static void Count<T>(Output output, Paged<T> page, string what)
    {
        if (page.Total == 0)
        {
            output.Note($"No {what}.");
        }
        else if (page.Items.Count < page.Total)
        {
            output.Note($"{page.Items.Count} of {page.Total} {what} shown.");
        }
    }

    public static string Amount(decimal value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Instant(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Instant(DateTime? at) => at is { } a ? Instant(a) : "-";

    public static string Day(DateOnly? day) => day is { } d ? Output.Day(d) : "-";

    public static string Bytes(long? size) => size is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) + " bytes" : "-";

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A certificate number as one path segment.</summary>
    public static string Segment(string? number) => Uri.EscapeDataString(number?.Trim() ?? string.Empty);

    /// <summary>A status in its colour: green when the loop closed well, red when it went wrong, yellow while it waits on someone.</summary>
    public static string Status(string status) => status switch
    {
        "confirmed" or "issued" or "accepted" or "released" => $"[green]{status}[/]",
        "detained" or "seized" or "rejected" or "returned" or "expired" or "voided" => $"[red]{status}[/]",
        "awaiting-departure" or "submitted" or "awaiting-second-approval" or "sent-back" or "open" => $"[yellow]{status}[/]",
        _ => Markup.Escape(status),
    };

    /// <summary><c>true</c> or <c>false</c> (any case) into <paramref name="input"/>'s problems when it is neither.</summary>
    public static bool? Flag(Input input, string? value, string option)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            input.Add(InputCodes.Required, $"{option} is required: true or false.", option);
            return null;
        }

        if (bool.TryParse(value.Trim(), out var flag))
        {
            return flag;
        }

        input.Add(InputCodes.InvalidValue, $"{option}: '{value}' is not true or false.", option);
        return null;
    }

    /// <summary>A whole number of at least 0 typed on the command line.</summary>
    public static int? WholeNumber(Input input, string? value, string option)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            input.Add(InputCodes.Required, $"{option} is required.", option);
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        input.Add(InputCodes.InvalidNumber, $"{option}: '{value}' is not a whole number such as 3.", option);
        return null;
    }

    /// <summary>The discrepancies and verification reasons the API lists as codes, one per line.</summary>
    public static string Codes(IReadOnlyList<string> codes) => codes.Count == 0 ? "-" : string.Join(", ", codes);

    /// <summary>A shipment list's rows.</summary>
    public static void Shipments(Output output, IEnumerable<ShipmentSummary> items)
    {
        var table = output.Table("Certificate", "From", "To", "Status", "Issued", "Expires", "Expected", "Departed");
        foreach (var s in items)
        {
            table.AddRow(Output.Text(s.CertificateNumber), s.ExportingParticipant, s.ImportingParticipant, Status(s.Status), Output.Day(s.IssuedOn),
                Output.Day(s.ExpiresOn), Output.Day(s.ExpectedArrival), Instant(s.DepartedAt));
        }

        output.Console.Write(table);
    }
}
