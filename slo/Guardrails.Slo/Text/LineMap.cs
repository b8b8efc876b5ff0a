using System;
using System.Collections.Generic;

namespace Guardrails.Slo.Text;

/// <summary>Turns character offsets into the 1-based line and column that findings report.</summary>
public sealed class LineMap
{
    private readonly List<int> lineStarts = [0];

    public LineMap(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        for (var offset = 0; offset < text.Length; offset++)
        {
            if (text[offset] == '\n')
            {
                lineStarts.Add(offset + 1);
            }
        }
    }

    /// <summary>The 1-based (line, column) of a 0-based character offset.</summary>
    public (int Line, int Column) Locate(int offset)
    {
        var index = lineStarts.BinarySearch(Math.Max(0, offset));
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - lineStarts[line] + 1);
    }
}
