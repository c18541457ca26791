using System.CommandLine;
using System.Globalization;
using OpenKP.Cli.Certificates;
using OpenKP.Cli.Shared;
using OpenKP.Shared;
using OpenKP.Shipments;
using Spectre.Console;

namespace OpenKP.Cli.Shipments;

/// <summary>
/// <c>openkp arrivals check</c> (importing customs: accepted, with the signed import confirmation, or
/// detained with a case) and <c>openkp transits record</c> (customs of a participant crossed). Server only.
/// </summary>
internal static class ArrivalCommands
{
    public static void AddTo(RootCommand root, CliContext context, GlobalOptions globals)
    {
        var qr = new Option<string>("--qr") { Description = "The certificate's QR text as scanned or pasted (KP1:…; quote it)" };
        var qrFile = new Option<string>("--qr-file") { Description = "A text file holding the certificate's QR text (what a scanner saved)" };
        var number = new Option<string>("--number") { Description = "The certificate number, when the QR cannot be read" };
        var sealIntact = new Option<string>("--seal-intact") { Description = "Was the seal intact on arrival: true or false", Required = true };
        var parcels = new Option<string>("--parcels") { Description = "The parcels counted", Required = true };
        var carats = new Option<string>("--carats") { Description = "The carats weighed, e.g. 1644.85", Required = true };
        var usd = new Option<string>("--usd") { Description = "The value found in US$, e.g. 529977.50", Required = true };
        var receivedOn = new Option<string>("--received-on") { Description = "The date of receipt, YYYY-MM-DD (default: today)" };
        var notes = new Option<string>("--notes") { Description = "What customs noted" };
        var check = new Command("check", "Importing customs: check an arriving shipment. ACCEPTED (exit 0) signs the import confirmation; DETAINED (exit 2) opens a case")
        {
            qr, qrFile, number, sealIntact, parcels, carats, usd, receivedOn, notes,
        };
        check.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var given = new[] { qr, qrFile, number }.Where(o => parse.GetResult(o) is not null).ToList();
            if (given.Count != 1)
            {
                input.Add(given.Count == 0 ? InputCodes.Required : CliCodes.OptionConflict, "Give one of --qr TEXT, --qr-file PATH or --number N.", "--qr");
            }

            var intact = LoopOutput.Flag(input, parse.GetValue(sealIntact), "--seal-intact");
            var counted = LoopOutput.WholeNumber(input, parse.GetValue(parcels), "--parcels");
            var weighed = input.Amount(parse.GetValue(carats), "--carats");
            var value = input.Amount(parse.GetValue(usd), "--usd");
            var day = input.OptionalDate(parse.GetValue(receivedOn), "--received-on");
            var note = input.Text(parse.GetValue(notes), "--notes", 2000, required: false);
            var problems = new List<Violation>(input.Errors);
            var text = parse.GetValue(qr);
            if (parse.GetValue(qrFile) is { } path && given.Count == 1)
            {
                var full = Path.GetFullPath(path);
                text = TrustFiles.Read(full, "--qr-file", problems) is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes).Trim() : null;
            }

            if (problems.Count > 0)
            {
                return run.Output.Fail(new Problem(problems));
            }

            var request = new
            {
                qr = text,
                certificateNumber = parse.GetValue(number),
                sealIntact = intact,
                parcels = counted,
                carats = weighed,
                usd = value,
                receivedOn = day is { } d ? Output.Day(d) : null,
                notes = note.Length == 0 ? null : note,
            };
            var answer = await run.ServerOnlyAsync(api => api.PostAsync<ArrivalResultView>("api/arrivals", request, ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, PrintArrival, r => r.Check.Outcome == "accepted" ? ExitCodes.Ok : ExitCodes.Detained);
        }));

        var arrivals = new Command("arrivals", "Importing customs: check arriving shipments (server only)");
        arrivals.Subcommands.Add(check);
        root.Subcommands.Add(arrivals);

        var transitQr = new Option<string>("--qr") { Description = "The certificate's QR text (KP1:…; quote it)", Required = true };
        var transitSeal = new Option<string>("--seal-intact") { Description = "Was the seal intact: true or false", Required = true };
        var transitNotes = new Option<string>("--notes") { Description = "What customs noted" };
        var record = new Command("record", "Customs of a participant crossed: record a sealed shipment in transit (no new certificate)") { transitQr, transitSeal, transitNotes };
        record.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var text = input.Text(parse.GetValue(transitQr), "--qr", 4000);
            var intact = LoopOutput.Flag(input, parse.GetValue(transitSeal), "--seal-intact");
            var note = input.Text(parse.GetValue(transitNotes), "--notes", 2000, required: false);
            if (!input.IsValid)
            {
                return run.Output.Fail(new Problem(input.Errors));
            }

            var answer = await run.ServerOnlyAsync(api => api.PostAsync<TransitView>("api/transits",
                new { qr = text, sealIntact = intact, notes = note.Length == 0 ? null : note }, ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, PrintTransit);
        }));

        var transits = new Command("transits", "Customs of a participant crossed: record shipments in transit (server only)");
        transits.Subcommands.Add(record);
        root.Subcommands.Add(transits);
    }

    private static void PrintArrival(Output output, ArrivalResultView r)
    {
        var c = r.Check;
        if (c.Outcome == "accepted")
        {
            output.Console.MarkupLine($"[green bold]ACCEPTED[/]  {Output.Text($"certificate {c.CertificateNumber}: {c.ExportingParticipant} → {c.ImportingParticipant}, received {Output.Day(c.ReceivedOn)}; the import confirmation is signed.")}");
        }
        else
        {
            output.Console.MarkupLine($"[red bold]DETAINED[/]  {Output.Text($"certificate {c.CertificateNumber}: {c.ExportingParticipant} → {c.ImportingParticipant}; case {(r.CaseId is { } id ? LoopOutput.Id(id) : "-")} is open and {c.ExportingParticipant} is told.")}");
        }

        output.Console.Write(LoopOutput.Fields(output,
            ("Arrival check", LoopOutput.Id(c.Id)),
            ("Checked", $"{LoopOutput.Instant(c.CheckedAt)} by {c.CheckedBy}"),
            ("Certificate", r.Verification.Valid ? "valid" : "INVALID"),
            ("Seal", c.SealIntact ? "intact" : "broken"),
            ("Parcels", c.Parcels.ToString(CultureInfo.InvariantCulture)),
            ("Carats", LoopOutput.Amount(c.Carats)),
            ("US$", LoopOutput.Amount(c.Usd)),
            ("Notes", c.Notes),
            ("Case", r.CaseId is { } caseId ? LoopOutput.Id(caseId) : null)));
        output.Section("Discrepancies", c.Discrepancies, ["Code"], d => [Output.Text(d)]);
        output.Section("Why the certificate does not verify", r.Verification.Reasons, ["Code", "Reason"], v => [Output.Text(v.Code), Output.Text(v.Message)]);
        if (r.Confirmation is { } confirmation)
        {
            output.Console.WriteLine();
            ShipmentCommands.PrintConfirmation(output, confirmation);
        }
    }

    private static void PrintTransit(Output output, TransitView t)
    {
        var state = (t.CertificateValid ? "the certificate verifies" : "the certificate does NOT verify (" + LoopOutput.Codes(t.VerificationReasons) + ")")
            + (t.SealIntact ? ", seal intact" : ", seal NOT intact");
        output.Console.MarkupLine(Output.Text($"RECORDED  transit {LoopOutput.Id(t.Id)} of certificate {t.CertificateNumber} through {t.TransitParticipant}: {state}."));
        output.Console.MarkupLine(Output.Text($"By {t.RecordedBy} at {LoopOutput.Instant(t.RecordedAt)}" + (t.Notes is { } n ? $": {n}" : ".")));
    }
}
