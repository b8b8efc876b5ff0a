using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Guardrails.RealWorldCorpus;

/// <summary>
/// One labelled site: a line in a file of a public repository pinned to a commit, and what the analyzers should
/// do there. <see cref="Expectation"/> is <c>report</c> (one of <see cref="Rules"/> must fire on the construct that
/// starts on the line) or <c>quiet</c> (none of them may). A rule entry ending in <c>*</c> is a prefix
/// (<c>GR1*</c>: every retry rule).
/// </summary>
internal sealed record CorpusLabel(
    string Repository,
    string Commit,
    string Path,
    int Line,
    string Expectation,
    ImmutableArray<string> Rules,
    string Shape,
    string Reason,
    int LabelFileLine)
{
    public const string Report = "report";
    public const string Quiet = "quiet";

    private const string Header = "repo\tcommit\tpath\tline\texpect\trules\tshape\treason";

    public bool ExpectsReport => Expectation == Report;

    /// <summary>The rule the site is counted under in the per-rule table: the first one listed.</summary>
    public string PrimaryRule => Rules[0];

    public bool Covers(string diagnosticId)
        => Rules.Any(rule => rule.EndsWith('*')
            ? diagnosticId.StartsWith(rule[..^1], StringComparison.Ordinal)
            : string.Equals(rule, diagnosticId, StringComparison.Ordinal));

    /// <summary>Reads the tab-separated label file; a bad row stops the run with the file, line and what to fix.</summary>
    public static ImmutableArray<CorpusLabel> Read(string labelFile)
    {
        var lines = File.ReadAllLines(labelFile);
        if (lines.Length == 0 || lines[0] != Header)
        {
            throw new CorpusInputException($"{labelFile}(1,1): the first line must be the header '{Header.Replace('\t', ' ')}' (tab-separated).");
        }

        var labels = ImmutableArray.CreateBuilder<CorpusLabel>();
        var seen = new HashSet<(string, string, int)>();
        for (var index = 1; index < lines.Length; index++)
        {
            if (lines[index].Length == 0 || lines[index].StartsWith('#'))
            {
                continue;
            }

            var label = Parse(labelFile, index + 1, lines[index]);
            if (!seen.Add((label.Repository, label.Path, label.Line)))
            {
                throw new CorpusInputException($"{labelFile}({index + 1},1): {label.Repository} {label.Path}:{label.Line} is labelled twice; keep one row per site.");
            }

            labels.Add(label);
        }

        return labels.ToImmutable();
    }

    private static CorpusLabel Parse(string labelFile, int lineNumber, string line)
    {
        var fields = line.Split('\t');
        if (fields.Length != 8)
        {
            throw new CorpusInputException($"{labelFile}({lineNumber},1): expected 8 tab-separated fields (repo, commit, path, line, expect, rules, shape, reason), found {fields.Length}.");
        }

        string Where(int field) => $"{labelFile}({lineNumber},{fields.Take(field).Sum(f => f.Length + 1) + 1})";

        if (fields[0].Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
        {
            throw new CorpusInputException($"{Where(0)}: the repository must be written owner/name, found '{fields[0]}'.");
        }

        if (fields[1].Length != 40 || !fields[1].All(Uri.IsHexDigit))
        {
            throw new CorpusInputException($"{Where(1)}: the commit must be a full 40-digit hash, found '{fields[1]}'.");
        }

        if (!int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var siteLine) || siteLine < 1)
        {
            throw new CorpusInputException($"{Where(3)}: the line must be a positive number, found '{fields[3]}'.");
        }

        if (fields[4] is not (Report or Quiet))
        {
            throw new CorpusInputException($"{Where(4)}: expect must be '{Report}' or '{Quiet}', found '{fields[4]}'.");
        }

        var rules = fields[5].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableArray();
        if (rules.IsEmpty || rules.Any(rule => !rule.StartsWith("GR", StringComparison.Ordinal)))
        {
            throw new CorpusInputException($"{Where(5)}: rules must be a comma-separated list of GR ids or prefixes such as GR1*, found '{fields[5]}'.");
        }

        if (fields[6].Length == 0 || fields[7].Length == 0)
        {
            throw new CorpusInputException($"{Where(fields[6].Length == 0 ? 6 : 7)}: every site needs a shape and a one-line reason.");
        }

        return new CorpusLabel(fields[0], fields[1], fields[2], siteLine, fields[4], rules, fields[6], fields[7], lineNumber);
    }
}
