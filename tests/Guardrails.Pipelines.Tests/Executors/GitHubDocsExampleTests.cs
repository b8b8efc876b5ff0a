using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Guardrails.Pipelines.Tests.Executors;

/// <summary>
/// The GitHub Actions example of docs/templates.md run through the executor. The example, read from the docs
/// at test time, is the caller repository's .github/workflows/release.yml; the executor runs its canary job as
/// GitHub does: the reusable workflow at the job's <c>uses:</c> ref (tagged on this release in the local
/// templates repository), its <c>with:</c> and <c>secrets:</c> evaluated in the caller, except for the inputs
/// <see cref="LocalOverrides"/> lists, each with the reason. Its build and report jobs do not run. The nginx
/// adapter runs its real kubectl commands against StandIns/kubectl, whose canary weight moves the live metrics;
/// the packed Guardrails.Cli runs the gate against a real Prometheus.
/// </summary>
[NonParallelizable]
public sealed class GitHubDocsExampleTests
{
    /// <summary>Where the docs tell users to copy the example.</summary>
    private const string CallerWorkflow = ".github/workflows/release.yml";

    /// <summary>
    /// The caller repository's secrets. KUBECONFIG reaches kubectl through the workflow's "Configure kubectl"
    /// step (the stand-in fails without it); PROMETHEUS_TOKEN is not set, as for a Prometheus without
    /// authentication, so GitHub passes it on empty.
    /// </summary>
    private static readonly Dictionary<string, string> CallerSecrets = new(StringComparer.Ordinal)
    {
        ["KUBECONFIG"] = """
            apiVersion: v1
            kind: Config
            clusters: [{ name: local, cluster: { server: "https://127.0.0.1:6443" } }]
            """,
    };

    [Test]
    public void The_example_releases_a_healthy_canary_through_its_kubectl_commands_and_promotes_it()
    {
        var example = GitHubDocsExample.Read();
        using var release = new CanaryRelease(_ => 0.0005, service: example.Service);
        var kubectl = PrepareCaller(example, release);

        var outcome = Run(example, release, kubectl);

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Log);
        var cluster = new NginxCalls(example);
        string[] expected = [.. cluster.Deploy, .. example.TrafficSteps.Select(cluster.Route), .. cluster.Promote];
        Assert.Multiple(() =>
        {
            Assert.That(kubectl.Calls, Is.EqualTo(expected), outcome.Log);
            Assert.That(outcome.CallerJobResult, Is.EqualTo("success"));
            Assert.That(outcome.LegResults("traffic"), Is.All.EqualTo("success"));
            Assert.That(outcome.JobResult("promote"), Is.EqualTo("success"));
            Assert.That(outcome.JobResult("rollback"), Is.EqualTo("skipped"));
            Assert.That(outcome.Output("result"), Is.EqualTo("promoted"));
        });
    }

    [Test]
    public void The_example_rolls_back_a_canary_burning_at_its_second_step_and_never_promotes_it()
    {
        var example = GitHubDocsExample.Read();
        var steps = example.TrafficSteps;
        Assert.That(steps, Has.Count.GreaterThanOrEqualTo(2), "the example's traffic steps");
        using var release = new CanaryRelease(percent => percent >= steps[1] ? 0.2 : 0.0005, service: example.Service);
        var kubectl = PrepareCaller(example, release);

        var outcome = Run(example, release, kubectl);

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Log);
        var cluster = new NginxCalls(example);
        string[] expected = [.. cluster.Deploy, cluster.Route(steps[0]), cluster.Route(steps[1]), .. cluster.Rollback];
        Assert.Multiple(() =>
        {
            Assert.That(kubectl.Calls, Is.EqualTo(expected), outcome.Log);
            Assert.That(outcome.CallerJobResult, Is.EqualTo("failure"));
            Assert.That(string.Join(" | ", outcome.LegResults("traffic").Take(2)), Is.EqualTo("success | failure"));
            Assert.That(outcome.JobResult("promote"), Is.EqualTo("skipped"));
            Assert.That(outcome.JobResult("rollback"), Is.EqualTo("success"));
            Assert.That(outcome.Output("result"), Is.EqualTo("rolled-back"));
            Assert.That(File.ReadAllText(release.TrafficFile).Trim(), Is.EqualTo("0"), "the rollback sets the canary weight back to 0");
        });
    }

    /// <summary>
    /// The inputs a run on this machine must change, and why; every other input is the example's with: value.
    /// The reusable workflow itself is this release's templates, which the local templates repository also
    /// tags with the example's ref (<c>@v1.0.0</c>), instead of the release on GitHub.
    /// </summary>
    private static Dictionary<string, object> LocalOverrides(GitHubDocsExample example, CanaryRelease release) => new(StringComparer.Ordinal)
    {
        // The example's https://prometheus.example.com does not exist; the test's Prometheus scrapes the live metrics.
        ["prometheus-url"] = release.PrometheusAddress.ToString(),

        // The example bakes 5 minutes per step and the gate's defaults read 10 times, 30 s apart, over a 5-minute
        // window: over 40 minutes for four steps. Shortened to no bake and three reads 2 s apart over 10 s.
        ["bake-minutes"] = 0,
        ["window"] = "10s",
        ["interval"] = "2s",
        ["samples"] = 3,

        // The CLI packed from this commit, which the gate action installs from the caller's nuget.config
        // (the package source), not a release from nuget.org.
        ["guardrails-version"] = release.Feed.Version,

        // The gate action is checked out at the ref the example calls the workflow at, which the local templates
        // repository carries, so both come from one commit: a development build's templates have no release tag
        // of their own to default to.
        ["templates-ref"] = example.Reference,

        // The example's kill switch turns flags off in https://unleash.example.com on rollback, which does not
        // exist here; no kill switch in this scenario (GitHubKillSwitchScenarioTests runs one against a real
        // Unleash), so its KILL_SWITCH_TOKEN secret is not needed either.
        ["kill-switch-flags"] = string.Empty,
    };

    private static WorkflowOutcome Run(GitHubDocsExample example, CanaryRelease release, StandInTool kubectl) =>
        release.RunGitHubCaller(CallerWorkflow, example.JobId, example.Reference, LocalOverrides(example, release), CallerSecrets, kubectl.Environment);

    /// <summary>
    /// The caller repository the example expects besides the SLO file (which <see cref="CanaryRelease"/> writes):
    /// the example itself as its workflow, the canary manifests, holding the canary Ingress the adapter
    /// annotates, and the stable manifests.
    /// </summary>
    private static StandInTool PrepareCaller(GitHubDocsExample example, CanaryRelease release)
    {
        var workflow = Path.Combine(release.Workspace, CallerWorkflow);
        Directory.CreateDirectory(Path.GetDirectoryName(workflow)!);
        File.WriteAllText(workflow, example.Text);
        var service = example.Value("service");
        var kubernetesNamespace = example.Value("kubernetes-namespace");
        WriteManifest(release.Workspace, example.Value("canary-manifests"), $$"""
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: {{example.Value("canary-ingress")}}
              namespace: {{kubernetesNamespace}}
              annotations:
                nginx.ingress.kubernetes.io/canary: "true"
                nginx.ingress.kubernetes.io/canary-weight: "0"
            spec:
              ingressClassName: nginx
              rules:
                - http:
                    paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service:
                            name: {{service}}-canary
                            port:
                              number: 80
            """);
        WriteManifest(release.Workspace, example.Value("stable-manifests"), $$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{service}}
              namespace: {{kubernetesNamespace}}
            spec:
              selector:
                matchLabels:
                  app: {{service}}
              template:
                metadata:
                  labels:
                    app: {{service}}
                    track: stable
                spec:
                  containers:
                    - name: {{service}}
                      image: registry.example.com/{{service}}:1.0.0
            """);
        return new StandInTool("kubectl", release.Root, release.TrafficFile, release.VersionFile);
    }

    /// <summary>Writes a manifest at <paramref name="path"/>: the file itself, or manifest.yaml in that folder.</summary>
    private static void WriteManifest(string repository, string path, string manifest)
    {
        var file = Path.Combine(repository, path);
        if (!(file.EndsWith(".yaml", StringComparison.Ordinal) || file.EndsWith(".yml", StringComparison.Ordinal)))
        {
            file = Path.Combine(file, "manifest.yaml");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, manifest);
    }

    /// <summary>The kubectl calls the nginx adapter makes for the example's namespace, Ingress and manifests.</summary>
    private sealed class NginxCalls(GitHubDocsExample example)
    {
        private const string Weight = "nginx.ingress.kubernetes.io/canary-weight";

        private string Namespace => example.Value("kubernetes-namespace");

        private string Ingress => $"ingress {example.Value("canary-ingress")} --namespace {Namespace}";

        public string[] Deploy =>
        [
            $"apply --namespace {Namespace} --filename {example.Value("canary-manifests")}",
            $"annotate {Ingress} --overwrite nginx.ingress.kubernetes.io/canary=true {Weight}=0",
        ];

        public string[] Promote =>
        [
            $"apply --namespace {Namespace} --filename {example.Value("stable-manifests")}",
            $"annotate {Ingress} --overwrite {Weight}=0",
        ];

        public string[] Rollback =>
        [
            $"get {Ingress} --ignore-not-found --output name",
            $"annotate {Ingress} --overwrite {Weight}=0",
        ];

        public string Route(int percent) => $"annotate {Ingress} --overwrite {Weight}={percent}";
    }
}
