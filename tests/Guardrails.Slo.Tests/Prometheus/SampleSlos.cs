using System;
using System.Collections.Generic;
using Guardrails.Slo.Prometheus;
using Guardrails.Slo.Prometheus.Rules;

namespace Guardrails.Slo.Tests.Prometheus;

/// <summary>The SLOs the golden files and promtool tests are generated from.</summary>
internal static class SampleSlos
{
    public static RuleGeneratorInfo Generator { get; } = new("0.0.0-test");

    /// <summary>Sloth's getting-started SLO: 99.9 % of requests without 5xx or 429 over 30 days.</summary>
    public static PrometheusSlo ThirtyDayEvents { get; } = new()
    {
        Service = "myservice",
        Name = "requests-availability",
        Objective = 0.999,
        Category = SloCategory.Availability,
        Sli = new SliQuery.Events(
            "sum(rate(http_request_duration_seconds_count{job=\"myservice\",code=~\"(5..|429)\"}[{{.window}}]))",
            "sum(rate(http_request_duration_seconds_count{job=\"myservice\"}[{{.window}}]))"),
        RunbookUrl = "docs/runbooks/myservice-availability.md",
        Labels = new Dictionary<string, string> { ["owner"] = "myteam", ["repo"] = "myorg/myservice", ["tier"] = "2" },
        PageAlert = new BurnRateAlert
        {
            Name = "MyServiceHighErrorRate",
            Severity = "critical",
            Labels = new Dictionary<string, string> { ["category"] = "availability", ["routing_key"] = "myteam" },
            Annotations = new Dictionary<string, string> { ["summary"] = "High error rate on 'myservice' requests responses" },
        },
        TicketAlert = new BurnRateAlert
        {
            Name = "MyServiceHighErrorRate",
            Severity = "warning",
            Labels = new Dictionary<string, string> { ["category"] = "availability", ["slack_channel"] = "#alerts-myteam" },
            Annotations = new Dictionary<string, string> { ["summary"] = "High error rate on 'myservice' requests responses" },
        },
    };

    /// <summary>A raw SLI (the query returns the error ratio itself) over 28 days, alert names derived.</summary>
    public static PrometheusSlo TwentyEightDayRaw { get; } = new()
    {
        Service = "home-wifi",
        Name = "wifi-client-satisfaction",
        Objective = 0.95,
        TimeWindow = TimeSpan.FromDays(28),
        Category = SloCategory.Other,
        Sli = new SliQuery.Raw(
            "1 - (\n  sum(sum_over_time(unifipoller_client_satisfaction_ratio[{{.window}}]))\n  /\n  sum(count_over_time(unifipoller_client_satisfaction_ratio[{{.window}}]))\n)\n"),
        RunbookUrl = "https://runbooks.example.com/home-wifi",
        Labels = new Dictionary<string, string> { ["cluster"] = "valhalla", ["component"] = "ubiquiti" },
    };

    /// <summary>A 7-day latency SLO (Sloth's 7-day window catalogue) whose ticket alert is disabled.</summary>
    public static PrometheusSlo SevenDayEventsPageOnly { get; } = new()
    {
        Service = "checkout",
        Name = "latency",
        Objective = 0.99,
        TimeWindow = TimeSpan.FromDays(7),
        Category = SloCategory.Latency,
        Sli = new SliQuery.Events(
            "sum(rate(http_request_duration_seconds_count{job=\"checkout\"}[{{ .window }}])) - sum(rate(http_request_duration_seconds_bucket{job=\"checkout\",le=\"0.3\"}[{{ .window }}]))",
            "sum(rate(http_request_duration_seconds_count{job=\"checkout\"}[{{ .window }}]))"),
        RunbookUrl = "docs/runbooks/checkout.md#latency",
        TicketAlert = new BurnRateAlert { Disabled = true, Severity = "warning" },
    };

    /// <summary>The SLO the promtool unit tests (PromtoolTests/checkout-availability.test.yml) exercise.</summary>
    public static PrometheusSlo CheckoutAvailability { get; } = new()
    {
        Service = "checkout",
        Name = "requests-availability",
        Objective = 0.999,
        Category = SloCategory.Availability,
        Sli = new SliQuery.Events(
            "sum(rate(checkout_requests_errors_total{job=\"checkout\"}[{{.window}}]))",
            "sum(rate(checkout_requests_total{job=\"checkout\"}[{{.window}}]))"),
        RunbookUrl = "docs/runbooks/checkout.md#availability",
        Labels = new Dictionary<string, string> { ["owner"] = "payments" },
        PageAlert = new BurnRateAlert { Name = "CheckoutAvailabilityPage", Severity = "critical" },
        TicketAlert = new BurnRateAlert { Name = "CheckoutAvailabilityTicket", Severity = "warning" },
    };
}
