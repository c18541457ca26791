using System.Formats.Cbor;
using System.Globalization;
using System.Text.Json;

namespace OpenKP.Certificates;

/// <summary>
/// The CBOR conventions of the signed lists (docs/certificate-format.md): canonical encoding (RFC 8949
/// §4.2.1 core deterministic encoding; for these small integer keys the same as RFC 7049 canonical
/// form), maps with small unsigned integer keys, days as RFC 8943 full-date text (tag 1004), instants as
/// whole seconds since the Unix epoch (tag 1), enumerations as kebab-case text. Reading is strict:
/// non-canonical encodings, unknown or duplicate keys, missing fields and trailing bytes are errors
/// (<see cref="FormatException"/> or <see cref="CborContentException"/>).
/// </summary>
internal static class ListCbor
{
    private static readonly CborTag FullDate = (CborTag)1004;

    public static CborWriter Writer() => new(CborConformanceMode.Canonical, convertIndefiniteLengthEncodings: false);

    public static CborReader Reader(ReadOnlyMemory<byte> bytes) => new(bytes, CborConformanceMode.Canonical);

    /// <summary>The exceptions a strict decoder throws on bytes that are not the format.</summary>
    public static bool IsDecodingError(Exception e) =>
        e is CborContentException or FormatException or InvalidOperationException or OverflowException or ArgumentException or KeyNotFoundException
            or System.Security.Cryptography.CryptographicException;

    /// <summary>
    /// Reads a definite-length map whose keys are unsigned integers; <paramref name="readValue"/> reads the
    /// value of each key it knows and returns false for a key it does not. Returns the keys seen.
    /// </summary>
    public static HashSet<int> ReadMap(CborReader r, string what, Func<int, bool> readValue)
    {
        var count = r.ReadStartMap() ?? throw new FormatException($"The {what} map must have a definite length.");
        var seen = new HashSet<int>();
        for (var i = 0; i < count; i++)
        {
            if (r.PeekState() != CborReaderState.UnsignedInteger)
            {
                throw new FormatException($"The keys of the {what} map are unsigned integers.");
            }

            var key = checked((int)r.ReadUInt32());
            if (!seen.Add(key))
            {
                throw new FormatException($"Key {key} appears twice in the {what} map.");
            }

            if (!readValue(key))
            {
                throw new FormatException($"Unknown key {key} in the {what} map.");
            }
        }

        r.ReadEndMap();
        return seen;
    }

    public static void Require(HashSet<int> seen, string what, params int[] keys)
    {
        var missing = keys.Where(k => !seen.Contains(k)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"The {what} map lacks key(s) {string.Join(", ", missing)}.");
        }
    }

    public static List<T> ReadArray<T>(CborReader r, string what, Func<T> readItem)
    {
        var count = r.ReadStartArray() ?? throw new FormatException($"The {what} array must have a definite length.");
        var items = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(readItem());
        }

        r.ReadEndArray();
        return items;
    }

    public static void RequireEnd(CborReader r, string what)
    {
        if (r.BytesRemaining != 0)
        {
            throw new FormatException($"{r.BytesRemaining} byte(s) follow the {what}.");
        }
    }

    public static void WriteKey(CborWriter w, int key) => w.WriteUInt32(checked((uint)key));

    public static void WriteText(CborWriter w, int key, string value)
    {
        WriteKey(w, key);
        w.WriteTextString(value);
    }

    public static void WriteDate(CborWriter w, int key, DateOnly day)
    {
        WriteKey(w, key);
        w.WriteTag(FullDate);
        w.WriteTextString(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    public static DateOnly ReadDate(CborReader r)
    {
        if (r.ReadTag() != FullDate)
        {
            throw new FormatException("Days are RFC 8943 full-date text (tag 1004).");
        }

        var text = r.ReadTextString();
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new FormatException($"'{text}' is not a YYYY-MM-DD day.");
    }

    /// <summary>Whole seconds since 1970-01-01T00:00:00Z (tag 1, an unsigned integer); anything finer is dropped.</summary>
    public static void WriteInstant(CborWriter w, int key, DateTimeOffset instant)
    {
        WriteKey(w, key);
        w.WriteTag(CborTag.UnixTimeSeconds);
        w.WriteUInt64(checked((ulong)instant.ToUnixTimeSeconds()));
    }

    public static DateTimeOffset ReadInstant(CborReader r)
    {
        if (r.ReadTag() != CborTag.UnixTimeSeconds || r.PeekState() != CborReaderState.UnsignedInteger)
        {
            throw new FormatException("Instants are whole seconds since the Unix epoch as an unsigned integer (tag 1).");
        }

        return DateTimeOffset.FromUnixTimeSeconds(checked((long)r.ReadUInt64()));
    }

    /// <summary>An instant as the lists carry it: UTC, whole seconds.</summary>
    public static DateTimeOffset ToWholeSeconds(DateTimeOffset instant) => DateTimeOffset.FromUnixTimeSeconds(instant.ToUnixTimeSeconds());

    public static void WriteUnsigned(CborWriter w, int key, long value)
    {
        WriteKey(w, key);
        w.WriteUInt64(checked((ulong)value));
    }

    public static long ReadUnsigned(CborReader r) => checked((long)r.ReadUInt64());

    public static void WriteBytes(CborWriter w, int key, ReadOnlySpan<byte> value)
    {
        WriteKey(w, key);
        w.WriteByteString(value);
    }

    public static void WriteEnum<T>(CborWriter w, int key, T value)
        where T : struct, Enum => WriteText(w, key, EnumText<T>.Of(value));

    public static T ReadEnum<T>(CborReader r)
        where T : struct, Enum => EnumText<T>.Parse(r.ReadTextString());
}

/// <summary>
/// An enumeration's values as the lists and their JSON views write them: kebab-case, lower case
/// (<c>SelfSuspended</c> → <c>self-suspended</c>), the convention of the API's JSON.
/// </summary>
internal static class EnumText<T>
    where T : struct, Enum
{
    private static readonly Dictionary<T, string> Texts = Enum.GetValues<T>().ToDictionary(v => v, v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));

    private static readonly Dictionary<string, T> Values = Texts.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Every value's text, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<T>().Select(v => Texts[v])];

    public static string Of(T value) => Texts.TryGetValue(value, out var text) ? text : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a {typeof(T).Name}.");

    /// <summary>The value for its exact text; <see cref="FormatException"/> for anything else.</summary>
    public static T Parse(string text) => Values.TryGetValue(text, out var value)
        ? value
        : throw new FormatException($"'{text}' is not a {typeof(T).Name} ({string.Join(", ", All)}).");
}
