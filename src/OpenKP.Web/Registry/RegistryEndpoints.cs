using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Registry;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Registry;

/// <summary>The participant registry: who may trade rough diamonds under the KP, on any day.</summary>
internal static class RegistryEndpoints
{
    public static void Map(WebApplication app)
    {
        var pub = app.MapGroup("/api").WithTags("Registry").AllowAnonymous();
        pub.MapGet("/participants", ListParticipants).WithSummary("Participants with their status on a day (default today)");
        pub.MapGet("/participants/{code}", GetParticipant).WithSummary("A participant with its status history and the decisions behind it");
        pub.MapGet("/participants/{code}/status", GetStatus).WithSummary("Where a participant or country stands on a day");
        pub.MapGet("/participants/{code}/authorities", ListAuthorities).WithSummary("A participant's exporting and importing authorities");
        pub.MapGet("/trade-permission", CheckTradePermission).WithSummary("May exporter X ship to importer Y on day D diamonds of origin O (zone Z)?");
        pub.MapGet("/observers", ListObservers).WithSummary("Industry and civil-society observers of the scheme");
        pub.MapGet("/embargoes", ListEmbargoes).WithSummary("UN Security Council embargoes on rough diamonds by origin");

        var secretariat = app.MapGroup("/api").WithTags("Registry").RequireAuthorization(Policies.Secretariat);
        secretariat.MapPost("/participants", AddParticipant).WithSummary("Add a participant, applicant or trading entity");
        secretariat.MapPost("/participants/{code}/status-events", RecordStatusEvent).WithSummary("Record a status change, possibly scheduled for a future date");
        secretariat.MapPost("/participants/{code}/zones", RecordZone).WithSummary("Record a compliant zone or a special-measures area");
        secretariat.MapPost("/participants/{code}/authorities", AddAuthority).WithSummary("Record an exporting or importing authority");
        secretariat.MapPost("/embargoes", RecordEmbargo).WithSummary("Record a UN embargo on diamonds of an origin");

        var officials = app.MapGroup("/api/participants/{code}/operators").WithTags("Registry");
        officials.MapGet("/", ListOperators).RequireAuthorization(Policies.ParticipantOfficials).WithSummary("Licensed operators (the participant's officers and the secretariat)");
        officials.MapPost("/", AddOperator).RequireAuthorization(Policies.ParticipantAuthority).WithSummary("License an operator (the participant's authority officers)");
        officials.MapPut("/{id:long}", UpdateOperator).RequireAuthorization(Policies.ParticipantAuthority).WithSummary("Change or suspend a licence (send the version you read)");
    }

    /// <summary>Every participant with its status on <paramref name="on"/> (YYYY-MM-DD, default today); filter by text or status.</summary>
    internal static async Task<Results<Ok<Paged<ParticipantSummary>>, ProblemHttpResult>> ListParticipants(
        RegistryQueries registry, TimeProvider clock, string? on, string? q, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        var input = new Input();
        var day = input.Date(on, "on", clock.Today());
        var p = input.Page(page, "page", 1, 10_000);
        var size = input.Page(pageSize, "pageSize", 100, 500);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        return TypedResults.Ok(await registry.ListParticipantsAsync(new ParticipantListQuery(day, q, status, p, size), ct));
    }

    /// <summary>A participant: its status today, full history with decisions, zones, embargoes on its origin, authorities.</summary>
    internal static async Task<Results<Ok<ParticipantView>, ProblemHttpResult>> GetParticipant(
        string code, RegistryQueries registry, TimeProvider clock, CancellationToken ct)
    {
        var input = new Input();
        var c = input.Code(code, "code");
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        return await registry.GetParticipantAsync(c, clock.Today(), ct) is { } view
            ? TypedResults.Ok(view)
            : Problems.NotFound(RegistryCodes.ParticipantNotFound, $"There is no participant {c} in the registry.", "code");
    }

    /// <summary>Where a participant or country stands on <paramref name="on"/>; EU member states resolve to the EU.</summary>
    internal static async Task<Results<Ok<StandingView>, ProblemHttpResult>> GetStatus(
        string code, string? on, RegistryQueries registry, TimeProvider clock, CancellationToken ct)
    {
        var input = new Input();
        var c = input.Code(code, "code");
        var day = input.Date(on, "on", clock.Today());
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        return await registry.StandingAsync(c, day, ct) is { } standing
            ? TypedResults.Ok(standing)
            : Problems.NotFound(RegistryCodes.ParticipantNotFound, $"{c} is neither a participant nor covered by one on {day:yyyy-MM-dd}.", "code");
    }

    /// <summary>
    /// The one query every later rule uses. <c>allowed</c> is true, or <c>violations</c> lists every reason with
    /// a stable code. <paramref name="governmentCertified"/>: the goods carry the origin government's certificate.
    /// </summary>
    internal static async Task<Results<Ok<TradePermissionView>, ProblemHttpResult>> CheckTradePermission(
        string? exporter, string? importer, string? origin, string? zone, string? on, bool? governmentCertified,
        RegistryQueries registry, TimeProvider clock, CancellationToken ct)
    {
        var input = new Input();
        var x = input.Code(exporter, "exporter");
        var i = input.Code(importer, "importer");
        var o = input.Code(origin, "origin");
        var day = input.Date(on, "on", clock.Today());
        var z = input.Text(zone, "zone", 200, required: false);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        return TypedResults.Ok(await registry.TradePermissionAsync(new TradeQuestion(x, i, o, z.Length == 0 ? null : z, day, governmentCertified ?? false), ct));
    }

    internal static async Task<Results<Ok<IReadOnlyList<AuthorityView>>, ProblemHttpResult>> ListAuthorities(string code, OpenKpDb db, CancellationToken ct)
    {
        var input = new Input();
        var c = input.Code(code, "code");
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        if (!await db.Participants.AnyAsync(p => p.Code == c, ct))
        {
            return Problems.NotFound(RegistryCodes.ParticipantNotFound, $"There is no participant {c} in the registry.", "code");
        }

        var list = await db.Authorities.AsNoTracking().Where(a => a.ParticipantCode == c).OrderBy(a => a.Name).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<AuthorityView>>([.. list.Select(AuthorityView.Of)]);
    }

    /// <summary>Observers, with whether each still observes the scheme today.</summary>
    internal static async Task<Ok<IReadOnlyList<ObserverView>>> ListObservers(RegistryQueries registry, TimeProvider clock, CancellationToken ct)
        => TypedResults.Ok(await registry.ObserversAsync(clock.Today(), ct));

    internal static async Task<Ok<IReadOnlyList<EmbargoView>>> ListEmbargoes(OpenKpDb db, CancellationToken ct)
    {
        var list = await db.Embargoes.AsNoTracking().OrderBy(e => e.From).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<EmbargoView>>([.. list.Select(EmbargoView.Of)]);
    }

    internal static async Task<Results<Created<ParticipantSummary>, ProblemHttpResult>> AddParticipant(AddParticipantRequest request, RegistryEditor editor, CancellationToken ct)
    {
        var input = new Input();
        var code = input.Code(request.Code, "code");
        var nameEn = input.Text(request.NameEn, "nameEn", 200);
        var nameFr = input.Text(request.NameFr, "nameFr", 200, required: false);
        var kind = input.Enum<ParticipantKind>(request.Kind, "kind");
        var admitted = input.Date(request.AdmittedOn, "admittedOn");
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await editor.AddParticipantAsync(new NewParticipant(code, nameEn, nameFr.Length == 0 ? nameEn : nameFr, kind, admitted), ct);
        if (!outcome.Succeeded)
        {
            return Problems.From(outcome);
        }

        var p = outcome.Value!;
        return TypedResults.Created($"/api/participants/{p.Code}", new ParticipantSummary(p.Code, p.NameEn, p.NameFr, p.Kind, p.Admitted.ToString(), "not-participant", null));
    }

    /// <summary>Records a status change; the participant's status changes on <c>effectiveOn</c>, which may be in the future.</summary>
    internal static async Task<Results<Created<StatusEventView>, ProblemHttpResult>> RecordStatusEvent(
        string code, RecordStatusEventRequest request, RegistryEditor editor, TimeProvider clock, CancellationToken ct)
    {
        var input = new Input();
        var c = input.Code(code, "code");
        var statusEvent = request.Parse(input);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await editor.RecordStatusEventAsync(c, statusEvent, ct);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/participants/{c}", StatusEventView.Of(outcome.Value!, clock.Today()))
            : Problems.From(outcome);
    }

    internal static async Task<Results<Created<ZoneView>, ProblemHttpResult>> RecordZone(string code, RecordZoneRequest request, RegistryEditor editor, CancellationToken ct)
    {
        var input = new Input();
        var c = input.Code(code, "code");
        var name = input.Text(request.Name, "name", 200);
        var kind = input.Enum<ZoneKind>(request.Kind, "kind");
        var from = input.Date(request.From, "from");
        var endsOn = input.OptionalDate(request.EndsOn, "endsOn");
        var source = input.Text(request.Source, "source", 2000, required: false);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await editor.RecordZoneAsync(c, new NewZone(name, kind, from, endsOn, source.Length == 0 ? null : source), ct);
        return outcome.Succeeded ? TypedResults.Created($"/api/participants/{c}", ZoneView.Of(outcome.Value!)) : Problems.From(outcome);
    }

    internal static async Task<Results<Created<EmbargoView>, ProblemHttpResult>> RecordEmbargo(RecordEmbargoRequest request, RegistryEditor editor, CancellationToken ct)
    {
        var input = new Input();
        var origin = input.Code(request.Origin, "origin");
        var from = input.Date(request.From, "from");
        var endsOn = input.OptionalDate(request.EndsOn, "endsOn");
        var note = input.Text(request.Note, "note", 4000);
        var decision = DecisionFields.Parse(input, request.DecisionTitle, request.DecisionDate, request.DecisionReference);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await editor.RecordEmbargoAsync(new NewEmbargo(origin, from, endsOn, request.GovernmentCertifiedExempt, note, decision), ct);
        return outcome.Succeeded ? TypedResults.Created($"/api/embargoes", EmbargoView.Of(outcome.Value!)) : Problems.From(outcome);
    }

    internal static async Task<Results<Created<AuthorityView>, ProblemHttpResult>> AddAuthority(string code, AuthorityRequest request, RegistryEditor editor, CancellationToken ct)
    {
        var input = new Input();
        var c = input.Code(code, "code");
        var name = input.Text(request.Name, "name", 300);
        var role = input.Enum<AuthorityRole>(request.Role, "role");
        var address = input.Text(request.Address, "address", 1000);
        var contact = input.Text(request.Contact, "contact", 500);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await editor.AddAuthorityAsync(c, new AuthorityInput(name, role, address, contact), ct);
        return outcome.Succeeded ? TypedResults.Created($"/api/participants/{c}/authorities", AuthorityView.Of(outcome.Value!)) : Problems.From(outcome);
    }

    internal static async Task<Results<Ok<Paged<OperatorView>>, ProblemHttpResult>> ListOperators(
        string code, string? q, int? page, int? pageSize, OpenKpDb db, CancellationToken ct)
    {
        var input = new Input();
        var c = input.Code(code, "code");
        var p = input.Page(page, "page", 1, 100_000);
        var size = input.Page(pageSize, "pageSize", 50, 500);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var query = db.Operators.AsNoTracking().Where(o => o.ParticipantCode == c);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(o => o.CompanyName.Contains(term) || o.LicenceNumber.Contains(term));
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(o => o.CompanyName).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new Paged<OperatorView>([.. items.Select(OperatorView.Of)], p, size, total));
    }

    internal static async Task<Results<Created<OperatorView>, ProblemHttpResult>> AddOperator(string code, OperatorRequest request, RegistryEditor editor, CancellationToken ct)
    {
        var input = new Input();
        var c = input.Code(code, "code");
        var data = Operator(input, request);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await editor.AddOperatorAsync(c, data, ct);
        return outcome.Succeeded ? TypedResults.Created($"/api/participants/{c}/operators/{outcome.Value!.Id}", OperatorView.Of(outcome.Value)) : Problems.From(outcome);
    }

    internal static async Task<Results<Ok<OperatorView>, ProblemHttpResult>> UpdateOperator(string code, long id, OperatorRequest request, RegistryEditor editor, CancellationToken ct)
    {
        var input = new Input();
        var c = input.Code(code, "code");
        var data = Operator(input, request);
        if (request.Version is null)
        {
            input.Add(InputCodes.Required, "'version' is required: send the version you read, so nobody's change is lost.", "version");
        }

        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var outcome = await editor.UpdateOperatorAsync(c, id, data, request.Version!.Value, ct);
        return outcome.Succeeded ? TypedResults.Ok(OperatorView.Of(outcome.Value!)) : Problems.From(outcome);
    }

    private static OperatorInput Operator(Input input, OperatorRequest r) => new(
        input.Text(r.CompanyName, "companyName", 300),
        input.Text(r.Address, "address", 1000),
        input.Text(r.LicenceNumber, "licenceNumber", 64),
        r.IsExporter,
        r.IsImporter,
        input.Date(r.ValidFrom, "validFrom"),
        input.OptionalDate(r.ValidTo, "validTo"),
        r.Suspended);
}
