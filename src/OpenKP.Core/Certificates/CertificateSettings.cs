using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Registry;
using OpenKP.Shared;

namespace OpenKP.Certificates;

/// <summary>
/// How a participant issues: its number format (<see cref="CertificateNumberFormat"/>), the longest
/// validity of its certificates in days (the EU: two months), and the second language of the printed
/// labels (null for English only).
/// </summary>
public sealed record CertificateSettingsView(string Participant, string NumberFormat, string NextNumberExample, int MaxValidityDays, string? SecondLanguage, Guid Version);

/// <summary>A change of a participant's certificate settings; <see cref="Version"/> is the one read.</summary>
public sealed record CertificateSettingsChange(string NumberFormat, int MaxValidityDays, string? SecondLanguage, Guid? Version);

/// <summary>Reads and changes a participant's certificate settings, kept on its registry row.</summary>
public sealed class CertificateSettings(OpenKpDb db, TimeProvider clock)
{
    /// <summary>The longest validity a participant may set (a year and a day).</summary>
    public const int MaxValidityLimit = 366;

    public async Task<CertificateSettingsView?> GetAsync(string participant, CancellationToken ct)
        => await db.Participants.AsNoTracking().SingleOrDefaultAsync(p => p.Code == participant, ct) is { } p ? View(p) : null;

    public async Task<Outcome<CertificateSettingsView>> ChangeAsync(string participant, CertificateSettingsChange change, CancellationToken ct)
    {
        var row = await db.Participants.SingleOrDefaultAsync(p => p.Code == participant, ct);
        if (row is null)
        {
            return Outcome<CertificateSettingsView>.NotFound(new(RegistryCodes.ParticipantNotFound, $"There is no participant {participant} in the registry.", "code"));
        }

        var violations = new List<Violation>();
        if (!CertificateNumberFormat.TryParse(change.NumberFormat, out _, out var error))
        {
            violations.Add(new(CertificateCodes.NumberFormatInvalid, error, "numberFormat"));
        }

        if (change.MaxValidityDays is < 1 or > MaxValidityLimit)
        {
            violations.Add(new(CertificateCodes.ValidityOutOfRange, $"The longest validity is between 1 and {MaxValidityLimit} days, not {change.MaxValidityDays}.", "maxValidityDays"));
        }

        if (!CertificateLabels.IsSupported(change.SecondLanguage))
        {
            violations.Add(new(CertificateCodes.LanguageUnsupported,
                $"Printed labels exist in English and {string.Join(", ", CertificateLabels.SecondLanguages)}; '{change.SecondLanguage}' is not one of them.", "secondLanguage"));
        }

        if (violations.Count > 0)
        {
            return Outcome<CertificateSettingsView>.Invalid(violations);
        }

        if (change.Version is { } version && version != row.Version)
        {
            return Outcome<CertificateSettingsView>.Conflict(new(RegistryCodes.ConcurrencyConflict, $"{participant} changed since you read it: reload and try again.", "version"));
        }

        row.CertificateNumberFormat = change.NumberFormat.Trim();
        row.MaxCertificateValidityDays = change.MaxValidityDays;
        row.CertificateLanguage = change.SecondLanguage;
        await db.SaveChangesAsync(ct);
        return Outcome<CertificateSettingsView>.Success(View(row));
    }

    private CertificateSettingsView View(Participant p)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var format = CertificateNumberFormat.OrDefault(p.CertificateNumberFormat);
        return new(p.Code, format.ToString(), format.Format(p.Code, today, 123), p.MaxCertificateValidityDays, p.CertificateLanguage, p.Version);
    }
}
