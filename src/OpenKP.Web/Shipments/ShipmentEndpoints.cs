using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OpenKP.Accounts;
using OpenKP.Certificates;
using OpenKP.Shared;
using OpenKP.Shipments;
using OpenKP.Web.Accounts;
using OpenKP.Web.Certificates;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Shipments;

/// <summary>
/// The shipments loop: export applications and their review, departure, transit, the arrival check,
/// import confirmations, detention cases, the overdue list and each participant's settings.
/// Who may do what is decided per step from the account (<see cref="ShipmentActor"/>); what a caller
/// may not see is a 404, what it sees but may not do is a 403.
/// </summary>
internal static class ShipmentEndpoints
{
    /// <summary>Uploads may carry a file of <see cref="FileStore.MaxBytes"/> plus the multipart envelope; a larger file gets the store's clear 422.</summary>
    private static readonly Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute UploadLimit = new(FileStore.MaxBytes + (256 * 1024));

    public static void Map(WebApplication app)
    {
        var applications = app.MapGroup("/api/applications").WithTags("Export applications").RequireAuthorization(Policies.SignedIn);
        applications.MapPost("/", Create).WithSummary("Start an export application (an operator for its company; an officer for a licensed exporter)");
        applications.MapGet("/", List).WithSummary("Export applications: an operator's company's, an officer's participant's (submitted onwards), all for the secretariat");
        applications.MapGet("/queue", Queue).WithSummary("The officers' review queue: submitted applications and those awaiting a second approval, oldest first");
        applications.MapGet("/{id:long}", Get).WithSummary("An export application");
        applications.MapPut("/{id:long}", Update).WithSummary("Change a draft (or an application sent back)");
        applications.MapDelete("/{id:long}", Delete).WithSummary("Delete a draft never submitted");
        applications.MapPost("/{id:long}/submit", Submit).WithSummary("Submit to the exporting authority");
        applications.MapPost("/{id:long}/attachments", Attach).DisableAntiforgery().WithMetadata(UploadLimit)
            .WithSummary("Attach a PDF, PNG or JPEG (≤ 10 MB, checked by content): multipart 'file' and 'kind' (invoice, valuation-report, other)");
        applications.MapGet("/{id:long}/attachments/{attachmentId:long}", Attachment).WithSummary("Download an attachment");
        applications.MapGet("/{id:long}/review", Review).WithSummary("The review screen: every rule the certificate would break today, and the declared US$/ct beside the recent range");
        applications.MapPost("/{id:long}/approve", Approve).WithSummary("Approve: the certificate is issued (above the four-eyes threshold, after a second officer approves)");
        applications.MapPost("/{id:long}/reject", Reject).WithSummary("Reject with a reason");
        applications.MapPost("/{id:long}/send-back", SendBack).WithSummary("Send back to the operator for changes, with a reason");

        var shipments = app.MapGroup("/api/shipments").WithTags("Shipments").RequireAuthorization(Policies.SignedIn);
        shipments.MapGet("/", ListShipments).WithSummary("Shipments: direction incoming (by expected arrival), outgoing or all; status; open=true for loops not closed");
        shipments.MapGet("/overdue", Overdue).WithSummary("The exporting authority's open loops: no import confirmation after N days, and certificates expired unused");
        shipments.MapGet("/{number}", GetShipment).WithSummary("A shipment: departure, transits, arrival checks, confirmation and cases");
        shipments.MapPost("/{number}/departure", Depart).WithSummary("Exporting customs: the container sealed and gone (seals checked against the certificate)");
        shipments.MapPost("/{number}/remind", Remind).WithSummary("Remind the importing side that the confirmation is overdue");
        shipments.MapGet("/{number}/confirmation", Confirmation).WithSummary("The signed import confirmation");
        shipments.MapGet("/{number}/confirmation/pdf", ConfirmationPdf).WithSummary("The import confirmation as a printable PDF with its QR");

        app.MapPost("/api/arrivals", Arrive).WithTags("Shipments").RequireAuthorization(Policies.SignedIn)
            .WithSummary("Importing customs: check an arriving shipment; accepted → import confirmation, discrepancy → detained with a case");
        app.MapPost("/api/transits", Transit).WithTags("Shipments").RequireAuthorization(Policies.SignedIn)
            .WithSummary("Customs of a participant crossed: record a sealed shipment in transit");
        app.MapPost("/api/confirmations/verify", VerifyConfirmation).WithTags("Verification").AllowAnonymous().RequireRateLimiting(CertificatesModule.VerifyRateLimit)
            .WithSummary("Verify an import confirmation's signed text (KPC1:) against the trust list");

        var cases = app.MapGroup("/api/cases").WithTags("Detention cases").RequireAuthorization(Policies.SignedIn);
        cases.MapGet("/", Cases).WithSummary("Detention cases of your participant (either side); open=true for unresolved ones");
        cases.MapGet("/{id:long}", Case).WithSummary("A detention case with its notes and the one-month notification clock");
        cases.MapPost("/{id:long}/notes", AddNote).DisableAntiforgery().WithMetadata(UploadLimit).WithSummary("Add a note (JSON), or a note with an evidence file (multipart 'text' and 'file')");
        cases.MapGet("/{id:long}/notes/{noteId:long}/file", Evidence).WithSummary("Download a note's evidence file");
        cases.MapPost("/{id:long}/resolve", Resolve).WithSummary("Resolve (the importing side): released (the import is confirmed), seized or returned");

        var settings = app.MapGroup("/api/participants/{code}/shipment-settings").WithTags("Shipments");
        settings.MapGet("/", GetSettings).RequireAuthorization(Policies.ParticipantOfficials).WithSummary("Four-eyes threshold, overdue days, arrival tolerances");
        settings.MapPut("/", ChangeSettings).RequireAuthorization(Policies.ParticipantAuthority).WithSummary("Change them (the participant's authority officers, the secretariat)");
    }

    // ---- Export applications --------------------------------------------------------------------

    internal static async Task<Results<Created<ApplicationView>, ProblemHttpResult>> Create(
        ApplicationRequest request, ClaimsPrincipal user, ApplicationDesk desk, OpenKpEnvironment environment, CancellationToken ct)
    {
        var actor = Actor(user, environment);
        if (!actor.IsOperator && !actor.IsAuthorityOfficer)
        {
            return Problems.Forbidden("Export applications are made by operators (exporters), or prepared for them by their authority's officers.");
        }

        var input = new Input();
        var draft = request.Parse(input);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await desk.CreateAsync(actor, draft, ct);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/applications/{outcome.Value!.Id}", ApplicationView.Of(outcome.Value!))
            : Problems.From(outcome);
    }

    internal static async Task<Results<Ok<Paged<ApplicationView>>, ProblemHttpResult>> List(
        ClaimsPrincipal user, ShipmentQueries queries, OpenKpEnvironment environment, string? status, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var actor = Actor(user, environment);
        if (!(actor.IsOperator || actor.IsAuthorityOfficer || actor.IsSecretariat))
        {
            return Problems.Forbidden("Export applications are seen by their operators, the exporting authority and the secretariat.");
        }

        var input = new Input();
        var s = string.IsNullOrWhiteSpace(status) ? (ApplicationStatus?)null : input.Enum<ApplicationStatus>(status, "status");
        var p = input.Page(page, "page", 1, 100_000);
        var size = input.Page(pageSize, "pageSize", 50, 500);
        var text = input.Text(q, "q", 100, required: false);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var list = await queries.ApplicationsAsync(actor, s, text, p, size, ct);
        return TypedResults.Ok(Map(list, ApplicationView.Of));
    }

    internal static async Task<Results<Ok<Paged<ApplicationView>>, ProblemHttpResult>> Queue(
        ClaimsPrincipal user, ShipmentQueries queries, OpenKpEnvironment environment, int? page, int? pageSize, CancellationToken ct)
    {
        var actor = Actor(user, environment);
        if (!actor.IsAuthorityOfficer || actor.Participant is not { } own)
        {
            return Problems.Forbidden("The review queue is the exporting authority's officers'.");
        }

        var input = new Input();
        var p = input.Page(page, "page", 1, 100_000);
        var size = input.Page(pageSize, "pageSize", 50, 500);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        return TypedResults.Ok(Map(await queries.QueueAsync(own, p, size, ct), ApplicationView.Of));
    }

    internal static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Get(long id, ClaimsPrincipal user, ShipmentQueries queries, OpenKpEnvironment environment, CancellationToken ct)
        => await queries.ApplicationAsync(Actor(user, environment), id, ct) is { } a ? TypedResults.Ok(ApplicationView.Of(a)) : ApplicationNotFound(id);

    internal static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Update(
        long id, ApplicationRequest request, ClaimsPrincipal user, ApplicationDesk desk, OpenKpEnvironment environment, CancellationToken ct)
    {
        var input = new Input();
        var draft = request.Parse(input);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await desk.UpdateAsync(Actor(user, environment), id, draft, request.Version, ct);
        return outcome.Succeeded ? TypedResults.Ok(ApplicationView.Of(outcome.Value!)) : Problems.From(outcome);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Delete(long id, ClaimsPrincipal user, ApplicationDesk desk, OpenKpEnvironment environment, CancellationToken ct)
    {
        var outcome = await desk.DeleteAsync(Actor(user, environment), id, ct);
        return outcome.Succeeded ? TypedResults.NoContent() : Problems.From(outcome);
    }

    internal static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Submit(
        long id, VersionRequest? request, ClaimsPrincipal user, ApplicationDesk desk, OpenKpEnvironment environment, CancellationToken ct)
    {
        var outcome = await desk.SubmitAsync(Actor(user, environment), id, request?.Version, ct);
        return outcome.Succeeded ? TypedResults.Ok(ApplicationView.Of(outcome.Value!)) : Problems.From(outcome);
    }

    internal static async Task<Results<Created<ApplicationAttachmentView>, ProblemHttpResult>> Attach(
        long id, HttpRequest request, ClaimsPrincipal user, ApplicationDesk desk, OpenKpEnvironment environment, CancellationToken ct)
    {
        var input = new Input();
        if (!request.HasFormContentType)
        {
            return Problems.BadRequest([new Violation(InputCodes.Required, "Post multipart/form-data with a 'file' and its 'kind'.", "file")]);
        }

        if (await ReadFormAsync(request, ct) is not { } form)
        {
            return MalformedBody();
        }

        var kind = input.Enum<AttachmentKind>(form["kind"].ToString(), "kind");
        var file = form.Files.GetFile("file");
        if (file is null)
        {
            input.Add(InputCodes.Required, "'file' is required: the PDF, PNG or JPEG to attach.", "file");
        }

        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        await using var stream = file!.OpenReadStream();
        var outcome = await desk.AttachAsync(Actor(user, environment), id, kind, file.FileName, stream, ct);
        if (!outcome.Succeeded)
        {
            return Problems.From(outcome);
        }

        var a = outcome.Value!;
        return TypedResults.Created($"/api/applications/{id}/attachments/{a.Id}",
            new ApplicationAttachmentView(a.Id, Input.Kebab(a.Kind), a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedBy, a.UploadedAt));
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Attachment(
        long id, long attachmentId, ClaimsPrincipal user, ShipmentQueries queries, FileStore files, OpenKpEnvironment environment, CancellationToken ct)
    {
        var application = await queries.ApplicationAsync(Actor(user, environment), id, ct);
        var attachment = application?.Attachments.SingleOrDefault(a => a.Id == attachmentId);
        if (attachment is null || files.Open(attachment.Sha256) is not { } stream)
        {
            return Problems.NotFound(ShipmentCodes.AttachmentNotFound, $"Application {id} has no attachment {attachmentId} you can see.", "attachmentId");
        }

        return TypedResults.File(stream, attachment.ContentType, attachment.FileName);
    }

    internal static async Task<Results<Ok<ApplicationReviewView>, ProblemHttpResult>> Review(
        long id, ClaimsPrincipal user, ApplicationReviewer reviewer, OpenKpEnvironment environment, CancellationToken ct)
    {
        var outcome = await reviewer.ReviewAsync(Actor(user, environment), id, ct);
        return outcome.Succeeded ? TypedResults.Ok(ApplicationReviewView.Of(outcome.Value!)) : Problems.From(outcome);
    }

    internal static async Task<Results<Ok<ApprovalView>, ProblemHttpResult>> Approve(
        long id, VersionRequest? request, ClaimsPrincipal user, ApplicationReviewer reviewer, OpenKpEnvironment environment, CancellationToken ct)
    {
        var actor = Actor(user, environment);
        if (!actor.IsAuthorityOfficer)
        {
            return Problems.Forbidden("Applications are approved by the exporting authority's officers.");
        }

        var outcome = await reviewer.ApproveAsync(actor, id, request?.Version, ct);
        return outcome.Succeeded
            ? TypedResults.Ok(new ApprovalView(ApplicationView.Of(outcome.Value.Application), outcome.Value.Certificate is { } c ? CertificateView.Of(c) : null))
            : Problems.From(outcome);
    }

    internal static Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Reject(
        long id, DecisionRequest request, ClaimsPrincipal user, ApplicationReviewer reviewer, OpenKpEnvironment environment, CancellationToken ct)
        => Decide(id, request, user, environment, (actor, reason) => reviewer.RejectAsync(actor, id, request.Version, reason, ct));

    internal static Task<Results<Ok<ApplicationView>, ProblemHttpResult>> SendBack(
        long id, DecisionRequest request, ClaimsPrincipal user, ApplicationReviewer reviewer, OpenKpEnvironment environment, CancellationToken ct)
        => Decide(id, request, user, environment, (actor, reason) => reviewer.SendBackAsync(actor, id, request.Version, reason, ct));

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Decide(
        long id, DecisionRequest request, ClaimsPrincipal user, OpenKpEnvironment environment, Func<ShipmentActor, string, Task<Outcome<ExportApplication>>> decide)
    {
        var actor = Actor(user, environment);
        if (!actor.IsAuthorityOfficer)
        {
            return Problems.Forbidden("Applications are decided by the exporting authority's officers.");
        }

        var input = new Input();
        var reason = input.Text(request.Reason, "reason", 2000);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await decide(actor, reason);
        return outcome.Succeeded ? TypedResults.Ok(ApplicationView.Of(outcome.Value!)) : Problems.From(outcome);
    }

    // ---- Shipments -------------------------------------------------------------------------------

    internal static async Task<Results<Ok<Paged<ShipmentSummary>>, ProblemHttpResult>> ListShipments(
        ClaimsPrincipal user, ShipmentQueries queries, OpenKpEnvironment environment, string? direction, string? status, bool? open, string? q, string? participant,
        int? page, int? pageSize, CancellationToken ct)
    {
        var actor = Actor(user, environment);
        if (user.IsInRole(Roles.Observer))
        {
            return Problems.Forbidden("Observers do not see commercial shipment data.");
        }

        var input = new Input();
        var d = input.OneOf(direction, "direction", ShipmentQueries.Directions) ?? "all";
        var s = string.IsNullOrWhiteSpace(status) ? (ShipmentStatus?)null : input.Enum<ShipmentStatus>(status, "status");
        var p = input.Page(page, "page", 1, 100_000);
        var size = input.Page(pageSize, "pageSize", 50, 500);
        var text = input.Text(q, "q", 64, required: false);
        var who = string.IsNullOrWhiteSpace(participant) ? null : input.Code(participant, "participant");
        if (who is not null && !actor.IsSecretariat && who != actor.Participant)
        {
            return Problems.Forbidden($"You see {actor.Participant ?? "your company"}'s shipments only.");
        }

        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        return TypedResults.Ok(Map(await queries.ListAsync(actor, d, s, open == true, text, who, p, size, ct), ShipmentSummary.Of));
    }

    internal static async Task<Results<Ok<ShipmentView>, ProblemHttpResult>> GetShipment(string number, ClaimsPrincipal user, ShipmentQueries queries, OpenKpEnvironment environment, CancellationToken ct)
        => await queries.FindAsync(Actor(user, environment), number.Trim(), ct) is { } record ? TypedResults.Ok(ShipmentView.Of(record)) : ShipmentNotFound(number);

    internal static async Task<Results<Ok<ShipmentView>, ProblemHttpResult>> Depart(
        string number, DepartureRequest request, ClaimsPrincipal user, DepartureRecorder recorder, ShipmentQueries queries, OpenKpEnvironment environment, CancellationToken ct)
    {
        var actor = Actor(user, environment);
        if (!actor.IsCustomsOfficer)
        {
            return Problems.Forbidden("Departures are recorded by the exporting participant's customs officers.");
        }

        var input = new Input();
        var seals = input.Texts(request.SealNumbers, "sealNumbers", 64, 50);
        var note = input.Text(request.Note, "note", 2000, required: false);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await recorder.DepartAsync(actor, number.Trim(), seals, note.Length == 0 ? null : note, request.Version, ct);
        return outcome.Succeeded ? TypedResults.Ok(ShipmentView.Of((await queries.FindAsync(actor, number.Trim(), ct))!)) : Problems.From(outcome);
    }

    internal static async Task<Results<Ok<OverdueListView>, ProblemHttpResult>> Overdue(
        ClaimsPrincipal user, OverdueWatch watch, ShipmentSettingsStore settings, OpenKpEnvironment environment, string? participant, int? page, int? pageSize, CancellationToken ct)
    {
        var actor = Actor(user, environment);
        var input = new Input();
        var who = string.IsNullOrWhiteSpace(participant) ? actor.Participant : input.Code(participant, "participant");
        var p = input.Page(page, "page", 1, 100_000);
        var size = input.Page(pageSize, "pageSize", 50, 500);
        if (!(actor.IsSecretariat || (actor.IsAuthorityOfficer && who == actor.Participant)))
        {
            return Problems.Forbidden("The overdue list is the exporting authority's (and the secretariat's).");
        }

        if (who is null)
        {
            input.Add(InputCodes.Required, "'participant' is required: whose outgoing shipments to list.", "participant");
        }

        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var list = await watch.ListAsync(who!, p, size, ct);
        var rules = await settings.GetAsync(who!, ct);
        return TypedResults.Ok(new OverdueListView(who!, rules.OverdueAfterDays, Map(list, OverdueView.Of)));
    }

    internal static async Task<Results<Ok<OverdueView>, ProblemHttpResult>> Remind(
        string number, ClaimsPrincipal user, OverdueWatch watch, OpenKpEnvironment environment, TimeProvider clock, CancellationToken ct)
    {
        var actor = Actor(user, environment);
        if (!actor.IsAuthorityOfficer)
        {
            return Problems.Forbidden("Reminders are sent by the exporting authority's officers.");
        }

        var outcome = await watch.RemindAsync(actor, number.Trim(), ct);
        if (!outcome.Succeeded)
        {
            return Problems.From(outcome);
        }

        var s = outcome.Value!;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return TypedResults.Ok(new OverdueView(ShipmentSummary.Of(s), Input.Kebab(OverdueReason.NotConfirmed), today.DayNumber - s.IssuedOn.DayNumber, s.LastReminderAt));
    }

    internal static async Task<Results<Ok<ConfirmationView>, ProblemHttpResult>> Confirmation(
        string number, ClaimsPrincipal user, ShipmentQueries queries, OpenKpEnvironment environment, CancellationToken ct)
        => await queries.ConfirmationAsync(Actor(user, environment), number.Trim(), ct) is { } c
            ? TypedResults.Ok(ConfirmationView.Of(c))
            : Problems.NotFound(ShipmentCodes.ConfirmationNotFound, $"There is no import confirmation of certificate {number} you can see.", "number");

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ConfirmationPdf(
        string number, ClaimsPrincipal user, ShipmentQueries queries, OpenKpEnvironment environment, HttpRequest request, IOptions<OpenKpOptions> options, CancellationToken ct)
    {
        if (await queries.ConfirmationAsync(Actor(user, environment), number.Trim(), ct) is not { } c)
        {
            return Problems.NotFound(ShipmentCodes.ConfirmationNotFound, $"There is no import confirmation of certificate {number} you can see.", "number");
        }

        var verify = (string.IsNullOrWhiteSpace(options.Value.PublicUrl) ? $"{request.Scheme}://{request.Host}" : options.Value.PublicUrl.TrimEnd('/')) + "/verify";
        return TypedResults.File(ImportConfirmationPdf.Render(c, verify), "application/pdf", $"{c.CertificateNumber}-confirmation.pdf");
    }

    internal static async Task<Results<Created<ArrivalResultView>, ProblemHttpResult>> Arrive(
        ArrivalRequest request, ClaimsPrincipal user, ArrivalChecker checker, OpenKpEnvironment environment, CancellationToken ct)
    {
        var actor = Actor(user, environment);
        if (!actor.IsCustomsOfficer)
        {
            return Problems.Forbidden("Arrival checks are made by the importing participant's customs officers.");
        }

        var input = new Input();
        var report = request.Parse(input);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await checker.CheckAsync(actor, report, ct);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/shipments/{Uri.EscapeDataString(outcome.Value!.Check.CertificateNumber)}", ArrivalResultView.Of(outcome.Value!))
            : Problems.From(outcome);
    }

    internal static async Task<Results<Created<TransitView>, ProblemHttpResult>> Transit(
        TransitRequest request, ClaimsPrincipal user, DepartureRecorder recorder, OpenKpEnvironment environment, CancellationToken ct)
    {
        var actor = Actor(user, environment);
        if (!actor.IsCustomsOfficer)
        {
            return Problems.Forbidden("Transits are recorded by customs officers of the participant crossed.");
        }

        var input = new Input();
        var qr = input.Text(request.Qr, "qr", 4000);
        var notes = input.Text(request.Notes, "notes", 2000, required: false);
        if (request.SealIntact is null)
        {
            input.Add(InputCodes.Required, "'sealIntact' is required: was the seal intact?", "sealIntact");
        }

        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await recorder.TransitAsync(actor, qr, request.SealIntact!.Value, notes.Length == 0 ? null : notes, ct);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/shipments/{Uri.EscapeDataString(outcome.Value!.CertificateNumber)}", TransitView.Of(outcome.Value!))
            : Problems.From(outcome);
    }

    internal static async Task<Ok<ConfirmationVerificationView>> VerifyConfirmation(VerifyConfirmationRequest request, CertificateQueries certificates, CancellationToken ct)
        => TypedResults.Ok(ConfirmationVerificationView.Of(ImportConfirmationQr.Verify(request.Text, await certificates.TrustAnchorsAsync(ct))));

    // ---- Detention cases -------------------------------------------------------------------------

    internal static async Task<Results<Ok<Paged<CaseView>>, ProblemHttpResult>> Cases(
        ClaimsPrincipal user, ShipmentQueries queries, OpenKpEnvironment environment, bool? open, int? page, int? pageSize, CancellationToken ct)
    {
        var actor = Actor(user, environment);
        if (!(actor.IsSecretariat || actor.IsAuthorityOfficer || actor.IsCustomsOfficer))
        {
            return Problems.Forbidden("Detention cases are the authorities' and customs'.");
        }

        var input = new Input();
        var p = input.Page(page, "page", 1, 100_000);
        var size = input.Page(pageSize, "pageSize", 50, 500);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        return TypedResults.Ok(Map(await queries.CasesAsync(actor, open == true, p, size, ct), CaseView.Of));
    }

    internal static async Task<Results<Ok<CaseView>, ProblemHttpResult>> Case(long id, ClaimsPrincipal user, DetentionCases cases, OpenKpEnvironment environment, CancellationToken ct)
    {
        var outcome = await cases.FindAsync(Actor(user, environment), id, ct);
        return outcome.Succeeded ? TypedResults.Ok(CaseView.Of(outcome.Value!)) : Problems.From(outcome);
    }

    internal static async Task<Results<Created<CaseNoteView>, ProblemHttpResult>> AddNote(
        long id, HttpRequest request, ClaimsPrincipal user, DetentionCases cases, OpenKpEnvironment environment, CancellationToken ct)
    {
        var input = new Input();
        string? text;
        IFormFile? file = null;
        if (request.HasFormContentType)
        {
            if (await ReadFormAsync(request, ct) is not { } form)
            {
                return MalformedBody();
            }

            text = form["text"].ToString();
            file = form.Files.GetFile("file");
        }
        else
        {
            try
            {
                text = (await request.ReadFromJsonAsync<CaseNoteRequest>(ct))?.Text;
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
            {
                return MalformedBody();
            }
        }

        var note = input.Text(text, "text", 4000);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        await using var stream = file?.OpenReadStream();
        var outcome = await cases.AddNoteAsync(Actor(user, environment), id, note, file?.FileName, stream, ct);
        if (!outcome.Succeeded)
        {
            return Problems.From(outcome);
        }

        var n = outcome.Value!;
        return TypedResults.Created($"/api/cases/{id}", new CaseNoteView(n.Id, n.Participant, n.Author, n.At, n.Text, n.FileName, n.ContentType, n.FileSize));
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Evidence(
        long id, long noteId, ClaimsPrincipal user, DetentionCases cases, FileStore files, OpenKpEnvironment environment, CancellationToken ct)
    {
        var found = await cases.FindAsync(Actor(user, environment), id, ct);
        var note = found.Value?.Notes.SingleOrDefault(n => n.Id == noteId);
        if (note?.FileSha256 is not { } sha || files.Open(sha) is not { } stream)
        {
            return Problems.NotFound(ShipmentCodes.AttachmentNotFound, $"Case {id} has no evidence file on note {noteId} you can see.", "noteId");
        }

        return TypedResults.File(stream, note.ContentType ?? "application/octet-stream", note.FileName);
    }

    internal static async Task<Results<Ok<CaseView>, ProblemHttpResult>> Resolve(
        long id, ResolveCaseRequest request, ClaimsPrincipal user, DetentionCases cases, OpenKpEnvironment environment, CancellationToken ct)
    {
        var input = new Input();
        var resolution = input.Enum<CaseResolution>(request.Resolution, "resolution");
        var note = input.Text(request.Note, "note", 2000);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await cases.ResolveAsync(Actor(user, environment), id, resolution, note, request.Version, ct);
        return outcome.Succeeded ? TypedResults.Ok(CaseView.Of(outcome.Value!)) : Problems.From(outcome);
    }

    // ---- Settings --------------------------------------------------------------------------------

    internal static async Task<Results<Ok<ShipmentSettingsView>, ProblemHttpResult>> GetSettings(string code, ShipmentSettingsStore settings, CancellationToken ct)
    {
        var input = new Input();
        var participant = input.Code(code, "code");
        return input.IsValid ? TypedResults.Ok(ShipmentSettingsView.Of(await settings.GetAsync(participant, ct))) : Problems.BadRequest(input.Errors);
    }

    internal static async Task<Results<Ok<ShipmentSettingsView>, ProblemHttpResult>> ChangeSettings(
        string code, ShipmentSettingsRequest request, ClaimsPrincipal user, ShipmentSettingsStore settings, OpenKP.Registry.ParticipantDirectory registry, CancellationToken ct)
    {
        var input = new Input();
        var participant = input.Code(code, "code");
        var change = request.Parse(input);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        if ((await registry.SnapshotAsync(ct)).Find(participant) is null)
        {
            return Problems.NotFound(OpenKP.Registry.RegistryCodes.ParticipantNotFound, $"There is no participant {participant}.", "code");
        }

        var outcome = await settings.ChangeAsync(participant, change, request.Version, user.IsInRole(Roles.Secretariat), ct);
        return outcome.Succeeded ? TypedResults.Ok(ShipmentSettingsView.Of(outcome.Value!)) : Problems.From(outcome);
    }

    // ---- Helpers ---------------------------------------------------------------------------------

    /// <summary>The caller as the shipments module sees it; demo mode lets a participant without a key get one on first use.</summary>
    internal static ShipmentActor Actor(ClaimsPrincipal user, OpenKpEnvironment environment)
    {
        var role = Roles.All.FirstOrDefault(user.IsInRole) ?? string.Empty;
        var op = long.TryParse(user.FindFirstValue(OpenKpClaims.Operator), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (long?)null;
        var participant = role == Roles.Secretariat ? null : user.FindFirstValue(OpenKpClaims.Participant);
        return new ShipmentActor(user.Identity?.Name ?? "unknown", role, participant, op, environment.Demo);
    }

    /// <summary>The multipart form, or null when the body is not one (no boundary, cut short, too many parts).</summary>
    private static async Task<IFormCollection?> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    private static ProblemHttpResult MalformedBody()
        => Problems.BadRequest([new Violation(PlatformCodes.MalformedBody, "The body is not what this endpoint reads: JSON {\"text\": …}, or multipart form data with its fields and file.")]);

    private static Paged<TView> Map<T, TView>(Paged<T> list, Func<T, TView> view) => new([.. list.Items.Select(view)], list.Page, list.PageSize, list.Total);

    private static ProblemHttpResult ApplicationNotFound(long id) => Problems.NotFound(ShipmentCodes.ApplicationNotFound, $"You have no application {id}.", "id");

    private static ProblemHttpResult ShipmentNotFound(string number) => Problems.NotFound(ShipmentCodes.ShipmentNotFound, $"There is no shipment under certificate {number} you can see.", "number");
}

/// <summary>The overdue list of one exporting participant, with the number of days after which a loop is overdue.</summary>
public sealed record OverdueListView(string Participant, int OverdueAfterDays, Paged<OverdueView> Shipments);
