using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Guardrails.RealWorldCorpus;

/// <summary>
/// Runs every Guardrails analyzer over the projects that hold labelled sites and judges each site. Analyzer
/// exceptions are counted (the driver turns them into AD0001), never hidden.
/// </summary>
internal sealed class CorpusRun(string sourcesFolder)
{
    private readonly ProjectCompilations projects = new(sourcesFolder);

    public int AnalyzerCrashes { get; private set; }

    public int ProjectCount { get; private set; }

    public static ImmutableArray<DiagnosticAnalyzer> GuardrailsAnalyzers() =>
    [
        .. typeof(Guardrails.Analyzers.Timeouts.UnboundedWaitAnalyzer).Assembly.GetTypes()
            .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!),
    ];

    public void CheckSources(IEnumerable<CorpusLabel> labels)
    {
        foreach (var label in labels)
        {
            var folder = projects.RepositoryFolder(label);
            var marker = Path.Combine(folder, ".corpus-commit");
            if (!File.Exists(marker))
            {
                throw new CorpusInputException($"{folder}: no checkout of {label.Repository} with a .corpus-commit file; run benchmarks/RealWorldCorpus/fetch-sources.sh {sourcesFolder} first.");
            }

            var commit = File.ReadAllText(marker).Trim();
            if (!string.Equals(commit, label.Commit, StringComparison.OrdinalIgnoreCase))
            {
                throw new CorpusInputException($"labels.tsv({label.LabelFileLine},1): {label.Repository} is pinned to {label.Commit} but {folder} holds {commit}; run fetch-sources.sh again.");
            }

            if (!File.Exists(projects.FilePath(label)))
            {
                throw new CorpusInputException($"labels.tsv({label.LabelFileLine},1): {label.Path} does not exist in {label.Repository}@{label.Commit}; fix the path.");
            }
        }
    }

    public async Task<ImmutableArray<SiteVerdict>> JudgeAsync(ImmutableArray<CorpusLabel> labels)
    {
        CheckSources(labels);
        var analyzers = GuardrailsAnalyzers();
        var verdicts = ImmutableArray.CreateBuilder<SiteVerdict>();
        foreach (var group in labels.GroupBy(projects.For))
        {
            ProjectCount++;
            var compilation = group.Key;
            var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
            // Only the labelled files are analysed (their types' symbol actions included): a whole project would
            // cost minutes on a shared machine and cannot change what lands on these sites.
            var diagnostics = new List<Diagnostic>();
            foreach (var tree in group.Select(projects.FilePath).Distinct(StringComparer.Ordinal)
                .Select(path => compilation.SyntaxTrees.First(candidate => candidate.FilePath == path)))
            {
                diagnostics.AddRange(await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, default).ConfigureAwait(false));
                diagnostics.AddRange(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, default).ConfigureAwait(false));
            }

            AnalyzerCrashes += diagnostics.Count(diagnostic => diagnostic.Id == "AD0001");
            var guardrails = diagnostics.Where(diagnostic => diagnostic.Id.StartsWith("GR", StringComparison.Ordinal)).ToArray();
            foreach (var label in group)
            {
                verdicts.Add(Judge(compilation, label, guardrails));
            }
        }

        return verdicts.ToImmutable();
    }

    private SiteVerdict Judge(CSharpCompilation compilation, CorpusLabel label, IReadOnlyList<Diagnostic> diagnostics)
    {
        var path = projects.FilePath(label);
        var tree = compilation.SyntaxTrees.First(candidate => candidate.FilePath == path);
        var construct = SiteConstruct.Find(tree, label.Line)
            ?? throw new CorpusInputException($"labels.tsv({label.LabelFileLine},1): line {label.Line} of {label.Repository}/{label.Path} holds no code; point the label at the construct's first line.");
        var fired = diagnostics
            .Where(diagnostic => diagnostic.Location.SourceTree == tree && diagnostic.Location.SourceSpan.OverlapsWith(construct))
            .Select(diagnostic => diagnostic.Id)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToImmutableArray();
        var relevant = fired.Any(label.Covers);
        return new SiteVerdict(label, fired, label.ExpectsReport ? relevant : !relevant);
    }
}
