using System.Formats.Cbor;
using OpenKP.Registry;
using OpenKP.Shared;
using static OpenKP.Certificates.ListCbor;

namespace OpenKP.Certificates;

/// <summary>
/// The trust list as a canonical CBOR map with small integer keys (docs/certificate-format.md, "The
/// trust list"). Every array and map is always written, empty or not; optional fields are left out when
/// absent. Decoding rejects anything the format does not allow, and a key whose id is not the id of its
/// public key.
/// </summary>
internal static class TrustListPayload
{
    public const int Version = 1;

    // The list.
    private const int ListVersion = 1, ListIssuedAt = 2, ListSequence = 3, ListKeys = 4, ListParticipants = 5, ListEu = 6, ListEmbargoes = 7;

    // An authority key.
    private const int KId = 1, KParticipant = 2, KAuthority = 3, KPublicKey = 4, KValidFrom = 5, KValidTo = 6, KStatus = 7, KStatusSince = 8;

    // A participant.
    private const int PCode = 1, PNameEn = 2, PNameFr = 3, PKind = 4, PAdmittedOn = 5, PAdmittedPrecision = 6, PMaxValidityDays = 7, PHistory = 8, PZones = 9;

    // A status event.
    private const int EEffectiveOn = 1, EPrecision = 2, EStatus = 3, EScope = 4, ENote = 5, EDecision = 6;

    // A decision.
    private const int DTitle = 1, DDate = 2, DReference = 3;

    // A zone.
    private const int ZName = 1, ZKind = 2, ZFrom = 3, ZEndsOn = 4;

    // An EU membership.
    private const int MCountry = 1, MName = 2, MFrom = 3, MEndsOn = 4;

    // An embargo.
    private const int BOrigin = 1, BFrom = 2, BEndsOn = 3, BExempt = 4, BNote = 5, BDecision = 6;

    public static byte[] Encode(TrustList list)
    {
        var w = Writer();
        w.WriteStartMap(7);
        WriteUnsigned(w, ListVersion, Version);
        WriteInstant(w, ListIssuedAt, list.IssuedAt);
        WriteUnsigned(w, ListSequence, list.Sequence);
        WriteArray(w, ListKeys, list.Keys, WriteKeyMap);
        WriteArray(w, ListParticipants, list.Participants, WriteParticipant);
        WriteArray(w, ListEu, list.EuMemberships, WriteMembership);
        WriteArray(w, ListEmbargoes, list.Embargoes, WriteEmbargo);
        w.WriteEndMap();
        return w.Encode();
    }

    public static TrustList Decode(ReadOnlyMemory<byte> bytes)
    {
        var r = Reader(bytes);
        long version = 0, sequence = 0;
        DateTimeOffset issuedAt = default;
        List<TrustedKey> keys = [];
        List<TrustListParticipant> participants = [];
        List<TrustListEuMembership> eu = [];
        List<TrustListEmbargo> embargoes = [];
        var seen = ReadMap(r, "trust list", key =>
        {
            switch (key)
            {
                case ListVersion: version = ReadUnsigned(r); break;
                case ListIssuedAt: issuedAt = ReadInstant(r); break;
                case ListSequence: sequence = ReadUnsigned(r); break;
                case ListKeys: keys = ReadArray(r, "keys", () => ReadKeyMap(r)); break;
                case ListParticipants: participants = ReadArray(r, "participants", () => ReadParticipant(r)); break;
                case ListEu: eu = ReadArray(r, "EU memberships", () => ReadMembership(r)); break;
                case ListEmbargoes: embargoes = ReadArray(r, "embargoes", () => ReadEmbargo(r)); break;
                default: return false;
            }

            return true;
        });
        RequireEnd(r, "trust list map");
        Require(seen, "trust list", ListVersion, ListIssuedAt, ListSequence, ListKeys, ListParticipants, ListEu, ListEmbargoes);
        if (version != Version)
        {
            throw new FormatException($"Trust list version {version} is not supported (this verifier reads version {Version}).");
        }

        if (keys.GroupBy(k => k.KeyIdHex).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new FormatException($"Key {twice.Key} is listed twice.");
        }

        if (participants.GroupBy(p => p.Code).FirstOrDefault(g => g.Count() > 1) is { } again)
        {
            throw new FormatException($"Participant {again.Key} is listed twice.");
        }

        if (eu.Count > 0 && !participants.Any(p => p.Code == "EU"))
        {
            throw new FormatException("The list has EU memberships but no EU participant.");
        }

        return new TrustList(issuedAt, sequence, keys, participants, eu, embargoes);
    }

    private static void WriteArray<T>(CborWriter w, int key, IReadOnlyList<T> items, Action<CborWriter, T> write)
    {
        WriteKey(w, key);
        w.WriteStartArray(items.Count);
        foreach (var item in items)
        {
            write(w, item);
        }

        w.WriteEndArray();
    }

    private static void WriteKeyMap(CborWriter w, TrustedKey k)
    {
        w.WriteStartMap(6 + (k.ValidTo is null ? 0 : 1) + (k.StatusSince is null ? 0 : 1));
        WriteBytes(w, KId, k.KeyId);
        WriteText(w, KParticipant, k.Participant);
        WriteText(w, KAuthority, k.Authority);
        WriteBytes(w, KPublicKey, k.PublicKey);
        WriteDate(w, KValidFrom, k.ValidFrom);
        if (k.ValidTo is { } to)
        {
            WriteDate(w, KValidTo, to);
        }

        WriteEnum(w, KStatus, k.Status);
        if (k.StatusSince is { } since)
        {
            WriteDate(w, KStatusSince, since);
        }

        w.WriteEndMap();
    }

    private static TrustedKey ReadKeyMap(CborReader r)
    {
        byte[] id = [], publicKey = [];
        string participant = "", authority = "";
        DateOnly from = default;
        DateOnly? to = null, since = null;
        var status = KeyStatus.Active;
        var seen = ReadMap(r, "key", key =>
        {
            switch (key)
            {
                case KId: id = r.ReadByteString(); break;
                case KParticipant: participant = r.ReadTextString(); break;
                case KAuthority: authority = r.ReadTextString(); break;
                case KPublicKey: publicKey = r.ReadByteString(); break;
                case KValidFrom: from = ReadDate(r); break;
                case KValidTo: to = ReadDate(r); break;
                case KStatus: status = ReadEnum<KeyStatus>(r); break;
                case KStatusSince: since = ReadDate(r); break;
                default: return false;
            }

            return true;
        });
        Require(seen, "key", KId, KParticipant, KAuthority, KPublicKey, KValidFrom, KStatus);
        using (var imported = HubKeys.TryImport(publicKey, out var reason))
        {
            if (imported is null)
            {
                throw new FormatException($"Key {KeyIds.Hex(id)} of {participant}: {reason}");
            }
        }

        if (!id.AsSpan().SequenceEqual(KeyIds.Of(publicKey)))
        {
            throw new FormatException($"Key id {KeyIds.Hex(id)} of {participant} is not the id of its public key ({KeyIds.Hex(KeyIds.Of(publicKey))}).");
        }

        return new TrustedKey(id, participant, authority, publicKey, from, to, status, since);
    }

    private static void WriteParticipant(CborWriter w, TrustListParticipant p)
    {
        w.WriteStartMap(9);
        WriteText(w, PCode, p.Code);
        WriteText(w, PNameEn, p.NameEn);
        WriteText(w, PNameFr, p.NameFr);
        WriteEnum(w, PKind, p.Kind);
        WriteDate(w, PAdmittedOn, p.AdmittedOn);
        WriteEnum(w, PAdmittedPrecision, p.AdmittedPrecision);
        WriteUnsigned(w, PMaxValidityDays, p.MaxCertificateValidityDays);
        WriteArray(w, PHistory, p.History, WriteEvent);
        WriteArray(w, PZones, p.Zones, WriteZone);
        w.WriteEndMap();
    }

    private static TrustListParticipant ReadParticipant(CborReader r)
    {
        string code = "", nameEn = "", nameFr = "";
        var kind = ParticipantKind.State;
        DateOnly admitted = default;
        var precision = DatePrecision.Day;
        var maxDays = 0;
        List<TrustListStatusEvent> history = [];
        List<TrustListZone> zones = [];
        var seen = ReadMap(r, "participant", key =>
        {
            switch (key)
            {
                case PCode: code = r.ReadTextString(); break;
                case PNameEn: nameEn = r.ReadTextString(); break;
                case PNameFr: nameFr = r.ReadTextString(); break;
                case PKind: kind = ReadEnum<ParticipantKind>(r); break;
                case PAdmittedOn: admitted = ReadDate(r); break;
                case PAdmittedPrecision: precision = ReadEnum<DatePrecision>(r); break;
                case PMaxValidityDays: maxDays = checked((int)ReadUnsigned(r)); break;
                case PHistory: history = ReadArray(r, "history", () => ReadEvent(r)); break;
                case PZones: zones = ReadArray(r, "zones", () => ReadZone(r)); break;
                default: return false;
            }

            return true;
        });
        Require(seen, "participant", PCode, PNameEn, PNameFr, PKind, PAdmittedOn, PAdmittedPrecision, PMaxValidityDays, PHistory, PZones);
        return new TrustListParticipant(code, nameEn, nameFr, kind, admitted, precision, maxDays, history, zones);
    }

    private static void WriteEvent(CborWriter w, TrustListStatusEvent e)
    {
        w.WriteStartMap(5 + (e.Scope is null ? 0 : 1));
        WriteDate(w, EEffectiveOn, e.EffectiveOn);
        WriteEnum(w, EPrecision, e.Precision);
        WriteEnum(w, EStatus, e.Status);
        if (e.Scope is { } scope)
        {
            WriteText(w, EScope, scope);
        }

        WriteText(w, ENote, e.Note);
        WriteKey(w, EDecision);
        WriteDecision(w, e.Decision);
        w.WriteEndMap();
    }

    private static TrustListStatusEvent ReadEvent(CborReader r)
    {
        DateOnly on = default;
        var precision = DatePrecision.Day;
        var status = ParticipantStatus.Active;
        string? scope = null;
        var note = "";
        TrustListDecision? decision = null;
        var seen = ReadMap(r, "status event", key =>
        {
            switch (key)
            {
                case EEffectiveOn: on = ReadDate(r); break;
                case EPrecision: precision = ReadEnum<DatePrecision>(r); break;
                case EStatus: status = ReadEnum<ParticipantStatus>(r); break;
                case EScope: scope = r.ReadTextString(); break;
                case ENote: note = r.ReadTextString(); break;
                case EDecision: decision = ReadDecision(r); break;
                default: return false;
            }

            return true;
        });
        Require(seen, "status event", EEffectiveOn, EPrecision, EStatus, ENote, EDecision);
        return new TrustListStatusEvent(on, precision, status, scope, note, decision!);
    }

    private static void WriteDecision(CborWriter w, TrustListDecision d)
    {
        w.WriteStartMap(1 + (d.Date is null ? 0 : 1) + (d.Reference is null ? 0 : 1));
        WriteText(w, DTitle, d.Title);
        if (d.Date is { } date)
        {
            WriteDate(w, DDate, date);
        }

        if (d.Reference is { } reference)
        {
            WriteText(w, DReference, reference);
        }

        w.WriteEndMap();
    }

    private static TrustListDecision ReadDecision(CborReader r)
    {
        var title = "";
        DateOnly? date = null;
        string? reference = null;
        var seen = ReadMap(r, "decision", key =>
        {
            switch (key)
            {
                case DTitle: title = r.ReadTextString(); break;
                case DDate: date = ReadDate(r); break;
                case DReference: reference = r.ReadTextString(); break;
                default: return false;
            }

            return true;
        });
        Require(seen, "decision", DTitle);
        return new TrustListDecision(title, date, reference);
    }

    private static void WriteZone(CborWriter w, TrustListZone z)
    {
        w.WriteStartMap(3 + (z.EndsOn is null ? 0 : 1));
        WriteText(w, ZName, z.Name);
        WriteEnum(w, ZKind, z.Kind);
        WriteDate(w, ZFrom, z.From);
        if (z.EndsOn is { } ends)
        {
            WriteDate(w, ZEndsOn, ends);
        }

        w.WriteEndMap();
    }

    private static TrustListZone ReadZone(CborReader r)
    {
        var name = "";
        var kind = ZoneKind.CompliantZone;
        DateOnly from = default;
        DateOnly? ends = null;
        var seen = ReadMap(r, "zone", key =>
        {
            switch (key)
            {
                case ZName: name = r.ReadTextString(); break;
                case ZKind: kind = ReadEnum<ZoneKind>(r); break;
                case ZFrom: from = ReadDate(r); break;
                case ZEndsOn: ends = ReadDate(r); break;
                default: return false;
            }

            return true;
        });
        Require(seen, "zone", ZName, ZKind, ZFrom);
        return new TrustListZone(name, kind, from, ends);
    }

    private static void WriteMembership(CborWriter w, TrustListEuMembership m)
    {
        w.WriteStartMap(3 + (m.EndsOn is null ? 0 : 1));
        WriteText(w, MCountry, m.CountryCode);
        WriteText(w, MName, m.Name);
        WriteDate(w, MFrom, m.From);
        if (m.EndsOn is { } ends)
        {
            WriteDate(w, MEndsOn, ends);
        }

        w.WriteEndMap();
    }

    private static TrustListEuMembership ReadMembership(CborReader r)
    {
        string country = "", name = "";
        DateOnly from = default;
        DateOnly? ends = null;
        var seen = ReadMap(r, "EU membership", key =>
        {
            switch (key)
            {
                case MCountry: country = r.ReadTextString(); break;
                case MName: name = r.ReadTextString(); break;
                case MFrom: from = ReadDate(r); break;
                case MEndsOn: ends = ReadDate(r); break;
                default: return false;
            }

            return true;
        });
        Require(seen, "EU membership", MCountry, MName, MFrom);
        return new TrustListEuMembership(country, name, from, ends);
    }

    private static void WriteEmbargo(CborWriter w, TrustListEmbargo e)
    {
        w.WriteStartMap(5 + (e.EndsOn is null ? 0 : 1));
        WriteText(w, BOrigin, e.OriginCode);
        WriteDate(w, BFrom, e.From);
        if (e.EndsOn is { } ends)
        {
            WriteDate(w, BEndsOn, ends);
        }

        WriteKey(w, BExempt);
        w.WriteBoolean(e.GovernmentCertifiedExempt);
        WriteText(w, BNote, e.Note);
        WriteKey(w, BDecision);
        WriteDecision(w, e.Decision);
        w.WriteEndMap();
    }

    private static TrustListEmbargo ReadEmbargo(CborReader r)
    {
        string origin = "", note = "";
        DateOnly from = default;
        DateOnly? ends = null;
        var exempt = false;
        TrustListDecision? decision = null;
        var seen = ReadMap(r, "embargo", key =>
        {
            switch (key)
            {
                case BOrigin: origin = r.ReadTextString(); break;
                case BFrom: from = ReadDate(r); break;
                case BEndsOn: ends = ReadDate(r); break;
                case BExempt: exempt = r.ReadBoolean(); break;
                case BNote: note = r.ReadTextString(); break;
                case BDecision: decision = ReadDecision(r); break;
                default: return false;
            }

            return true;
        });
        Require(seen, "embargo", BOrigin, BFrom, BExempt, BNote, BDecision);
        return new TrustListEmbargo(origin, from, ends, exempt, note, decision!);
    }
}
