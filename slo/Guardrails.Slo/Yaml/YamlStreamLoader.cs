using System;
using System.Collections.Generic;
using System.IO;
using Guardrails.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Guardrails.Slo.Yaml;

/// <summary>
/// Turns YAML text into positioned documents from YamlDotNet's parser events. Problems become findings:
/// a syntax error ends the stream (the parser cannot resume), a duplicate key drops only its document,
/// nesting and alias expansion beyond <see cref="YamlLimits"/> end the file with one finding.
/// </summary>
internal sealed class YamlStreamLoader
{
    private readonly string file;
    private readonly string text;
    private readonly List<Finding> findings = [];
    private readonly List<YamlNode> documents = [];
    private readonly Stack<CollectionFrame> frames = new();
    private readonly Dictionary<string, AnchoredNode> anchors = new(StringComparer.Ordinal);
    private YamlNode? root;
    private long expandedNodes;
    private bool documentBroken;
    private Mark lastMark = Mark.Empty;

    private YamlStreamLoader(string file, string text)
    {
        this.file = file;
        this.text = text;
    }

    public static YamlLoadResult Load(string file, string text)
    {
        var loader = new YamlStreamLoader(file, text);
        loader.Run();
        return new YamlLoadResult(loader.documents, loader.findings);
    }

    private void Run()
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                lastMark = parser.Current!.End;
                if (!Accept(parser.Current))
                {
                    return;
                }
            }
        }
        catch (YamlException exception)
        {
            findings.Add(SyntaxError(exception));
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException or KeyNotFoundException)
        {
            // YamlDotNet's scanner fails this way on some malformed input instead of raising a YamlException.
            var line = (int)Math.Max(1, lastMark.Line);
            var column = (int)Math.Max(1, lastMark.Column);
            findings.Add(new Finding(
                SloRules.YamlSyntax,
                new SourceSpan(file, line, column, line, column + 1),
                "Invalid YAML after this point; the parser could not read on. Check brackets, quotes and indentation from here."));
        }
    }

    /// <returns>false when the rest of the file must not be read.</returns>
    private bool Accept(ParsingEvent parsingEvent)
    {
        switch (parsingEvent)
        {
            case DocumentStart:
                anchors.Clear();
                frames.Clear();
                root = null;
                expandedNodes = 0;
                documentBroken = false;
                return true;
            case DocumentEnd:
                if (!documentBroken && root is not null && !(root is YamlScalar { IsNull: true }))
                {
                    documents.Add(root);
                }

                return true;
            case Scalar scalar:
                var node = new YamlScalar(SpanOf(scalar.Start, scalar.End), scalar.Value, scalar.Style == ScalarStyle.Plain, TagOf(scalar));
                Register(scalar.Anchor, node, 1);
                return Add(node, 1);
            case AnchorAlias alias:
                return AddAlias(alias);
            case SequenceStart sequenceStart:
                return Open(new CollectionFrame(sequenceStart, isMapping: false));
            case MappingStart mappingStart:
                return Open(new CollectionFrame(mappingStart, isMapping: true));
            case SequenceEnd or MappingEnd:
                var frame = frames.Pop();
                var collection = frame.Build(SpanOf(frame.Start.Start, parsingEvent.End));
                Register(frame.Start.Anchor, collection, frame.Weight);
                return Add(collection, frame.Weight);
            default:
                return true;
        }
    }

    private bool Open(CollectionFrame frame)
    {
        if (frames.Count >= YamlLimits.MaxDepth)
        {
            findings.Add(new Finding(
                SloRules.NestingTooDeep,
                SpanOf(frame.Start.Start, frame.Start.End),
                $"YAML is nested more than {YamlLimits.MaxDepth} levels deep here; SLO documents need a dozen at most. Flatten the document."));
            return false;
        }

        frames.Push(frame);
        return true;
    }

    private bool AddAlias(AnchorAlias alias)
    {
        var span = SpanOf(alias.Start, alias.End);
        if (!anchors.TryGetValue(alias.Value.Value, out var anchored))
        {
            findings.Add(new Finding(SloRules.YamlSyntax, span, $"Alias *{alias.Value.Value} refers to no anchor defined before it. Define &{alias.Value.Value} first."));
            documentBroken = true;
            return true;
        }

        return Add(anchored.Node, anchored.Weight, span);
    }

    private void Register(AnchorName anchor, YamlNode node, long weight)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = new AnchoredNode(node, weight);
        }
    }

    private bool Add(YamlNode node, long weight, SourceSpan? aliasSpan = null)
    {
        expandedNodes += aliasSpan is null ? 1 : weight;
        if (expandedNodes > YamlLimits.MaxExpandedNodes)
        {
            findings.Add(new Finding(
                SloRules.AliasExpansionTooLarge,
                aliasSpan ?? node.Span,
                $"The document expands to more than {YamlLimits.MaxExpandedNodes:N0} nodes once its aliases are resolved (an alias bomb?). Write the values out instead of nesting aliases."));
            return false;
        }

        if (frames.Count == 0)
        {
            root = node;
            return true;
        }

        var duplicate = frames.Peek().Add(node, weight);
        if (duplicate is not null)
        {
            findings.Add(new Finding(
                SloRules.DuplicateKey,
                duplicate.Span,
                $"Key '{duplicate.Value}' appears twice in this mapping; YAML keys must be unique. Remove or merge one of them."));
            documentBroken = true;
        }
        else if (frames.Peek().NonScalarKey is { } badKey)
        {
            findings.Add(new Finding(SloRules.WrongValueType, badKey.Span, $"Mapping keys must be plain strings, not {badKey.Describe()}."));
            documentBroken = true;
            frames.Peek().NonScalarKey = null;
        }

        return true;
    }

    private SourceSpan SpanOf(Mark start, Mark end)
    {
        var endLine = (int)Math.Max(end.Line, start.Line);
        var endColumn = (int)(end.Line == start.Line ? Math.Max(end.Column, start.Column) : end.Column);
        return new SourceSpan(file, (int)start.Line, (int)start.Column, endLine, endColumn);
    }

    private static string? TagOf(Scalar scalar) => scalar.Tag.IsEmpty ? null : scalar.Tag.Value;

    private Finding SyntaxError(YamlException exception)
    {
        var message = exception.Message;
        var separator = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && separator >= 0)
        {
            message = message.Substring(separator + 3);
        }

        // YamlDotNet marks the start of the mapping it was reading; the tab itself is more useful.
        var tab = FirstIndentingTab((int)exception.Start.Line);
        if (tab is var (line, column) && (message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0 || line == exception.Start.Line))
        {
            return new Finding(
                SloRules.YamlSyntax,
                new SourceSpan(file, line, column, line, column + 1),
                "YAML does not allow tabs for indentation; indent with spaces.");
        }

        // YamlDotNet notices a misindented key only lines later, while reading the plain scalar it ran into;
        // the line to fix is the first one whose indentation matches no open level.
        if (MisindentedLine((int)exception.End.Line) is var (badLine, indent))
        {
            return new Finding(
                SloRules.YamlSyntax,
                new SourceSpan(file, badLine, indent + 1, badLine, indent + 2),
                $"This line is indented by {indent} space(s), which matches no enclosing key; indent it like the keys it belongs with.");
        }

        return new Finding(SloRules.YamlSyntax, SpanOf(exception.Start, exception.End), "Invalid YAML: " + message);
    }

    private (int Line, int Indent)? MisindentedLine(int toLine)
    {
        using var reader = new StringReader(text);
        var levels = new Stack<int>();
        levels.Push(0);
        var opensBlock = false;
        var number = 0;
        while (reader.ReadLine() is { } line && ++number <= toLine)
        {
            var content = line.TrimStart(' ');
            if (content.Length == 0 || content[0] == '#' || content.StartsWith("---", StringComparison.Ordinal))
            {
                continue;
            }

            var indent = line.Length - content.Length;
            if (indent > levels.Peek())
            {
                if (!opensBlock)
                {
                    return null; // A continued plain scalar or flow collection: not a case this check knows.
                }

                levels.Push(indent);
            }
            else
            {
                while (levels.Peek() > indent)
                {
                    levels.Pop();
                }

                if (levels.Peek() != indent)
                {
                    return (number, indent);
                }
            }

            while (content.StartsWith("- ", StringComparison.Ordinal))
            {
                indent += 2;
                content = content.Substring(2).TrimStart(' ');
                levels.Push(indent);
            }

            var trimmed = content.TrimEnd();
            opensBlock = trimmed.EndsWith(":", StringComparison.Ordinal) || trimmed == "-" || trimmed.EndsWith("|", StringComparison.Ordinal) || trimmed.EndsWith(">", StringComparison.Ordinal);
        }

        return null;
    }

    private (int Line, int Column)? FirstIndentingTab(int fromLine)
    {
        using var reader = new StringReader(text);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (number < fromLine)
            {
                continue;
            }

            for (var index = 0; index < line.Length && (line[index] == ' ' || line[index] == '\t'); index++)
            {
                if (line[index] == '\t')
                {
                    return (number, index + 1);
                }
            }
        }

        return null;
    }

    private sealed record AnchoredNode(YamlNode Node, long Weight);
}
