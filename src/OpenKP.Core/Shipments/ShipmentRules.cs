using System.Globalization;
using OpenKP.Shared;

namespace OpenKP.Shipments;

/// <summary>What customs found at arrival: seal, parcels counted, carats weighed (hundredths), value (cents).</summary>
public sealed record ArrivalFindings(bool SealIntact, int Parcels, long CaratsHundredths, long UsdCents);

/// <summary>
/// The shipments module's rules, as pure functions of what they judge: who may approve an export
/// application (four eyes), and what at arrival makes a discrepancy.
/// </summary>
public static class ShipmentRules
{
    /// <summary>
    /// Whether <paramref name="approver"/> may approve now: never their own application; above the
    /// participant's threshold, a second approval by another officer is needed. Returns every reason.
    /// </summary>
    public static IReadOnlyList<Violation> CheckApproval(ExportApplication application, string approver, ShipmentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(settings);
        var violations = new List<Violation>();
        if (string.Equals(application.CreatedBy, approver, StringComparison.OrdinalIgnoreCase))
        {
            violations.Add(new(ShipmentCodes.OwnApplication, "Nobody approves an application they prepared themselves: another officer must.", "approver"));
        }

        if (application.FirstApprovedBy is { } first && string.Equals(first, approver, StringComparison.OrdinalIgnoreCase))
        {
            violations.Add(new(ShipmentCodes.SecondApproverRequired,
                $"You gave the first approval; above {Usd(settings.FourEyesThresholdUsdCents ?? 0)} a second officer must approve.", "approver"));
        }

        return violations;
    }

    /// <summary>
    /// Whether a participant's own officer may make this change: making four eyes stricter (a lower
    /// threshold, or one where there was none) yes; loosening it (higher, or none) needs the secretariat,
    /// or one officer could switch the control off and then approve alone.
    /// </summary>
    public static Violation? CheckSettingsChange(ShipmentSettings current, long? newThreshold, bool bySecretariat)
    {
        ArgumentNullException.ThrowIfNull(current);
        var looser = current.FourEyesThresholdUsdCents is { } now && (newThreshold is null || newThreshold > now);
        return looser && !bySecretariat
            ? new Violation(ShipmentCodes.FourEyesLoosening,
                $"Raising or removing the four-eyes threshold (now {Usd(current.FourEyesThresholdUsdCents!.Value)}) is the secretariat's to do, at the authority's request; officers may lower it.", "fourEyesThresholdUsd")
            : null;
    }

    /// <summary>Whether an application of this value needs a second approval under <paramref name="settings"/>.</summary>
    public static bool NeedsTwoApprovals(long totalUsdCents, ShipmentSettings settings)
        => settings.FourEyesThresholdUsdCents is { } threshold && totalUsdCents >= threshold;

    /// <summary>
    /// Every discrepancy between what arrived and what the certificate says: an invalid certificate,
    /// a broken seal, a different parcel count, carats or value outside the importing participant's tolerance.
    /// </summary>
    public static IReadOnlyList<Violation> CheckArrival(
        bool certificateValid, int certifiedParcels, long certifiedCaratsHundredths, long certifiedUsdCents, ArrivalFindings found, ShipmentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(settings);
        var violations = new List<Violation>();
        if (!certificateValid)
        {
            violations.Add(new(ShipmentCodes.CertificateInvalid, "The certificate did not verify.", "qr"));
        }

        if (!found.SealIntact)
        {
            violations.Add(new(ShipmentCodes.SealBroken, "The seal was not intact on arrival.", "sealIntact"));
        }

        if (found.Parcels != certifiedParcels)
        {
            violations.Add(new(ShipmentCodes.ParcelsDiffer, $"{found.Parcels} parcels counted; the certificate says {certifiedParcels}.", "parcels"));
        }

        if (!Within(found.CaratsHundredths, certifiedCaratsHundredths, settings.WeightToleranceBasisPoints))
        {
            violations.Add(new(ShipmentCodes.WeightOutsideTolerance,
                $"{Carats(found.CaratsHundredths)} ct weighed; the certificate says {Carats(certifiedCaratsHundredths)} ct (tolerance {Percent(settings.WeightToleranceBasisPoints)}).", "carats"));
        }

        if (!Within(found.UsdCents, certifiedUsdCents, settings.ValueToleranceBasisPoints))
        {
            violations.Add(new(ShipmentCodes.ValueOutsideTolerance,
                $"Value found {Usd(found.UsdCents)}; the certificate says {Usd(certifiedUsdCents)} (tolerance {Percent(settings.ValueToleranceBasisPoints)}).", "usd"));
        }

        return violations;
    }

    /// <summary>|found − certified| ≤ certified × tolerance, in integers (basis points), so no rounding decides it.</summary>
    internal static bool Within(long found, long certified, int toleranceBasisPoints)
        => checked(Math.Abs(found - certified) * 10_000) <= checked(certified * toleranceBasisPoints);

    private static string Carats(long hundredths) => (hundredths / 100m).ToString("N2", CultureInfo.InvariantCulture);

    private static string Usd(long cents) => "US$" + (cents / 100m).ToString("N2", CultureInfo.InvariantCulture);

    private static string Percent(int basisPoints) => (basisPoints / 100m).ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
