using System.CommandLine;
using System.Net.Http.Headers;
using OpenKP.Cli.Certificates;
using OpenKP.Cli.Shared;
using OpenKP.Shared;
using OpenKP.Shipments;
using Spectre.Console;

namespace OpenKP.Cli.Shipments;

/// <summary>
/// <c>openkp cases list | show | note | resolve</c>: detention cases opened by an arrival check, seen by both
/// authorities and customs; the importing side resolves them. Server only.
/// </summary>
internal static class CaseCommands
{
    private const int PageSize = 500;

    public static void AddTo(RootCommand root, CliContext context, GlobalOptions globals)
    {
        var cases = new Command("cases", "Detention cases: list, show, add notes and evidence, resolve (server only)");

        var open = new Option<bool>("--open") { Description = "Only cases not resolved yet" };
        var list = new Command("list", "Detention cases of your participant (either side), newest first") { open };
        list.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var query = $"api/cases?pageSize={PageSize}" + (parse.GetValue(open) ? "&open=true" : string.Empty);
            var answer = await run.ServerOnlyAsync(api => api.GetAsync<Paged<CaseView>>(query, ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, PrintList);
        }));

        var showId = Id();
        var show = new Command("show", "A detention case with its notes and the one-month notification clock") { showId };
        show.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var answer = await run.ServerOnlyAsync(api => api.GetAsync<CaseView>(Path(parse.GetValue(showId)), ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, Print);
        }));

        var noteId = Id();
        var text = new Option<string>("--text") { Description = "The note", Required = true };
        var file = new Option<string>("--file") { Description = "Evidence to attach: a PDF, PNG or JPEG (at most 10 MB)" };
        var note = new Command("note", "Add a note to a case, with an evidence file if given (either side)") { noteId, text, file };
        note.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var t = input.Text(parse.GetValue(text), "--text", 4000);
            var problems = new List<Violation>(input.Errors);
            var path = parse.GetValue(file) is { Length: > 0 } given ? System.IO.Path.GetFullPath(given) : null;
            var bytes = path is null ? null : TrustFiles.Read(path, "--file", problems);
            if (problems.Count > 0)
            {
                return run.Output.Fail(new Problem(problems));
            }

            var id = parse.GetValue(noteId);
            var answer = await run.ServerOnlyAsync(async api =>
            {
                if (bytes is null)
                {
                    return await api.PostAsync<CaseNoteView>(Path(id) + "/notes", new { text = t }, ct);
                }

                using var form = new MultipartFormDataContent();
                var content = new ByteArrayContent(bytes);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                form.Add(new StringContent(t), "text");
                form.Add(content, "file", System.IO.Path.GetFileName(path!));
                return await api.PostContentAsync<CaseNoteView>(Path(id) + "/notes", form, ct);
            }, LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, (output, n) => output.Console.MarkupLine(Output.Text(
                $"NOTED  note {LoopOutput.Id(n.Id)} on case {LoopOutput.Id(id)} by {n.Author} ({n.Participant})" + (n.FileName is { } f ? $", with {f} ({n.ContentType}, {LoopOutput.Bytes(n.FileSize)})" : string.Empty) + ".")));
        }));

        var resolveId = Id();
        var resolution = new Option<string>("--resolution") { Description = "released (the import is confirmed with what arrived), seized or returned", Required = true };
        var resolveNote = new Option<string>("--note") { Description = "Why (kept with the case)", Required = true };
        var resolve = new Command("resolve", "Resolve a case (the importing side's officers or customs)") { resolveId, resolution, resolveNote };
        resolve.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var r = input.Enum<CaseResolution>(parse.GetValue(resolution), "--resolution");
            var n = input.Text(parse.GetValue(resolveNote), "--note", 2000);
            if (!input.IsValid)
            {
                return run.Output.Fail(new Problem(input.Errors));
            }

            var answer = await run.ServerOnlyAsync(api => api.PostAsync<CaseView>(Path(parse.GetValue(resolveId)) + "/resolve", new { resolution = Input.Kebab(r), note = n }, ct),
                LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, Print);
        }));

        cases.Subcommands.Add(list);
        cases.Subcommands.Add(show);
        cases.Subcommands.Add(note);
        cases.Subcommands.Add(resolve);
        root.Subcommands.Add(cases);
    }

    private static Argument<long> Id() => new("ID") { Description = "The case's id" };

    private static string Path(long id) => "api/cases/" + LoopOutput.Id(id);

    private static void PrintList(Output output, Paged<CaseView> page)
    {
        var table = output.Table("Case", "Certificate", "From", "To", "Opened", "Notify by", "Status", "Resolution", "Discrepancies");
        foreach (var c in page.Items)
        {
            table.AddRow(LoopOutput.Id(c.Id), Output.Text(c.CertificateNumber), c.ExportingParticipant, c.ImportingParticipant, LoopOutput.Instant(c.OpenedAt),
                Output.Day(c.NotifyBy), LoopOutput.Status(c.Status), c.Resolution is { } r ? LoopOutput.Status(r) : "-", Output.Text(LoopOutput.Codes(c.Discrepancies)));
        }

        output.Console.Write(table);
        LoopOutput.Count(output, page, "cases");
    }

    private static void Print(Output output, CaseView c)
    {
        output.Console.MarkupLine($"{Output.Text($"Case {LoopOutput.Id(c.Id)}: certificate {c.CertificateNumber}, {c.ExportingParticipant} → {c.ImportingParticipant}")}, {LoopOutput.Status(c.Resolution ?? c.Status)}");
        output.Console.Write(LoopOutput.Fields(output,
            ("Discrepancies", LoopOutput.Codes(c.Discrepancies)),
            ("Opened", $"{LoopOutput.Instant(c.OpenedAt)} by {c.OpenedBy}"),
            ("Notify issuer by", Output.Day(c.NotifyBy)),
            ("Issuer notified", c.IssuerNotifiedAt is { } at ? LoopOutput.Instant(at) : "not yet"),
            ("Resolution", c.Resolution),
            ("Resolution note", c.ResolutionNote),
            ("Resolved", c.ResolvedBy is { } by ? $"{LoopOutput.Instant(c.ResolvedAt)} by {by}" : null)));
        output.Section("Notes", c.Notes, ["Id", "At", "By", "Note", "Evidence"],
            n => [LoopOutput.Id(n.Id), LoopOutput.Instant(n.At), Output.Text($"{n.Author} ({n.Participant})"), Output.Text(n.Text),
                n.FileName is { } f ? Output.Text($"{f} ({LoopOutput.Bytes(n.FileSize)})") : "-"]);
    }
}
