using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenKP.Compliance;
using OpenKP.Shared;
using OpenKP.Shipments;
using OpenKP.Web.Accounts;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Compliance;

/// <summary>An application as received: applicant code and names, <c>receivedOn</c> (YYYY-MM-DD, default today) and the dossier's texts.</summary>
public sealed record ReceiveAdmissionRequest(string? ApplicantCode, string? NameEn, string? NameFr, string? ReceivedOn, string? Legislation, string? Authorities, string? InternalControls);

public sealed record AdmissionDossierRequest(string? Legislation, string? Authorities, string? InternalControls, Guid? Version);

/// <summary>One requirement assessed: <c>met</c>, <c>partly-met</c> or <c>not-met</c>, with a comment.</summary>
public sealed record AdmissionAssessRequest(string? Assessment, string? Comment, Guid? Version);

public sealed record AdmissionVisitRequest(string? VisitOn, string? Report, Guid? Version);

/// <summary>The committee's assessment and recommendation: <c>recommend</c> true to admit, false not to.</summary>
public sealed record AdmissionRecommendationRequest(bool? Recommend, string? Assessment, string? Recommendation, Guid? Version);

/// <summary>The decision to propose: <c>outcome</c> admit or refuse; <c>procedure</c> plenary-consensus (default), plenary-vote or written-procedure.</summary>
public sealed record AdmissionDecisionRequest(string? Outcome, string? Procedure, long? MeetingId, Guid? Version);

/// <summary>Adoption of the proposed decision: adoption and effective days (default today), and votes for a plenary vote.</summary>
public sealed record AdmissionAdoptionRequest(string? AdoptedOn, string? EffectiveOn, int? VotesFor, int? VotesAgainst, int? VotesAbstaining, Guid? Version);

public sealed record AdmissionStepRequest(Guid? Version);

/// <summary>
/// Admission of applicants (compliance item 3). The secretariat, acting for the Committee on Participation and
/// Chairmanship, writes; what the scheme shares (applications) is read by the secretariat, every participant's
/// authority officers and the observers; customs officers and operators are refused (403), the public must sign in (401).
/// </summary>
internal static class AdmissionEndpoints
{
    /// <summary>Uploads carry one file of at most <see cref="FileStore.MaxBytes"/> plus the multipart envelope.</summary>
    private static readonly Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute UploadLimit = new(FileStore.MaxBytes + (256 * 1024));

    public static void Map(WebApplication app)
    {
        var read = app.MapGroup("/api/compliance/admissions").WithTags("Compliance: admissions").RequireAuthorization(Policies.SignedIn);
        read.MapGet("/", List).WithSummary("Applications to join the scheme, newest first, filtered by status");
        read.MapGet("/{id:long}", Get).WithSummary("An application with its dossier, documents, checklist, visit, recommendation and decision");
        read.MapGet("/{id:long}/documents/{documentId:long}", Document).WithSummary("Download a document of the dossier");

        var write = app.MapGroup("/api/compliance/admissions").WithTags("Compliance: admissions").RequireAuthorization(Policies.Secretariat);
        write.MapPost("/", Receive).WithSummary("Receive an application: the applicant enters the registry as an applicant from the day received");
        write.MapPut("/{id:long}", UpdateDossier).WithSummary("Change the dossier's texts");
        write.MapPost("/{id:long}/documents", Upload).DisableAntiforgery().WithMetadata(UploadLimit)
            .WithSummary("Add a PDF, PNG or JPEG to the dossier (≤ 10 MB, checked by content): multipart 'file', 'title' and 'version'");
        write.MapPut("/{id:long}/checklist/{requirementCode}", Assess).WithSummary("Assess one minimum requirement: met, partly-met or not-met, with a comment");
        write.MapPut("/{id:long}/visit", Visit).WithSummary("Record the visit: its day and report");
        write.MapPost("/{id:long}/recommendation", Recommend).WithSummary("Record the assessment and the recommendation (every requirement assessed first)");
        write.MapPost("/{id:long}/decision", Propose).WithSummary("Propose the admission (or refusal) decision as a draft");
        write.MapPost("/{id:long}/decision/adopt", Adopt).WithSummary("Adopt the proposed decision: an admission makes the applicant active from the effective day");
        write.MapPost("/{id:long}/withdraw", Withdraw).WithSummary("The applicant withdrew its application");
    }

    private static ProblemHttpResult Refused() => Problems.Forbidden("Applications to join the scheme are shared with the secretariat, the participants' authorities and the observers.");

    internal static async Task<Results<Ok<Paged<AdmissionView>>, ProblemHttpResult>> List(
        ClaimsPrincipal user, AdmissionDesk desk, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        if (!ComplianceReaders.Of(user).SeesShared)
        {
            return Refused();
        }

        var input = new Input();
        AdmissionStatus? state = string.IsNullOrWhiteSpace(status) ? null : input.Enum<AdmissionStatus>(status, "status");
        var p = input.Page(page, "page", 1, 100_000);
        var size = input.Page(pageSize, "pageSize", 50, 500);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var found = await desk.ListAsync(state, p, size, ct);
        return TypedResults.Ok(new Paged<AdmissionView>([.. found.Items.Select(a => AdmissionView.Of(a, null, ComplianceReaders.Of(user).IsSecretariat))], found.Page, found.PageSize, found.Total));
    }

    internal static async Task<Results<Ok<AdmissionView>, ProblemHttpResult>> Get(long id, ClaimsPrincipal user, AdmissionDesk desk, CancellationToken ct)
        => ComplianceReaders.Of(user) is { SeesShared: true } reader ? await View(desk, await desk.FindAsync(id, ct), ct, reader.IsSecretariat) : Refused();

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Document(long id, long documentId, ClaimsPrincipal user, AdmissionDesk desk, CancellationToken ct)
    {
        if (!ComplianceReaders.Of(user).SeesShared)
        {
            return Refused();
        }

        var found = await desk.OpenDocumentAsync(id, documentId, ct);
        return found.Succeeded ? TypedResults.File(found.Value.Content, found.Value.Document.ContentType, found.Value.Document.FileName) : Problems.From(found);
    }

    internal static async Task<Results<Created<AdmissionView>, ProblemHttpResult>> Receive(ReceiveAdmissionRequest request, AdmissionDesk desk, CancellationToken ct)
    {
        var input = new Input();
        var admission = Parse(input, request);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await desk.ReceiveAsync(admission, ct);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/compliance/admissions/{outcome.Value!.Id}", AdmissionView.Of(outcome.Value, null, seesDrafts: true))
            : Problems.From(outcome);
    }

    /// <summary>An application's fields, parsed (the pages share it).</summary>
    internal static NewAdmission Parse(Input input, ReceiveAdmissionRequest request)
    {
        var code = input.Code(request.ApplicantCode, "applicantCode");
        var en = input.Text(request.NameEn, "nameEn", 200);
        var fr = input.Text(request.NameFr, "nameFr", 200);
        var received = input.OptionalDate(request.ReceivedOn, "receivedOn");
        var dossier = Dossier(input, request.Legislation, request.Authorities, request.InternalControls);
        return new NewAdmission(code, en, fr, received, dossier.Legislation, dossier.Authorities, dossier.InternalControls);
    }

    /// <summary>The dossier's three texts, each required and at most 20,000 characters (the pages share it).</summary>
    internal static AdmissionDossier Dossier(Input input, string? legislation, string? authorities, string? internalControls)
        => new(input.Text(legislation, "legislation", 20_000), input.Text(authorities, "authorities", 20_000), input.Text(internalControls, "internalControls", 20_000));

    internal static async Task<Results<Ok<AdmissionView>, ProblemHttpResult>> UpdateDossier(long id, AdmissionDossierRequest request, AdmissionDesk desk, CancellationToken ct)
    {
        var input = new Input();
        var dossier = Dossier(input, request.Legislation, request.Authorities, request.InternalControls);
        return input.IsValid ? await View(desk, await desk.UpdateDossierAsync(id, dossier, request.Version, ct), ct) : Problems.BadRequest(input.Errors);
    }

    internal static async Task<Results<Created<AdmissionDocumentView>, ProblemHttpResult>> Upload(long id, HttpRequest request, AdmissionDesk desk, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return Problems.BadRequest(InputCodes.Required, "Post multipart/form-data with a 'file' and its 'title'.", "file");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException)
        {
            return Problems.BadRequest(PlatformCodes.MalformedBody, "The body is not multipart form data with a 'file' and its 'title'.");
        }

        var input = new Input();
        var file = form.Files.GetFile("file");
        if (file is null)
        {
            input.Add(InputCodes.Required, "'file' is required: the PDF, PNG or JPEG to add.", "file");
        }

        var title = input.Text(string.IsNullOrWhiteSpace(form["title"]) ? file?.FileName : form["title"].ToString(), "title", 300);
        Guid? version = null;
        if (!string.IsNullOrWhiteSpace(form["version"]))
        {
            if (Guid.TryParse(form["version"], out var v))
            {
                version = v;
            }
            else
            {
                input.Add(InputCodes.InvalidValue, "'version' is the version you read.", "version");
            }
        }

        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        await using var stream = file!.OpenReadStream();
        var outcome = await desk.AddDocumentAsync(id, title, file.FileName, stream, version, ct);
        if (!outcome.Succeeded)
        {
            return Problems.From(outcome);
        }

        var d = outcome.Value!;
        return TypedResults.Created($"/api/compliance/admissions/{id}/documents/{d.Id}",
            new AdmissionDocumentView(d.Id, d.Title, d.FileName, d.ContentType, d.Size, d.Sha256, d.UploadedBy, d.UploadedAt));
    }

    internal static async Task<Results<Ok<AdmissionView>, ProblemHttpResult>> Assess(long id, string requirementCode, AdmissionAssessRequest request, AdmissionDesk desk, CancellationToken ct)
    {
        var input = new Input();
        var (assessment, comment) = Parse(input, request);
        return input.IsValid ? await View(desk, await desk.AssessAsync(id, requirementCode, assessment, comment, request.Version, ct), ct) : Problems.BadRequest(input.Errors);
    }

    /// <summary>One requirement's assessment (met, partly-met or not-met) and comment, parsed (the pages share it).</summary>
    internal static (RequirementAssessment Assessment, string Comment) Parse(Input input, AdmissionAssessRequest request)
    {
        var assessment = input.Enum<RequirementAssessment>(request.Assessment, "assessment");
        if (input.IsValid && assessment == RequirementAssessment.NotAssessed)
        {
            input.Add(InputCodes.InvalidValue, "'assessment' is met, partly-met or not-met.", "assessment");
        }

        return (assessment, input.Text(request.Comment, "comment", 4000, required: false));
    }

    internal static async Task<Results<Ok<AdmissionView>, ProblemHttpResult>> Visit(long id, AdmissionVisitRequest request, AdmissionDesk desk, CancellationToken ct)
    {
        var input = new Input();
        var (on, report) = Parse(input, request);
        return input.IsValid ? await View(desk, await desk.RecordVisitAsync(id, on, report, request.Version, ct), ct) : Problems.BadRequest(input.Errors);
    }

    /// <summary>The visit's day and report, parsed (the pages share it).</summary>
    internal static (DateOnly VisitOn, string Report) Parse(Input input, AdmissionVisitRequest request)
        => (input.Date(request.VisitOn, "visitOn"), input.Text(request.Report, "report", 20_000));

    internal static async Task<Results<Ok<AdmissionView>, ProblemHttpResult>> Recommend(long id, AdmissionRecommendationRequest request, AdmissionDesk desk, CancellationToken ct)
    {
        var input = new Input();
        var (recommend, assessment, recommendation) = Parse(input, request);
        return input.IsValid
            ? await View(desk, await desk.RecommendAsync(id, recommend, assessment, recommendation, request.Version, ct), ct)
            : Problems.BadRequest(input.Errors);
    }

    /// <summary>The committee's recommendation (to admit or not), its assessment and recommendation texts, parsed (the pages share it).</summary>
    internal static (bool Recommend, string Assessment, string Recommendation) Parse(Input input, AdmissionRecommendationRequest request)
    {
        if (request.Recommend is null)
        {
            input.Add(InputCodes.Required, "'recommend' is required: true to recommend admission, false not to.", "recommend");
        }

        var assessment = input.Text(request.Assessment, "assessment", 20_000, required: false);
        var recommendation = input.Text(request.Recommendation, "recommendation", 20_000, required: false);
        return (request.Recommend ?? false, assessment, recommendation);
    }

    internal static async Task<Results<Ok<AdmissionView>, ProblemHttpResult>> Propose(long id, AdmissionDecisionRequest request, AdmissionDesk desk, CancellationToken ct)
    {
        var input = new Input();
        var proposal = Parse(input, request);
        return input.IsValid
            ? await View(desk, await desk.ProposeDecisionAsync(id, proposal, request.Version, ct), ct)
            : Problems.BadRequest(input.Errors);
    }

    /// <summary>The decision to propose (admit or refuse) and its procedure, parsed (the pages share it).</summary>
    internal static AdmissionProposal Parse(Input input, AdmissionDecisionRequest request)
    {
        var outcome = input.OneOf(request.Outcome, "outcome", ["admit", "refuse"]);
        if (string.IsNullOrWhiteSpace(request.Outcome))
        {
            input.Add(InputCodes.Required, "'outcome' is required: admit or refuse.", "outcome");
        }

        var procedure = string.IsNullOrWhiteSpace(request.Procedure) ? DecisionProcedure.PlenaryConsensus : input.Enum<DecisionProcedure>(request.Procedure, "procedure");
        return new AdmissionProposal(outcome == "admit", procedure, request.MeetingId);
    }

    internal static async Task<Results<Ok<AdmissionView>, ProblemHttpResult>> Adopt(long id, AdmissionAdoptionRequest request, AdmissionDesk desk, CancellationToken ct)
    {
        var input = new Input();
        var adoption = Parse(input, request);
        return input.IsValid ? await View(desk, await desk.AdoptDecisionAsync(id, adoption, request.Version, ct), ct) : Problems.BadRequest(input.Errors);
    }

    /// <summary>The adoption's days (default today) and votes, parsed (the pages share it).</summary>
    internal static DecisionAdoption Parse(Input input, AdmissionAdoptionRequest request)
        => new(input.OptionalDate(request.AdoptedOn, "adoptedOn"), input.OptionalDate(request.EffectiveOn, "effectiveOn"), request.VotesFor, request.VotesAgainst, request.VotesAbstaining);

    internal static async Task<Results<Ok<AdmissionView>, ProblemHttpResult>> Withdraw(long id, AdmissionStepRequest? request, AdmissionDesk desk, CancellationToken ct)
        => await View(desk, await desk.WithdrawAsync(id, request?.Version, ct), ct);

    /// <summary>The application as the caller sees it (the writers are the secretariat, who sees draft decisions).</summary>
    private static async Task<Results<Ok<AdmissionView>, ProblemHttpResult>> View(AdmissionDesk desk, Outcome<AdmissionApplication> outcome, CancellationToken ct, bool seesDrafts = true)
        => outcome.Succeeded ? TypedResults.Ok(AdmissionView.Of(outcome.Value!, await desk.DecisionOfAsync(outcome.Value!, ct), seesDrafts)) : Problems.From(outcome);
}
