using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Guardrails.Analyzers.Retries;

/// <summary>
/// The syntax filter in front of GR1005: a <c>goto</c> to a label written before it, sent from a catch block
/// whose <c>try</c> follows the label, or with a call to an action between the label and the <c>goto</c> whose
/// result the code tests. Forward jumps, state machines (<c>goto case</c>) and loops written with labels
/// never have their method bound.
/// </summary>
internal static class GotoRetrySyntax
{
    public static bool MayBeRetry(GotoStatementSyntax jump)
    {
        if (jump.Expression is not IdentifierNameSyntax { Identifier.ValueText: var name } ||
            EarlierLabel(jump, name) is not { } label)
        {
            return false;
        }

        if (RetryCandidateSyntax.EnclosingCatch(jump) is { Parent: TryStatementSyntax tryStatement } &&
            tryStatement.SpanStart > label.SpanStart)
        {
            return true;
        }

        var between = TextSpan.FromBounds(label.SpanStart, jump.SpanStart);
        return label.Parent is { } scope && RetryCandidateSyntax.NodesInSameBody(scope)
            .OfType<InvocationExpressionSyntax>()
            .Any(call => between.Contains(call.Span) && RetryCandidateSyntax.MayReportResultOfAction(call));
    }

    /// <summary>A label is in scope of a goto only in a block around it, so the search climbs the goto's blocks.</summary>
    private static LabeledStatementSyntax? EarlierLabel(GotoStatementSyntax jump, string name)
    {
        for (SyntaxNode? current = jump.Parent; current is not null && !RetryCandidateSyntax.IsNestedFunction(current) && current is not MemberDeclarationSyntax; current = current.Parent)
        {
            var statements = current switch
            {
                BlockSyntax block => block.Statements,
                SwitchSectionSyntax section => section.Statements,
                _ => default,
            };
            foreach (var statement in statements)
            {
                for (var labeled = statement as LabeledStatementSyntax; labeled is not null; labeled = labeled.Statement as LabeledStatementSyntax)
                {
                    if (labeled.Identifier.ValueText == name)
                    {
                        return labeled.SpanStart < jump.SpanStart ? labeled : null;
                    }
                }
            }
        }

        return null;
    }
}
