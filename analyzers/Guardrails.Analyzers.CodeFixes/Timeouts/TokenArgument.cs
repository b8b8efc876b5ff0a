using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.CodeFixes.Timeouts;

/// <summary>
/// A call given a cancellation token: replacing a written <c>default</c> or <c>CancellationToken.None</c>, appended
/// by position, or appended by name, in the first form that binds to an overload taking the token and whose
/// result still fits where it is used.
/// </summary>
internal static class TokenArgument
{
    /// <param name="token">What the fixed call passes; it must bind at the call (see <see cref="Bound"/> otherwise).</param>
    public static InvocationExpressionSyntax? Added(SemanticModel semanticModel, InvocationExpressionSyntax invocation, IMethodSymbol original, ExpressionSyntax token)
        => Bound(semanticModel, invocation, original, token, token, out _);

    /// <summary>
    /// The call passing <paramref name="written"/>, chosen by binding the call with <paramref name="bindAs"/> in its
    /// place: a token that does not exist yet (a source the fix declares) binds as <c>default(CancellationToken)</c>.
    /// </summary>
    public static InvocationExpressionSyntax? Bound(
        SemanticModel semanticModel,
        InvocationExpressionSyntax invocation,
        IMethodSymbol original,
        ExpressionSyntax bindAs,
        ExpressionSyntax written,
        out IMethodSymbol? withToken)
    {
        var marker = new SyntaxAnnotation();
        foreach (var candidate in Candidates(semanticModel, invocation, original, bindAs.WithAdditionalAnnotations(marker)))
        {
            var bound = semanticModel.GetSpeculativeSymbolInfo(invocation.SpanStart, candidate, SpeculativeBindingOption.BindAsExpression).Symbol;
            if (bound is IMethodSymbol method
                && method.Parameters.Any(parameter => parameter.Type.Name == nameof(CancellationToken))
                && ResultStillFits(invocation, original, method))
            {
                withToken = method;
                var placeholder = candidate.GetAnnotatedNodes(marker).First();
                return candidate.ReplaceNode(placeholder, written).WithTriviaFrom(invocation);
            }
        }

        withToken = null;
        return null;
    }

    private static InvocationExpressionSyntax[] Candidates(SemanticModel semanticModel, InvocationExpressionSyntax invocation, IMethodSymbol original, ExpressionSyntax token)
    {
        var written = invocation.ArgumentList.Arguments.FirstOrDefault(argument =>
            semanticModel.GetTypeInfo(argument.Expression).ConvertedType?.Name == nameof(CancellationToken));
        if (written is not null)
        {
            return [invocation.ReplaceNode(written, written.WithExpression(token))];
        }

        var tokenParameter = original.ContainingType.GetMembers(original.Name)
            .OfType<IMethodSymbol>()
            .SelectMany(method => method.Parameters)
            .FirstOrDefault(parameter => parameter.Type.Name == nameof(CancellationToken));
        var positional = invocation.AddArgumentListArguments(SyntaxFactory.Argument(token));
        return tokenParameter is null
            ? [positional]
            : [positional, invocation.AddArgumentListArguments(SyntaxFactory.Argument(SyntaxFactory.NameColon(tokenParameter.Name), default, token))];
    }

    /// <summary>
    /// An overload with a token may return something else (<c>ValueTask</c> for <c>Task</c>); that only fits
    /// where the result is awaited or thrown away.
    /// </summary>
    private static bool ResultStillFits(InvocationExpressionSyntax invocation, IMethodSymbol original, IMethodSymbol withToken)
        => SymbolEqualityComparer.Default.Equals(original.ReturnType, withToken.ReturnType)
            || invocation.Parent is AwaitExpressionSyntax or ExpressionStatementSyntax;
}
