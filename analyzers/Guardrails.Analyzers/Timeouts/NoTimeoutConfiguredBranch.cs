using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>
/// An infinite timeout written only in the branch where the user configured none: the nearest <c>if</c> around it
/// compares a value named for a timeout with zero, and the infinite value sits where that value is not positive:
/// <c>if (value &gt; TimeSpan.Zero) { ...= (int)value.TotalMilliseconds; } else { ...= -1; }</c>, or
/// <c>if (timeoutMs &lt;= 0) { ...= Timeout.Infinite; }</c>. The code honours the configured timeout and only maps its
/// "0 = none" to the API's infinite; the choice is the configuration's. "Named for a timeout": the compared name
/// contains <c>timeout</c>, or it is <c>value</c> in the setter of a property named for one. Read from syntax: the
/// rule does not follow the value into the branch.
/// </summary>
internal static class NoTimeoutConfiguredBranch
{
    public static bool Contains(SyntaxNode node)
    {
        SyntaxNode child = node;
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case IfStatementSyntax branch when child == branch.Statement:
                    return Compares(branch.Condition, whenTrue: true);
                case IfStatementSyntax branch when child == branch.Else:
                    return Compares(branch.Condition, whenTrue: false);
                case IfStatementSyntax:
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                    return false;
            }

            child = ancestor;
        }

        return false;
    }

    /// <summary>
    /// True when the branch (the <c>if</c>'s own when <paramref name="whenTrue"/>, else its <c>else</c>) runs only for
    /// a timeout that is zero or less.
    /// </summary>
    private static bool Compares(ExpressionSyntax condition, bool whenTrue)
    {
        if (condition is not BinaryExpressionSyntax comparison)
        {
            return false;
        }

        var kind = comparison.Kind();
        ExpressionSyntax timeout;
        if (IsZero(comparison.Right))
        {
            timeout = comparison.Left;
        }
        else if (IsZero(comparison.Left))
        {
            timeout = comparison.Right;
            kind = Mirrored(kind);
        }
        else
        {
            return false;
        }

        var notPositiveWhenTrue = kind is SyntaxKind.LessThanOrEqualExpression or SyntaxKind.LessThanExpression or SyntaxKind.EqualsExpression;
        var positiveWhenTrue = kind is SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanOrEqualExpression or SyntaxKind.NotEqualsExpression;
        return (whenTrue ? notPositiveWhenTrue : positiveWhenTrue) && IsNamedForATimeout(timeout);
    }

    private static SyntaxKind Mirrored(SyntaxKind kind) => kind switch
    {
        SyntaxKind.LessThanExpression => SyntaxKind.GreaterThanExpression,
        SyntaxKind.LessThanOrEqualExpression => SyntaxKind.GreaterThanOrEqualExpression,
        SyntaxKind.GreaterThanExpression => SyntaxKind.LessThanExpression,
        SyntaxKind.GreaterThanOrEqualExpression => SyntaxKind.LessThanOrEqualExpression,
        _ => kind,
    };

    /// <summary><c>0</c>, or a field named <c>Zero</c> (<c>TimeSpan.Zero</c>).</summary>
    private static bool IsZero(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.NumericLiteralExpression) && literal.Token.ValueText == "0",
        MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText == "Zero",
        _ => false,
    };

    private static bool IsNamedForATimeout(ExpressionSyntax expression)
    {
        var name = TimeoutParameters.WrittenName(expression);
        return name == "value"
            ? expression.FirstAncestorOrSelf<AccessorDeclarationSyntax>() is { RawKind: (int)SyntaxKind.SetAccessorDeclaration, Parent.Parent: PropertyDeclarationSyntax property }
                && TimeoutParameters.IsNamedForATimeout(property.Identifier.ValueText)
            : TimeoutParameters.IsNamedForATimeout(name);
    }
}
