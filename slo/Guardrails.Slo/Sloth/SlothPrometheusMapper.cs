using Guardrails.Slo.Prometheus;

namespace Guardrails.Slo.Sloth;

/// <summary>
/// Maps a sound Sloth SLO to the Prometheus model: the objective percentage becomes a ratio, the labels are the
/// service's overridden by the SLO's, the alerts are as read. An SLO without queries (a plugin) has no Prometheus form.
/// </summary>
internal static class SlothPrometheusMapper
{
    public static PrometheusSlo? Map(SlothSloDefinition slo)
    {
        if (slo.Service is null || slo.Name is null || slo.Objective is null || slo.Sli is null)
        {
            return null;
        }

        return new PrometheusSlo
        {
            Service = slo.Service.Value,
            Name = slo.Name.Value,
            // Through decimal, so 99.9 becomes 0.999 and not 0.9990000000000001.
            Objective = (double)((decimal)slo.Objective.Value / 100m),
            Sli = slo.Sli,
            Category = slo.Category,
            Description = slo.Description,
            RunbookUrl = slo.Alerting.Runbook,
            Labels = slo.Labels,
            PageAlert = slo.Alerting.Page,
            TicketAlert = slo.Alerting.Ticket,
            Source = slo.Name.Span,
            ObjectiveSource = slo.Objective.Span,
        };
    }
}
