using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Shared;

namespace OpenKP.Statistics;

/// <summary>Reads the scheme's anomaly thresholds (the defaults until the secretariat changes them) and changes them under their version.</summary>
public sealed class AnomalySettingsStore(OpenKpDb db, TimeProvider clock)
{
    public async Task<AnomalySettings> GetAsync(CancellationToken ct)
        => await db.AnomalySettings.AsNoTracking().SingleOrDefaultAsync(s => s.Scheme == AnomalySettings.SchemeKey, ct) ?? AnomalySettings.Default();

    /// <summary>Replaces every threshold with <paramref name="change"/>'s (its key and version are ignored); refused with every out-of-range value.</summary>
    public async Task<Outcome<AnomalySettings>> ChangeAsync(AnomalySettings change, Guid? version, string by, CancellationToken ct)
    {
        if (AnomalyRules.CheckSettings(change) is { Count: > 0 } violations)
        {
            return Outcome<AnomalySettings>.Invalid(violations);
        }

        var row = await db.AnomalySettings.SingleOrDefaultAsync(s => s.Scheme == AnomalySettings.SchemeKey, ct);
        if (row is not null && version is { } v && v != row.Version)
        {
            return Changed();
        }

        if (row is null)
        {
            row = AnomalySettings.Default();
            db.AnomalySettings.Add(row);
        }

        row.OwnBandQuarters = change.OwnBandQuarters;
        row.OwnBandMinimumQuarters = change.OwnBandMinimumQuarters;
        row.BandWideningPercent = change.BandWideningPercent;
        row.PeerMinimumParticipants = change.PeerMinimumParticipants;
        row.SupplyTolerancePercent = change.SupplyTolerancePercent;
        row.PeriodChangePercent = change.PeriodChangePercent;
        row.CertificateJumpPercent = change.CertificateJumpPercent;
        row.MinimumCaratsHundredths = change.MinimumCaratsHundredths;
        row.MinimumUsdCents = change.MinimumUsdCents;
        row.MinimumCertificates = change.MinimumCertificates;
        row.QuestionnaireDueDays = change.QuestionnaireDueDays;
        row.UpdatedBy = by;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Changed();
        }

        return Outcome<AnomalySettings>.Success(row);
    }

    private static Outcome<AnomalySettings> Changed()
        => Outcome<AnomalySettings>.Conflict(new(AnomalyCodes.SettingsChanged, "The anomaly thresholds changed since you read them: reload them.", "version"));
}
