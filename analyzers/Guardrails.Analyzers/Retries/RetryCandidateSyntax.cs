using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.Retries;

/// <summary>
/// The syntax every retry shape needs, read before any semantic work so that code without it never has its
/// method bound: a <c>catch</c> that lets the code go round again, or a call to an action whose result the code
/// goes on to test. Each test here accepts at least everything the semantic rules behind it accept.
/// </summary>
internal static class RetryCandidateSyntax
{
    /// <summary>The nodes under <paramref name="root"/> in the same function: lambdas and local functions run at another time.</summary>
    public static IEnumerable<SyntaxNode> NodesInSameBody(SyntaxNode root) =>
        root.DescendantNodes(node => node == root || !IsNestedFunction(node));

    public static bool IsNestedFunction(SyntaxNode node) =>
        node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax;

    /// <summary>
    /// The catch block does not end by leaving (<c>throw</c>, <c>return</c>, <c>break</c>, <c>goto</c>), or it says
    /// <c>continue</c>: the code after it may run the operation again.
    /// </summary>
    public static bool MayGoOn(CatchClauseSyntax catchClause)
    {
        var statements = catchClause.Block.Statements;
        if (statements.Count == 0 ||
            statements[statements.Count - 1] is not (ThrowStatementSyntax or ReturnStatementSyntax or BreakStatementSyntax or GotoStatementSyntax))
        {
            return true;
        }

        return NodesInSameBody(catchClause.Block).Any(node => node.IsKind(SyntaxKind.ContinueStatement));
    }

    /// <summary>
    /// A call named like an action (<c>TrySend</c>, <c>UploadAsync</c>, <c>_send()</c>) or an HTTP request
    /// (<c>GetAsync</c>) whose result is kept or tested, not thrown away as a statement of its own: only such a
    /// result can tell a retry that the action failed.
    /// </summary>
    public static bool MayReportResultOfAction(InvocationExpressionSyntax call) => MayNameAction(call) && KeepsResult(call);

    /// <summary>The call's result is kept or tested, not thrown away as a statement of its own.</summary>
    public static bool KeepsResult(InvocationExpressionSyntax call)
    {
        SyntaxNode current = call;
        while (true)
        {
            var parent = current.Parent;
            switch (parent)
            {
                case AwaitExpressionSyntax or ParenthesizedExpressionSyntax:
                    current = parent;
                    break;
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Parent: InvocationExpressionSyntax configured }:
                    current = configured;
                    break;
                default:
                    return parent is not ExpressionStatementSyntax;
            }
        }
    }

    /// <summary>A call named like an action (<c>TrySend</c>, <c>UploadAsync</c>, <c>_send()</c>) or an HTTP request (<c>GetAsync</c>).</summary>
    public static bool MayNameAction(InvocationExpressionSyntax call) =>
        CalledName(call.Expression) is { } name &&
        (ActionNames.IsAction(ActionNames.OfDelegate(name)) || ActionNames.MayBeHttpRequest(name));

    /// <summary>Whether <paramref name="node"/> sits in the block of a catch clause, without leaving its function.</summary>
    public static CatchClauseSyntax? EnclosingCatch(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null && !IsNestedFunction(current) && current is not MemberDeclarationSyntax; current = current.Parent)
        {
            if (current is CatchClauseSyntax catchClause && catchClause.Block.Span.Contains(node.Span))
            {
                return catchClause;
            }
        }

        return null;
    }

    /// <summary>The name a call goes by: <c>Send</c> in <c>Send()</c>, <c>client.Send()</c>, <c>client?.Send()</c>, <c>Send&lt;T&gt;()</c>.</summary>
    public static string? CalledName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };
}
