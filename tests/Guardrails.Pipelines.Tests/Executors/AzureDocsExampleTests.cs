using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Guardrails.Pipelines.Tests.Executors;

/// <summary>
/// The Azure Pipelines example of docs/templates.md run through the executor. The executor refuses the example
/// as a whole (its Build stage's DotNetCoreCLI@2 has no local equivalent), so the scenario runs the stage
/// template as the example uses it: from the templates repository resource at the example's ref (tagged on this
/// release in the local templates repository), with the example's parameters as written, read from the docs at
/// test time, except for the ones <see cref="LocalOverrides"/> lists, each with the reason. The
/// azure-app-service adapter's real az commands run (in AzureCLI@2) against StandIns/az, whose traffic routing
/// moves the live metrics; the packed Guardrails.Cli runs the gate against a real Prometheus.
/// </summary>
[NonParallelizable]
public sealed class AzureDocsExampleTests
{
    private const string Canary = "GuardrailsCanary";

    [Test]
    public void The_example_releases_a_healthy_canary_through_its_az_commands_and_promotes_it()
    {
        var example = AzureDocsExample.Read();
        using var release = new CanaryRelease(_ => 0.0005, service: example.Service);
        var az = new StandInTool("az", release.Root, release.TrafficFile, release.VersionFile);

        var outcome = Run(example, release, az);

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Log);
        var app = new AppServiceCalls(example);
        string[] expected = [.. app.Deploy, .. example.TrafficSteps.Select(app.Route), .. app.Promote];
        Assert.Multiple(() =>
        {
            Assert.That(az.Calls, Is.EqualTo(expected), outcome.Log);
            Assert.That(outcome.JobResult(Canary), Is.EqualTo("succeeded"));
            Assert.That(outcome.PipelineResult, Is.EqualTo("succeeded"));
        });
    }

    [Test]
    public void The_example_rolls_back_a_canary_burning_at_its_second_step_and_never_promotes_it()
    {
        var example = AzureDocsExample.Read();
        var steps = example.TrafficSteps;
        Assert.That(steps, Has.Count.GreaterThanOrEqualTo(2), "the example's traffic steps");
        using var release = new CanaryRelease(percent => percent >= steps[1] ? 0.2 : 0.0005, service: example.Service);
        var az = new StandInTool("az", release.Root, release.TrafficFile, release.VersionFile);

        var outcome = Run(example, release, az);

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Log);
        var app = new AppServiceCalls(example);
        string[] expected = [.. app.Deploy, app.Route(steps[0]), app.Route(steps[1]), .. app.Rollback];
        Assert.Multiple(() =>
        {
            Assert.That(az.Calls, Is.EqualTo(expected), outcome.Log);
            Assert.That(outcome.JobResult(Canary), Is.EqualTo("failed"));
            Assert.That(File.ReadAllText(release.TrafficFile).Trim(), Is.EqualTo("0"), "the rollback clears the traffic routing");
        });
    }

    /// <summary>
    /// The parameters a run on this machine must change, and why; every other parameter is the example's.
    /// The stage template itself is this release's, which the local templates repository also tags with the
    /// example's ref, instead of the release on GitHub.
    /// </summary>
    private static Dictionary<string, object> LocalOverrides(CanaryRelease release) => new(StringComparer.Ordinal)
    {
        // The example's https://prometheus.example.com does not exist; the test's Prometheus scrapes the live metrics.
        ["prometheusUrl"] = release.PrometheusAddress.ToString(),

        // The example bakes 5 minutes per step and the gate's defaults read 10 times, 30 s apart, over a 5-minute
        // window: over 40 minutes for four steps. Shortened to no bake and three reads 2 s apart over 10 s.
        ["bakeMinutes"] = 0,
        ["window"] = "10s",
        ["interval"] = "2s",
        ["samples"] = 3,

        // The CLI packed from this commit, which the gate step installs from the caller's nuget.config (the
        // package source), not a release from nuget.org.
        ["guardrailsVersion"] = release.Feed.Version,
    };

    private static PipelineOutcome Run(AzureDocsExample example, CanaryRelease release, StandInTool az)
    {
        release.TagTemplates(example.Tag);
        return release.RunAzure(example.With(LocalOverrides(release)), release.TemplatesDirectory, example.Reference, environment: az.Environment);
    }

    /// <summary>The az calls the azure-app-service adapter makes for the example's resource group, web app, slot and package.</summary>
    private sealed class AppServiceCalls(AzureDocsExample example)
    {
        private string App => $"--resource-group {example.Value("azureResourceGroup")} --name {example.Value("azureWebapp")}";

        private string Slot => example.Value("azureSlot");

        private string Clear => $"webapp traffic-routing clear {App} --output none";

        public string[] Deploy =>
        [
            Clear,
            $"webapp deploy {App} --slot {Slot} --src-path {example.Value("package")} --type zip --output none",
        ];

        public string[] Promote =>
        [
            $"webapp deployment slot swap {App} --slot {Slot} --target-slot production --output none",
            Clear,
        ];

        public string[] Rollback => [Clear];

        public string Route(int percent) => $"webapp traffic-routing set {App} --distribution {Slot}={percent} --output none";
    }
}
