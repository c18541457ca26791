using System.Globalization;
using OpenKP.Registry;
using OpenKP.Shared;

namespace OpenKP.Certificates;

/// <summary>What the issuing participant allows: the longest validity of its certificates (the EU: two months).</summary>
public sealed record IssuancePolicy(int MaxValidityDays = IssuancePolicy.DefaultMaxValidityDays)
{
    public const int DefaultMaxValidityDays = 60;
}

/// <summary>
/// The rules a certificate must meet on its issue date, every violation at once: the registry's trade
/// permission, the exporter's and importer's licences, the lines and the validity window. Plain C#:
/// the caller supplies the registry snapshot and the operator registers; the date judged is the issue date.
/// </summary>
public static class IssuanceRules
{
    /// <param name="certificate">The certificate as it would be issued (its number may still be blank).</param>
    /// <param name="registry">The registry, judged on <c>certificate.IssuedOn</c>.</param>
    /// <param name="exporters">The issuing participant's licensed operators.</param>
    /// <param name="importers">The importing participant's licensed operators; empty when it keeps no register in OpenKP.</param>
    /// <param name="policy">The issuing participant's validity limit.</param>
    public static IReadOnlyList<Violation> Check(
        CertificateContent certificate, RegistrySnapshot registry, IReadOnlyList<Operator> exporters, IReadOnlyList<Operator> importers, IssuancePolicy policy)
    {
        var c = certificate;
        var on = c.IssuedOn;
        var violations = new List<Violation>();

        if (c.IsMixed && string.IsNullOrWhiteSpace(c.Provenance))
        {
            violations.Add(new(CertificateCodes.ProvenanceRequired, "A mixed origin needs the country of provenance.", "provenance"));
        }

        var trade = TradeRules.Check(registry, new TradeQuestion(c.IssuingParticipant, c.Importer.Participant, c.OriginForRules, c.OriginZone, on));
        violations.AddRange(trade.Violations);

        var exporter = exporters.FirstOrDefault(o => o.LicenceNumber.Equals(c.Exporter.Licence, StringComparison.OrdinalIgnoreCase));
        if (exporter is null || !exporter.IsLicensedOn(on, asExporter: true))
        {
            violations.Add(new(CertificateCodes.ExporterNotLicensed,
                exporter is null
                    ? $"{c.IssuingParticipant} has licensed no operator {c.Exporter.Licence}."
                    : $"{exporter.CompanyName} ({exporter.LicenceNumber}) is not licensed to export on {Day(on)}.",
                "exporterLicence"));
        }

        if (importers.Count > 0)
        {
            if (string.IsNullOrWhiteSpace(c.Importer.Licence))
            {
                violations.Add(new(CertificateCodes.ImporterLicenceRequired,
                    $"{c.Importer.Participant} keeps its register of licensed importers in OpenKP: give the importer's licence number.", "importer.licence"));
            }
            else
            {
                var importer = importers.FirstOrDefault(o => o.LicenceNumber.Equals(c.Importer.Licence, StringComparison.OrdinalIgnoreCase));
                if (importer is null || !importer.IsLicensedOn(on, asExporter: false))
                {
                    violations.Add(new(CertificateCodes.ImporterNotLicensed,
                        importer is null
                            ? $"{c.Importer.Participant} has licensed no importer {c.Importer.Licence}."
                            : $"{importer.CompanyName} ({importer.LicenceNumber}) is not licensed to import on {Day(on)}.",
                        "importer.licence"));
                }
            }
        }

        violations.AddRange(CheckLines(c));

        if (c.ExpiresOn <= c.IssuedOn)
        {
            violations.Add(new(CertificateCodes.ExpiryNotAfterIssue, $"The expiry date {Day(c.ExpiresOn)} must come after the issue date {Day(c.IssuedOn)}.", "expiresOn"));
        }
        else if (c.ExpiresOn.DayNumber - c.IssuedOn.DayNumber > policy.MaxValidityDays)
        {
            violations.Add(new(CertificateCodes.ExpiryTooLate,
                $"{c.IssuingParticipant} certificates are valid for at most {policy.MaxValidityDays} days: expire on {Day(c.IssuedOn.AddDays(policy.MaxValidityDays))} at the latest.", "expiresOn"));
        }

        return violations;
    }

    /// <summary>Lines, amounts and parcels: what the certificate itself must hold, whatever the registry says.</summary>
    public static IReadOnlyList<Violation> CheckLines(CertificateContent c)
    {
        var violations = new List<Violation>();
        if (c.Lines.Count == 0)
        {
            violations.Add(new(CertificateCodes.LinesRequired, "A certificate has at least one line (HS code, carats, US$).", "lines"));
        }

        for (var i = 0; i < c.Lines.Count; i++)
        {
            var line = c.Lines[i];
            if (!CertificateContent.HsCodes.Contains(line.HsCode))
            {
                violations.Add(new(CertificateCodes.HsCodeInvalid,
                    $"'{line.HsCode}' is not a rough-diamond HS code: use {string.Join(", ", CertificateContent.HsCodes)}.", $"lines[{i}].hsCode"));
            }

            if (!IsPositiveHundredths(line.Carats))
            {
                violations.Add(new(CertificateCodes.CaratsInvalid, $"Carats must be above 0 with at most two decimals, not {line.Carats.ToString(CultureInfo.InvariantCulture)}.", $"lines[{i}].carats"));
            }

            if (!IsPositiveHundredths(line.Usd))
            {
                violations.Add(new(CertificateCodes.UsdInvalid, $"The value must be above US$0 in whole cents, not {line.Usd.ToString(CultureInfo.InvariantCulture)}.", $"lines[{i}].usd"));
            }
        }

        if (c.Parcels < 1)
        {
            violations.Add(new(CertificateCodes.ParcelsInvalid, "A shipment has at least one parcel.", "parcels"));
        }

        return violations;
    }

    /// <summary>Above zero, whole hundredths, and small enough for the payload's unsigned integers.</summary>
    private static bool IsPositiveHundredths(decimal amount) => amount > 0 && amount < 1_000_000_000_000m && decimal.Round(amount, 2) == amount;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
