using System;
using System.Linq;
using Guardrails.Slo.Prometheus;

namespace Guardrails.Slo.Tests.Prometheus;

public sealed class BurnRateWindowsTests
{
    private static readonly double[] WorkbookFactors = { 14.4, 6, 3, 1 };
    private static readonly double[] TwentyEightDayFactors = { 13.44, 5.6000000000000005, 2.8000000000000003, 0.9333333333333333 };
    private static readonly double[] SevenDayBudgetShares = { 8, 12.5, 20, 42 };
    private static readonly double[] SevenDayFactors = { 13.44, 3.5, 1.4, 0.98 };
    private static readonly double[] FourteenDayFactors = { 6.72, 2.8, 1.4, 14.0 / 30 };

    private static readonly TimeSpan[] AlertWindows =
    {
        TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2),
        TimeSpan.FromHours(6), TimeSpan.FromDays(1), TimeSpan.FromDays(3),
    };

    [Test]
    public void Thirty_day_period_uses_the_sre_workbook_factors()
    {
        var windows = BurnRateWindows.For(TimeSpan.FromDays(30));

        Assert.Multiple(() =>
        {
            Assert.That(Factors(windows), Is.EqualTo(WorkbookFactors));
            Assert.That(windows.PageQuick, Is.EqualTo(new BurnRateWindow(2, TimeSpan.FromMinutes(5), TimeSpan.FromHours(1))));
            Assert.That(windows.PageSlow, Is.EqualTo(new BurnRateWindow(5, TimeSpan.FromMinutes(30), TimeSpan.FromHours(6))));
            Assert.That(windows.TicketQuick, Is.EqualTo(new BurnRateWindow(10, TimeSpan.FromHours(2), TimeSpan.FromDays(1))));
            Assert.That(windows.TicketSlow, Is.EqualTo(new BurnRateWindow(10, TimeSpan.FromHours(6), TimeSpan.FromDays(3))));
        });
    }

    [Test]
    public void Twenty_eight_day_period_keeps_windows_and_budget_shares_and_scales_the_factors_as_sloth_does()
    {
        var windows = BurnRateWindows.For(TimeSpan.FromDays(28));

        // Sloth's floating-point results, digit for digit (2 * 672 / 100, 5 * 672 / 100 / 6, ...).
        Assert.That(Factors(windows), Is.EqualTo(TwentyEightDayFactors));
    }

    [Test]
    public void Seven_day_period_uses_sloths_seven_day_catalogue()
    {
        var windows = BurnRateWindows.For(TimeSpan.FromDays(7));

        Assert.Multiple(() =>
        {
            Assert.That(
                new[] { windows.PageQuick, windows.PageSlow, windows.TicketQuick, windows.TicketSlow }.Select(window => window.ErrorBudgetPercent),
                Is.EqualTo(SevenDayBudgetShares));
            Assert.That(Factors(windows), Is.EqualTo(SevenDayFactors).Within(1e-12));
        });
    }

    [Test]
    public void Other_periods_scale_the_workbook_budget_shares_with_the_period()
    {
        var windows = BurnRateWindows.For(TimeSpan.FromDays(14));

        Assert.That(Factors(windows), Is.EqualTo(FourteenDayFactors).Within(1e-12));
    }

    [Test]
    public void Distinct_windows_are_the_seven_alert_windows_shortest_first()
    {
        var windows = BurnRateWindows.For(TimeSpan.FromDays(30));

        Assert.That(windows.DistinctWindows, Is.EqualTo(AlertWindows));
    }

    [Test]
    public void A_period_not_longer_than_the_three_day_ticket_window_is_refused()
    {
        Assert.That(
            () => BurnRateWindows.For(TimeSpan.FromDays(3)),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("longer than 3 days"));
    }

    private static double[] Factors(BurnRateWindows windows) =>
        new[] { windows.PageQuick, windows.PageSlow, windows.TicketQuick, windows.TicketSlow }
            .Select(window => window.BurnRateFactor(windows.Period))
            .ToArray();
}
