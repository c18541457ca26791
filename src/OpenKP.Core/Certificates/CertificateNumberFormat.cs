using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenKP.Certificates;

/// <summary>
/// How a participant numbers its certificates: a pattern that starts with <c>{P}</c> (the participant's
/// code) and has one <c>{N}</c> or <c>{N:width}</c> (the sequence number, zero-padded), optionally
/// <c>{YYYY}</c> or <c>{YY}</c>; literal characters are capital letters and <c>-</c> (no digits, which could repeat a number of
/// another format; no <c>/</c>, as numbers are part of addresses and file names). The
/// default <c>{P}-{YYYY}-{N:6}</c> gives <c>BW-2026-000123</c>. With a year in the pattern the
/// sequence restarts each year; without one it never restarts.
/// </summary>
public sealed partial class CertificateNumberFormat
{
    public const string Default = "{P}-{YYYY}-{N:6}";

    private readonly string _pattern;

    private CertificateNumberFormat(string pattern, bool hasYear)
    {
        _pattern = pattern;
        HasYear = hasYear;
    }

    public bool HasYear { get; }

    public override string ToString() => _pattern;

    /// <summary>A participant's stored format, or the default when the stored one is blank or unreadable.</summary>
    public static CertificateNumberFormat OrDefault(string? pattern)
        => TryParse(pattern, out var format, out _) ? format : Parse(Default);

    public static CertificateNumberFormat Parse(string pattern)
        => TryParse(pattern, out var format, out var error) ? format : throw new FormatException(error);

    public static bool TryParse(string? pattern, out CertificateNumberFormat format, out string error)
    {
        format = null!;
        pattern = pattern?.Trim() ?? string.Empty;
        if (!pattern.StartsWith("{P}", StringComparison.Ordinal))
        {
            error = "A number format starts with {P}, the participant's code.";
            return false;
        }

        if (!Shape().IsMatch(pattern))
        {
            error = "A number format holds only {P}, {YYYY}, {YY}, {N} or {N:width} (width 1–12), capital letters and '-' (no literal digits, which could repeat an earlier number).";
            return false;
        }

        if (Sequence().Count(pattern) != 1)
        {
            error = "A number format has exactly one {N} or {N:width}.";
            return false;
        }

        if (pattern.Length > 40)
        {
            error = "A number format is at most 40 characters.";
            return false;
        }

        error = string.Empty;
        format = new CertificateNumberFormat(pattern, pattern.Contains("{YY", StringComparison.Ordinal));
        return true;
    }

    /// <summary>The numbering period of a day: its year when the format has one, else 0 (one sequence for ever).</summary>
    public int PeriodOf(DateOnly issuedOn) => HasYear ? issuedOn.Year : 0;

    public string Format(string participant, DateOnly issuedOn, long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        var text = new StringBuilder(_pattern)
            .Replace("{P}", participant)
            .Replace("{YYYY}", issuedOn.Year.ToString("0000", CultureInfo.InvariantCulture))
            .Replace("{YY}", (issuedOn.Year % 100).ToString("00", CultureInfo.InvariantCulture))
            .ToString();
        return Sequence().Replace(text, m =>
        {
            var width = m.Groups[1].Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 1;
            return sequence.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
        });
    }

    /// <summary>Whether this format could give <paramref name="number"/> to <paramref name="participant"/> (for some day and sequence).</summary>
    public bool CouldNumber(string participant, string number)
    {
        var pattern = new StringBuilder("^");
        foreach (Match token in Token().Matches(_pattern))
        {
            pattern.Append(token.Value switch
            {
                "{P}" => Regex.Escape(participant),
                "{YYYY}" => @"\d{4}",
                "{YY}" => @"\d{2}",
                _ when token.Groups[1].Success => $@"\d{{{token.Groups[1].Value},}}",
                "{N}" => @"\d+",
                _ => Regex.Escape(token.Value),
            });
        }

        return Regex.IsMatch(number, pattern.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    [GeneratedRegex(@"\{P\}|\{YYYY\}|\{YY\}|\{N(?::(\d+))?\}|.")]
    private static partial Regex Token();

    [GeneratedRegex(@"^(\{P\}|\{YYYY\}|\{YY\}|\{N(:([1-9]|1[0-2]))?\}|[A-Z-])+$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"\{N(?::(\d+))?\}")]
    private static partial Regex Sequence();
}
