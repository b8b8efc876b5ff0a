using System.Collections.Generic;
using System.IO;
using Guardrails.Slo.Prometheus;
using Guardrails.Slo.Prometheus.Rules;
using Guardrails.Testing;

namespace Guardrails.Slo.Tests.Prometheus;

/// <summary>
/// The expected rule files, kept in the repository so a reviewer sees every change to the generated rules.
/// Set GUARDRAILS_UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff.
/// </summary>
internal static class RuleGoldenFiles
{
    public static IEnumerable<TestCaseData> Cases
    {
        get
        {
            yield return new TestCaseData("myservice-30d-events.rules.yml", SampleSlos.ThirtyDayEvents).SetArgDisplayNames("30-day events SLI");
            yield return new TestCaseData("home-wifi-28d-raw.rules.yml", SampleSlos.TwentyEightDayRaw).SetArgDisplayNames("28-day raw SLI");
            yield return new TestCaseData("checkout-7d-events-page-only.rules.yml", SampleSlos.SevenDayEventsPageOnly).SetArgDisplayNames("7-day events SLI, ticket disabled");
        }
    }

    public static string PathOf(string fileName) =>
        RepositoryLayout.PathOf("tests", "Guardrails.Slo.Tests", "Prometheus", "Golden", fileName);

    public static string Generate(PrometheusSlo slo) =>
        PrometheusRuleFileWriter.Write(new PrometheusRuleGenerator(SampleSlos.Generator).Generate(new[] { slo }), SampleSlos.Generator);

    public static bool UpdateRequested => GoldenFileUpdate.Requested;

    public static string Read(string fileName) => File.ReadAllText(PathOf(fileName));
}
