namespace Guardrails.Slo.Prometheus;

/// <summary>
/// Whether a PromQL query's brackets pair up, outside string literals. Not a PromQL parser: the one mistake it
/// catches, an unclosed or stray bracket, is the commonest, and without it the rules fail only later, in promtool
/// or Prometheus, far from the SLO file.
/// </summary>
internal static class QueryBrackets
{
    /// <returns>A description of the first bracket that does not pair up, or null when they all do.</returns>
    public static string? FirstUnbalanced(string query)
    {
        var open = new System.Collections.Generic.Stack<char>();
        for (var index = 0; index < query.Length; index++)
        {
            var character = query[index];
            if (character is '"' or '\'' or '`')
            {
                var quote = character;
                index++;
                while (index < query.Length && query[index] != quote)
                {
                    index += query[index] == '\\' && quote != '`' ? 2 : 1;
                }

                if (index >= query.Length)
                {
                    return $"the string opened with {quote} is not closed";
                }

                continue;
            }

            switch (character)
            {
                case '(' or '[' or '{':
                    open.Push(character);
                    break;
                case ')' or ']' or '}':
                    var expected = character switch { ')' => '(', ']' => '[', _ => '{' };
                    if (open.Count == 0 || open.Pop() != expected)
                    {
                        return $"'{character}' at position {index + 1} closes nothing that is open";
                    }

                    break;
            }
        }

        return open.Count == 0 ? null : $"'{open.Peek()}' is never closed";
    }
}
