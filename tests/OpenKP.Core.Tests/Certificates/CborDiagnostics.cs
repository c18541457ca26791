using System.Formats.Cbor;
using System.Globalization;
using System.Text;

namespace OpenKP.Core.Tests.Certificates;

/// <summary>A CBOR item under a tag.</summary>
internal sealed record Tagged(ulong Tag, object Value);

/// <summary>
/// Reads any CBOR the lists use into plain objects (maps keyed by integer, lists, text, bytes, integers,
/// booleans, tags) and writes it in RFC 8949 diagnostic notation, one map entry or array item per line,
/// so docs/certificate-format.md can show the payloads in a readable form that a test holds to the bytes.
/// </summary>
internal static class CborDiagnostics
{
    public static object Decode(byte[] cbor)
    {
        var r = new CborReader(cbor);
        var value = Read(r);
        Assert.Equal(0, r.BytesRemaining);
        return value;
    }

    public static string Render(byte[] cbor)
    {
        var sb = new StringBuilder();
        Write(sb, Decode(cbor), 0);
        return sb.ToString();
    }

    private static object Read(CborReader r)
    {
        switch (r.PeekState())
        {
            case CborReaderState.StartMap:
                var count = r.ReadStartMap()!.Value;
                var map = new SortedDictionary<long, object>();
                for (var i = 0; i < count; i++)
                {
                    map.Add(r.ReadInt64(), Read(r));
                }

                r.ReadEndMap();
                return map;
            case CborReaderState.StartArray:
                var length = r.ReadStartArray()!.Value;
                var items = new List<object>();
                for (var i = 0; i < length; i++)
                {
                    items.Add(Read(r));
                }

                r.ReadEndArray();
                return items;
            case CborReaderState.Tag:
                return new Tagged((ulong)r.ReadTag(), Read(r));
            case CborReaderState.TextString:
                return r.ReadTextString();
            case CborReaderState.ByteString:
                return r.ReadByteString();
            case CborReaderState.UnsignedInteger:
            case CborReaderState.NegativeInteger:
                return r.ReadInt64();
            case CborReaderState.Boolean:
                return r.ReadBoolean();
            default:
                throw new InvalidOperationException($"Unexpected CBOR {r.PeekState()}.");
        }
    }

    /// <summary>A map or array holding no map or array, on one line; null otherwise.</summary>
    private static string? Flat(object value)
    {
        IEnumerable<object> children = value is SortedDictionary<long, object> map ? map.Values : (List<object>)value;
        if (children.Any(c => c is SortedDictionary<long, object> or List<object> || c is Tagged { Value: SortedDictionary<long, object> or List<object> }))
        {
            return null;
        }

        var sb = new StringBuilder();
        if (value is SortedDictionary<long, object> entries)
        {
            sb.Append('{').AppendJoin(", ", entries.Select(e => e.Key.ToString(CultureInfo.InvariantCulture) + ": " + Scalar(e.Value))).Append('}');
        }
        else
        {
            sb.Append('[').AppendJoin(", ", ((List<object>)value).Select(Scalar)).Append(']');
        }

        return sb.ToString();
    }

    private static string Scalar(object value)
    {
        var sb = new StringBuilder();
        Write(sb, value, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object value, int depth)
    {
        var indent = new string(' ', 2 * (depth + 1));
        var close = new string(' ', 2 * depth);
        switch (value)
        {
            case SortedDictionary<long, object> { Count: 0 }:
                sb.Append("{}");
                break;
            case SortedDictionary<long, object> or List<object> when Flat(value) is { Length: <= 72 } flat:
                sb.Append(flat);
                break;
            case SortedDictionary<long, object> map:
                sb.Append("{\n");
                var i = 0;
                foreach (var (key, item) in map)
                {
                    sb.Append(indent).Append(key.ToString(CultureInfo.InvariantCulture)).Append(": ");
                    Write(sb, item, depth + 1);
                    sb.Append(++i < map.Count ? ",\n" : "\n");
                }

                sb.Append(close).Append('}');
                break;
            case List<object> { Count: 0 }:
                sb.Append("[]");
                break;
            case List<object> items:
                sb.Append("[\n");
                for (var j = 0; j < items.Count; j++)
                {
                    sb.Append(indent);
                    Write(sb, items[j], depth + 1);
                    sb.Append(j + 1 < items.Count ? ",\n" : "\n");
                }

                sb.Append(close).Append(']');
                break;
            case Tagged tagged:
                sb.Append(tagged.Tag.ToString(CultureInfo.InvariantCulture)).Append('(');
                Write(sb, tagged.Value, depth);
                sb.Append(')');
                break;
            case string text:
                sb.Append('"').Append(text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                break;
            case byte[] bytes:
                sb.Append("h'").Append(Convert.ToHexStringLower(bytes)).Append('\'');
                break;
            case long number:
                sb.Append(number.ToString(CultureInfo.InvariantCulture));
                break;
            case bool flag:
                sb.Append(flag ? "true" : "false");
                break;
            default:
                throw new InvalidOperationException($"Cannot render {value.GetType()}.");
        }
    }
}
