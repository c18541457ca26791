using System.Globalization;
using System.Security.Claims;
using OpenKP.Accounts;
using OpenKP.Shared;
using OpenKP.Statistics.Intake;
using OpenKP.Web.Portal;

namespace OpenKP.Web.Pages.Statistics;

/// <summary>What the statistics intake pages share: whose data a page shows, who may send, and the status tags.</summary>
public static class IntakePages
{
    /// <summary>The participant a page is about: the official's own, or for the secretariat the one chosen (null until chosen).</summary>
    public static string? ParticipantFor(ClaimsPrincipal user, string? chosen)
    {
        if (user.IsInRole(Roles.Secretariat))
        {
            return ParticipantCode.TryParse(chosen, out var code) ? code.Value : null;
        }

        return user.IsInRole(Roles.AuthorityOfficer) || user.IsInRole(Roles.CustomsOfficer) ? user.Participant() : null;
    }

    /// <summary>Authority officers send for their own participant, the secretariat for any; customs officers only read.</summary>
    public static bool MaySend(ClaimsPrincipal user) => user.IsInRole(Roles.Secretariat) || user.IsInRole(Roles.AuthorityOfficer);

    public static string StatusKey(IntakeStatus status) => "Intake.Status." + Input.Kebab(status);

    /// <summary>The tag colour of a status: submitted green, late red, due blue, derived grey.</summary>
    public static string TagClass(IntakeStatus status) => status switch
    {
        IntakeStatus.Submitted => "tag tag--confirmed",
        IntakeStatus.SubmittedLate => "tag tag--special-measures",
        IntakeStatus.Late => "tag tag--rejected",
        IntakeStatus.Due => "tag tag--submitted",
        _ => "tag tag--draft",
    };

    public static string CodeKey(string code) => "Intake.Code." + code;

    public static int Year(int? year, TimeProvider clock)
    {
        var y = year ?? clock.GetUtcNow().Year - (clock.GetUtcNow().Month <= 2 ? 1 : 0);
        return OpenKP.Statistics.StatisticsCalendar.IsYear(y) ? y : clock.GetUtcNow().Year;
    }

    public static IReadOnlyList<int> Years(TimeProvider clock) => [.. Enumerable.Range(0, 6).Select(i => clock.GetUtcNow().Year - i)];

    /// <summary>Reads an uploaded form file, at most <see cref="IntakeFile.MaxBytes"/> + 1 bytes.</summary>
    public static Task<byte[]> ReadAsync(IFormFile file, CancellationToken ct) => OpenKP.Web.Statistics.IntakeEndpoints.ReadAtMostAsync(file, ct);

    public static string Amount(long hundredths) => (hundredths / 100m).ToString("N2", CultureInfo.CurrentCulture);
}
