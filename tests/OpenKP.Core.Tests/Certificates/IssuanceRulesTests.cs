using OpenKP.Certificates;
using OpenKP.Core.Tests.Registry;
using OpenKP.Registry;

namespace OpenKP.Core.Tests.Certificates;

/// <summary>Issuance rules on the issue date: every violation at once, each code from a crafted case.</summary>
public sealed class IssuanceRulesTests
{
    private static readonly Operator[] Exporters = [Certificates.Licensed("AA", "AA-OP-001")];
    private static readonly Operator[] Importers = [Certificates.Licensed("BB", "BB-OP-001")];

    private static string[] Check(CertificateContent c, Operator[]? exporters = null, Operator[]? importers = null, RegistrySnapshot? registry = null, int maxDays = 60)
        => [.. IssuanceRules.Check(c, registry ?? Registries.World(), exporters ?? Exporters, importers ?? Importers, new IssuancePolicy(maxDays)).Select(v => v.Code)];

    [Fact]
    public void A_typical_certificate_may_be_issued() => Assert.Empty(Check(Certificates.Typical()));

    [Fact]
    public void The_registry_refuses_a_suspended_exporter_and_an_embargoed_origin_at_once()
    {
        var codes = Check(Certificates.Typical() with { IssuingParticipant = "SS", Origin = "CC" },
            exporters: [Certificates.Licensed("SS", "AA-OP-001")], registry: Registries.World(Registries.Embargo("CC", "2020-01-01", null)));

        Assert.Contains(RegistryCodes.ExporterSuspended, codes);
        Assert.Contains(RegistryCodes.OriginEmbargoed, codes);
    }

    [Theory]
    [InlineData("2019-12-31", null, false, false)] // not yet licensed
    [InlineData("2020-01-01", "2026-01-14", false, false)] // licence ended the day before
    [InlineData("2020-01-01", null, true, false)] // suspended
    [InlineData("2020-01-01", null, false, true)] // licensed to import only
    public void An_exporter_without_a_valid_export_licence_on_the_issue_date_is_refused(string from, string? to, bool suspended, bool importOnly)
    {
        var exporter = Certificates.Licensed("AA", "AA-OP-001", exporter: !importOnly, from: from == "2019-12-31" ? "2026-01-16" : from, to: to, suspended: suspended);

        Assert.Equal([CertificateCodes.ExporterNotLicensed], Check(Certificates.Typical(), exporters: [exporter]));
    }

    [Fact]
    public void An_unknown_exporter_licence_is_refused()
        => Assert.Equal([CertificateCodes.ExporterNotLicensed], Check(Certificates.Typical() with { Exporter = new("X", "Y", "AA-OP-404") }));

    [Fact]
    public void Where_the_importing_participant_keeps_a_register_the_importer_must_be_licensed_there()
    {
        var unlicensed = Certificates.Typical() with { Importer = new CertificateImporter("Gulf", "Dubai", "BB", "BB-OP-404") };
        var missing = Certificates.Typical() with { Importer = new CertificateImporter("Gulf", "Dubai", "BB", null) };

        Assert.Equal([CertificateCodes.ImporterNotLicensed], Check(unlicensed));
        Assert.Equal([CertificateCodes.ImporterLicenceRequired], Check(missing));
        Assert.Empty(Check(missing, importers: []));
        Assert.Equal([CertificateCodes.ImporterNotLicensed], Check(Certificates.Typical(), importers: [Certificates.Licensed("BB", "BB-OP-001", importer: false)]));
    }

    [Fact]
    public void Every_bad_line_and_amount_is_reported_with_its_field()
    {
        var bad = Certificates.Typical() with
        {
            Lines = [new("7102.39", 10m, 100m), new("7102.10", 0m, 100.001m), new("7102.31", 1.234m, -5m)],
            Parcels = 0,
        };

        var violations = IssuanceRules.Check(bad, Registries.World(), Exporters, Importers, new IssuancePolicy());

        Assert.Equal(
            [
                (CertificateCodes.HsCodeInvalid, "lines[0].hsCode"), (CertificateCodes.CaratsInvalid, "lines[1].carats"), (CertificateCodes.UsdInvalid, "lines[1].usd"),
                (CertificateCodes.CaratsInvalid, "lines[2].carats"), (CertificateCodes.UsdInvalid, "lines[2].usd"), (CertificateCodes.ParcelsInvalid, "parcels"),
            ],
            violations.Select(v => (v.Code, v.Field!)));
    }

    [Fact]
    public void A_certificate_has_lines() => Assert.Equal([CertificateCodes.LinesRequired], Check(Certificates.Typical() with { Lines = [] }));

    [Fact]
    public void Expiry_comes_after_issue_and_within_the_participants_limit()
    {
        var typical = Certificates.Typical();

        Assert.Equal([CertificateCodes.ExpiryNotAfterIssue], Check(typical with { ExpiresOn = typical.IssuedOn }));
        Assert.Equal([CertificateCodes.ExpiryTooLate], Check(typical with { ExpiresOn = typical.IssuedOn.AddDays(61) }));
        Assert.Empty(Check(typical with { ExpiresOn = typical.IssuedOn.AddDays(60) }));
        Assert.Equal([CertificateCodes.ExpiryTooLate], Check(typical with { ExpiresOn = typical.IssuedOn.AddDays(31) }, maxDays: 30));
    }

    [Fact]
    public void Mixed_origin_needs_a_provenance() => Assert.Equal(
        [CertificateCodes.ProvenanceRequired],
        Check(Certificates.Typical() with { Origin = CertificateContent.Mixed, Provenance = null }));

    [Fact]
    public void A_zone_limited_origin_needs_a_compliant_zone_on_the_issue_date()
    {
        var fromZl = Certificates.Typical() with { IssuingParticipant = "ZL", Origin = "ZL", OriginZone = "Elsewhere" };

        Assert.Contains(RegistryCodes.OriginZoneNotCompliant, Check(fromZl, exporters: [Certificates.Licensed("ZL", "AA-OP-001")]));
    }
}
