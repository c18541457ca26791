using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenKP.Audit;
using OpenKP.Data;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Audit;

/// <summary>One audit row as the API shows it.</summary>
public sealed record AuditEntryView(long Id, DateTime At, string UserName, string? Role, string? Participant, string Action, string Entity, string EntityKey, string? Before, string? After, string Hash);


internal static class AuditModule
{
    public static IServiceCollection AddAuditTrail(this IServiceCollection services) => services;

    public static WebApplication MapAuditTrail(this WebApplication app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit trail").RequireAuthorization(Policies.Secretariat);
        group.MapGet("/verify", Verify).WithSummary("Check the audit chain and name the first broken row");
        group.MapGet("/", List).WithSummary("The audit trail, newest first");
        return app;
    }

    /// <summary>Recomputes every row's hash: intact, or the first row that was changed or removed.</summary>
    internal static async Task<Ok<AuditVerification>> Verify(OpenKpDb db, CancellationToken ct)
        => TypedResults.Ok(await AuditChain.VerifyAsync(db, ct));

    /// <summary>Audit rows, newest first, optionally for one entity type, key or user.</summary>
    internal static async Task<Results<Ok<Paged<AuditEntryView>>, ProblemHttpResult>> List(
        OpenKpDb db, string? entity, string? key, string? user, int? page, int? pageSize, CancellationToken ct)
    {
        var input = new Input();
        var p = input.Page(page, "page", 1, 100_000);
        var size = input.Page(pageSize, "pageSize", 50, 500);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(entity))
        {
            query = query.Where(a => a.Entity == entity);
        }

        if (!string.IsNullOrWhiteSpace(key))
        {
            query = query.Where(a => a.EntityKey == key);
        }

        if (!string.IsNullOrWhiteSpace(user))
        {
            query = query.Where(a => a.UserName == user);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.Id).Skip((p - 1) * size).Take(size)
            .Select(a => new AuditEntryView(a.Id, a.At, a.UserName, a.Role, a.Participant, a.Action, a.Entity, a.EntityKey, a.Before, a.After, a.Hash))
            .ToListAsync(ct);
        return TypedResults.Ok(new Paged<AuditEntryView>(items, p, size, total));
    }
}
