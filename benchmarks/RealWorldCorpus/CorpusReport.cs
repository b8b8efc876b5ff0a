using System;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Guardrails.RealWorldCorpus;

/// <summary>
/// Writes the verdicts as Markdown: recall and quiet rate per kind of site (the first segment of the shape), per
/// rule and per shape, then every miss and false alarm with its pinned address so it can be read again.
/// </summary>
internal static class CorpusReport
{
    public static void Write(ImmutableArray<SiteVerdict> verdicts, CorpusRun run, TextWriter output)
    {
        var repositories = verdicts.Select(verdict => verdict.Label.Repository).Distinct(StringComparer.Ordinal).Count();
        output.WriteLine(Invariant($"{verdicts.Length} sites ({verdicts.Count(v => v.Label.ExpectsReport)} to report, {verdicts.Count(v => !v.Label.ExpectsReport)} to leave quiet) in {repositories} repositories, {run.ProjectCount} projects compiled; analyzer crashes (AD0001): {run.AnalyzerCrashes}"));
        output.WriteLine();

        output.WriteLine("| kind of site | sites | right | rate |");
        output.WriteLine("|---|---:|---:|---:|");
        foreach (var kind in verdicts.GroupBy(v => Kind(v.Label.Shape)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine(Invariant($"| {kind.Key} ({(kind.First().Label.ExpectsReport ? "recall" : "left quiet")}) | {kind.Count()} | {kind.Count(v => v.Correct)} | {Percent(kind.Count(v => v.Correct), kind.Count())} |"));
        }

        output.WriteLine();
        output.WriteLine("| rule | sites to report | found | recall | quiet sites it must respect | false alarms |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        var rules = verdicts.SelectMany(v => v.FiredRules)
            .Concat(verdicts.Where(v => v.Label.ExpectsReport).Select(v => v.Label.PrimaryRule))
            .Where(rule => !rule.EndsWith('*'))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            var positives = verdicts.Where(v => v.Label.ExpectsReport && v.Label.PrimaryRule == rule).ToArray();
            var negatives = verdicts.Where(v => !v.Label.ExpectsReport && v.Label.Covers(rule)).ToArray();
            var falseAlarms = negatives.Count(v => v.FiredRules.Contains(rule));
            output.WriteLine(Invariant($"| {rule} | {positives.Length} | {positives.Count(v => v.Correct)} | {Percent(positives.Count(v => v.Correct), positives.Length)} | {negatives.Length} | {falseAlarms} |"));
        }

        output.WriteLine();
        output.WriteLine("| shape | expect | sites | right | rate |");
        output.WriteLine("|---|---|---:|---:|---:|");
        foreach (var shape in verdicts.GroupBy(v => (v.Label.Shape, v.Label.Expectation)).OrderBy(g => g.Key.Shape, StringComparer.Ordinal))
        {
            output.WriteLine(Invariant($"| {shape.Key.Shape} | {shape.Key.Expectation} | {shape.Count()} | {shape.Count(v => v.Correct)} | {Percent(shape.Count(v => v.Correct), shape.Count())} |"));
        }

        output.WriteLine();
        output.WriteLine("Misses and false alarms:");
        output.WriteLine();
        foreach (var verdict in verdicts.Where(v => !v.Correct).OrderBy(v => v.Label.Shape, StringComparer.Ordinal))
        {
            var label = verdict.Label;
            var fired = verdict.FiredRules.IsEmpty ? "nothing" : string.Join(", ", verdict.FiredRules);
            output.WriteLine(Invariant($"- {verdict.Outcome}: {label.Repository}@{label.Commit[..10]} `{label.Path}:{label.Line}` ({label.Shape}; expected {label.Expectation} {string.Join(",", label.Rules)}, got {fired}): {label.Reason}"));
        }
    }

    private static string Kind(string shape) => shape.Split('/')[0];

    private static string Percent(int part, int whole)
        => whole == 0 ? "-" : (100.0 * part / whole).ToString("F0", CultureInfo.InvariantCulture) + " %";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
