using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Guardrails.Diagnostics;
using Guardrails.Slo.Projects;
using Guardrails.Slo.Prometheus;
using Guardrails.Slo.Prometheus.Rules;
using Guardrails.Slo.Runbooks;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Guardrails.Build;

/// <summary>
/// Checks a project's SLO files and runbooks and writes the Prometheus rules of its SLOs. All the checking
/// lives in <see cref="ProjectValidator"/>; this task only turns MSBuild items into options and findings
/// into MSBuild diagnostics. The build fails when a finding is an error.
/// </summary>
public sealed class ValidateGuardrails : Task
{
    [Required]
    public string RootDirectory { get; set; } = string.Empty;

    /// <summary>The project file, where findings about the settings themselves are reported.</summary>
    public string? ProjectFile { get; set; }

    public ITaskItem[] SloFiles { get; set; } = [];

    /// <summary>The folder the default items searched (<c>$(GuardrailsSloDirectory)</c>), named when no SLO file is found.</summary>
    public string? SloDirectory { get; set; }

    /// <summary><c>$(EnableDefaultGuardrailsItems)</c>: whether <see cref="SloDirectory"/> was searched at all.</summary>
    public bool DefaultItemsEnabled { get; set; } = true;

    public ITaskItem[] RunbookFiles { get; set; } = [];

    public bool CheckSlos { get; set; } = true;

    public bool CheckRunbooks { get; set; } = true;

    public string[] RequiredRunbookSections { get; set; } = [.. RunbookOptions.DefaultRequiredSections];

    public bool RequireRunbookOwner { get; set; } = true;

    public string[] RequiredSloCategories { get; set; } = [nameof(SloCategory.Availability), nameof(SloCategory.Latency)];

    /// <summary>Items named by rule ID with a <c>Severity</c> metadata: error, warning, info or none.</summary>
    public ITaskItem[] Severities { get; set; } = [];

    /// <summary>Where to write one Prometheus rule file per service; nothing is written when empty.</summary>
    public string? RulesOutputDirectory { get; set; }

    /// <summary>Put in front of relative runbook links in the generated alerts, e.g. https://github.com/org/repo/blob/main/.</summary>
    public string? RunbookBaseUrl { get; set; }

    [Output]
    public ITaskItem[] GeneratedRuleFiles { get; private set; } = [];

    public override bool Execute()
    {
        try
        {
            return Run();
        }
        catch (Exception exception)
        {
            // A task never ends in MSB4018 with a stack trace: whatever went wrong is one GR error naming where.
            new FindingLogger(Log).Log(new Finding(
                ValidationSettingsRules.UnexpectedFailure,
                SourceSpan.WholeFile(ProjectFile ?? RootDirectory),
                $"Guardrails stopped before finishing this project: {exception.Message.TrimEnd('.')} ({exception.GetType().Name}). "
                + "If the message does not point at the cause, report it with the SLO and runbook files; to build meanwhile, set GuardrailsCheckSlos or GuardrailsCheckRunbooks to false."));
            return false;
        }
    }

    private bool Run()
    {
        var findings = new FindingLogger(Log);
        var settingsProblems = new List<Finding>();
        var categories = ParseCategories(settingsProblems);
        var severities = ParseSeverities(settingsProblems);
        if (!Slo.Prometheus.Rules.RunbookBaseUrl.IsValid(RunbookBaseUrl))
        {
            settingsProblems.Add(SettingProblem($"GuardrailsRunbookBaseUrl is '{RunbookBaseUrl}'; use an absolute http or https URL such as https://github.com/org/repo/blob/main/"));
        }

        if (settingsProblems.Count > 0)
        {
            settingsProblems.ForEach(findings.Log);
            return false;
        }

        var result = ProjectValidator.Validate(new ProjectValidationOptions
        {
            RootDirectory = RootDirectory,
            SloFiles = [.. SloFiles.Select(FullPath)],
            RunbookFiles = [.. RunbookFiles.Select(FullPath)],
            CheckSlos = CheckSlos,
            CheckRunbooks = CheckRunbooks,
            SloSearch = SloSearch(),
            RequiredCategories = categories,
            Runbooks = new RunbookOptions
            {
                RequiredSections = ListEntries(RequiredRunbookSections),
                RequireOwner = RequireRunbookOwner,
            },
            Severities = severities,
        });

        foreach (var finding in result.Findings)
        {
            findings.Log(finding);
        }

        if (!result.HasErrors && !string.IsNullOrEmpty(RulesOutputDirectory))
        {
            var files = ServiceRuleFiles.Create(result.Slos, RuleGeneratorInfo.Current, RunbookBaseUrl);
            var written = ServiceRuleFiles.Write(files, RulesOutputDirectory!, removeStale: true);
            GeneratedRuleFiles = [.. written.Select(path => new TaskItem(path))];
        }

        return !Log.HasLoggedErrors;
    }

    private SloFileSearch SloSearch()
    {
        var projectFile = ProjectFile ?? RootDirectory;
        var projectDirectory = string.IsNullOrEmpty(ProjectFile) ? RootDirectory : Path.GetDirectoryName(Path.GetFullPath(ProjectFile))!;
        return BuildSloFileSearch.Describe(projectFile, projectDirectory, SloDirectory, DefaultItemsEnabled);
    }

    private static string FullPath(ITaskItem item)
    {
        var fullPath = item.GetMetadata("FullPath");
        return string.IsNullOrEmpty(fullPath) ? Path.GetFullPath(item.ItemSpec) : fullPath;
    }

    /// <summary>The entries of a list property. A list given on the command line as
    /// <c>-p:X=A%3BB</c> reaches the task as one escaped entry, so entries are split on ';' again.</summary>
    private static List<string> ListEntries(string[] values) =>
        [.. values.SelectMany(value => value.Split(';')).Select(entry => entry.Trim()).Where(entry => entry.Length > 0)];

    private List<SloCategory> ParseCategories(List<Finding> problems)
    {
        var categories = new List<SloCategory>();
        foreach (var text in ListEntries(RequiredSloCategories))
        {
            if (Enum.TryParse<SloCategory>(text, ignoreCase: true, out var category) && category != SloCategory.Unspecified)
            {
                categories.Add(category);
            }
            else
            {
                problems.Add(SettingProblem($"GuardrailsRequiredSloCategories contains '{text}'; use Availability, Latency or Other, separated by ';'"));
            }
        }

        return categories;
    }

    private SeverityOverrides ParseSeverities(List<Finding> problems)
    {
        var overrides = new List<KeyValuePair<string, Severity?>>();
        foreach (var item in Severities)
        {
            var text = item.GetMetadata("Severity");
            if (SeverityOverrides.TryParseSeverity(text, out var severity))
            {
                overrides.Add(new KeyValuePair<string, Severity?>(item.ItemSpec, severity));
            }
            else
            {
                problems.Add(SettingProblem($"<GuardrailsSeverity Include=\"{item.ItemSpec}\" Severity=\"{text}\" /> has no valid Severity; use error, warning, info or none"));
            }
        }

        return new SeverityOverrides(overrides);
    }

    private Finding SettingProblem(string message) =>
        new(ValidationSettingsRules.SettingInvalid, SourceSpan.WholeFile(ProjectFile ?? RootDirectory), message);
}
