using System;
using System.Collections.Generic;
using System.Linq;

namespace Guardrails.Delivery.Dora;

/// <summary>
/// The median (the middle value; the mean of the two middle values for an even count) and the p90
/// (nearest rank: the value at position ceil(0.9 n) in ascending order) of a set; both null when it is empty.
/// </summary>
public sealed record Percentiles(double? Median, double? P90)
{
    public static Percentiles Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Percentiles(null, null);
        }

        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        var p90 = sorted[(int)Math.Ceiling(0.9 * sorted.Length) - 1];
        return new Percentiles(median, p90);
    }
}
