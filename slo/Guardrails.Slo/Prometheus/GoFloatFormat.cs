using System;
using System.Globalization;
using System.Text;

namespace Guardrails.Slo.Prometheus;

/// <summary>
/// Numbers printed as Go prints them (<c>%g</c> and <c>strconv.FormatFloat(x, 'f', -1, 64)</c>): the shortest
/// digits that read back as the same double. Sloth's rules are Go templates, so matching its output byte for
/// byte needs Go's notation (<c>0.0009999999999999432</c>, <c>1e-05</c>), on .NET Framework as on .NET.
/// </summary>
internal static class GoFloatFormat
{
    private const int MaxSignificantDigits = 17;

    /// <summary>Go's <c>%g</c>: decimal notation unless the exponent is below -4 or at least 6.</summary>
    public static string General(double value)
    {
        var (negative, digits, exponent) = Shortest(value);
        if (digits == "0")
        {
            return negative ? "-0" : "0";
        }

        var text = new StringBuilder();
        if (negative)
        {
            text.Append('-');
        }

        if (exponent < -4 || exponent >= 6)
        {
            text.Append(digits[0]);
            if (digits.Length > 1)
            {
                text.Append('.').Append(digits, 1, digits.Length - 1);
            }

            text.Append('e').Append(exponent < 0 ? '-' : '+');
            text.Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
            return text.ToString();
        }

        AppendFixed(text, digits, exponent);
        return text.ToString();
    }

    /// <summary>Go's <c>strconv.FormatFloat(x, 'f', -1, 64)</c>: always decimal notation.</summary>
    public static string Fixed(double value)
    {
        var (negative, digits, exponent) = Shortest(value);
        var text = new StringBuilder();
        if (negative && digits != "0")
        {
            text.Append('-');
        }

        AppendFixed(text, digits, exponent);
        return text.ToString();
    }

    private static void AppendFixed(StringBuilder text, string digits, int exponent)
    {
        var integerDigits = exponent + 1;
        if (integerDigits <= 0)
        {
            text.Append("0.").Append('0', -integerDigits).Append(digits);
            return;
        }

        if (integerDigits >= digits.Length)
        {
            text.Append(digits).Append('0', integerDigits - digits.Length);
            return;
        }

        text.Append(digits, 0, integerDigits).Append('.').Append(digits, integerDigits, digits.Length - integerDigits);
    }

    /// <summary>The fewest significant digits that parse back to <paramref name="value"/>, and the decimal exponent of the first.</summary>
    private static (bool Negative, string Digits, int Exponent) Shortest(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite numbers appear in generated rules.");
        }

        var negative = BitConverter.DoubleToInt64Bits(value) < 0;
        var magnitude = Math.Abs(value);
        if (magnitude == 0)
        {
            return (negative, "0", 0);
        }

        for (var precision = 1; precision <= MaxSignificantDigits; precision++)
        {
            var scientific = magnitude.ToString("E" + (precision - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (double.Parse(scientific, NumberStyles.Float, CultureInfo.InvariantCulture) != magnitude)
            {
                continue;
            }

            var exponentAt = scientific.IndexOf('E');
            var digits = scientific.Substring(0, exponentAt).Replace(".", string.Empty).TrimEnd('0');
            var exponent = int.Parse(scientific.Substring(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return (negative, digits.Length == 0 ? "0" : digits, exponent);
        }

        throw new InvalidOperationException($"No round-trip representation of {magnitude.ToString("R", CultureInfo.InvariantCulture)} within 17 digits.");
    }
}
