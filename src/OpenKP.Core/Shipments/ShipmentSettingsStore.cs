using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Shared;

namespace OpenKP.Shipments;

/// <summary>A participant's shipment settings as changed by its authority: null thresholds switch four eyes off.</summary>
public sealed record ShipmentSettingsChange(long? FourEyesThresholdUsdCents, int OverdueAfterDays, int WeightToleranceBasisPoints, int ValueToleranceBasisPoints);

/// <summary>Reads a participant's shipment settings (defaults when it never set them) and changes them under their version.</summary>
public sealed class ShipmentSettingsStore(OpenKpDb db)
{
    public async Task<ShipmentSettings> GetAsync(string participant, CancellationToken ct)
        => await db.ShipmentSettings.AsNoTracking().SingleOrDefaultAsync(s => s.ParticipantCode == participant, ct) ?? ShipmentSettings.DefaultFor(participant);

    /// <summary>Changes the settings; loosening four eyes needs <paramref name="bySecretariat"/> (<see cref="ShipmentRules.CheckSettingsChange"/>).</summary>
    public async Task<Outcome<ShipmentSettings>> ChangeAsync(string participant, ShipmentSettingsChange change, Guid? version, bool bySecretariat, CancellationToken ct)
    {
        var row = await db.ShipmentSettings.SingleOrDefaultAsync(s => s.ParticipantCode == participant, ct);
        if (row is not null && version is { } v && v != row.Version)
        {
            return Outcome<ShipmentSettings>.Conflict(new(ShipmentCodes.SettingsChanged, $"{participant}'s shipment settings changed since you read them: reload them.", "version"));
        }

        if (ShipmentRules.CheckSettingsChange(row ?? ShipmentSettings.DefaultFor(participant), change.FourEyesThresholdUsdCents, bySecretariat) is { } refused)
        {
            return Outcome<ShipmentSettings>.Forbidden(refused);
        }

        if (row is null)
        {
            row = ShipmentSettings.DefaultFor(participant);
            db.ShipmentSettings.Add(row);
        }

        row.FourEyesThresholdUsdCents = change.FourEyesThresholdUsdCents;
        row.OverdueAfterDays = change.OverdueAfterDays;
        row.WeightToleranceBasisPoints = change.WeightToleranceBasisPoints;
        row.ValueToleranceBasisPoints = change.ValueToleranceBasisPoints;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<ShipmentSettings>.Conflict(new(ShipmentCodes.SettingsChanged, $"{participant}'s shipment settings changed while you saved them: reload them.", "version"));
        }

        return Outcome<ShipmentSettings>.Success(row);
    }
}
