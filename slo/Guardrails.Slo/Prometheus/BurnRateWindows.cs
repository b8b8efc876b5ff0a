using System;
using System.Collections.Generic;
using System.Linq;

namespace Guardrails.Slo.Prometheus;

/// <summary>
/// The page and ticket conditions for one SLO period, with the burn-rate maths the rule generator and the
/// canary gate share. Catalogues follow Sloth: the SRE Workbook's recommended windows (page 1h/5m and 6h/30m,
/// ticket 1d/2h and 3d/6h) spending 2 %, 5 %, 10 % and 10 % of the budget for 30-day and 28-day periods
/// (factors 14.4, 6, 3, 1 at 30 days), and Sloth's published 7-day catalogue (8 %, 12.5 %, 20 %, 42 %).
/// Any other period keeps the workbook windows and percentages and scales the factors with Sloth's formula.
/// </summary>
public sealed record BurnRateWindows
{
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ThirtyMinutes = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);
    private static readonly TimeSpan TwoHours = TimeSpan.FromHours(2);
    private static readonly TimeSpan SixHours = TimeSpan.FromHours(6);
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);
    private static readonly TimeSpan ThreeDays = TimeSpan.FromDays(3);

    public BurnRateWindows(TimeSpan period, BurnRateWindow pageQuick, BurnRateWindow pageSlow, BurnRateWindow ticketQuick, BurnRateWindow ticketSlow)
    {
        Period = period;
        PageQuick = pageQuick ?? throw new ArgumentNullException(nameof(pageQuick));
        PageSlow = pageSlow ?? throw new ArgumentNullException(nameof(pageSlow));
        TicketQuick = ticketQuick ?? throw new ArgumentNullException(nameof(ticketQuick));
        TicketSlow = ticketSlow ?? throw new ArgumentNullException(nameof(ticketSlow));
    }

    /// <summary>The SLO's rolling window (its time window).</summary>
    public TimeSpan Period { get; }

    public BurnRateWindow PageQuick { get; }

    public BurnRateWindow PageSlow { get; }

    public BurnRateWindow TicketQuick { get; }

    public BurnRateWindow TicketSlow { get; }

    /// <summary>Every distinct short and long window, shortest first: the SLI recording rules needed.</summary>
    public IReadOnlyList<TimeSpan> DistinctWindows =>
        new[]
        {
            PageQuick.ShortWindow, PageQuick.LongWindow, PageSlow.ShortWindow, PageSlow.LongWindow,
            TicketQuick.ShortWindow, TicketQuick.LongWindow, TicketSlow.ShortWindow, TicketSlow.LongWindow,
        }.Distinct().OrderBy(window => window).ToArray();

    /// <summary>The shortest SLO period that has burn-rate alerts: anything longer than the ticket's 3-day window.</summary>
    public static TimeSpan LongestAlertWindow => ThreeDays;

    /// <summary>Whether <see cref="For"/> has conditions for <paramref name="period"/>.</summary>
    public static bool Supports(TimeSpan period) => period > LongestAlertWindow;

    /// <summary>The conditions for an SLO period; throws when the period is not longer than the longest alert window.</summary>
    public static BurnRateWindows For(TimeSpan period)
    {
        if (!Supports(period))
        {
            throw new ArgumentOutOfRangeException(
                nameof(period),
                period,
                "The SLO period must be longer than 3 days, the longest window of the ticket alert.");
        }

        if (period == TimeSpan.FromDays(7))
        {
            return Workbook(period, pageQuickPercent: 8, pageSlowPercent: 12.5, ticketQuickPercent: 20, ticketSlowPercent: 42);
        }

        return Workbook(period, pageQuickPercent: 2, pageSlowPercent: 5, ticketQuickPercent: 10, ticketSlowPercent: 10);
    }

    private static BurnRateWindows Workbook(TimeSpan period, double pageQuickPercent, double pageSlowPercent, double ticketQuickPercent, double ticketSlowPercent) =>
        new(
            period,
            new BurnRateWindow(pageQuickPercent, FiveMinutes, OneHour),
            new BurnRateWindow(pageSlowPercent, ThirtyMinutes, SixHours),
            new BurnRateWindow(ticketQuickPercent, TwoHours, OneDay),
            new BurnRateWindow(ticketSlowPercent, SixHours, ThreeDays));
}
