namespace OpenKP.Certificates;

/// <summary>
/// Base45 (RFC 9285): bytes as text from the 45 characters a QR code stores in its compact
/// alphanumeric mode. Two bytes become three characters, a last odd byte two. No package for it is
/// available here (see docs/adr/0008-hand-written-pieces.md); the RFC's own examples are its tests.
/// </summary>
public static class Base45
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    private static readonly sbyte[] Values = BuildValues();

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var text = new char[(data.Length / 2 * 3) + (data.Length % 2 * 2)];
        var at = 0;
        for (var i = 0; i + 1 < data.Length; i += 2)
        {
            var n = (data[i] * 256) + data[i + 1];
            text[at++] = Alphabet[n % 45];
            text[at++] = Alphabet[n / 45 % 45];
            text[at++] = Alphabet[n / (45 * 45)];
        }

        if (data.Length % 2 == 1)
        {
            var n = data[^1];
            text[at++] = Alphabet[n % 45];
            text[at] = Alphabet[n / 45];
        }

        return new string(text);
    }

    /// <summary>The bytes, or false when the text has a character outside the alphabet, a bad length, or a group above its range.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] data)
    {
        data = [];
        if (text.Length % 3 == 1)
        {
            return false;
        }

        var result = new byte[(text.Length / 3 * 2) + (text.Length % 3 == 2 ? 1 : 0)];
        var at = 0;
        // At most 44 + 44·45 + 44·45² = 91124 per group: no overflow, so no checked arithmetic in the loop.
        unchecked
        {
            for (var i = 0; i < text.Length; i += 3)
            {
                var remaining = Math.Min(3, text.Length - i);
                var n = 0;
                var weight = 1;
                for (var j = 0; j < remaining; j++)
                {
                    var c = text[i + j];
                    var v = c < Values.Length ? Values[c] : (sbyte)-1;
                    if (v < 0)
                    {
                        return false;
                    }

                    n += v * weight;
                    weight *= 45;
                }

                if (remaining == 3)
                {
                    if (n > 0xFFFF)
                    {
                        return false;
                    }

                    result[at++] = (byte)(n >> 8);
                    result[at++] = (byte)(n & 0xFF);
                }
                else
                {
                    if (n > 0xFF)
                    {
                        return false;
                    }

                    result[at++] = (byte)n;
                }
            }
        }

        data = result;
        return true;
    }

    private static sbyte[] BuildValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            values[Alphabet[i]] = (sbyte)i;
        }

        return values;
    }
}
