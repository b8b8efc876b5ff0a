using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Guardrails.Pipelines.Model;
using Guardrails.Testing;

namespace Guardrails.Pipelines.Tests.Executors;

/// <summary>
/// One canary release of a service ("shop" unless given) run through an executor: the templates of the packed
/// CLI's version in a local templates repository tagged as a release, a caller repository holding the
/// service's SLO file and a nuget.config for the packed CLI, the script adapter whose commands append to
/// <see cref="Calls"/>, and live metrics that follow the traffic percentage written to <see cref="TrafficFile"/>.
/// </summary>
internal sealed class CanaryRelease : IDisposable
{
    public const string TemplatesRepository = "guardrails-dotnet/guardrails-templates";

    private readonly string root;
    private readonly string callsFile;
    private readonly LiveCanaryMetrics metrics;
    private readonly ScrapingPrometheus prometheus;

    /// <summary>The version every release of a test deploys unless the test names another.</summary>
    public const string ReleasedVersion = "2.0.0";

    public CanaryRelease(Func<int, double> errorRatio, double canaryShare = 1, CanaryService? service = null)
        : this((_, percent) => errorRatio(percent), canaryShare, service)
    {
    }

    /// <param name="errorRatio">The canary's share of failed requests for a deployed version at a traffic percentage.</param>
    public CanaryRelease(Func<string, int, double> errorRatio, double canaryShare = 1, CanaryService? service = null)
    {
        ServiceUnderRelease = service ?? CanaryService.Shop;
        // The workflow's record step runs jq; the templates repository is a git repository.
        ExternalTool.Require("jq", "Install Debian's 'jq' package; .ci/run does.");
        ExternalTool.Require("git", "Install git.");
        root = ScratchFolders.Create("guardrails-canary-release-");
        callsFile = Path.Combine(root, "calls.log");
        File.WriteAllText(callsFile, string.Empty);
        TrafficFile = Path.Combine(root, "traffic-percent");
        File.WriteAllText(TrafficFile, "0");
        VersionFile = Path.Combine(root, "deployed-version");
        Feed = CliPackageFeed.Current;
        TemplatesDirectory = PublishTemplates(Path.Combine(root, "templates"), Feed.Version);
        Workspace = WriteCallerRepository(Path.Combine(root, "caller"), Feed, ServiceUnderRelease);
        metrics = new LiveCanaryMetrics(Service, TrafficFile, VersionFile, errorRatio, canaryShare, ServiceUnderRelease.CanaryLabels);
        prometheus = ScrapingPrometheus.Start(metrics.Port);
    }

    public CanaryService ServiceUnderRelease { get; }

    public string Service => ServiceUnderRelease.Name;

    /// <summary>The folder of this release's scratch files (the call log, the traffic file), outside the caller's repository.</summary>
    public string Root => root;

    public Uri PrometheusAddress => prometheus.Address;

    public CliPackageFeed Feed { get; }

    public string TemplatesDirectory { get; }

    public string Workspace { get; }

    public string TrafficFile { get; }

    /// <summary>The version the deploy command last deployed (it writes GUARDRAILS_SERVICE_VERSION here).</summary>
    public string VersionFile { get; }

    public string Workflow => Path.Combine(TemplatesDirectory, ".github", "workflows", "guardrails-canary.yml");

    /// <summary>The file the script adapter's commands append their calls to.</summary>
    public string CallsFile => callsFile;

    /// <summary>Every adapter call so far, in order: "deploy", "route 25", "promote", "rollback".</summary>
    public IReadOnlyList<string> Calls => File.ReadAllLines(callsFile).Where(line => line.Length > 0).ToList();

    /// <summary>The calls joined with " | ", so a failed assertion shows the whole sequence.</summary>
    public string CallSequence => string.Join(" | ", Calls);

    /// <summary>The script adapter's commands, the same for both CI systems: each appends its call to <see cref="Calls"/>.</summary>
    /// <remarks>The deploy also writes the version it deploys (GUARDRAILS_SERVICE_VERSION) to <see cref="VersionFile"/>, which labels the canary's series.</remarks>
    public string DeployCommand => $"echo deploy >> {callsFile} && echo \"$GUARDRAILS_SERVICE_VERSION\" > {VersionFile}";

    public string RouteCommand => $"echo \"route $GUARDRAILS_TRAFFIC_PERCENT\" >> {callsFile} && echo \"$GUARDRAILS_TRAFFIC_PERCENT\" > {TrafficFile}";

    public string PromoteCommand => $"echo promote >> {callsFile}";

    public string RollbackCommand => $"echo rollback >> {callsFile} && echo 0 > {TrafficFile}";

    /// <summary>A deploy command that records its call, then fails.</summary>
    public string FailingDeployCommand => $"echo deploy >> {callsFile} && exit 1";

    /// <summary>
    /// The inputs of a short canary of <paramref name="version"/>: no bake, the gate's default warm-up of one window,
    /// then three reads two seconds apart over a ten-second window. The templates are a development build, so the
    /// CLI version and the templates ref are given, as docs/templates.md says.
    /// </summary>
    public Dictionary<string, object> Inputs(string trafficSteps, string deployCommand = "", string version = ReleasedVersion) => new()
    {
        ["service"] = Service,
        ["service-version"] = version,
        ["environment"] = "staging",
        ["adapter"] = "script",
        ["traffic-steps"] = trafficSteps,
        ["bake-minutes"] = 0,
        ["slo-file"] = ServiceUnderRelease.SloFile,
        ["slo-name"] = ServiceUnderRelease.SloName,
        ["prometheus-url"] = prometheus.Address.ToString(),
        ["selector"] = "track=\"canary\"",
        ["window"] = "10s",
        ["interval"] = "2s",
        ["samples"] = 3,
        ["failure-limit"] = 0,
        ["guardrails-version"] = Feed.Version,
        ["templates-ref"] = "v" + Feed.Version,
        ["deploy-command"] = deployCommand.Length > 0 ? deployCommand : DeployCommand,
        ["route-command"] = RouteCommand,
        ["promote-command"] = PromoteCommand,
        ["rollback-command"] = RollbackCommand,
    };

    /// <summary>The Azure stage template's parameters for the same short canary as <see cref="Inputs"/>.</summary>
    public Dictionary<string, object> AzureParameters(int[] trafficSteps, string deployCommand = "", string version = ReleasedVersion) => new()
    {
        ["service"] = Service,
        ["serviceVersion"] = version,
        ["environment"] = "staging",
        ["adapter"] = "script",
        ["trafficSteps"] = trafficSteps,
        ["bakeMinutes"] = 0,
        ["sloFile"] = "slo/shop.yaml",
        ["sloName"] = "availability",
        ["prometheusUrl"] = prometheus.Address.ToString(),
        ["selector"] = "track=\"canary\"",
        ["window"] = "10s",
        ["interval"] = "2s",
        ["samples"] = 3,
        ["failureLimit"] = 0,
        ["guardrailsVersion"] = Feed.Version,
        ["deployCommand"] = deployCommand.Length > 0 ? deployCommand : DeployCommand,
        ["routeCommand"] = RouteCommand,
        ["promoteCommand"] = PromoteCommand,
        ["rollbackCommand"] = RollbackCommand,
    };

    public WorkflowOutcome RunGitHub(Dictionary<string, object> inputs, string? cancelDuring = null, IReadOnlyDictionary<string, string>? secrets = null) =>
        GitHubExecutor.Run(Workflow, Workspace, inputs, new Dictionary<string, string> { [TemplatesRepository] = TemplatesDirectory }, cancelDuring, secrets);

    /// <summary>
    /// Runs the job <paramref name="job"/> of the caller's workflow <paramref name="callerWorkflow"/> (a path in
    /// <see cref="Workspace"/>), which calls this release's reusable workflow by <paramref name="reference"/>: the
    /// templates repository gets that tag on this release's commit too, so the caller's <c>uses:</c> resolves as written.
    /// </summary>
    public WorkflowOutcome RunGitHubCaller(
        string callerWorkflow,
        string job,
        string reference,
        IReadOnlyDictionary<string, object> withOverrides,
        IReadOnlyDictionary<string, string> secrets,
        IReadOnlyDictionary<string, string?> environment)
    {
        TagTemplates(reference);
        return GitHubExecutor.RunCallerJob(
            Path.Combine(Workspace, callerWorkflow),
            job,
            withOverrides,
            Workspace,
            new Dictionary<string, string> { [TemplatesRepository] = TemplatesDirectory },
            secrets,
            environment);
    }

    /// <summary>Runs a workflow imported from elsewhere, with its gate action checked out of <paramref name="templatesGitDirectory"/>.</summary>
    public WorkflowOutcome RunGitHub(Dictionary<string, object> inputs, string workflow, string templatesGitDirectory) =>
        GitHubExecutor.Run(workflow, Workspace, inputs, new Dictionary<string, string> { [TemplatesRepository] = templatesGitDirectory });

    /// <summary>Runs the Azure stage template from this release's tag, as a caller's pipeline references it.</summary>
    public PipelineOutcome RunAzure(Dictionary<string, object> parameters, string? cancelDuring = null) =>
        RunAzure(parameters, TemplatesDirectory, "refs/tags/v" + Feed.Version, cancelDuring);

    /// <summary>Runs the Azure stage template from <paramref name="templatesGitDirectory"/> at <paramref name="reference"/>.</summary>
    public PipelineOutcome RunAzure(
        Dictionary<string, object> parameters,
        string templatesGitDirectory,
        string reference,
        string? cancelDuring = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var pipeline = AzureExecutor.WritePipeline(Workspace, TemplatesRepository, reference, parameters);
        return AzureExecutor.Run(pipeline, Workspace, new Dictionary<string, string> { [TemplatesRepository] = templatesGitDirectory }, cancelDuring, environment);
    }

    /// <summary>Tags this release's commit of the templates repository as <paramref name="tag"/> too: the ref a caller's example names.</summary>
    public void TagTemplates(string tag) => Git(TemplatesDirectory, "tag", "--force", tag);

    public void Dispose()
    {
        prometheus.Dispose();
        metrics.Dispose();
    }

    /// <summary>The templates of this version, committed and tagged v{version} as a release of the templates repository.</summary>
    private static string PublishTemplates(string directory, string version)
    {
        var generation = PipelineTemplateGenerator.Generate(new CanaryPipeline { Version = version, TemplatesRepository = TemplatesRepository }, "tests");
        Assert.That(generation.Findings, Is.Empty);
        TemplateFileWriter.Write(generation.Files, directory);
        Git(directory, "init", "--quiet", "--initial-branch=main");
        Git(directory, "add", "--all");
        Git(directory, "-c", "user.name=Guardrails tests", "-c", "user.email=tests@guardrails.invalid", "commit", "--quiet", "--message", "Release " + version);
        Git(directory, "tag", "v" + version);
        return directory;
    }

    private static string WriteCallerRepository(string directory, CliPackageFeed feed, CanaryService service)
    {
        var sloFile = Path.Combine(directory, service.SloFile);
        Directory.CreateDirectory(Path.GetDirectoryName(sloFile)!);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), feed.NuGetConfig());
        File.WriteAllText(sloFile, service.SloFileContent);
        return directory;
    }

    private static void Git(string directory, params string[] arguments)
    {
        var outcome = ProcessRunner.Run("git", arguments, directory, TimeSpan.FromMinutes(1));
        Assert.That(outcome.ExitCode, Is.Zero, $"git {string.Join(' ', arguments)}: {outcome.Output}");
    }
}
