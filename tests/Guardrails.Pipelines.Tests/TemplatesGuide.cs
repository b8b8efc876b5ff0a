using System.Collections.Generic;
using System.IO;
using System.Linq;
using Guardrails.Testing;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Guardrails.Pipelines.Tests;

/// <summary>docs/templates.md (or another guide under docs/) read with Markdig: its tagged examples and the tables under each heading.</summary>
internal static class TemplatesGuide
{
    public const string Templates = "templates.md";

    public const string Delivery = "delivery.md";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private static MarkdownDocument Load(string guide) =>
        Markdown.Parse(File.ReadAllText(RepositoryLayout.PathOf("docs", guide)), Pipeline);

    /// <summary>The code of the block fenced as <c>```yaml &lt;tag&gt;</c>.</summary>
    public static string Example(string tag, string guide = Templates) =>
        Load(guide).Descendants<FencedCodeBlock>()
            .Single(block => block.Info == "yaml" && block.Arguments == tag)
            .Lines.ToString().ReplaceLineEndings("\n") + "\n";

    /// <summary>The rows of the first table under the heading, each as its cells' plain text.</summary>
    public static IReadOnlyList<string[]> TableUnder(string heading, string guide = Templates)
    {
        var blocks = Load(guide).ToList();
        var start = blocks.FindIndex(block => block is HeadingBlock h && Text(h.Inline) == heading);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"docs/{guide} has a heading '{heading}'.");
        var table = blocks.Skip(start + 1).TakeWhile(block => block is not HeadingBlock).OfType<Table>().First();
        return
        [
            .. table.OfType<TableRow>().Where(row => !row.IsHeader)
                .Select(row => row.OfType<TableCell>().Select(cell => string.Concat(cell.Descendants<ParagraphBlock>().Select(p => Text(p.Inline)))).ToArray()),
        ];
    }

    private static string Text(ContainerInline? inline) =>
        inline is null ? string.Empty : string.Concat(inline.Descendants<Inline>().Select(node => node switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            _ => string.Empty,
        }));
}
