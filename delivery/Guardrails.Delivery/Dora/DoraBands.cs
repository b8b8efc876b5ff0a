namespace Guardrails.Delivery.Dora;

/// <summary>
/// The DORA performance levels of the 2023 Accelerate State of DevOps report, read as contiguous ranges
/// (the report gives ranges with gaps; each boundary below belongs to the better band):
/// deployment frequency elite at 7 or more deployments a week (daily or on demand), high at 1 or more a
/// week, medium at 12/52 or more a week (monthly), else low; lead time (median) elite under 24 hours, high
/// under 168 (a week), medium under 720 (30 days), else low; change-failure rate elite at most 5 %, high
/// at most 10 %, medium at most 15 %, else low; time to restore (median) elite under 1 hour, high under 24,
/// medium under 168, else low. A metric with no data has no band.
/// </summary>
public sealed record DoraBands(PerformanceBand? DeploymentFrequency, PerformanceBand? LeadTime, PerformanceBand? ChangeFailureRate, PerformanceBand? TimeToRestore)
{
    /// <summary>The year of the State of DevOps report the thresholds come from.</summary>
    public const int ReportYear = 2023;

    public static DoraBands Of(double deploymentsPerWeek, double? leadTimeMedianHours, double? changeFailureRate, double? restoreMedianHours) => new(
        deploymentsPerWeek >= 7 ? PerformanceBand.Elite : deploymentsPerWeek >= 1 ? PerformanceBand.High : deploymentsPerWeek >= 12.0 / 52 ? PerformanceBand.Medium : PerformanceBand.Low,
        leadTimeMedianHours is { } lead ? (lead < 24 ? PerformanceBand.Elite : lead < 168 ? PerformanceBand.High : lead < 720 ? PerformanceBand.Medium : PerformanceBand.Low) : null,
        changeFailureRate is { } rate ? (rate <= 0.05 ? PerformanceBand.Elite : rate <= 0.10 ? PerformanceBand.High : rate <= 0.15 ? PerformanceBand.Medium : PerformanceBand.Low) : null,
        restoreMedianHours is { } restore ? (restore < 1 ? PerformanceBand.Elite : restore < 24 ? PerformanceBand.High : restore < 168 ? PerformanceBand.Medium : PerformanceBand.Low) : null);
}
