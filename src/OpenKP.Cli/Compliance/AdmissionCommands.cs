using System.CommandLine;
using System.Globalization;
using OpenKP.Cli.Shared;
using OpenKP.Cli.Shipments;
using OpenKP.Compliance;
using OpenKP.Shared;
using Spectre.Console;

namespace OpenKP.Cli.Compliance;

/// <summary>
/// <c>openkp admissions list | show | receive | assess | recommend | admit</c>: applications to join the scheme, against a
/// server (the secretariat acts for the Committee on Participation and Chairmanship; authority officers and observers read).
/// </summary>
internal static class AdmissionCommands
{
    private const string Base = "api/compliance/admissions";

    public static void AddTo(RootCommand root, CliContext context, GlobalOptions globals)
    {
        var admissions = new Command("admissions", "Applications to join the scheme (server only)");

        var status = new Option<string>("--status") { Description = "Only this status: " + string.Join(", ", Enum.GetNames<AdmissionStatus>().Select(Input.Kebab)) };
        var list = new Command("list", "Applications, newest first") { status };
        list.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var query = "?pageSize=500" + (string.IsNullOrWhiteSpace(parse.GetValue(status)) ? string.Empty : "&status=" + Uri.EscapeDataString(parse.GetValue(status)!.Trim()));
            var answer = await run.ServerOnlyAsync(api => api.GetAsync<Paged<AdmissionView>>(Base + query, ct), LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, (output, page) =>
            {
                var table = output.Table("Id", "Applicant", "Name", "Received", "Assessed", "Status");
                foreach (var a in page.Items)
                {
                    table.AddRow(LoopOutput.Id(a.Id), a.ApplicantCode, Output.Text(a.ApplicantNameEn), Output.Day(a.ReceivedOn),
                        $"{a.Assessed}/{a.Checklist.Count}", LoopOutput.Status(a.Status));
                }

                output.Console.Write(table);
                LoopOutput.Count(output, page, "applications");
            });
        }));

        var showId = Id();
        var show = new Command("show", "An application with its dossier, checklist, visit, recommendation and decision") { showId };
        show.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
            LoopOutput.Show(run, await run.ServerOnlyAsync(api => api.GetAsync<AdmissionView>(Path(parse.GetValue(showId)), ct), LoopOutput.ServerOnly, ct), Print)));

        var code = new Option<string>("--applicant") { Description = "The applicant's ISO 3166-1 code", Required = true };
        var nameEn = new Option<string>("--name-en") { Description = "Its name in English", Required = true };
        var nameFr = new Option<string>("--name-fr") { Description = "Its name in French", Required = true };
        var receivedOn = new Option<string>("--received-on") { Description = "The day received, YYYY-MM-DD (default today)" };
        var legislation = new Option<string>("--legislation") { Description = "Dossier: the laws implementing the scheme", Required = true };
        var authorities = new Option<string>("--authorities") { Description = "Dossier: the designated importing and exporting authorities", Required = true };
        var controls = new Option<string>("--internal-controls") { Description = "Dossier: the system of internal controls", Required = true };
        var receive = new Command("receive", "Receive an application: the applicant enters the registry as an applicant (the secretariat)")
            { code, nameEn, nameFr, receivedOn, legislation, authorities, controls };
        receive.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var body = new
            {
                applicantCode = parse.GetValue(code),
                nameEn = parse.GetValue(nameEn),
                nameFr = parse.GetValue(nameFr),
                receivedOn = parse.GetValue(receivedOn),
                legislation = parse.GetValue(legislation),
                authorities = parse.GetValue(authorities),
                internalControls = parse.GetValue(controls),
            };
            return LoopOutput.Show(run, await run.ServerOnlyAsync(api => api.PostAsync<AdmissionView>(Base, body, ct), LoopOutput.ServerOnly, ct), Print);
        }));

        var assessId = Id();
        var requirement = new Option<string>("--requirement") { Description = "The requirement: " + string.Join(", ", MinimumRequirements.All.Select(r => r.Code)), Required = true };
        var assessment = new Option<string>("--assessment") { Description = "met, partly-met or not-met", Required = true };
        var comment = new Option<string>("--comment") { Description = "The committee's comment" };
        var assess = new Command("assess", "Assess one minimum requirement (the secretariat)") { assessId, requirement, assessment, comment };
        assess.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var url = Path(parse.GetValue(assessId)) + "/checklist/" + Uri.EscapeDataString(parse.GetValue(requirement)!.Trim());
            var body = new { assessment = parse.GetValue(assessment), comment = parse.GetValue(comment) };
            return LoopOutput.Show(run, await run.ServerOnlyAsync(api => api.PutAsync<AdmissionView>(url, body, ct), LoopOutput.ServerOnly, ct), Print);
        }));

        var recommendId = Id();
        var not = new Option<bool>("--not") { Description = "Recommend NOT to admit" };
        var assessmentText = new Option<string>("--assessment") { Description = "The committee's assessment", Required = true };
        var recommendation = new Option<string>("--recommendation") { Description = "The recommendation to the plenary, in words", Required = true };
        var recommend = new Command("recommend", "Record the assessment and the recommendation (every requirement assessed first)") { recommendId, not, assessmentText, recommendation };
        recommend.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var body = new { recommend = !parse.GetValue(not), assessment = parse.GetValue(assessmentText), recommendation = parse.GetValue(recommendation) };
            return LoopOutput.Show(run, await run.ServerOnlyAsync(api => api.PostAsync<AdmissionView>(Path(parse.GetValue(recommendId)) + "/recommendation", body, ct), LoopOutput.ServerOnly, ct), Print);
        }));

        var admitId = Id();
        var adoptedOn = new Option<string>("--adopted-on") { Description = "The day the plenary adopts the decision, YYYY-MM-DD (default today)" };
        var effectiveOn = new Option<string>("--effective-on") { Description = "The day the admission takes effect, YYYY-MM-DD (default the adoption day)" };
        var admit = new Command("admit", "Propose the admission decision (if not yet) and adopt it: the applicant is active from the effective day") { admitId, adoptedOn, effectiveOn };
        admit.SetAction(CliRun.Action(context, globals, async (parse, run, ct) =>
        {
            var input = new Input();
            var adopted = input.OptionalDate(parse.GetValue(adoptedOn), "--adopted-on");
            var effective = input.OptionalDate(parse.GetValue(effectiveOn), "--effective-on");
            if (!input.IsValid)
            {
                return run.Output.Fail(new Problem(input.Errors));
            }

            var path = Path(parse.GetValue(admitId));
            var answer = await run.ServerOnlyAsync(async api =>
            {
                var current = await api.GetAsync<AdmissionView>(path, ct);
                if (current.Value is { DecisionId: null })
                {
                    var proposed = await api.PostAsync<AdmissionView>(path + "/decision", new { outcome = "admit" }, ct);
                    if (proposed.Value is null)
                    {
                        return proposed;
                    }
                }
                else if (current.Value is null)
                {
                    return current;
                }

                return await api.PostAsync<AdmissionView>(path + "/decision/adopt", new { adoptedOn = Iso(adopted), effectiveOn = Iso(effective) }, ct);
            }, LoopOutput.ServerOnly, ct);
            return LoopOutput.Show(run, answer, Print);
        }));

        foreach (var command in new[] { list, show, receive, assess, recommend, admit })
        {
            admissions.Subcommands.Add(command);
        }

        root.Subcommands.Add(admissions);
    }

    private static string? Iso(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Argument<long> Id() => new("ID") { Description = "The application's id" };

    private static string Path(long id) => Base + "/" + LoopOutput.Id(id);

    private static void Print(Output output, AdmissionView a)
    {
        output.Console.MarkupLine(Output.Text($"Application {LoopOutput.Id(a.Id)} of {a.ApplicantCode} ({a.ApplicantNameEn}): {a.Status}, received {Output.Day(a.ReceivedOn)}"));
        output.Console.Write(LoopOutput.Fields(output,
            ("Legislation", a.Legislation),
            ("Authorities", a.Authorities),
            ("Internal controls", a.InternalControls),
            ("Visit", a.VisitOn is { } v ? $"{Output.Day(v)}: {a.VisitReport}" : null),
            ("Assessment", a.Assessment),
            ("Recommendation", a.Recommendation),
            ("Decision", a.DecisionId is { } d ? $"{a.DecisionNumber ?? LoopOutput.Id(d)} ({a.DecisionStatus})" : null)));
        output.Section("Checklist", a.Checklist, ["Requirement", "Assessment", "Comment"],
            x => [x.RequirementCode, x.Assessment, Output.Text(x.Comment ?? "-")]);
        output.Section("Documents", a.Documents, ["Id", "Title", "Type", "Size"],
            x => [LoopOutput.Id(x.Id), Output.Text(x.Title), x.ContentType, x.Size.ToString(CultureInfo.InvariantCulture)]);
    }
}
