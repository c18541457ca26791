using OpenKP.Certificates;

namespace OpenKP.Web.Certificates;

/// <summary>
/// What offline verifiers download: the trust list (authority keys and the registry's history) and
/// the revocation list, each a COSE_Sign1 signed by the hub key, and the hub's public key to pin.
/// Public, like the keys and the registry they carry. Formats: docs/certificate-format.md.
/// </summary>
internal static class TrustListEndpoints
{
    public const string CoseMediaType = "application/cose";

    public static void Map(WebApplication app)
    {
        var lists = app.MapGroup("/api").WithTags("Verification").AllowAnonymous();
        lists.MapGet("/trust-list", SignedTrustList).WithSummary("The signed trust list (COSE_Sign1): every authority key and every participant's status history");
        lists.MapGet("/trust-list.json", TrustListJson).WithSummary("The trust list's content, for people");
        lists.MapGet("/trust-list/hub-key", HubKey).WithSummary("The hub's public key (PEM) that signs the trust list and the revocation list: pin it");
        lists.MapGet("/revocations", SignedRevocations).WithSummary("The signed revocation list (COSE_Sign1): voided and lost or stolen numbers, by SHA-256 hash");
        lists.MapGet("/revocations.json", RevocationsJson).WithSummary("The revocation list's content, for people");
    }

    internal static async Task<IResult> SignedTrustList(TrustListPublisher publisher, HttpResponse response, CancellationToken ct)
    {
        var list = await publisher.TrustListAsync(ct);
        var signed = await publisher.SignAsync(list.Sign, ct);
        response.Headers.CacheControl = "public, max-age=300";
        return Results.File(signed, CoseMediaType, "trust-list.cose");
    }

    internal static async Task<IResult> TrustListJson(TrustListPublisher publisher, CancellationToken ct)
        => Results.Ok((await publisher.TrustListAsync(ct)).ToView());

    internal static async Task<IResult> HubKey(TrustListPublisher publisher, CancellationToken ct)
    {
        var hub = await publisher.HubKeyAsync(ct);
        return Results.Text(HubKeys.ToPem(hub.PublicKey), "application/x-pem-file");
    }

    internal static async Task<IResult> SignedRevocations(TrustListPublisher publisher, HttpResponse response, CancellationToken ct)
    {
        var list = await publisher.RevocationsAsync(ct);
        var signed = await publisher.SignAsync(list.Sign, ct);
        response.Headers.CacheControl = "public, max-age=60";
        return Results.File(signed, CoseMediaType, "revocations.cose");
    }

    internal static async Task<IResult> RevocationsJson(TrustListPublisher publisher, CancellationToken ct)
        => Results.Ok((await publisher.RevocationsAsync(ct)).ToView());
}
