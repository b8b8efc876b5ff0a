using Guardrails.Slo.Prometheus;

namespace Guardrails.Slo.Sloth;

/// <summary>A Sloth SLO's alerting block as read: its page and ticket alerts, and the first runbook it names.</summary>
internal sealed record SlothAlerting(BurnRateAlert Page, BurnRateAlert Ticket, string? Runbook)
{
    /// <summary>No alerting block: Sloth's default alerts, no runbook.</summary>
    public static SlothAlerting Default { get; } = new(BurnRateAlert.DefaultPage, BurnRateAlert.DefaultTicket, null);
}
