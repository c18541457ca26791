using OpenKP.Registry;
using OpenKP.Shared;

namespace OpenKP.Certificates;

/// <summary>
/// The trust list as JSON (<c>GET /api/trust-list.json</c>), for people and tools that read rather than
/// verify: the same content as the signed list, unsigned. Key ids in lowercase hex, public keys as
/// Base64 DER SubjectPublicKeyInfo and as PEM, days as <c>YYYY-MM-DD</c>, instants as ISO 8601, and
/// enumerations in the kebab-case text the signed list uses.
/// </summary>
public sealed record TrustListView(
    int Version,
    DateTimeOffset IssuedAt,
    long Sequence,
    IReadOnlyList<TrustedKeyView> Keys,
    IReadOnlyList<TrustListParticipantView> Participants,
    IReadOnlyList<TrustListEuMembership> EuMemberships,
    IReadOnlyList<TrustListEmbargo> Embargoes)
{
    internal static TrustListView Of(TrustList list) => new(
        TrustListPayload.Version,
        list.IssuedAt,
        list.Sequence,
        [.. list.Keys.Select(TrustedKeyView.Of)],
        [.. list.Participants.Select(p => new TrustListParticipantView(
            p.Code, p.NameEn, p.NameFr, EnumText<ParticipantKind>.Of(p.Kind), p.AdmittedOn, EnumText<DatePrecision>.Of(p.AdmittedPrecision),
            p.MaxCertificateValidityDays,
            [.. p.History.Select(e => new TrustListStatusEventView(
                e.EffectiveOn, EnumText<DatePrecision>.Of(e.Precision), EnumText<ParticipantStatus>.Of(e.Status), e.Scope, e.Note, e.Decision))],
            [.. p.Zones.Select(z => new TrustListZoneView(z.Name, EnumText<ZoneKind>.Of(z.Kind), z.From, z.EndsOn))]))],
        list.EuMemberships,
        list.Embargoes);
}

/// <summary>An authority key as JSON. <see cref="Status"/>: <c>active</c>, <c>retired</c> or <c>revoked</c>.</summary>
public sealed record TrustedKeyView(
    string KeyId, string Participant, string Authority, string PublicKey, string PublicKeyPem, DateOnly ValidFrom, DateOnly? ValidTo, string Status, DateOnly? StatusSince)
{
    public static TrustedKeyView Of(TrustedKey k) => new(
        k.KeyIdHex, k.Participant, k.Authority, Convert.ToBase64String(k.PublicKey), HubKeys.ToPem(k.PublicKey), k.ValidFrom, k.ValidTo,
        EnumText<KeyStatus>.Of(k.Status), k.StatusSince);
}

/// <summary>A participant as JSON, with its status history in the order it takes effect.</summary>
public sealed record TrustListParticipantView(
    string Code,
    string NameEn,
    string NameFr,
    string Kind,
    DateOnly AdmittedOn,
    string AdmittedPrecision,
    int MaxCertificateValidityDays,
    IReadOnlyList<TrustListStatusEventView> History,
    IReadOnlyList<TrustListZoneView> Zones);

/// <summary>A status event as JSON; <see cref="Status"/> as the API writes it (<c>zone-limited</c>, …).</summary>
public sealed record TrustListStatusEventView(DateOnly EffectiveOn, string Precision, string Status, string? Scope, string Note, TrustListDecision Decision);

/// <summary>A zone as JSON; <see cref="Kind"/>: <c>compliant-zone</c> or <c>special-measures-area</c>.</summary>
public sealed record TrustListZoneView(string Name, string Kind, DateOnly From, DateOnly? EndsOn);

/// <summary>The revocation list as JSON: number hashes in lowercase hex, never numbers.</summary>
public sealed record RevocationListView(int Version, DateTimeOffset IssuedAt, long Sequence, IReadOnlyList<RevocationView> Entries);

/// <summary>One revocation as JSON; <see cref="Kind"/>: <c>void</c>, <c>lost</c> or <c>stolen</c>.</summary>
public sealed record RevocationView(string NumberHash, string Kind, DateOnly On);
