using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Guardrails.RealWorldCorpus;

/// <summary>
/// The construct a label points at: the outermost statement, clause or member that starts on the labelled line
/// (a loop, a catch clause, a call statement, a method). A diagnostic belongs to the site when its span overlaps
/// the construct's, so a rule may anchor on the loop keyword, the catch or the call and still count.
/// </summary>
internal static class SiteConstruct
{
    public static TextSpan? Find(SyntaxTree tree, int line)
    {
        var text = tree.GetText();
        if (line > text.Lines.Count)
        {
            return null;
        }

        var textLine = text.Lines[line - 1];
        var offset = textLine.ToString().TakeWhile(char.IsWhiteSpace).Count();
        if (offset == textLine.Span.Length)
        {
            return null;
        }

        var token = tree.GetRoot().FindToken(textLine.Start + offset);
        SyntaxNode? chosen = null;
        foreach (var node in token.Parent!.AncestorsAndSelf())
        {
            if (node is BaseTypeDeclarationSyntax or BaseNamespaceDeclarationSyntax or CompilationUnitSyntax)
            {
                break;
            }

            var startsOnLine = text.Lines.GetLineFromPosition(node.SpanStart).LineNumber == line - 1;
            if (!startsOnLine && node != token.Parent)
            {
                break;
            }

            chosen = node;
        }

        return chosen?.Span;
    }
}
