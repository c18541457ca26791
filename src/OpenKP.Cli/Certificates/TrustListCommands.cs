using System.CommandLine;
using System.Globalization;
using OpenKP.Certificates;
using OpenKP.Cli.Shared;
using OpenKP.Shared;
using Spectre.Console;

namespace OpenKP.Cli.Certificates;

/// <summary>What <c>openkp trust-list download --json</c> reports.</summary>
internal sealed record TrustDownloadView(
    string HubKeyId, string Folder, long TrustListSequence, DateTimeOffset TrustListIssuedAt, int Keys, int ActiveKeys, int RetiredKeys, int RevokedKeys,
    int Participants, long RevocationsSequence, DateTimeOffset RevocationsIssuedAt, int Revocations);

/// <summary>
/// <c>openkp trust-list download</c>: fetches the hub's signed trust list, revocation list and public key,
/// checks both lists against that key, and saves the three files where <c>openkp verify</c> reads them.
/// The key id it prints is what a person compares with the one the hub publishes out of band.
/// </summary>
internal static class TrustListCommands
{
    public static void AddTo(RootCommand root, CliContext context, GlobalOptions globals)
    {
        var outFolder = new Option<string>("--out") { Description = $"Where to save {TrustFiles.TrustListFile}, {TrustFiles.RevocationsFile} and {TrustFiles.HubKeyFile} (default: <data-dir>/{TrustFiles.Folder})" };
        var expectKeyId = new Option<string>("--expect-key-id") { Description = "The hub key id published by the KP (16 hex digits): refuse any other key, and accept it in place of a saved one" };
        var download = new Command("download", "Fetch and check the signed trust list, revocation list and hub key from --server and save them for offline verify")
        {
            outFolder, expectKeyId,
        };
        download.SetAction(async (parse, ct) =>
        {
            var output = new Output(context, parse.GetValue(globals.Json));
            var input = new Input();
            var serverText = parse.GetValue(globals.Server);
            var server = GlobalOptions.ServerUri(serverText);
            if (serverText is null)
            {
                input.Add(InputCodes.Required, "trust-list download needs --server URL: the OpenKP server to fetch the lists from.", "--server");
            }
            else if (server is null)
            {
                input.Add(InputCodes.InvalidValue, $"--server: '{serverText}' is not an http:// or https:// URL.", "--server");
            }

            var expected = parse.GetValue(expectKeyId)?.Trim().ToLowerInvariant();
            if (expected is not null && (expected.Length != 16 || !expected.All(char.IsAsciiHexDigit)))
            {
                input.Add(InputCodes.InvalidValue, $"--expect-key-id: '{expected}' is not a key id (16 hex digits).", "--expect-key-id");
            }

            if (!input.IsValid)
            {
                return output.Fail(new Problem(input.Errors));
            }

            var folder = Path.GetFullPath(parse.GetValue(outFolder) ?? TrustFiles.DefaultFolder(globals.DataDirectoryPath(parse, context)));
            Answer<Fetched> fetched;
            try
            {
                fetched = await FetchAsync(new ApiClient(context.HttpClientFactory(server!), server!), ct);
            }
            catch (HttpRequestException e)
            {
                return output.Fail(Problem.Of(CliCodes.ServerUnreachable, $"Could not reach {server}: {e.Message}"));
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                return output.Fail(Problem.Of(CliCodes.ServerUnreachable, $"{server} did not answer in time."));
            }

            if (fetched.Problem is { } problem)
            {
                return output.Fail(problem);
            }

            Answer<OpenedTrustFiles> checkedFiles;
            try
            {
                checkedFiles = Check(fetched.Value!, folder, expected);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return output.Fail(Problem.Of(CliCodes.FileUnreadable, $"The trust files saved in {folder} could not be read: {e.Message}", "--out"));
            }

            if (checkedFiles.Problem is { } refused)
            {
                return output.Fail(refused);
            }

            var files = checkedFiles.Value!;
            if (TrustFiles.WriteAll(folder, [(TrustFiles.TrustListFile, fetched.Value!.TrustList), (TrustFiles.RevocationsFile, fetched.Value.Revocations), (TrustFiles.HubKeyFile, fetched.Value.HubKeyPem)]) is { } unwritable)
            {
                return output.Fail(unwritable);
            }

            var keys = files.TrustList.Keys;
            var view = new TrustDownloadView(
                files.HubKeyId, folder, files.TrustList.Sequence, files.TrustList.IssuedAt, keys.Count,
                keys.Count(k => k.Status == KeyStatus.Active), keys.Count(k => k.Status == KeyStatus.Retired), keys.Count(k => k.Status == KeyStatus.Revoked),
                files.TrustList.Participants.Count, files.Revocations.Sequence, files.Revocations.IssuedAt, files.Revocations.Entries.Count);
            if (output.Json)
            {
                output.WriteJson(Answer<TrustDownloadView>.Ok(view));
            }
            else
            {
                Print(output, view);
            }

            return ExitCodes.Ok;
        });

        var trustList = new Command("trust-list", "The hub's signed trust list and revocation list, for offline verification");
        trustList.Subcommands.Add(download);
        root.Subcommands.Add(trustList);
    }

    private sealed record Fetched(byte[] TrustList, byte[] Revocations, byte[] HubKeyPem);

    private static async Task<Answer<Fetched>> FetchAsync(ApiClient api, CancellationToken ct)
    {
        using (api)
        {
            var trustList = await api.GetBytesAsync("api/trust-list", ct);
            var revocations = await api.GetBytesAsync("api/revocations", ct);
            var hubKey = await api.GetBytesAsync("api/trust-list/hub-key", ct);
            var problems = new[] { trustList.Problem, revocations.Problem, hubKey.Problem }.OfType<Problem>().ToList();
            return problems.Count > 0
                ? new Problem([.. problems.SelectMany(p => p.Violations)], problems[0].HttpStatus)
                : Answer<Fetched>.Ok(new Fetched(trustList.Value!, revocations.Value!, hubKey.Value!));
        }
    }

    /// <summary>The downloaded key is the one expected (or the one saved before), both lists open with it, and neither is older than the one saved.</summary>
    private static Answer<OpenedTrustFiles> Check(Fetched fetched, string folder, string? expected)
    {
        var hubKey = HubKeys.ReadPem(System.Text.Encoding.UTF8.GetString(fetched.HubKeyPem));
        if (!hubKey.Succeeded)
        {
            return new Problem(hubKey.Violations);
        }

        var keyId = KeyIds.Hex(KeyIds.Of(hubKey.Value!));
        if (expected is not null && expected != keyId)
        {
            return Problem.Of(CliCodes.HubKeyUnexpected,
                $"The server's hub key is {keyId}, not {expected}: nothing was saved. Check the key id the KP publishes, and the server you asked.", "--expect-key-id");
        }

        var savedKeyPath = Path.Combine(folder, TrustFiles.HubKeyFile);
        var savedKey = File.Exists(savedKeyPath) ? HubKeys.ReadPem(File.ReadAllText(savedKeyPath)) : null;
        var savedKeyId = savedKey?.Value is { } saved ? KeyIds.Hex(KeyIds.Of(saved)) : null;
        if (savedKey is not null && savedKeyId != keyId && expected != keyId)
        {
            return Problem.Of(CliCodes.HubKeyChanged,
                $"The server's hub key is {keyId}, but the key saved in {savedKeyPath} is {savedKeyId ?? "unreadable"}: nothing was saved. " +
                $"If the KP has published the new key id, accept it with --expect-key-id {keyId}.", "--server");
        }

        var trustList = TrustList.Open(fetched.TrustList, hubKey.Value!);
        var revocations = RevocationList.Open(fetched.Revocations, hubKey.Value!);
        var problems = trustList.Violations.Concat(revocations.Violations).ToList();
        if (problems.Count > 0)
        {
            return new Problem(problems);
        }

        problems.AddRange(Older(Path.Combine(folder, TrustFiles.TrustListFile), "trust list", trustList.Value!.Sequence, bytes => TrustList.Open(bytes, hubKey.Value!).Value?.Sequence));
        problems.AddRange(Older(Path.Combine(folder, TrustFiles.RevocationsFile), "revocation list", revocations.Value!.Sequence, bytes => RevocationList.Open(bytes, hubKey.Value!).Value?.Sequence));
        return problems.Count > 0
            ? new Problem(problems)
            : Answer<OpenedTrustFiles>.Ok(new OpenedTrustFiles(hubKey.Value!, trustList.Value!, revocations.Value!));
    }

    /// <summary>A problem when the saved list (if it opens with the same hub key) has a higher sequence number than the downloaded one.</summary>
    private static IEnumerable<Violation> Older(string savedPath, string what, long downloaded, Func<byte[], long?> sequenceOf)
    {
        var saved = File.Exists(savedPath) ? sequenceOf(File.ReadAllBytes(savedPath)) : null;
        if (saved > downloaded)
        {
            yield return new Violation(CliCodes.ListOlderThanSaved,
                $"The server's {what} is #{downloaded}, older than #{saved} saved in {savedPath}: nothing was saved (a server replaying old lists would hide revocations).", "--server");
        }
    }

    private static void Print(Output output, TrustDownloadView v)
    {
        var table = output.Table("Saved", "What");
        table.AddRow("hub key", Output.Text($"{v.HubKeyId}  (compare with the hub key id the KP publishes)"));
        table.AddRow("trust list", Output.Text(
            $"#{v.TrustListSequence}, issued {Instant(v.TrustListIssuedAt)}: keys {v.Keys} ({v.ActiveKeys} active, {v.RetiredKeys} retired, {v.RevokedKeys} revoked), participants {v.Participants}"));
        table.AddRow("revocation list", Output.Text($"#{v.RevocationsSequence}, issued {Instant(v.RevocationsIssuedAt)}: entries {v.Revocations}"));
        output.Console.Write(table);
        output.Console.MarkupLine(Output.Text($"Saved in {v.Folder}: openkp verify now works offline."));
    }

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
