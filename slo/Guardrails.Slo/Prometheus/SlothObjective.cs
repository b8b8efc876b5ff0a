using System;
using System.Globalization;

namespace Guardrails.Slo.Prometheus;

/// <summary>
/// The objective's numbers as Sloth computes them from the percentage a team writes (99.9): the ratio
/// <c>99.9 / 100</c> (0.9990000000000001) and the error budget <c>(100 - 99.9) / 100</c> (0.0009999999999999432).
/// Doing the same arithmetic keeps the generated thresholds identical to Sloth's for the same SLO.
/// </summary>
public sealed class SlothObjective
{
    /// <summary>Significant digits kept when turning the ratio back into the percentage the team wrote,
    /// dropping the binary noise of <c>0.999 * 100</c>.</summary>
    private const string PercentPrecision = "G15";

    public SlothObjective(double objectiveRatio)
    {
        if (double.IsNaN(objectiveRatio) || objectiveRatio <= 0 || objectiveRatio >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(objectiveRatio), objectiveRatio, "The objective must be a ratio greater than 0 and less than 1.");
        }

        Percent = double.Parse((objectiveRatio * 100).ToString(PercentPrecision, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>The objective in percent, as written in a Sloth spec (Sloth's <c>sloth_objective</c> label).</summary>
    public double Percent { get; }

    /// <summary>Sloth's <c>slo:objective:ratio</c> value.</summary>
    public double Ratio => Percent / 100;

    /// <summary>The share of events allowed to fail, as Sloth's alert thresholds use it.</summary>
    public double ErrorBudgetRatio => (100 - Percent) / 100;
}
