using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Guardrails.Gate.Tests.Integration;

/// <summary>
/// The known data the integration tests backfill into Prometheus: an hour of <c>http_requests_total</c>
/// counters, one sample every 5 s, for several services whose canaries behave differently. Rates are
/// exact, so each read's burn rate is known in advance.
/// </summary>
internal sealed class CanaryTimeline
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan Length = TimeSpan.FromHours(1);

    public CanaryTimeline(DateTimeOffset end)
    {
        End = DateTimeOffset.FromUnixTimeSeconds(end.ToUnixTimeSeconds() / 5 * 5);
        Start = End - Length;
        BurstStart = End - TimeSpan.FromMinutes(30);
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    /// <summary>When the "burst" canary starts failing 20 % of its requests.</summary>
    public DateTimeOffset BurstStart { get; }

    /// <summary>The series: service, track, code, and the request rate at an instant.</summary>
    private IEnumerable<(string Service, string Track, string Code, Func<DateTimeOffset, double> Rate)> Series()
    {
        foreach (var service in new[] { "healthy", "burst", "slowburn", "nocanary", "lowtraffic", "flawless" })
        {
            yield return (service, "stable", "200", _ => 99.99);
            yield return (service, "stable", "500", _ => 0.01);
        }

        // 10 req/s at 0.05 % errors: burn rate 0.5 against 99.9 %.
        yield return ("healthy", "canary", "200", _ => 9.995);
        yield return ("healthy", "canary", "500", _ => 0.005);

        // Healthy until BurstStart, then 20 % errors: burn rate 200.
        yield return ("burst", "canary", "200", at => at < BurstStart ? 9.995 : 8);
        yield return ("burst", "canary", "500", at => at < BurstStart ? 0.005 : 2);

        // 0.5 % errors: burn rate 5, spending the budget six times too fast but under the 14.4 page threshold.
        yield return ("slowburn", "canary", "200", _ => 9.95);
        yield return ("slowburn", "canary", "500", _ => 0.05);

        // A canary that serves almost nothing: 0.2 req/s, under a 1 req/s floor.
        yield return ("lowtraffic", "canary", "200", _ => 0.2);

        // A canary without a single error series: no 5xx series exists at all.
        yield return ("flawless", "canary", "200", _ => 10);
    }

    public string ToOpenMetrics()
    {
        var text = new StringBuilder();
        text.Append("# HELP http_requests Requests served.\n# TYPE http_requests counter\n");
        foreach (var (service, track, code, rate) in Series())
        {
            var total = 0.0;
            for (var at = Start; at <= End; at += Step)
            {
                text.Append(CultureInfo.InvariantCulture, $"http_requests_total{{service=\"{service}\",track=\"{track}\",code=\"{code}\"}} {total:0.###} {at.ToUnixTimeSeconds()}\n");
                total += rate(at) * Step.TotalSeconds;
            }
        }

        text.Append("# EOF\n");
        return text.ToString();
    }
}
