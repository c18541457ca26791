using System.Security.Cryptography;
using OpenKP.Certificates;
using OpenKP.Core.Tests.Registry;
using OpenKP.Registry;

namespace OpenKP.Core.Tests.Certificates;

/// <summary>An offline verifier: open both signed lists with the pinned hub key, build the anchors, verify.</summary>
public sealed class OfflineVerificationTests
{
    private static readonly ECDsa Hub = Certificates.NewKey();
    private static readonly byte[] HubPublicKey = Hub.ExportSubjectPublicKeyInfo();
    private static readonly ECDsa Authority = Certificates.NewKey();
    private static readonly DateTimeOffset Now = Certificates.At("2026-01-20");

    private static Verification VerifyOffline(string qr, KeyStatus status = KeyStatus.Active, DateTimeOffset? listsIssuedAt = null, DateTimeOffset? revocationsIssuedAt = null, params Revocation[] revocations)
    {
        var issuedAt = listsIssuedAt ?? Now.AddHours(-6);
        var trustCose = TrustList.FromRegistry(SignedLists.History(), [Certificates.Trusted(Authority, status: status)], issuedAt, 3).Sign(Hub);
        var revocationCose = RevocationList.Create(revocations, revocationsIssuedAt ?? issuedAt, 9).Sign(Hub);

        var trustList = TrustList.Open(trustCose, HubPublicKey);
        var revocationList = RevocationList.Open(revocationCose, HubPublicKey);
        Assert.True(trustList.Succeeded && revocationList.Succeeded);

        return CertificateVerifier.Verify(qr, TrustAnchors.From(trustList.Value!, revocationList.Value!), Now);
    }

    [Fact]
    public void A_certificate_verifies_offline_from_the_two_signed_lists()
    {
        var verdict = VerifyOffline(CertificateQr.Sign(Certificates.Typical(), Authority));

        Assert.True(verdict.Valid, string.Join("; ", verdict.Reasons));
        Assert.Empty(verdict.Warnings);
        Assert.Equal("AA-2026-000123", verdict.Certificate!.Number);
    }

    [Fact]
    public void A_key_the_trust_list_marks_revoked_makes_the_certificate_invalid()
    {
        var verdict = VerifyOffline(CertificateQr.Sign(Certificates.Typical(), Authority), KeyStatus.Revoked);

        Assert.Equal([CertificateCodes.KeyRevoked], verdict.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void A_number_on_the_revocation_list_makes_the_certificate_voided()
    {
        var verdict = VerifyOffline(CertificateQr.Sign(Certificates.Typical(), Authority),
            revocations: [Revocation.ForNumber("AA-2026-000123", RevocationKind.Void, Registries.Day("2026-01-16"))]);

        Assert.Equal([CertificateCodes.CertificateVoided], verdict.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void The_registry_in_the_trust_list_judges_the_issue_date()
    {
        var fromSuspendedCf = Certificates.Typical() with { Number = "CF-2014-000001", IssuingParticipant = "CF", Origin = "CF", IssuedOn = Registries.Day("2014-01-10"), ExpiresOn = Registries.Day("2026-03-01") };
        using var cfKey = Certificates.NewKey();
        var trust = TrustList.Open(
            TrustList.FromRegistry(SignedLists.History(), [Certificates.Trusted(cfKey, participant: "CF", from: "2010-01-01")], Now, 1).Sign(Hub), HubPublicKey).Value!;
        var anchors = TrustAnchors.From(trust, RevocationList.Create([], Now, 1));

        var verdict = CertificateVerifier.Verify(CertificateQr.Sign(fromSuspendedCf, cfKey), anchors, Now);

        Assert.Contains(CertificateCodes.IssuerNotActiveAtIssue, verdict.Reasons.Select(r => r.Code));
        Assert.Contains(RegistryCodes.ExporterSuspended, verdict.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void The_older_of_the_two_lists_decides_the_staleness_warning()
    {
        var qr = CertificateQr.Sign(Certificates.Typical(), Authority);

        var staleRevocations = VerifyOffline(qr, listsIssuedAt: Now.AddDays(-1), revocationsIssuedAt: Now.AddDays(-8));
        var staleTrustList = VerifyOffline(qr, listsIssuedAt: Now.AddDays(-8), revocationsIssuedAt: Now.AddDays(-1));

        Assert.True(staleRevocations.Valid);
        Assert.Equal([CertificateCodes.TrustListStale], staleRevocations.Warnings.Select(w => w.Code));
        Assert.Equal([CertificateCodes.TrustListStale], staleTrustList.Warnings.Select(w => w.Code));
    }
}
