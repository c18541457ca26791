using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenKP.Certificates;
using OpenKP.Cli.Certificates;
using OpenKP.Cli.Shared;
using OpenKP.Shared;
using OpenKP.Shipments;
using Spectre.Console;

namespace OpenKP.Cli.Shipments;

/// <summary>
/// <c>openkp applications list | show | create | submit | attach | review | approve | reject | send-back</c>:
/// an export application from the operator's draft to the authority's decision. Server only.
/// </summary>
internal static class ApplicationCommands
{
    private const int PageSize = 500;

    public static void AddTo(RootCommand root, CliContext context, GlobalOptions globals)
    {
        var applications = new Command("applications", "Export applications: create, submit, attach files; review, approve, reject, send back (server only)");

        var status = new Option<string>("--status") { Description = "Only applications with this status: draft, submitted, awaiting-second-approval, sent-back, rejected, issued" };
        var search = new Option<string>("--search", "-q") { Description = "Only applications whose invoice reference, importer or certificate number contains this text" };
        var list = new Command("list", "Export applications you can see: last changed first (submitted ones oldest first, as the officers' queue)") { status, search };
        list.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var s = parse.GetValue(status) is { Length: > 0 } given ? Input.Kebab(input.Enum<ApplicationStatus>(given, "--status")) : null;
            var q = input.Text(parse.GetValue(search), "--search", 100, required: false);
            if (!input.IsValid)
            {
                return run.Output.Fail(new Problem(input.Errors));
            }

            var query = $"api/applications?pageSize={PageSize}" + (s is null ? string.Empty : "&status=" + s) + (q.Length == 0 ? string.Empty : "&q=" + Uri.EscapeDataString(q));
            var answer = await run.ServerOnlyAsync(api => api.GetAsync<Paged<ApplicationView>>(query, ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, PrintList);
        }));

        var showId = Id();
        var show = new Command("show", "An export application: its fields, lines, attachments and decisions") { showId };
        show.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var answer = await run.ServerOnlyAsync(api => api.GetAsync<ApplicationView>(Path(parse.GetValue(showId)), ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, Print);
        }));

        var file = new Option<string>("--file") { Description = "The application as JSON: the API's ApplicationRequest (see docs/cli.md)", Required = true };
        var create = new Command("create", "Start an export application from a JSON file (an operator for its company; an officer with exporterLicence)") { file };
        create.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var problems = new List<Violation>();
            var path = System.IO.Path.GetFullPath(parse.GetValue(file)!);
            var bytes = TrustFiles.Read(path, "--file", problems);
            var body = bytes is null ? null : JsonObjectOf(bytes, path, problems);
            if (problems.Count > 0)
            {
                return run.Output.Fail(new Problem(problems));
            }

            var answer = await run.ServerOnlyAsync(api => api.PostAsync<ApplicationView>("api/applications", body!, ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, Print);
        }));

        var submitId = Id();
        var submit = new Command("submit", "Submit a draft (or an application sent back) to the exporting authority") { submitId };
        submit.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var answer = await run.ServerOnlyAsync(api => api.PostAsync<ApplicationView>(Path(parse.GetValue(submitId)) + "/submit", new { }, ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, Print);
        }));

        var attachId = Id();
        var attachFile = new Option<string>("--file") { Description = "The PDF, PNG or JPEG to attach (at most 10 MB; checked by its content)", Required = true };
        var kind = new Option<string>("--kind") { Description = "invoice, valuation-report or other", Required = true };
        var attach = new Command("attach", "Attach a file to an application (a draft or one sent back)") { attachId, attachFile, kind };
        attach.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var k = input.Enum<AttachmentKind>(parse.GetValue(kind), "--kind");
            var path = System.IO.Path.GetFullPath(parse.GetValue(attachFile)!);
            var problems = new List<Violation>(input.Errors);
            var bytes = TrustFiles.Read(path, "--file", problems);
            if (problems.Count > 0)
            {
                return run.Output.Fail(new Problem(problems));
            }

            var answer = await run.ServerOnlyAsync(async api =>
            {
                using var form = new MultipartFormDataContent();
                var content = new ByteArrayContent(bytes!);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                form.Add(content, "file", System.IO.Path.GetFileName(path));
                form.Add(new StringContent(Input.Kebab(k)), "kind");
                return await api.PostContentAsync<ApplicationAttachmentView>(Path(parse.GetValue(attachId)) + "/attachments", form, ct);
            }, LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, (output, a) =>
            {
                output.Console.Write(LoopOutput.Fields(output, ("Attachment", LoopOutput.Id(a.Id)), ("Kind", a.Kind), ("File", a.FileName), ("Type", a.ContentType),
                    ("Size", LoopOutput.Bytes(a.Size)), ("SHA-256", a.Sha256), ("Uploaded", $"{LoopOutput.Instant(a.UploadedAt)} by {a.UploadedBy}")));
            });
        }));

        var reviewId = Id();
        var review = new Command("review", "What an officer sees before deciding: every rule the certificate would break today, the price check, four eyes") { reviewId };
        review.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var answer = await run.ServerOnlyAsync(api => api.GetAsync<ApplicationReviewView>(Path(parse.GetValue(reviewId)) + "/review", ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, PrintReview);
        }));

        var approveId = Id();
        var approve = new Command("approve", "Approve: the certificate is issued (above the four-eyes threshold, once a second officer approves)") { approveId };
        approve.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var answer = await run.ServerOnlyAsync(api => api.PostAsync<ApprovalView>(Path(parse.GetValue(approveId)) + "/approve", new { }, ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, PrintApproval);
        }));

        applications.Subcommands.Add(list);
        applications.Subcommands.Add(show);
        applications.Subcommands.Add(create);
        applications.Subcommands.Add(submit);
        applications.Subcommands.Add(attach);
        applications.Subcommands.Add(review);
        applications.Subcommands.Add(approve);
        applications.Subcommands.Add(Decision(context, globals, "reject", "Reject an application, with the reason the operator reads"));
        applications.Subcommands.Add(Decision(context, globals, "send-back", "Send an application back to the operator for changes, with the reason"));
        root.Subcommands.Add(applications);
    }

    private static Argument<long> Id() => new("ID") { Description = "The application's id" };

    private static string Path(long id) => "api/applications/" + LoopOutput.Id(id);

    /// <summary><c>reject</c> and <c>send-back</c>: the same shape, a reason.</summary>
    private static Command Decision(CliContext context, GlobalOptions globals, string name, string description)
    {
        var id = Id();
        var reason = new Option<string>("--reason") { Description = "Why (the operator reads it)", Required = true };
        var command = new Command(name, description) { id, reason };
        command.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var why = input.Text(parse.GetValue(reason), "--reason", 2000);
            if (!input.IsValid)
            {
                return run.Output.Fail(new Problem(input.Errors));
            }

            var answer = await run.ServerOnlyAsync(api => api.PostAsync<ApplicationView>(Path(parse.GetValue(id)) + "/" + name, new { reason = why }, ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, Print);
        }));
        return command;
    }

    /// <summary>The file's JSON object, sent as it is: the server parses it as the API does and names every bad field.</summary>
    private static JsonObject? JsonObjectOf(byte[] bytes, string path, List<Violation> problems)
    {
        try
        {
            if (JsonNode.Parse(bytes) is JsonObject application)
            {
                return application;
            }
        }
        catch (JsonException e)
        {
            problems.Add(new(InputCodes.InvalidValue, $"{path} is not JSON: {e.Message}", "--file"));
            return null;
        }

        problems.Add(new(InputCodes.InvalidValue, $"{path} is not a JSON object: an application is {{ \"importingParticipant\": …, \"lines\": […], … }}.", "--file"));
        return null;
    }

    private static void PrintList(Output output, Paged<ApplicationView> page)
    {
        var table = output.Table("Id", "Status", "Exporter", "To", "Invoice", "Carats", "US$", "Updated", "Certificate");
        foreach (var column in table.Columns.Skip(5).Take(2))
        {
            column.Alignment = Justify.Right;
        }

        foreach (var a in page.Items)
        {
            table.AddRow(LoopOutput.Id(a.Id), LoopOutput.Status(a.Status), Output.Text(a.ExporterLicence), a.ImportingParticipant, Output.Text(a.InvoiceReference),
                LoopOutput.Amount(a.TotalCarats), LoopOutput.Amount(a.TotalUsd), LoopOutput.Instant(a.UpdatedAt), Output.Text(a.CertificateNumber ?? "-"));
        }

        output.Console.Write(table);
        LoopOutput.Count(output, page, "applications");
    }

    private static void Print(Output output, ApplicationView a)
    {
        output.Console.MarkupLine($"Application {LoopOutput.Id(a.Id)}: {LoopOutput.Status(a.Status)}");
        output.Console.Write(LoopOutput.Fields(output,
            ("Exporting participant", a.Participant),
            ("Exporter licence", a.ExporterLicence),
            ("Importing participant", a.ImportingParticipant),
            ("Importer", $"{a.Importer.Name}, {a.Importer.Address}" + (a.Importer.Licence is { } licence ? $" (licence {licence})" : string.Empty)),
            ("Origin", a.Origin),
            ("Provenance", a.Provenance),
            ("Origin zone", a.OriginZone),
            ("Parcels", a.Parcels.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Invoice", a.InvoiceReference),
            ("Seals", string.Join(", ", a.SealNumbers)),
            ("Containers", string.Join(", ", a.ContainerNumbers)),
            ("Quality notes", a.QualityNotes),
            ("Planned departure", a.PlannedDeparture is { } d ? Output.Day(d) : null),
            ("Expected arrival", a.ExpectedArrival is { } e ? Output.Day(e) : null),
            ("US$ per carat", a.UsdPerCarat is { } p ? LoopOutput.Amount(p) : null),
            ("Created", $"{LoopOutput.Instant(a.CreatedAt)} by {a.CreatedBy}"),
            ("Submitted", a.SubmittedAt is { } s ? LoopOutput.Instant(s) : null),
            ("First approval", a.FirstApprovedBy is { } first ? $"{LoopOutput.Instant(a.FirstApprovedAt)} by {first}" : null),
            ("Decided", a.DecidedBy is { } by ? $"{LoopOutput.Instant(a.DecidedAt)} by {by}" : null),
            ("Decision note", a.DecisionNote),
            ("Certificate", a.CertificateNumber)));
        PrintLines(output, a.Lines, a.TotalCarats, a.TotalUsd);
        output.Section("Attachments", a.Attachments, ["Id", "Kind", "File", "Type", "Size", "Uploaded by"],
            x => [LoopOutput.Id(x.Id), x.Kind, Output.Text(x.FileName), x.ContentType, LoopOutput.Bytes(x.Size), Output.Text(x.UploadedBy)]);
    }

    public static void PrintLines(Output output, IReadOnlyList<CertificateLineView> lines, decimal carats, decimal usd)
    {
        var table = output.Table("HS code", "Carats", "US$");
        foreach (var amount in table.Columns.Skip(1))
        {
            amount.Alignment = Justify.Right;
        }

        foreach (var line in lines)
        {
            table.AddRow(Output.Text(line.HsCode), LoopOutput.Amount(line.Carats), LoopOutput.Amount(line.Usd));
        }

        table.AddRow("[bold]total[/]", LoopOutput.Amount(carats), LoopOutput.Amount(usd));
        output.Console.Write(table);
    }

    private static void PrintReview(Output output, ApplicationReviewView r)
    {
        Print(output, r.Application);
        output.Console.WriteLine();
        if (r.Violations.Count == 0)
        {
            output.Console.MarkupLine("[green bold]NO VIOLATIONS[/]  the certificate would break no rule today.");
        }
        else
        {
            output.Console.MarkupLine($"[red bold]VIOLATIONS[/]  the certificate would break {r.Violations.Count} rule{(r.Violations.Count == 1 ? string.Empty : "s")} today:");
            var table = output.Table("Code", "Field", "Reason");
            foreach (var v in r.Violations)
            {
                table.AddRow(Output.Text(v.Code), Output.Text(v.Field ?? "-"), Output.Text(v.Message));
            }

            output.Console.Write(table);
        }

        var p = r.Price;
        var range = p.Median is null
            ? $"no recent range for origin {p.Origin} ({p.Certificates} certificates)"
            : $"recent range for origin {p.Origin}: P10 {Maybe(p.P10)}, median {Maybe(p.Median)}, P90 {Maybe(p.P90)} ({p.Certificates} certificates)";
        var declared = $"Price check: declared US$ {Maybe(p.DeclaredUsdPerCarat)}/ct; {range}";
        output.Console.MarkupLine(p.Outside ? $"[yellow bold]OUTSIDE[/]  {Output.Text(declared)}" : Output.Text(declared));
        output.Console.MarkupLine(Output.Text(r.NeedsTwoApprovals
            ? "Four eyes: above the threshold, two officers approve (neither the one who prepared it)."
            : "Four eyes: not needed; one officer's approval issues the certificate."));
    }

    private static void PrintApproval(Output output, ApprovalView approval)
    {
        Print(output, approval.Application);
        output.Console.WriteLine();
        if (approval.Certificate is { } c)
        {
            output.Console.MarkupLine(Output.Text($"ISSUED  certificate {c.Number}: {c.IssuingParticipant} → {c.ImportingParticipant}, valid {Output.Day(c.IssuedOn)} to {Output.Day(c.ExpiresOn)}"));
            output.Console.MarkupLine("QR text (for arrivals check --qr and transits record --qr):");
            output.Verbatim(c.Qr);
        }
        else
        {
            output.Console.MarkupLine("[yellow bold]FIRST APPROVAL[/]  a second officer of the authority approves to issue the certificate.");
        }
    }

    private static string Maybe(decimal? value) => value is { } v ? LoopOutput.Amount(v) : "-";
}
