using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Shared;

namespace OpenKP.Shipments;

/// <summary>What the exporter's desk and the authority's review share about an application's row: loading it to change, its version, saving it.</summary>
internal static class ApplicationRows
{
    /// <summary>The application with its lines and attachments, tracked for a change.</summary>
    public static Task<ExportApplication?> LoadAsync(OpenKpDb db, long id, CancellationToken ct)
        => db.ExportApplications.Include(a => a.Lines).Include(a => a.Attachments).SingleOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>The conflict when the caller read another version than the one stored (none when it sent no version).</summary>
    public static Violation? Stale(ExportApplication application, Guid? version)
        => version is { } v && v != application.Version
            ? new(ShipmentCodes.ApplicationChanged, $"Application {application.Id} changed since you read it: reload it.", "version")
            : null;

    /// <summary>Saves; a concurrent change to the application is a conflict, not an exception.</summary>
    public static async Task<Outcome<ExportApplication>> SaveAsync(OpenKpDb db, ExportApplication application, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome<ExportApplication>.Success(application);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ExportApplication>.Conflict(new(ShipmentCodes.ApplicationChanged, $"Application {application.Id} changed at the same moment: reload it.", "version"));
        }
    }
}
