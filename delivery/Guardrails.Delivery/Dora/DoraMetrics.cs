namespace Guardrails.Delivery.Dora;

/// <summary>
/// The metrics of one period (a week, the whole report, the baseline): counts, lead time in hours over the
/// changes of its successful deployments, change-failure rate (null without deployments), median time to
/// restore in hours (null without a resolved incident) and incident minutes inside the period.
/// </summary>
public sealed record DoraMetrics(
    int Deployments,
    int FailedDeployments,
    int DeploymentsLinkedToIncidents,
    int Changes,
    Percentiles LeadTimeHours,
    double? ChangeFailureRate,
    int Incidents,
    Percentiles RestoreHours,
    double IncidentMinutes);
