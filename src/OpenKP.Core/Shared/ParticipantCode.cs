using System.Diagnostics.CodeAnalysis;

namespace OpenKP.Shared;

/// <summary>
/// An ISO 3166-1 alpha-2 country code, or <c>EU</c> for the European Union: two upper-case Latin
/// letters. It names a country (an origin, a company's seat) or a KP participant; which participant
/// covers a country on a date is the registry's question (<c>RegistrySnapshot.ParticipantFor</c>).
/// </summary>
public readonly record struct ParticipantCode : IParsable<ParticipantCode>
{
    private ParticipantCode(string value) => Value = value;

    /// <summary>Two upper-case letters, e.g. <c>BW</c>.</summary>
    public string Value { get; }

    public static ParticipantCode EuropeanUnion { get; } = new("EU");

    /// <summary>For user input: accepts two letters in any case, surrounding spaces ignored.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, [MaybeNullWhen(false)] out ParticipantCode result)
    {
        result = default;
        if (s is null)
        {
            return false;
        }

        var trimmed = s.Trim();
        if (trimmed.Length != 2 || !char.IsAsciiLetter(trimmed[0]) || !char.IsAsciiLetter(trimmed[1]))
        {
            return false;
        }

        result = new ParticipantCode(trimmed.ToUpperInvariant());
        return true;
    }

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out ParticipantCode result)
        => TryParse(s, out result);

    /// <summary>For trusted values; throws <see cref="FormatException"/> on anything but two letters.</summary>
    public static ParticipantCode Parse(string s, IFormatProvider? provider = null)
        => TryParse(s, out var code) ? code : throw new FormatException($"'{s}' is not a two-letter participant or country code.");

    public override string ToString() => Value ?? string.Empty;
}
