using System.Text;

namespace Guardrails.Slo.Prometheus;

/// <summary>
/// Turns an OpenSLO Prometheus query into a Sloth-style template: every range selector's duration
/// (<c>[5m]</c>, and the range of a subquery <c>[30m:1m]</c>) becomes <c>{{.window}}</c>, so the generator and
/// the gate evaluate the query over each window they need. String literals are left alone.
/// </summary>
internal static class QueryWindow
{
    /// <returns>The template, or null when the query has no range selector to turn into a window.</returns>
    public static string? Templatize(string query)
    {
        if (query.Contains(SliQuery.WindowPlaceholder))
        {
            return query;
        }

        var result = new StringBuilder(query.Length + 16);
        var replaced = 0;
        var index = 0;
        while (index < query.Length)
        {
            var character = query[index];
            if (character is '"' or '\'' or '`')
            {
                var end = EndOfString(query, index);
                result.Append(query, index, end - index);
                index = end;
                continue;
            }

            if (character == '[' && RangeEnd(query, index + 1) is var (durationEnd, closing) && durationEnd > index + 1)
            {
                result.Append('[').Append(SliQuery.WindowPlaceholder);
                result.Append(query.Substring(durationEnd, closing - durationEnd).Trim()).Append(']');
                replaced++;
                index = closing + 1;
                continue;
            }

            result.Append(character);
            index++;
        }

        return replaced == 0 ? null : result.ToString();
    }

    /// <summary>The first range selector written with a literal duration (<c>[5m]</c>, <c>[1h:1m]</c>) outside string
    /// literals, or null when every range is a placeholder or there is none.</summary>
    public static string? FirstLiteralRange(string query)
    {
        var index = 0;
        while (index < query.Length)
        {
            var character = query[index];
            if (character is '"' or '\'' or '`')
            {
                index = EndOfString(query, index);
                continue;
            }

            if (character == '[' && RangeEnd(query, index + 1) is var (_, closing))
            {
                return query.Substring(index, closing - index + 1);
            }

            index++;
        }

        return null;
    }

    /// <returns>Where the range duration ends and where its ']' is, when the text after '[' is a duration.</returns>
    private static (int DurationEnd, int Closing)? RangeEnd(string query, int start)
    {
        var index = start;
        while (index < query.Length && query[index] == ' ')
        {
            index++;
        }

        var durationStart = index;
        while (index < query.Length && (char.IsDigit(query[index]) || "smhdwy".IndexOf(query[index]) >= 0 || query[index] == '.'))
        {
            index++;
        }

        if (index == durationStart || !char.IsDigit(query[durationStart]))
        {
            return null;
        }

        var durationEnd = index;
        while (index < query.Length && query[index] != ']' && query[index] != '[')
        {
            index++;
        }

        // Only a subquery's resolution may follow the range: "[30m:1m]".
        var rest = query.Substring(durationEnd, index - durationEnd).Trim();
        if (index >= query.Length || query[index] != ']' || (rest.Length > 0 && rest[0] != ':'))
        {
            return null;
        }

        return (durationEnd, index);
    }

    private static int EndOfString(string query, int start)
    {
        var quote = query[start];
        var index = start + 1;
        while (index < query.Length && query[index] != quote)
        {
            index += query[index] == '\\' && quote != '`' ? 2 : 1;
        }

        return System.Math.Min(index + 1, query.Length);
    }
}
