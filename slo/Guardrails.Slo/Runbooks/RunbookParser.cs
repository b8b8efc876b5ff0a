using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Guardrails.Diagnostics;
using Guardrails.Slo.Text;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using SourceSpan = Guardrails.Diagnostics.SourceSpan;

namespace Guardrails.Slo.Runbooks;

/// <summary>
/// Reads a runbook with Markdig: its headings (with GitHub's anchor slugs, so links resolve as they do on
/// GitHub), which of them have content, and its owner (front matter <c>owner:</c> or an <c>Owner:</c> line).
/// </summary>
public static class RunbookParser
{
    private const string OwnerLinePrefix = "Owner:";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .Build();

    public static RunbookParseResult ParseFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Unreadable(path, $"the runbook '{path}' cannot be read: {exception.Message}");
        }

        return Parse(path, text);
    }

    public static RunbookParseResult Parse(string path, string text)
    {
        if (text.IndexOf('\0') >= 0)
        {
            return Unreadable(path, $"the runbook '{path}' contains NUL characters; a runbook is Markdown text, not a binary file");
        }

        var lines = new LineMap(text);
        var markdown = Markdown.Parse(text, Pipeline);
        var findings = new List<Finding>();
        var owner = ReadFrontMatterOwner(path, markdown, findings) ?? ReadOwnerLine(path, markdown, lines);
        var sections = ReadSections(path, markdown, lines);
        var document = new RunbookDocument(path, owner?.Name, owner?.Location, sections);
        return new RunbookParseResult(document, findings);
    }

    private static RunbookParseResult Unreadable(string path, string message) =>
        new(null, [new Finding(RunbookRules.RunbookUnreadable, SourceSpan.WholeFile(path), message)]);

    private static List<RunbookSection> ReadSections(string path, MarkdownDocument markdown, LineMap lines)
    {
        var blocks = markdown.ToList();
        var sections = new List<RunbookSection>();
        for (var index = 0; index < blocks.Count; index++)
        {
            if (blocks[index] is not HeadingBlock heading)
            {
                continue;
            }

            var title = InlineText.Of(heading.Inline);
            var anchor = heading.GetAttributes().Id ?? string.Empty;
            sections.Add(new RunbookSection(title, heading.Level, anchor, Span(path, heading, lines), HasContent(blocks, index)));
        }

        return sections;
    }

    /// <summary>True when a block other than a heading or an HTML comment comes before the next heading
    /// of the same or a higher level; content in a subsection counts for its parent.</summary>
    private static bool HasContent(List<Block> blocks, int headingIndex)
    {
        var level = ((HeadingBlock)blocks[headingIndex]).Level;
        for (var index = headingIndex + 1; index < blocks.Count; index++)
        {
            switch (blocks[index])
            {
                case HeadingBlock next when next.Level <= level:
                    return false;
                case HeadingBlock:
                case ThematicBreakBlock:
                case LinkReferenceDefinitionGroup:
                case HtmlBlock { Type: HtmlBlockType.Comment }:
                    continue;
                default:
                    return true;
            }
        }

        return false;
    }

    private static (string Name, SourceSpan Location)? ReadFrontMatterOwner(string path, MarkdownDocument markdown, List<Finding> findings)
    {
        var frontMatter = markdown.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        if (frontMatter is null)
        {
            return null;
        }

        // The block's lines hold the YAML between the fences; the first of them is one line below the opening fence.
        var firstYamlLine = frontMatter.Line + 2;
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(frontMatter.Lines.ToString()));
        }
        catch (YamlException exception)
        {
            var line = firstYamlLine + (int)exception.Start.Line - 1;
            var location = new SourceSpan(path, line, (int)exception.Start.Column, line, (int)exception.Start.Column);
            findings.Add(new Finding(RunbookRules.FrontMatterInvalid, location, $"the runbook's front matter is not valid YAML: {exception.Message}"));
            return null;
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            return null;
        }

        foreach (var entry in mapping.Children)
        {
            if (entry.Key is not YamlScalarNode { Value: "owner" })
            {
                continue;
            }

            // One owner ("owner: team-checkout") or several ("owner: [team-checkout, payments-oncall]").
            var names = entry.Value switch
            {
                YamlScalarNode scalar => [scalar.Value],
                YamlSequenceNode sequence => sequence.Children.OfType<YamlScalarNode>().Select(item => item.Value).ToList(),
                _ => new List<string?>(),
            };
            var owner = string.Join(", ", names.Where(name => !string.IsNullOrWhiteSpace(name)).Select(name => name!.Trim()));
            if (owner.Length == 0)
            {
                return null;
            }

            var node = entry.Value;
            var startLine = firstYamlLine + (int)node.Start.Line - 1;
            var endLine = firstYamlLine + (int)node.End.Line - 1;
            return (owner, new SourceSpan(path, startLine, (int)node.Start.Column, endLine, (int)node.End.Column));
        }

        return null;
    }

    private static (string Name, SourceSpan Location)? ReadOwnerLine(string path, MarkdownDocument markdown, LineMap lines)
    {
        foreach (var paragraph in markdown.OfType<ParagraphBlock>())
        {
            var text = InlineText.Of(paragraph.Inline);
            if (text.StartsWith(OwnerLinePrefix, StringComparison.OrdinalIgnoreCase))
            {
                var name = text.Substring(OwnerLinePrefix.Length).Trim();
                return name.Length == 0 ? null : (name, Span(path, paragraph, lines));
            }
        }

        return null;
    }

    /// <summary>The block's span with an exclusive end column, as Roslyn and YamlDotNet report theirs.</summary>
    private static SourceSpan Span(string path, Block block, LineMap lines)
    {
        var last = lines.Locate(Math.Max(block.Span.Start, block.Span.End));
        return new SourceSpan(path, block.Line + 1, block.Column + 1, last.Line, last.Column + 1);
    }
}
