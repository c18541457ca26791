using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using OpenKP.Certificates;
using OpenKP.Cli.Shared;
using OpenKP.Shared;
using Spectre.Console;

namespace OpenKP.Cli.Certificates;

/// <summary>
/// <c>openkp keys list | rotate | revoke</c>. Listing works locally or remotely (public halves only);
/// rotation and revocation go to the server, whose key store alone holds private keys.
/// </summary>
internal static class KeyCommands
{
    public static void AddTo(RootCommand root, CliContext context, GlobalOptions globals)
    {
        var keys = new Command("keys", "Signing keys of the issuing authorities and the hub: list, rotate, revoke");

        var listParticipant = new Option<string>("--participant") { Description = "Only this participant's keys (ISO code; KP for the hub)" };
        var list = new Command("list", "Signing keys with their status and validity (public halves only)") { listParticipant };
        list.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var code = parse.GetValue(listParticipant) is { Length: > 0 } p ? Participant(input, p) : null;
            if (!input.IsValid)
            {
                return run.Output.Fail(new Problem(input.Errors));
            }

            var answer = await run.AskAsync(
                api => api.GetAsync<IReadOnlyList<SigningKeyView>>("api/keys" + (code is null ? string.Empty : "?participant=" + code), ct),
                async db => Answer<IReadOnlyList<SigningKeyView>>.Ok([.. (await db.SigningKeys.AsNoTracking()
                    .Where(k => code == null || k.ParticipantCode == code)
                    .OrderBy(k => k.ParticipantCode).ThenBy(k => k.CreatedAt).ToListAsync(ct)).Select(SigningKeyView.Of)]),
                ct);
            return Print(run, answer);
        }));

        var rotateParticipant = new Option<string>("--participant") { Description = "The participant (ISO code)", Required = true };
        var rotate = new Command("rotate", "Create a new signing key; the active one retires (server only)") { rotateParticipant };
        rotate.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var code = Participant(input, parse.GetValue(rotateParticipant));
            if (!input.IsValid)
            {
                return run.Output.Fail(new Problem(input.Errors));
            }

            var answer = await run.ServerOnlyAsync(api => api.PostAsync<SigningKeyView>($"api/participants/{code}/keys/rotate", new { }, ct), KeysServerOnly, ct);
            return Print(run, answer.Problem is { } problem ? problem : Answer<IReadOnlyList<SigningKeyView>>.Ok([answer.Value!]));
        }));

        var keyId = new Argument<string>("KEYID") { Description = "The key id (16 hex digits)" };
        var revokeParticipant = new Option<string>("--participant") { Description = "The key's participant (ISO code)", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why (kept with the key and shown on the keys page)", Required = true };
        var revoke = new Command("revoke", "Revoke a key: everything it signed fails verification (server only)") { keyId, revokeParticipant, reason };
        revoke.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var code = Participant(input, parse.GetValue(revokeParticipant));
            var id = parse.GetValue(keyId)?.Trim().ToLowerInvariant() ?? string.Empty;
            if (id.Length != 16 || !id.All(char.IsAsciiHexDigit))
            {
                input.Add(InputCodes.InvalidValue, $"KEYID: '{id}' is not a key id (16 hex digits).", "KEYID");
            }

            var why = input.Text(parse.GetValue(reason), "--reason", 1000);
            if (!input.IsValid)
            {
                return run.Output.Fail(new Problem(input.Errors));
            }

            var answer = await run.ServerOnlyAsync(api => api.PostAsync<SigningKeyView>($"api/participants/{code}/keys/{id}/revoke", new { reason = why }, ct), KeysServerOnly, ct);
            return Print(run, answer.Problem is { } problem ? problem : Answer<IReadOnlyList<SigningKeyView>>.Ok([answer.Value!]));
        }));

        keys.Subcommands.Add(list);
        keys.Subcommands.Add(rotate);
        keys.Subcommands.Add(revoke);
        root.Subcommands.Add(keys);
    }

    private static string Participant(Input input, string? code)
        => string.Equals(code?.Trim(), SigningKey.HubParticipant, StringComparison.OrdinalIgnoreCase) ? SigningKey.HubParticipant : input.Code(code, "--participant");

    private const string KeysServerOnly = "Only the server's key store creates and revokes keys: add --server URL and sign in as the participant's authority officer.";

    private static int Print(CliRun run, Answer<IReadOnlyList<SigningKeyView>> answer)
    {
        if (answer.Problem is { } problem)
        {
            return run.Output.Fail(problem);
        }

        if (run.Output.Json)
        {
            run.Output.WriteJson(answer);
            return ExitCodes.Ok;
        }

        var table = run.Output.Table("Key id", "Participant", "Authority", "Status", "Valid from", "Valid to", "Since", "Reason");
        foreach (var k in answer.Value!)
        {
            table.AddRow(k.KeyId, k.Participant, Output.Text(k.Authority), k.Status, Output.Day(k.ValidFrom),
                k.ValidTo is { } to ? Output.Day(to) : "-", k.StatusSince is { } since ? Output.Day(since) : "-", Output.Text(k.StatusReason ?? string.Empty));
        }

        run.Output.Console.Write(table);
        if (answer.Value!.Count == 0)
        {
            run.Output.Note("No signing keys yet: a participant's first key is created by its first certificate (demo mode) or by 'openkp keys rotate'.");
        }

        return ExitCodes.Ok;
    }
}
