using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Guardrails.Diagnostics;
using Guardrails.Slo;
using Guardrails.Slo.Files;
using Guardrails.Slo.Prometheus;
using Guardrails.Slo.Prometheus.Rules;

namespace Guardrails.Cli.Commands.Rules;

/// <summary>
/// What <c>guardrails rules [PATH...] --out DIR</c> does: validates the SLO files, then writes Sloth-compatible
/// Prometheus rules, one file per service. Nothing is written unless every file is free of errors, so a broken
/// SLO never leaves half-updated rules behind.
/// </summary>
internal sealed class RuleGeneration
{
    public const int Success = 0;
    public const int SloErrors = 1;
    public const int UsageError = 2;

    private const string DefaultPath = "slo";
    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly TextWriter output;
    private readonly TextWriter error;

    public RuleGeneration(TextWriter output, TextWriter error)
    {
        this.output = output;
        this.error = error;
    }

    public int Run(RulesSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.OutputDirectory))
        {
            return Usage("--out DIR is required: the folder the rule files are written to.");
        }

        var paths = settings.Paths.Length == 0 ? [DefaultPath] : settings.Paths;
        var found = InputFileSearch.Find(paths, out var missing);
        if (missing.Count > 0)
        {
            return Usage($"no such file or folder: {string.Join(", ", missing)}.");
        }

        // A file named on the command line is read whatever its extension; in a folder only *.yaml and *.yml are.
        // Sorted and without duplicates, so the same tree always gives the same output.
        IReadOnlyList<string> files = [.. found
            .Where(file => file.WasNamed || file.IsYaml)
            .Select(file => file.Path)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

        if (files.Count == 0)
        {
            return Usage($"no SLO files (*.yaml, *.yml) in {string.Join(", ", paths)}.");
        }

        var options = new SloValidationOptions { SpecOnly = settings.SpecOnly, BaseDirectory = Directory.GetCurrentDirectory() };
        var result = SloValidator.Validate(files, options);
        foreach (var finding in result.Findings)
        {
            output.WriteLine(finding.ToString());
        }

        var errors = result.Findings.Count(finding => finding.Severity == Severity.Error);
        if (errors > 0)
        {
            error.WriteLine($"{errors} error(s) in the SLO files; no rules were written.");
            return SloErrors;
        }

        if (result.Slos.Count == 0)
        {
            error.WriteLine($"No SLOs in {files.Count} file(s); no rules were written. Declare an OpenSLO SLO or a Sloth 'slos' entry.");
            return SloErrors;
        }

        return Write(result.Slos, settings.OutputDirectory!, new RuleGeneratorInfo(GuardrailsVersion()));
    }

    /// <summary>MSBuild's canonical form without a rule id, so IDEs and CI logs still link to the SLO.</summary>
    private static string Describe(RuleGenerationProblem problem)
    {
        var at = problem.Slo.Source;
        return at is null
            ? "error: " + problem.Message
            : $"{at.File}({at.Line},{at.Column},{at.EndLine},{at.EndColumn}): error : {problem.Message}";
    }

    /// <summary>Writes the rule files of validated SLOs, unless one of them cannot become rules.</summary>
    internal int Write(IReadOnlyList<PrometheusSlo> slos, string outputDirectory, RuleGeneratorInfo generator)
    {
        var problems = PrometheusRuleGenerator.FindProblems(slos);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                output.WriteLine(Describe(problem));
            }

            error.WriteLine($"{problems.Count} SLO problem(s) stop rule generation; no rules were written.");
            return SloErrors;
        }

        var ruleFiles = ServiceRuleFiles.Create(slos, generator);
        try
        {
            Directory.CreateDirectory(outputDirectory);
            foreach (var (fileName, text, sloCount) in ruleFiles)
            {
                var path = Path.Combine(outputDirectory, fileName);
                File.WriteAllText(path, text, Utf8WithoutBom);
                output.WriteLine($"wrote {path} ({sloCount} SLO{(sloCount == 1 ? string.Empty : "s")})");
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot write the rules to '{outputDirectory}': {exception.Message}");
            return UsageError;
        }

        return Success;
    }

    private int Usage(string message)
    {
        error.WriteLine("error: " + message);
        error.WriteLine("usage: guardrails rules [PATH...] --out DIR [--spec-only]");
        return UsageError;
    }

    private static string GuardrailsVersion() =>
        typeof(RuleGeneration).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(RuleGeneration).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
