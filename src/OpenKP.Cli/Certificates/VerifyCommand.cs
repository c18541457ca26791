using System.CommandLine;
using System.Globalization;
using OpenKP.Certificates;
using OpenKP.Cli.Shared;
using OpenKP.Shared;
using Spectre.Console;

namespace OpenKP.Cli.Certificates;

/// <summary>A list a verdict was judged against: its number and date.</summary>
internal sealed record ListUsed(long Sequence, DateTimeOffset IssuedAt, int Entries);

/// <summary>
/// <c>openkp verify --json</c>: the verdict, every reason and warning, the certificate as decoded, the key
/// that signed it, and what it was checked against.
/// </summary>
internal sealed record VerificationView(
    bool Valid,
    IReadOnlyList<Violation> Reasons,
    IReadOnlyList<Violation> Warnings,
    CertificateContent? Certificate,
    TrustedKeyView? Key,
    DateTimeOffset CheckedAt,
    string HubKeyId,
    ListUsed TrustList,
    ListUsed Revocations);

/// <summary>
/// <c>openkp verify TEXT | --image FILE</c>: checks a KP certificate's QR offline, against the trust list
/// and revocation list saved by <c>openkp trust-list download</c> and the hub key saved with them. Exit 0
/// valid, 2 invalid, 1 when it cannot judge (usage, missing or refused files).
/// </summary>
internal static class VerifyCommand
{
    public static void AddTo(RootCommand root, CliContext context, GlobalOptions globals)
    {
        var text = new Argument<string?>("text") { Description = "The QR text, starting KP1: (quote it: it holds spaces and $ % * + signs)", Arity = ArgumentArity.ZeroOrOne };
        var image = new Option<string>("--image") { Description = "A photo or scan of the QR code (PNG or JPEG) instead of its text" };
        var trustList = new Option<string>("--trust-list") { Description = $"The signed trust list (default: <data-dir>/{TrustFiles.Folder}/{TrustFiles.TrustListFile})" };
        var revocations = new Option<string>("--revocations") { Description = $"The signed revocation list (default: <data-dir>/{TrustFiles.Folder}/{TrustFiles.RevocationsFile})" };
        var hubKey = new Option<string>("--hub-key") { Description = $"The hub's public key, PEM (default: <data-dir>/{TrustFiles.Folder}/{TrustFiles.HubKeyFile})" };
        var command = new Command("verify", "Check a KP certificate's QR offline against the saved trust and revocation lists. Exit 0 valid, 2 invalid")
        {
            text, image, trustList, revocations, hubKey,
        };
        command.SetAction(parse =>
        {
            var output = new Output(context, parse.GetValue(globals.Json));
            var qrText = parse.GetValue(text);
            var imagePath = parse.GetValue(image);
            var input = new Input();
            if (parse.GetResult(globals.Server) is not null)
            {
                input.Add(CliCodes.LocalOnly, "verify works offline from the saved lists; fetch them first with: openkp trust-list download --server URL", "--server");
            }

            if (qrText is not null && imagePath is not null)
            {
                input.Add(CliCodes.OptionConflict, "Give the QR text or --image, not both.", "--image");
            }
            else if (string.IsNullOrWhiteSpace(qrText) && imagePath is null)
            {
                input.Add(InputCodes.Required, "Give the QR text (KP1:…) or --image FILE.", "text");
            }

            if (!input.IsValid)
            {
                return output.Fail(new Problem(input.Errors));
            }

            var folder = TrustFiles.DefaultFolder(globals.DataDirectoryPath(parse, context));
            var problems = new List<Violation>();
            var photo = imagePath is null ? null : TrustFiles.Read(Path.GetFullPath(imagePath), "--image", problems);
            var opened = TrustFiles.Open(
                Path.GetFullPath(parse.GetValue(hubKey) ?? Path.Combine(folder, TrustFiles.HubKeyFile)),
                Path.GetFullPath(parse.GetValue(trustList) ?? Path.Combine(folder, TrustFiles.TrustListFile)),
                Path.GetFullPath(parse.GetValue(revocations) ?? Path.Combine(folder, TrustFiles.RevocationsFile)));
            problems.AddRange(opened.Problem?.Violations ?? []);
            if (problems.Count > 0)
            {
                return output.Fail(new Problem(problems));
            }

            if (photo is not null)
            {
                var read = context.ReadQrImage(photo);
                if (!read.Succeeded)
                {
                    return output.Fail(new Problem(read.Violations));
                }

                qrText = read.Value;
            }

            var files = opened.Value!;
            var now = context.Clock.GetUtcNow();
            var verdict = CertificateVerifier.Verify(qrText, files.Anchors(), now);
            var view = new VerificationView(
                verdict.Valid, verdict.Reasons, verdict.Warnings, verdict.Certificate, verdict.Key is { } key ? TrustedKeyView.Of(key) : null, now, files.HubKeyId,
                new ListUsed(files.TrustList.Sequence, files.TrustList.IssuedAt, files.TrustList.Keys.Count),
                new ListUsed(files.Revocations.Sequence, files.Revocations.IssuedAt, files.Revocations.Entries.Count));
            if (output.Json)
            {
                output.WriteJson(Answer<VerificationView>.Ok(view));
            }
            else
            {
                Print(output, view);
            }

            return verdict.Valid ? ExitCodes.Ok : ExitCodes.Invalid;
        });
        root.Subcommands.Add(command);
    }

    private static void Print(Output output, VerificationView v)
    {
        var console = output.Console;
        var c = v.Certificate;
        var what = c is null
            ? "the QR could not be read"
            : $"{c.Number}: issued by {c.IssuingParticipant} ({c.IssuingAuthority}) on {Output.Day(c.IssuedOn)}, expires {Output.Day(c.ExpiresOn)}";
        console.MarkupLine(v.Valid ? $"[green bold]VALID[/]    {Output.Text(what)}" : $"[red bold]INVALID[/]  {Output.Text(what)}");
        if (v.Reasons.Count > 0)
        {
            var reasons = output.Table("Code", "Reason");
            foreach (var r in v.Reasons)
            {
                reasons.AddRow(Output.Text(r.Code), Output.Text(r.Message));
            }

            console.Write(reasons);
        }

        foreach (var w in v.Warnings)
        {
            console.MarkupLine($"[yellow bold]WARNING[/]  {Output.Text($"{w.Code}: {w.Message}")}");
        }

        if (c is not null)
        {
            PrintCertificate(output, c, v.Key);
        }

        console.WriteLine();
        console.MarkupLine(Output.Text(
            $"Checked offline at {Instant(v.CheckedAt)} against trust list #{v.TrustList.Sequence} ({Instant(v.TrustList.IssuedAt)}, keys: {v.TrustList.Entries}) " +
            $"and revocation list #{v.Revocations.Sequence} ({Instant(v.Revocations.IssuedAt)}, entries: {v.Revocations.Entries}), signed by hub key {v.HubKeyId}."));
    }

    private static void PrintCertificate(Output output, CertificateContent c, TrustedKeyView? key)
    {
        var fields = output.Table("Field", "Value");
        void Row(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                fields.AddRow(Output.Text(name), Output.Text(value));
            }
        }

        Row("Number", c.Number);
        Row("Issuing participant", c.IssuingParticipant);
        Row("Issuing authority", c.IssuingAuthority);
        Row("Exporter", $"{c.Exporter.Name}, {c.Exporter.Address} (licence {c.Exporter.Licence})");
        Row("Importer", $"{c.Importer.Name}, {c.Importer.Address}, {c.Importer.Participant}" + (c.Importer.Licence is { } licence ? $" (licence {licence})" : string.Empty));
        Row("Origin", c.Origin);
        Row("Provenance", c.Provenance);
        Row("Origin zone", c.OriginZone);
        Row("Parcels", c.Parcels.ToString(CultureInfo.InvariantCulture));
        Row("Date of issue", Output.Day(c.IssuedOn));
        Row("Date of expiry", Output.Day(c.ExpiresOn));
        Row("Seals", string.Join(", ", c.SealNumbers));
        Row("Containers", string.Join(", ", c.ContainerNumbers));
        Row("Quality notes", c.QualityNotes);
        Row("Replaces", c.Replaces);
        Row("Signed with key", key is null ? null : $"{key.KeyId} of {key.Authority} ({key.Participant}), {key.Status}");
        output.Console.Write(fields);

        var lines = output.Table("HS code", "Carats", "US$");
        foreach (var amount in lines.Columns.Skip(1))
        {
            amount.Alignment = Justify.Right;
        }

        foreach (var line in c.Lines)
        {
            lines.AddRow(Output.Text(line.HsCode), Amount(line.Carats), Amount(line.Usd));
        }

        lines.AddRow("[bold]total[/]", Amount(c.TotalCarats), Amount(c.TotalUsd));
        output.Console.Write(lines);
    }

    private static string Amount(decimal value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
