using System.Security.Cryptography;
using OpenKP.Registry;
using OpenKP.Shared;

namespace OpenKP.Certificates;

/// <summary>The decision a registry entry comes from, as the trust list carries it.</summary>
public sealed record TrustListDecision(string Title, DateOnly? Date, string? Reference);

/// <summary>
/// A change of a participant's status, as the trust list carries it: in force from
/// <see cref="EffectiveOn"/> until the participant's next event.
/// </summary>
public sealed record TrustListStatusEvent(
    DateOnly EffectiveOn, DatePrecision Precision, ParticipantStatus Status, string? Scope, string Note, TrustListDecision Decision);

/// <summary>A compliant zone or special-measures area of a participant over [<see cref="From"/>, <see cref="EndsOn"/>).</summary>
public sealed record TrustListZone(string Name, ZoneKind Kind, DateOnly From, DateOnly? EndsOn);

/// <summary>
/// A participant with its whole status history and zones: what a verifier needs to judge where it
/// stood on a certificate's issue date. <see cref="History"/> is in the order the events take effect.
/// </summary>
public sealed record TrustListParticipant(
    string Code,
    string NameEn,
    string NameFr,
    ParticipantKind Kind,
    DateOnly AdmittedOn,
    DatePrecision AdmittedPrecision,
    int MaxCertificateValidityDays,
    IReadOnlyList<TrustListStatusEvent> History,
    IReadOnlyList<TrustListZone> Zones);

/// <summary>A country covered by the EU participant over [<see cref="From"/>, <see cref="EndsOn"/>).</summary>
public sealed record TrustListEuMembership(string CountryCode, string Name, DateOnly From, DateOnly? EndsOn);

/// <summary>A UN embargo on rough diamonds of an origin over [<see cref="From"/>, <see cref="EndsOn"/>).</summary>
public sealed record TrustListEmbargo(
    string OriginCode, DateOnly From, DateOnly? EndsOn, bool GovernmentCertifiedExempt, string Note, TrustListDecision Decision);

/// <summary>
/// The signed trust list: every issuing authority's key (revoked and retired keys stay listed, with the
/// day their status changed) and the registry an offline verifier needs to judge a certificate on its
/// issue date (participants with their full status history and zones, EU memberships, UN embargoes).
/// The hub signs it (<see cref="Sign"/>); a verifier opens it with the hub's pinned public key
/// (<see cref="Open"/>) and rebuilds the registry from it (<see cref="ToSnapshot"/>). The format is
/// specified in docs/certificate-format.md.
/// </summary>
/// <param name="IssuedAt">When the hub produced the list, UTC, whole seconds. Verifiers warn when it is more than
/// <see cref="CertificateVerifier.StaleAfterDays"/> days old.</param>
/// <param name="Sequence">Grows with every list the hub publishes (0 or more): a verifier never replaces a list by one with a lower number.</param>
/// <param name="Keys">Every authority key, whatever its status.</param>
/// <param name="Participants">Every participant and trading entity, by code.</param>
/// <param name="EuMemberships">The countries the EU participant covers, with their dates.</param>
/// <param name="Embargoes">Every UN embargo on rough diamonds, by origin.</param>
public sealed record TrustList(
    DateTimeOffset IssuedAt,
    long Sequence,
    IReadOnlyList<TrustedKey> Keys,
    IReadOnlyList<TrustListParticipant> Participants,
    IReadOnlyList<TrustListEuMembership> EuMemberships,
    IReadOnlyList<TrustListEmbargo> Embargoes)
{
    /// <summary>The COSE content type (protected header 3) that marks a KP trust list.</summary>
    public const string ContentType = "application/vnd.openkp.trust-list+cbor";

    internal static readonly SignedListKind Kind = new(
        "trust list", ContentType, CertificateCodes.TrustListMalformed, CertificateCodes.TrustListSignatureInvalid, CertificateCodes.TrustListKeyMismatch);

    /// <summary>
    /// The list for <paramref name="registry"/> and <paramref name="keys"/>, in a canonical order (keys by
    /// participant, first day and id; participants by code; each history in the order it takes effect;
    /// zones, memberships and embargoes by code and first day), so that the same registry always gives
    /// the same bytes. <paramref name="issuedAt"/> is kept to the whole second.
    /// </summary>
    public static TrustList FromRegistry(RegistrySnapshot registry, IEnumerable<TrustedKey> keys, DateTimeOffset issuedAt, long sequence)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        var keyList = keys.OrderBy(k => k.Participant, StringComparer.Ordinal).ThenBy(k => k.ValidFrom).ThenBy(k => k.KeyIdHex, StringComparer.Ordinal).ToList();
        foreach (var key in keyList.Where(k => !k.KeyId.AsSpan().SequenceEqual(KeyIds.Of(k.PublicKey))))
        {
            throw new ArgumentException($"Key {key.KeyIdHex} of {key.Participant} is not the id of its public key.", nameof(keys));
        }

        if (keyList.GroupBy(k => k.KeyIdHex).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Key {twice.Key} is given twice.", nameof(keys));
        }

        var participants = registry.Participants.OrderBy(p => p.Code, StringComparer.Ordinal).Select(p => new TrustListParticipant(
            p.Code, p.NameEn, p.NameFr, p.Kind, p.AdmittedOn, p.AdmittedPrecision, p.MaxCertificateValidityDays,
            [.. registry.History(p.Code).Select(e => new TrustListStatusEvent(e.EffectiveOn, e.Precision, e.Status, e.Scope, e.Note, Decision(e.Decision)))],
            [.. registry.Zones(p.Code).OrderBy(z => z.From).ThenBy(z => z.Name, StringComparer.Ordinal).ThenBy(z => z.Kind)
                .Select(z => new TrustListZone(z.Name, z.Kind, z.From, z.EndsOn))]));
        var eu = registry.EuMemberships.OrderBy(m => m.CountryCode, StringComparer.Ordinal).ThenBy(m => m.From)
            .Select(m => new TrustListEuMembership(m.CountryCode, m.Name, m.From, m.EndsOn));
        var embargoes = registry.Embargoes.OrderBy(e => e.OriginCode, StringComparer.Ordinal).ThenBy(e => e.From).ThenBy(e => e.EndsOn ?? DateOnly.MaxValue)
            .Select(e => new TrustListEmbargo(e.OriginCode, e.From, e.EndsOn, e.GovernmentCertifiedExempt, e.Note, Decision(e.Decision)));
        return new TrustList(ListCbor.ToWholeSeconds(issuedAt), sequence, keyList, [.. participants], [.. eu], [.. embargoes]);
    }

    /// <summary>The list's payload: a canonical CBOR map (docs/certificate-format.md, "The trust list").</summary>
    public byte[] Encode() => TrustListPayload.Encode(this);

    /// <summary>A tagged COSE_Sign1 message, ES256, with this list's content type and the hub key's id in the protected header.</summary>
    public byte[] Sign(ECDsa hubKey) => SignedList.Sign(Encode(), Kind, hubKey);

    /// <summary>
    /// The list in <paramref name="cose"/> once the hub's signature holds, decoded strictly. Problems:
    /// <c>hub-key-invalid</c>, <c>trust-list-malformed</c>, <c>trust-list-key-mismatch</c> (signed by
    /// another key), <c>trust-list-signature-invalid</c>.
    /// </summary>
    /// <param name="cose">The signed list as served by <c>GET /api/trust-list</c>.</param>
    /// <param name="hubPublicKey">The pinned hub key, DER SubjectPublicKeyInfo (P-256).</param>
    public static Outcome<TrustList> Open(byte[] cose, byte[] hubPublicKey) => SignedList.Open(cose, hubPublicKey, Kind, TrustListPayload.Decode);

    /// <summary>An in-memory registry equivalent to the one the list was made from: it judges every day the same way.</summary>
    public RegistrySnapshot ToSnapshot()
    {
        const string enteredBy = "trust-list";
        var enteredAt = IssuedAt.UtcDateTime;
        long id = 0;
        var events = Participants.SelectMany(p => p.History.Select(e => new StatusEvent
        {
            Id = ++id,
            ParticipantCode = p.Code,
            EffectiveOn = e.EffectiveOn,
            Precision = e.Precision,
            Status = e.Status,
            Scope = e.Scope,
            Note = e.Note,
            Decision = Reference(e.Decision),
            EnteredBy = enteredBy,
            EnteredAt = enteredAt,
        })).ToList();
        var zones = Participants.SelectMany(p => p.Zones.Select(z => new Zone
        {
            Id = ++id,
            ParticipantCode = p.Code,
            Name = z.Name,
            Kind = z.Kind,
            From = z.From,
            EndsOn = z.EndsOn,
            EnteredBy = enteredBy,
            EnteredAt = enteredAt,
        })).ToList();
        return new RegistrySnapshot(
            Participants.Select(p => new Participant
            {
                Code = p.Code,
                NameEn = p.NameEn,
                NameFr = p.NameFr,
                Kind = p.Kind,
                AdmittedOn = p.AdmittedOn,
                AdmittedPrecision = p.AdmittedPrecision,
                MaxCertificateValidityDays = p.MaxCertificateValidityDays,
            }),
            events,
            zones,
            EuMemberships.Select(m => new EuMembership { CountryCode = m.CountryCode, Name = m.Name, From = m.From, EndsOn = m.EndsOn }),
            Embargoes.Select(e => new Embargo
            {
                Id = ++id,
                OriginCode = e.OriginCode,
                From = e.From,
                EndsOn = e.EndsOn,
                GovernmentCertifiedExempt = e.GovernmentCertifiedExempt,
                Note = e.Note,
                Decision = Reference(e.Decision),
                EnteredBy = enteredBy,
                EnteredAt = enteredAt,
            }).ToList());
    }

    /// <summary>The JSON shape of <c>GET /api/trust-list.json</c>: key ids in hex, keys in Base64 and PEM, days and instants in ISO 8601.</summary>
    public TrustListView ToView() => TrustListView.Of(this);

    private static TrustListDecision Decision(DecisionReference d) => new(d.Title, d.Date, d.Reference);

    private static DecisionReference Reference(TrustListDecision d) => new() { Title = d.Title, Date = d.Date, Reference = d.Reference };
}
