namespace OpenKP.Certificates;

/// <summary>
/// Told of each certificate as it is issued, inside the issuing transaction: what an observer adds to
/// the context is saved with the certificate, or not at all. The shipments module opens the shipment
/// and tells the importing side; the certificates module knows nothing of it.
/// </summary>
public interface ICertificateIssuedObserver
{
    Task OnIssuedAsync(Certificate certificate, CancellationToken ct);

    /// <summary>The certificate was just voided (alone, or to be replaced): called before the void is saved, in its transaction.</summary>
    Task OnVoidedAsync(Certificate certificate, CancellationToken ct);
}
