using System;
using Guardrails.Slo.Prometheus;

namespace Guardrails.Slo.Tests.Prometheus;

public sealed class NumberAndDurationFormatTests
{
    [TestCase(0.999, "0.999")]
    [TestCase(99.9 / 100, "0.9990000000000001")]
    [TestCase((100 - 99.9) / 100, "0.0009999999999999432")]
    [TestCase(0.0001, "0.0001")]
    [TestCase(0.00001, "1e-05")]
    [TestCase(14.4, "14.4")]
    [TestCase(30.0, "30")]
    [TestCase(100000.0, "100000")]
    [TestCase(1000000.0, "1e+06")]
    [TestCase(123456789.0, "1.23456789e+08")]
    [TestCase(0.0, "0")]
    public void Numbers_are_printed_as_gos_percent_g(double value, string expected)
    {
        Assert.That(GoFloatFormat.General(value), Is.EqualTo(expected));
    }

    [TestCase(99.9, "99.9")]
    [TestCase(95.0, "95")]
    [TestCase(99.999, "99.999")]
    [TestCase(1e-05, "0.00001")]
    public void Fixed_notation_matches_gos_format_float_f(double value, string expected)
    {
        Assert.That(GoFloatFormat.Fixed(value), Is.EqualTo(expected));
    }

    [TestCase(0.999, 99.9, 0.0009999999999999432)]
    [TestCase(0.95, 95, 0.05)]
    [TestCase(0.99, 99, 0.01)]
    public void Objective_arithmetic_is_done_on_the_percentage_as_sloth_does(double ratio, double percent, double errorBudget)
    {
        var objective = new SlothObjective(ratio);

        Assert.Multiple(() =>
        {
            Assert.That(objective.Percent, Is.EqualTo(percent));
            Assert.That(objective.ErrorBudgetRatio, Is.EqualTo(errorBudget));
        });
    }

    [TestCase(0, 5, 0, "5m")]
    [TestCase(0, 90, 0, "1h30m")]
    [TestCase(1, 0, 0, "1d")]
    [TestCase(7, 0, 0, "1w")]
    [TestCase(28, 0, 0, "4w")]
    [TestCase(30, 0, 0, "30d")]
    [TestCase(90, 0, 0, "90d")]
    [TestCase(365, 0, 0, "1y")]
    [TestCase(0, 0, 30, "30s")]
    public void Durations_are_written_as_prometheus_writes_them(int days, int minutes, int seconds, string expected)
    {
        var duration = TimeSpan.FromDays(days) + TimeSpan.FromMinutes(minutes) + TimeSpan.FromSeconds(seconds);

        Assert.That(PrometheusDuration.Format(duration), Is.EqualTo(expected));
    }
}
