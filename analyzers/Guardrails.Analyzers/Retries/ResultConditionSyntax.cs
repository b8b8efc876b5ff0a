using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.Retries;

/// <summary>
/// The syntax of a condition <see cref="ResultChecks"/> could read as testing an action's result: a negation,
/// <c>&amp;&amp;</c>/<c>||</c> of such conditions, a flag, a call to an action, a success or error property of a local,
/// a comparison with <c>true</c>/<c>false</c>, a <c>StatusCode</c> comparison or an <c>Error…</c> property compared with a
/// value. <c>i &lt; n</c>, <c>x != null</c>, <c>x.Equals(y)</c> and <c>true</c> are not.
/// </summary>
internal static class ResultConditionSyntax
{
    /// <summary>
    /// Whether <paramref name="condition"/> may test an action's result; a flag or a result object it reads must be
    /// among the <paramref name="computed"/> locals of the loop, as the values <see cref="ResultChecks"/> follows are.
    /// </summary>
    public static bool MayTestResult(ExpressionSyntax condition, ComputedLocals computed)
    {
        switch (Strip(condition))
        {
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } negation:
                return MayTestResult(negation.Operand, computed);
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression or (int)SyntaxKind.LogicalOrExpression } joined:
                return MayTestResult(joined.Left, computed) || MayTestResult(joined.Right, computed);
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression or (int)SyntaxKind.NotEqualsExpression } comparison:
                // ok == false, response.StatusCode == HttpStatusCode.TooManyRequests, result.Error != null
                return (Strip(comparison.Right) is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression or (int)SyntaxKind.FalseLiteralExpression } &&
                        MayTestResult(comparison.Left, computed)) ||
                    NamesStatusCode(comparison.Left) || NamesStatusCode(comparison.Right) ||
                    (Strip(comparison.Left) is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax errorHolder, Name.Identifier.ValueText: var property } &&
                     property.StartsWith("Error", System.StringComparison.Ordinal) && computed.Contains(errorHolder.Identifier.ValueText));
            case BinaryExpressionSyntax comparison:
                return NamesStatusCode(comparison.Left) || NamesStatusCode(comparison.Right);
            case InvocationExpressionSyntax call:
                // TrySend(): only a call to an action reports the action's result.
                return RetryCandidateSyntax.MayNameAction(call);
            case MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax result, Name.Identifier.ValueText: var resultProperty }:
                // response.IsSuccessStatusCode, result.Succeeded, result.HasErrors: a property of a local result.
                return (RetriedOperationRecognizer.IsSuccessPropertyName(resultProperty) || RetriedOperationRecognizer.IsErrorFlagName(resultProperty)) &&
                    computed.Contains(result.Identifier.ValueText);
            case IdentifierNameSyntax flag:
                // A flag, which an action's result may have set in the loop.
                return computed.Contains(flag.Identifier.ValueText);
            default:
                return false;
        }
    }

    /// <summary>
    /// A condition that compares a <c>StatusCode</c> (<c>response.HttpResponse.StatusCode == HttpStatusCode.Accepted</c>,
    /// through <c>!</c>, <c>&amp;&amp;</c> and <c>||</c>): the status says the call went over HTTP, whatever it is called.
    /// </summary>
    public static bool MayTestStatus(ExpressionSyntax condition) => Strip(condition) switch
    {
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } negation => MayTestStatus(negation.Operand),
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression or (int)SyntaxKind.LogicalOrExpression } joined =>
            MayTestStatus(joined.Left) || MayTestStatus(joined.Right),
        BinaryExpressionSyntax comparison => NamesStatusCode(comparison.Left) || NamesStatusCode(comparison.Right),
        _ => false,
    };

    /// <summary><c>switch (response.StatusCode)</c>, <c>switch ((int)result.HttpResponse.StatusCode)</c>.</summary>
    public static bool NamesStatusCode(ExpressionSyntax expression) =>
        Strip(expression) is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "StatusCode" };

    /// <summary>Parentheses, casts, <c>await</c> and <c>.ConfigureAwait(...)</c> do not change what is tested.</summary>
    private static ExpressionSyntax Strip(ExpressionSyntax expression)
    {
        var current = expression;
        while (true)
        {
            switch (current)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    current = parenthesized.Expression;
                    break;
                case CastExpressionSyntax cast:
                    current = cast.Expression;
                    break;
                case AwaitExpressionSyntax awaited:
                    current = awaited.Expression;
                    break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Expression: var configured } }:
                    current = configured;
                    break;
                default:
                    return current;
            }
        }
    }
}
