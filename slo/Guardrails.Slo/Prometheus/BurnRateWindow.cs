using System;

namespace Guardrails.Slo.Prometheus;

/// <summary>
/// One of the four multiwindow, multi-burn-rate conditions (SRE Workbook, chapter 5): fire when the error
/// ratio over both <see cref="LongWindow"/> and <see cref="ShortWindow"/> is so high that, kept up for the
/// long window, it would spend <see cref="ErrorBudgetPercent"/> % of the SLO period's error budget.
/// </summary>
/// <param name="ErrorBudgetPercent">Share of the whole period's budget spent during the long window (2 % for the page quick condition).</param>
/// <param name="ShortWindow">The window that stops the alert soon after the errors stop.</param>
/// <param name="LongWindow">The window the budget consumption is measured over.</param>
public sealed record BurnRateWindow(double ErrorBudgetPercent, TimeSpan ShortWindow, TimeSpan LongWindow)
{
    /// <summary>
    /// How many times faster than "exactly the budget over the period" errors must arrive to spend
    /// <see cref="ErrorBudgetPercent"/> % of the budget within <see cref="LongWindow"/>: 14.4 for 2 % in 1h of 30d.
    /// </summary>
    /// <remarks>Same operations in the same order as Sloth's <c>getBurnRateFactor</c>, so the printed factors are
    /// identical to Sloth's (5.6000000000000005 for the 28-day page slow condition, not 5.6).</remarks>
    public double BurnRateFactor(TimeSpan sloPeriod)
    {
        var hoursOfBudget = ErrorBudgetPercent * sloPeriod.TotalHours / 100;
        return hoursOfBudget / LongWindow.TotalHours;
    }
}
