using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Guardrails.Pipelines.Tests;

/// <summary>One test per item of the security checklist in DESIGN.md, over every emitted file it applies to.</summary>
public sealed partial class SecurityChecklistTests
{
    private static readonly string[] OnlyWorkflowCall = ["workflow_call"];

    private static IEnumerable<TestCaseData> AllFiles => Cases(EmittedTemplates.Files);

    private static IEnumerable<TestCaseData> GitHubFiles => Cases(EmittedTemplates.GitHubFiles);

    private static IEnumerable<TestCaseData> GitHubWorkflows => Cases(EmittedTemplates.GitHubWorkflows);

    private static IEnumerable<TestCaseData> AzureFiles => Cases(EmittedTemplates.AzureFiles);

    /// <summary>
    /// The reviewed exceptions to "no job writes", one entry per job and scope, each explained in docs/templates.md
    /// ("Permissions"). Anything else that writes fails; an entry that no longer matches a job fails too.
    /// </summary>
    private static readonly Dictionary<(string File, string Job), (string Scope, string Access)> ReviewedWriteGrants =
        new Dictionary<(string File, string Job), (string Scope, string Access)>
        {
            // Puts the size label on the pull request; the job checks out nothing (asserted below).
            [(GitHub.GitHubPullRequestWorkflowEmitter.Path, GitHub.GitHubPullRequestWorkflowEmitter.LabelJob)] = ("pull-requests", "write"),
        };

    [TestCaseSource(nameof(GitHubWorkflows))]
    public void Workflow_grants_only_contents_read_at_the_top_and_gives_a_reason_for_every_job_grant(TemplateFile file)
    {
        var root = YamlTree.Load(file.Content);
        var permissions = (YamlMappingNode)root.Get("permissions")!;
        Assert.That(permissions.Children.ToDictionary(pair => pair.Key.ToString(), pair => pair.Value.ToString()), Is.EqualTo(new Dictionary<string, string> { ["contents"] = "read" }));

        var lines = file.Content.Split('\n');
        foreach (var (name, job) in Jobs(root))
        {
            var grant = job.Children.Keys.OfType<YamlScalarNode>().SingleOrDefault(key => key.Value == "permissions");
            Assert.That(grant, Is.Not.Null, $"Job {name} states its permissions.");
            Assert.That(lines[grant!.Start.Line - 2].TrimStart(), Does.StartWith("# "), $"Job {name}: a comment above permissions gives the reason.");
            var scopes = ((YamlMappingNode)job.Get("permissions")!).Children.ToDictionary(pair => pair.Key.ToString(), pair => pair.Value.ToString());
            if (ReviewedWriteGrants.TryGetValue((file.RelativePath, name), out var reviewed))
            {
                Assert.That(scopes, Is.EqualTo(new Dictionary<string, string> { [reviewed.Scope] = reviewed.Access }), $"Job {name} grants exactly its reviewed scope.");
                var steps = ((YamlSequenceNode)job.Get("steps")!).Children.Cast<YamlMappingNode>().ToList();
                Assert.That(steps.Select(step => step.Text("uses")), Is.All.Null, $"Job {name} writes, so it checks out nothing and runs no action.");
            }
            else
            {
                Assert.That(scopes.Values, Is.All.EqualTo("read"), $"Job {name} grants no write scope.");
            }
        }
    }

    [Test]
    public void Every_reviewed_write_grant_is_a_job_the_templates_emit()
    {
        foreach (var ((path, job), _) in ReviewedWriteGrants)
        {
            var file = EmittedTemplates.Files.SingleOrDefault(file => file.RelativePath == path);
            Assert.That(file, Is.Not.Null, path);
            Assert.That(Jobs(YamlTree.Load(file!.Content)).Select(pair => pair.Name), Does.Contain(job), path);
        }
    }

    [TestCaseSource(nameof(GitHubWorkflows))]
    public void Secrets_are_declared_one_by_one_and_never_inherited(TemplateFile file)
    {
        var call = (YamlMappingNode)((YamlMappingNode)YamlTree.Load(file.Content).Get("on")!).Get("workflow_call")!;
        var declared = (call.Get("secrets") as YamlMappingNode)?.Children.Keys.Select(key => key.ToString()).ToHashSet() ?? [];
        var used = SecretReference().Matches(file.Content).Select(match => match.Groups["name"].Value).ToHashSet();

        Assert.That(file.Content, Does.Not.Contain("inherit"));
        Assert.That(used, Is.SubsetOf(declared), "Every secret the workflow reads is declared in workflow_call.secrets.");
        Assert.That(used, Is.EquivalentTo(declared), "Every declared secret is read: none is asked for without a use.");
    }

    [TestCaseSource(nameof(GitHubFiles))]
    public void Every_uses_is_pinned_to_a_full_commit_sha_with_its_release_in_a_comment(TemplateFile file)
    {
        var uses = file.Content.Split('\n').Where(line => UsesLine().IsMatch(line)).ToList();
        Assert.That(uses, Is.Not.Empty);
        foreach (var line in uses)
        {
            var target = UsesLine().Match(line).Groups["target"].Value;
            if (target.StartsWith("./", StringComparison.Ordinal))
            {
                continue;
            }

            Assert.That(line, Does.Match(PinnedUses()), "uses: owner/repo@<40 hex> # vX.Y.Z");
        }
    }

    [TestCaseSource(nameof(AllFiles))]
    public void No_expression_is_spliced_into_a_script_body(TemplateFile file)
    {
        var scripts = YamlTree.Scripts(file.Content).ToList();
        Assert.That(scripts, Is.Not.Empty);
        foreach (var (key, body, line) in scripts)
        {
            Assert.That(body, Does.Not.Contain("${{"), $"{file.RelativePath}({line}): {key}: passes values through env: instead.");
        }
    }

    [TestCaseSource(nameof(AllFiles))]
    public void Every_checkout_leaves_no_credentials_behind(TemplateFile file)
    {
        var mappings = YamlTree.AllMappings(YamlTree.Load(file.Content)).ToList();
        foreach (var step in mappings.Where(step => step.Text("uses")?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true))
        {
            Assert.That(((YamlMappingNode)step.Get("with")!).Text("persist-credentials"), Is.EqualTo("false"));
        }

        foreach (var step in mappings.Where(step => step.Get("checkout") is not null))
        {
            Assert.That(step.Text("persistCredentials"), Is.EqualTo("false"));
        }
    }

    [TestCaseSource(nameof(AllFiles))]
    public void No_file_uses_a_trigger_that_runs_untrusted_code_with_secrets(TemplateFile file)
    {
        Assert.That(file.Content, Does.Not.Contain("pull_request_target").And.Not.Contain("workflow_run"));
        if (file.RelativePath.StartsWith(".github/workflows/", StringComparison.Ordinal))
        {
            var triggers = (YamlMappingNode)YamlTree.Load(file.Content).Get("on")!;
            Assert.That(triggers.Children.Keys.Select(key => key.ToString()), Is.EqualTo(OnlyWorkflowCall));
        }
    }

    [TestCaseSource(nameof(AllFiles))]
    public void Every_job_has_a_time_limit(TemplateFile file)
    {
        var root = YamlTree.Load(file.Content);
        foreach (var (name, job) in Jobs(root))
        {
            Assert.That(job.Get("timeout-minutes"), Is.Not.Null, $"GitHub job {name}");
        }

        foreach (var job in YamlTree.AllMappings(root).Where(mapping => mapping.Get("job") is not null || mapping.Get("deployment") is not null))
        {
            Assert.That(job.Get("timeoutInMinutes"), Is.Not.Null, $"Azure job {job.Text("job") ?? job.Text("deployment")}");
        }
    }

    [TestCaseSource(nameof(AllFiles))]
    public void Every_deploy_job_takes_a_lock_and_never_cancels_a_deployment_in_progress(TemplateFile file)
    {
        var root = YamlTree.Load(file.Content);
        foreach (var (name, job) in Jobs(root).Where(pair => pair.Job.Get("environment") is not null))
        {
            var concurrency = job.Get("concurrency") as YamlMappingNode;
            Assert.That(concurrency, Is.Not.Null, $"Deploy job {name} has concurrency.");
            Assert.That(concurrency!.Text("cancel-in-progress"), Is.EqualTo("false"));
            Assert.That(concurrency.Text("group"), Does.Contain("${{ inputs.service }}").And.Contain("${{ inputs.environment }}"));
        }

        foreach (var stage in YamlTree.AllMappings(root).Where(mapping => mapping.Get("stage") is not null))
        {
            Assert.That(stage.Text("lockBehavior"), Is.EqualTo("sequential"), "An Azure canary stage holds the environment's lock.");
        }
    }

    [TestCaseSource(nameof(AzureFiles))]
    public void Azure_tasks_are_pinned_to_a_major_version_and_scripts_read_parameters_from_env(TemplateFile file)
    {
        var tasks = YamlTree.AllMappings(YamlTree.Load(file.Content)).Where(step => step.Get("task") is not null).ToList();
        Assert.That(tasks, Is.Not.Empty);
        foreach (var task in tasks)
        {
            Assert.That(task.Text("task"), Does.Match(@"^[A-Za-z]+@[0-9]+$"));
            var inputs = task.Get("inputs") as YamlMappingNode;
            if (inputs?.Get("script") is not null || inputs?.Get("inlineScript") is not null)
            {
                Assert.That(task.Get("env"), Is.InstanceOf<YamlMappingNode>(), $"{task.Text("displayName")} passes its values through env.");
            }
        }
    }

    [TestCaseSource(nameof(AllFiles))]
    public void Every_file_says_it_is_generated_and_carries_its_version(TemplateFile file)
    {
        var header = file.Content.Split('\n').Take(3).ToArray();
        Assert.That(header[0], Does.StartWith("# Generated by Guardrails " + EmittedTemplates.Version).And.Contain("Do not edit"));
        Assert.That(header[1], Is.EqualTo("# " + GeneratedFileHeader.VersionMarker + EmittedTemplates.Version));
    }

    private static IEnumerable<(string Name, YamlMappingNode Job)> Jobs(YamlMappingNode root) =>
        root.Get("jobs") is YamlMappingNode jobs
            ? jobs.Children.Select(pair => (pair.Key.ToString(), (YamlMappingNode)pair.Value))
            : [];

    private static IEnumerable<TestCaseData> Cases(IEnumerable<TemplateFile> files) =>
        files.Select(file => new TestCaseData(file).SetArgDisplayNames(file.RelativePath));

    [GeneratedRegex(@"\$\{\{ secrets\.(?<name>[A-Za-z0-9_]+) \}\}")]
    private static partial Regex SecretReference();

    [GeneratedRegex(@"^\s*(-\s+)?uses:\s+(?<target>\S+)")]
    private static partial Regex UsesLine();

    [GeneratedRegex(@"uses:\s+[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+$")]
    private static partial Regex PinnedUses();
}
