using System.CommandLine;
using OpenKP.Cli.Shared;
using OpenKP.Shared;
using OpenKP.Shipments;
using Spectre.Console;

namespace OpenKP.Cli.Shipments;

/// <summary>A participant's overdue list as the API answers it (the record itself lives in the web project).</summary>
internal sealed record OverdueList(string Participant, int OverdueAfterDays, Paged<OverdueView> Shipments);

/// <summary>
/// <c>openkp shipments list | show | depart | overdue | remind | confirmation | settings</c>: a certified shipment
/// from departure to its import confirmation, and the exporting authority's open loops. Server only.
/// </summary>
internal static class ShipmentCommands
{
    private const int PageSize = 500;

    public static void AddTo(RootCommand root, CliContext context, GlobalOptions globals)
    {
        var shipments = new Command("shipments", "Certified shipments: list, show, departure, the overdue list, reminders, the import confirmation (server only)");

        var direction = new Option<string>("--direction") { Description = "incoming (by expected arrival), outgoing or all (default)" };
        var open = new Option<bool>("--open") { Description = "Only shipments whose loop is not closed yet" };
        var list = new Command("list", "Shipments of your participant or company: incoming by expected arrival, otherwise newest first") { direction, open };
        list.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var d = input.OneOf(parse.GetValue(direction), "--direction", ShipmentQueries.Directions) ?? "all";
            if (!input.IsValid)
            {
                return run.Output.Fail(new Problem(input.Errors));
            }

            var query = $"api/shipments?direction={d}&pageSize={PageSize}" + (parse.GetValue(open) ? "&open=true" : string.Empty);
            var answer = await run.ServerOnlyAsync(api => api.GetAsync<Paged<ShipmentSummary>>(query, ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, (output, page) =>
            {
                LoopOutput.Shipments(output, page.Items);
                LoopOutput.Count(output, page, "shipments");
            });
        }));

        var showNumber = Number();
        var show = new Command("show", "A shipment: its departure, transits, arrival checks, import confirmation and detention cases") { showNumber };
        show.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var answer = await run.ServerOnlyAsync(api => api.GetAsync<ShipmentView>(Path(parse.GetValue(showNumber)), ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, Print);
        }));

        var departNumber = Number();
        var seal = new Option<string[]>("--seal") { Description = "A seal number found on the container; repeat for each (all the certificate lists, no others)", Required = true };
        var note = new Option<string>("--note") { Description = "A note on the departure" };
        var depart = new Command("depart", "Exporting customs: the container is sealed and gone (the seals are checked against the certificate)") { departNumber, seal, note };
        depart.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var seals = input.Texts(parse.GetValue(seal), "--seal", 64, 50);
            var n = input.Text(parse.GetValue(note), "--note", 2000, required: false);
            if (!input.IsValid)
            {
                return run.Output.Fail(new Problem(input.Errors));
            }

            var answer = await run.ServerOnlyAsync(api => api.PostAsync<ShipmentView>(Path(parse.GetValue(departNumber)) + "/departure",
                new { sealNumbers = seals, note = n.Length == 0 ? null : n }, ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, Print);
        }));

        var participant = new Option<string>("--participant") { Description = "Whose outgoing shipments (default: your own participant; others for the secretariat)" };
        var overdue = new Command("overdue", "The exporting authority's open loops: no import confirmation after the participant's overdue days, certificates expired unused") { participant };
        overdue.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var who = parse.GetValue(participant) is { Length: > 0 } p ? input.Code(p, "--participant") : null;
            if (!input.IsValid)
            {
                return run.Output.Fail(new Problem(input.Errors));
            }

            var query = $"api/shipments/overdue?pageSize={PageSize}" + (who is null ? string.Empty : "&participant=" + who);
            var answer = await run.ServerOnlyAsync(api => api.GetAsync<OverdueList>(query, ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, PrintOverdue);
        }));

        var remindNumber = Number();
        var remind = new Command("remind", "Remind the importing side that the import confirmation is overdue (the exporting authority's officers)") { remindNumber };
        remind.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var answer = await run.ServerOnlyAsync(api => api.PostAsync<OverdueView>(Path(parse.GetValue(remindNumber)) + "/remind", new { }, ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, (output, o) => output.Console.MarkupLine(Output.Text(
                $"REMINDED  {o.Shipment.ImportingParticipant} about certificate {o.Shipment.CertificateNumber} ({o.DaysSinceIssue} days since issue) at {LoopOutput.Instant(o.LastReminderAt)}.")));
        }));

        var confirmationNumber = Number();
        var pdf = new Option<string>("--pdf") { Description = "Also save the confirmation as a printable PDF with its QR to this file" };
        var confirmation = new Command("confirmation", "The signed import confirmation of a shipment (its KPC1: text verifies with 'openkp confirmations verify')") { confirmationNumber, pdf };
        confirmation.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var number = parse.GetValue(confirmationNumber);
            var pdfPath = parse.GetValue(pdf) is { Length: > 0 } given ? System.IO.Path.GetFullPath(given) : null;
            var answer = await run.ServerOnlyAsync(async api =>
            {
                var found = await api.GetAsync<ConfirmationView>(Path(number) + "/confirmation", ct);
                if (found.Problem is not null || pdfPath is null)
                {
                    return found;
                }

                var bytes = await api.GetBytesAsync(Path(number) + "/confirmation/pdf", ct);
                if ((bytes.Problem ?? Save(pdfPath, bytes.Value!)) is { } problem)
                {
                    return problem;
                }

                return found;
            }, LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, (output, c) =>
            {
                PrintConfirmation(output, c);
                if (pdfPath is not null)
                {
                    output.Note($"Saved the PDF in {pdfPath}.");
                }
            });
        }));

        shipments.Subcommands.Add(list);
        shipments.Subcommands.Add(show);
        shipments.Subcommands.Add(depart);
        shipments.Subcommands.Add(overdue);
        shipments.Subcommands.Add(remind);
        shipments.Subcommands.Add(confirmation);
        shipments.Subcommands.Add(Settings(context, globals));
        root.Subcommands.Add(shipments);
    }

    /// <summary>
    /// <c>shipments settings --participant P</c> shows a participant's settings; with any of the change options it
    /// changes those (the others stay) under the version just read.
    /// </summary>
    private static Command Settings(CliContext context, GlobalOptions globals)
    {
        var participant = new Option<string>("--participant") { Description = "Whose settings (a participant code)", Required = true };
        var threshold = new Option<string>("--four-eyes-threshold") { Description = "US$ from which two officers approve, or 'none' (loosening it is the secretariat's)" };
        var overdueDays = new Option<int?>("--overdue-days") { Description = "Days after issue without confirmation before a shipment is overdue (1-365)" };
        var weight = new Option<decimal?>("--weight-tolerance") { Description = "Arrival weight tolerance, percent (0-50)" };
        var value = new Option<decimal?>("--value-tolerance") { Description = "Arrival value tolerance, percent (0-50)" };
        var settings = new Command("settings", "A participant's shipment settings: four-eyes threshold, overdue days, arrival tolerances; show them, or change some") { participant, threshold, overdueDays, weight, value };
        settings.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var code = input.Code(parse.GetValue(participant), "--participant");
            var thresholdText = parse.GetValue(threshold);
            decimal? newThreshold = null;
            if (thresholdText is { Length: > 0 } t && !t.Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                newThreshold = input.Amount(t, "--four-eyes-threshold");
            }

            if (!input.IsValid)
            {
                return run.Output.Fail(new Problem(input.Errors));
            }

            var path = $"api/participants/{code}/shipment-settings";
            var change = thresholdText is { Length: > 0 } || parse.GetValue(overdueDays) is not null || parse.GetValue(weight) is not null || parse.GetValue(value) is not null;
            var answer = await run.ServerOnlyAsync(async api =>
            {
                var current = await api.GetAsync<ShipmentSettingsView>(path, ct);
                if (current.Problem is not null || !change)
                {
                    return current;
                }

                var now = current.Value!;
                return await api.PutAsync<ShipmentSettingsView>(path, new
                {
                    fourEyesThresholdUsd = thresholdText is { Length: > 0 } ? newThreshold : now.FourEyesThresholdUsd,
                    overdueAfterDays = parse.GetValue(overdueDays) ?? now.OverdueAfterDays,
                    weightTolerancePercent = parse.GetValue(weight) ?? now.WeightTolerancePercent,
                    valueTolerancePercent = parse.GetValue(value) ?? now.ValueTolerancePercent,
                    version = now.Version,
                }, ct);
            }, LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, (output, v) => output.Console.Write(LoopOutput.Fields(output,
                ("Participant", v.Participant),
                ("Four-eyes threshold", v.FourEyesThresholdUsd is { } usd ? "US$ " + LoopOutput.Amount(usd) : "none (one officer approves)"),
                ("Overdue after", $"{v.OverdueAfterDays} days"),
                ("Weight tolerance", LoopOutput.Amount(v.WeightTolerancePercent) + " %"),
                ("Value tolerance", LoopOutput.Amount(v.ValueTolerancePercent) + " %"))));
        }));
        return settings;
    }

    private static Argument<string> Number() => new("NUMBER") { Description = "The shipment's certificate number, e.g. BW-2026-000123" };

    private static string Path(string? number) => "api/shipments/" + LoopOutput.Segment(number);

    private static Problem? Save(string path, byte[] bytes)
    {
        try
        {
            File.WriteAllBytes(path, bytes);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Problem.Of(CliCodes.FileUnwritable, $"Could not save the PDF in {path}: {e.Message}", "--pdf");
        }
    }

    private static void Print(Output output, ShipmentView v)
    {
        var s = v.Shipment;
        output.Console.MarkupLine($"{Output.Text($"Shipment {s.CertificateNumber}: {s.ExportingParticipant} → {s.ImportingParticipant}")}, {LoopOutput.Status(s.Status)}");
        output.Console.Write(LoopOutput.Fields(output,
            ("Issued", Output.Day(s.IssuedOn)),
            ("Expires", Output.Day(s.ExpiresOn)),
            ("Expected arrival", Output.Day(s.ExpectedArrival)),
            ("Application", s.ApplicationId is { } id ? LoopOutput.Id(id) : null),
            ("Departed", s.DepartedAt is { } at ? $"{LoopOutput.Instant(at)} by {v.DepartedBy}" : null),
            ("Departure seals", string.Join(", ", v.DepartureSeals)),
            ("Departure note", v.DepartureNote)));
        output.Section("Transits", v.Transits, ["Participant", "Recorded", "By", "Certificate", "Seal", "Notes"],
            t => [t.TransitParticipant, LoopOutput.Instant(t.RecordedAt), Output.Text(t.RecordedBy), t.CertificateValid ? "valid" : "[red]" + Output.Text("invalid: " + LoopOutput.Codes(t.VerificationReasons)) + "[/]",
                t.SealIntact ? "intact" : "[red]broken[/]", Output.Text(t.Notes ?? "-")]);
        output.Section("Arrival checks", v.Arrivals, ["Id", "Checked", "By", "Received", "Seal", "Parcels", "Carats", "US$", "Outcome", "Discrepancies"],
            a => [LoopOutput.Id(a.Id), LoopOutput.Instant(a.CheckedAt), Output.Text(a.CheckedBy), Output.Day(a.ReceivedOn), a.SealIntact ? "intact" : "broken",
                a.Parcels.ToString(System.Globalization.CultureInfo.InvariantCulture), LoopOutput.Amount(a.Carats), LoopOutput.Amount(a.Usd), LoopOutput.Status(a.Outcome), Output.Text(LoopOutput.Codes(a.Discrepancies))]);
        output.Section("Detention cases", v.Cases, ["Case", "Opened", "Status", "Resolution", "Discrepancies"],
            c => [LoopOutput.Id(c.Id), LoopOutput.Instant(c.OpenedAt), LoopOutput.Status(c.Status), c.Resolution is { } r ? LoopOutput.Status(r) : "-", Output.Text(LoopOutput.Codes(c.Discrepancies))]);
        if (v.Confirmation is { } confirmation)
        {
            output.Console.WriteLine();
            PrintConfirmation(output, confirmation);
        }
    }

    /// <summary>The confirmation's fields and its signed text (on a line of its own, to copy).</summary>
    public static void PrintConfirmation(Output output, ConfirmationView c)
    {
        output.Console.MarkupLine(Output.Text($"Import confirmation of certificate {c.CertificateNumber}"));
        output.Console.Write(LoopOutput.Fields(output,
            ("Exporting participant", c.ExportingParticipant),
            ("Importing participant", c.ImportingParticipant),
            ("Confirming authority", c.ConfirmingAuthority),
            ("Exporter", c.ExporterName),
            ("Importer", c.ImporterName),
            ("Parcels", c.Parcels.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Carats", LoopOutput.Amount(c.Carats)),
            ("Received on", Output.Day(c.ReceivedOn)),
            ("Confirmed", $"{LoopOutput.Instant(c.ConfirmedAt)} by {c.ConfirmedBy}"),
            ("Signed with key", c.KeyId)));
        output.Console.MarkupLine("Signed text (verify with: openkp confirmations verify 'KPC1:…'):");
        output.Verbatim(c.SignedText);
    }

    private static void PrintOverdue(Output output, OverdueList list)
    {
        output.Console.MarkupLine(Output.Text($"{list.Participant}: a shipment is overdue {list.OverdueAfterDays} days after issue without an import confirmation."));
        var table = output.Table("Certificate", "To", "Status", "Issued", "Expires", "Days", "Reason", "Last reminder");
        foreach (var o in list.Shipments.Items)
        {
            var s = o.Shipment;
            table.AddRow(Output.Text(s.CertificateNumber), s.ImportingParticipant, LoopOutput.Status(s.Status), Output.Day(s.IssuedOn), Output.Day(s.ExpiresOn),
                o.DaysSinceIssue.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Reason, LoopOutput.Instant(o.LastReminderAt));
        }

        output.Console.Write(table);
        LoopOutput.Count(output, list.Shipments, "overdue shipments");
    }
}
