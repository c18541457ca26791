using OpenKP.Certificates;
using OpenKP.Core.Tests.Certificates;
using OpenKP.Shipments;

namespace OpenKP.Core.Tests.Shipments;

public sealed class ImportConfirmationQrTests
{
    private static readonly ConfirmationContent Received = new(
        "AA-2026-000042", "AA", "BB", "Borealis Diamond Office", "Aurelia Rough Ltd", "Borealis Rough BV", 3, 164_485, new DateOnly(2026, 1, 20), new DateOnly(2026, 1, 21));

    [Fact]
    public void A_confirmation_signed_by_the_importing_authority_verifies_and_carries_what_was_received()
    {
        using var key = Certificates.Certificates.NewKey();
        var text = ImportConfirmationQr.Sign(Received, key);
        Assert.StartsWith("KPC1:", text, StringComparison.Ordinal);
        var verdict = ImportConfirmationQr.Verify(text, Certificates.Certificates.Anchors(Certificates.Certificates.Trusted(key, "BB")));
        Assert.True(verdict.Valid, string.Join("; ", verdict.Reasons.Select(r => r.Code)));
        Assert.Equal(Received, verdict.Confirmation);
    }

    [Fact]
    public void Goods_received_before_a_key_began_are_confirmed_with_the_key_of_the_signing_day()
    {
        using var key = Certificates.Certificates.NewKey();
        var anchors = Certificates.Certificates.Anchors(Certificates.Certificates.Trusted(key, "BB", from: "2026-01-21"));
        Assert.True(ImportConfirmationQr.Verify(ImportConfirmationQr.Sign(Received, key), anchors).Valid);
        var early = Received with { SignedOn = new DateOnly(2026, 1, 20) };
        Assert.Equal([CertificateCodes.KeyNotValidAtIssue], ImportConfirmationQr.Verify(ImportConfirmationQr.Sign(early, key), anchors).Reasons.Select(r => r.Code));
    }

    [Fact]
    public void A_confirmation_signed_by_another_participants_key_is_not_valid()
    {
        using var key = Certificates.Certificates.NewKey();
        var verdict = ImportConfirmationQr.Verify(ImportConfirmationQr.Sign(Received, key), Certificates.Certificates.Anchors(Certificates.Certificates.Trusted(key, "AA")));
        Assert.False(verdict.Valid);
        Assert.Equal([ShipmentCodes.ConfirmationKeyNotImporters], verdict.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Every_changed_character_of_a_confirmation_is_rejected()
    {
        using var key = Certificates.Certificates.NewKey();
        var text = ImportConfirmationQr.Sign(Received, key);
        var anchors = Certificates.Certificates.Anchors(Certificates.Certificates.Trusted(key, "BB"));
        const string Base45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
        for (var i = ImportConfirmationQr.Prefix.Length; i < text.Length; i++)
        {
            var other = Base45[(Base45.IndexOf(text[i], StringComparison.Ordinal) + 1) % Base45.Length];
            var tampered = string.Concat(text.AsSpan(0, i), other.ToString(), text.AsSpan(i + 1));
            Assert.False(ImportConfirmationQr.Verify(tampered, anchors).Valid, $"character {i} changed to '{other}' still verifies");
        }
    }

    [Fact]
    public void A_certificate_is_not_a_confirmation_and_an_unknown_key_is_named()
    {
        using var key = Certificates.Certificates.NewKey();
        var anchors = Certificates.Certificates.Anchors(Certificates.Certificates.Trusted(key, "BB"));
        Assert.Equal([CertificateCodes.MalformedPrefix], ImportConfirmationQr.Verify(CertificateQr.Sign(Certificates.Certificates.Typical(), key), anchors).Reasons.Select(r => r.Code));
        using var stranger = Certificates.Certificates.NewKey();
        Assert.Equal([CertificateCodes.KeyUnknown], ImportConfirmationQr.Verify(ImportConfirmationQr.Sign(Received, stranger), anchors).Reasons.Select(r => r.Code));
    }
}
