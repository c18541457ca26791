using System.CommandLine;
using System.Globalization;
using OpenKP.Certificates;
using OpenKP.Cli.Certificates;
using OpenKP.Cli.Shared;
using OpenKP.Shared;
using OpenKP.Shipments;
using Spectre.Console;

namespace OpenKP.Cli.Shipments;

/// <summary>
/// <c>openkp confirmations verify TEXT</c>: checks an import confirmation's signed text (<c>KPC1:</c>) offline
/// against the trust list <c>trust-list download</c> saved, as <c>openkp verify</c> does for certificates;
/// with <c>--server</c>, asks the server's <c>POST /api/confirmations/verify</c>. Exit 0 valid, 2 invalid.
/// </summary>
internal static class ConfirmationCommands
{
    public static void AddTo(RootCommand root, CliContext context, GlobalOptions globals)
    {
        var text = new Argument<string>("TEXT") { Description = "The confirmation's signed text, starting KPC1: (quote it)" };
        var trustList = new Option<string>("--trust-list") { Description = $"Offline: the signed trust list (default: <data-dir>/{TrustFiles.Folder}/{TrustFiles.TrustListFile})" };
        var revocations = new Option<string>("--revocations") { Description = $"Offline: the signed revocation list (default: <data-dir>/{TrustFiles.Folder}/{TrustFiles.RevocationsFile})" };
        var hubKey = new Option<string>("--hub-key") { Description = $"Offline: the hub's public key, PEM (default: <data-dir>/{TrustFiles.Folder}/{TrustFiles.HubKeyFile})" };
        var verify = new Command("verify", "Check an import confirmation's signed text: offline against the saved trust list, or with --server by the server. Exit 0 valid, 2 invalid")
        {
            text, trustList, revocations, hubKey,
        };
        // With --server, a remote command like the others; without, offline like `verify`: no database is resolved or opened.
        var byServer = CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var signed = input.Text(parse.GetValue(text), "TEXT", 4000);
            foreach (var option in new[] { trustList, revocations, hubKey }.Where(o => parse.GetResult(o) is not null))
            {
                input.Add(CliCodes.OptionConflict, $"{option.Name} is for checking offline; with --server the server checks against its own trust list.", option.Name);
            }

            if (!input.IsValid)
            {
                return run.Output.Fail(new Problem(input.Errors));
            }

            var answer = await run.ServerOnlyAsync(api => api.PostAsync<ConfirmationVerificationView>("api/confirmations/verify", new { text = signed }, ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, (output, v) => Print(output, v, null, context.Clock.GetUtcNow()), Verdict);
        });
        verify.SetAction((parse, ct) => parse.GetResult(globals.Server) is not null ? byServer(parse, ct) : Task.FromResult(Offline(parse)));

        int Offline(ParseResult parse)
        {
            var output = new Output(context, parse.GetValue(globals.Json));
            var input = new Input();
            var signed = input.Text(parse.GetValue(text), "TEXT", 4000);
            if (!input.IsValid)
            {
                return output.Fail(new Problem(input.Errors));
            }

            var folder = TrustFiles.DefaultFolder(globals.DataDirectoryPath(parse, context));
            var opened = TrustFiles.Open(
                Path.GetFullPath(parse.GetValue(hubKey) ?? Path.Combine(folder, TrustFiles.HubKeyFile)),
                Path.GetFullPath(parse.GetValue(trustList) ?? Path.Combine(folder, TrustFiles.TrustListFile)),
                Path.GetFullPath(parse.GetValue(revocations) ?? Path.Combine(folder, TrustFiles.RevocationsFile)));
            if (opened.Problem is { } refused)
            {
                return output.Fail(refused);
            }

            var trust = opened.Value!;
            var view = ConfirmationVerificationView.Of(ImportConfirmationQr.Verify(signed, trust.Anchors()));
            if (output.Json)
            {
                output.WriteJson(Answer<ConfirmationVerificationView>.Ok(view));
            }
            else
            {
                Print(output, view, trust, context.Clock.GetUtcNow());
            }

            return Verdict(view);
        }

        var confirmations = new Command("confirmations", "Import confirmations: verify their signed text");
        confirmations.Subcommands.Add(verify);
        root.Subcommands.Add(confirmations);
    }

    private static int Verdict(ConfirmationVerificationView v) => v.Valid ? ExitCodes.Ok : ExitCodes.Invalid;

    /// <summary>The verdict, every reason, what the confirmation says, and (offline) which lists it was judged against.</summary>
    private static void Print(Output output, ConfirmationVerificationView v, OpenedTrustFiles? offline, DateTimeOffset now)
    {
        var c = v.Confirmation;
        var what = c is null
            ? "the confirmation could not be read"
            : $"import of certificate {c.CertificateNumber} confirmed by {c.ImportingParticipant} ({c.ConfirmingAuthority}), received {Output.Day(c.ReceivedOn)}";
        output.Console.MarkupLine(v.Valid ? $"[green bold]VALID[/]    {Output.Text(what)}" : $"[red bold]INVALID[/]  {Output.Text(what)}");
        output.Section("Reasons", v.Reasons, ["Code", "Reason"], r => [Output.Text(r.Code), Output.Text(r.Message)]);
        if (c is not null)
        {
            output.Console.Write(LoopOutput.Fields(output,
                ("Certificate", c.CertificateNumber),
                ("Exporting participant", c.ExportingParticipant),
                ("Importing participant", c.ImportingParticipant),
                ("Confirming authority", c.ConfirmingAuthority),
                ("Exporter", c.ExporterName),
                ("Importer", c.ImporterName),
                ("Parcels", c.Parcels.ToString(CultureInfo.InvariantCulture)),
                ("Carats", LoopOutput.Amount(c.Carats)),
                ("Received on", Output.Day(c.ReceivedOn)),
                ("Signed with key", v.KeyId is { } key ? $"{key} of {v.Authority}" : null)));
        }

        if (offline is null)
        {
            return;
        }

        var list = offline.TrustList;
        if (now - list.IssuedAt > TimeSpan.FromDays(CertificateVerifier.StaleAfterDays))
        {
            output.Console.MarkupLine($"[yellow bold]WARNING[/]  {Output.Text($"{CertificateCodes.TrustListStale}: the trust list is from {Output.Day(DateOnly.FromDateTime(list.IssuedAt.UtcDateTime))}, more than {CertificateVerifier.StaleAfterDays} days ago: download a fresh one when you can.")}");
        }

        output.Console.WriteLine();
        output.Console.MarkupLine(Output.Text(
            $"Checked offline against trust list #{list.Sequence} ({list.IssuedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}, keys: {list.Keys.Count}), signed by hub key {offline.HubKeyId}."));
    }
}
