using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.CodeFixes.Retries;

/// <summary>
/// Hands the pipeline's token to every call in the retried operation that can take one. Without it a timeout
/// added to the pipeline later can never cancel the call: <c>async token =&gt; await http.GetFromJsonAsync&lt;T&gt;(url)</c>
/// compiles, and waits for HttpClient's own 100 seconds. A call that already passed the method's own token
/// gets the pipeline's instead, and the method's token goes to <c>ExecuteAsync</c>, which links the two.
/// </summary>
internal static class TokenForwarding
{
    public static RetryPipelinePlan Apply(RetryPipelinePlan plan, SemanticModel model, string tokenName, CancellationToken cancellationToken)
    {
        if (model.Compilation.GetTypeByMetadataName("System.Threading.CancellationToken") is not { } tokenType)
        {
            return plan;
        }

        string? outerToken = null;
        var passesToken = false;
        var token = SyntaxFactory.IdentifierName(tokenName);
        SyntaxNode Rewrite(SyntaxNode node) => node.ReplaceNodes(
            node.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>(),
            (original, rewritten) =>
            {
                if (model.GetOperation(original, cancellationToken) is not IInvocationOperation invocation)
                {
                    return rewritten;
                }

                var arguments = Forwarded(invocation, rewritten.ArgumentList, tokenType, token, ref outerToken);
                if (arguments is null)
                {
                    return rewritten;
                }

                passesToken = true;
                return rewritten.WithArgumentList(arguments);
            });

        var statements = plan.OperationStatements.Select(statement => (StatementSyntax)Rewrite(statement)).ToImmutableArray();
        var returned = plan.ReturnedExpression is null ? null : (ExpressionSyntax)Rewrite(plan.ReturnedExpression);
        return plan.WithOperation(statements, returned, plan.CancellationTokenExpression ?? outerToken, passesToken);
    }

    private static ArgumentListSyntax? Forwarded(IInvocationOperation invocation, ArgumentListSyntax arguments, ITypeSymbol tokenType, IdentifierNameSyntax token, ref string? outerToken)
    {
        var tokenArgument = invocation.Arguments.FirstOrDefault(argument => SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, tokenType));
        if (tokenArgument is { ArgumentKind: ArgumentKind.Explicit, Syntax: ArgumentSyntax passed })
        {
            // client.GetStringAsync(url, cancellationToken): the pipeline's token replaces the method's own.
            if (tokenArgument.Value is not (IParameterReferenceOperation or ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation))
            {
                return null;
            }

            outerToken ??= passed.Expression.ToString();
            var index = FindArgument(arguments, passed);
            return index < 0 ? null : arguments.WithArguments(arguments.Arguments.Replace(arguments.Arguments[index], arguments.Arguments[index].WithExpression(token)));
        }

        if (tokenArgument is { ArgumentKind: ArgumentKind.DefaultValue, Parameter: { } optional })
        {
            // GetFromJsonAsync<T>(url): the optional token parameter is named, since earlier optional ones may be skipped too.
            return Append(arguments, SyntaxFactory.Argument(SyntaxFactory.NameColon(optional.Name), default, token).NormalizeWhitespace());
        }

        if (tokenArgument is null && HasOverloadTakingATokenLast(invocation.TargetMethod, tokenType) &&
            arguments.Arguments.All(argument => argument.NameColon is null) &&
            invocation.Arguments.All(argument => argument.ArgumentKind == ArgumentKind.Explicit))
        {
            // GetStringAsync(url) -> GetStringAsync(url, token): the overload with one more parameter, a token.
            return Append(arguments, SyntaxFactory.Argument(token));
        }

        return null;
    }

    /// <summary>Adds an argument after a comma and a space, keeping the trivia of the arguments already there.</summary>
    private static ArgumentListSyntax Append(ArgumentListSyntax arguments, ArgumentSyntax added)
    {
        var items = arguments.Arguments.GetWithSeparators().ToList();
        if (items.Count > 0)
        {
            items.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
        }

        items.Add(added);
        return arguments.WithArguments(SyntaxFactory.SeparatedList<ArgumentSyntax>(items));
    }

    private static int FindArgument(ArgumentListSyntax rewritten, ArgumentSyntax original)
    {
        if (original.Parent is not ArgumentListSyntax originalList)
        {
            return -1;
        }

        var index = originalList.Arguments.IndexOf(original);
        return index < rewritten.Arguments.Count ? index : -1;
    }

    private static bool HasOverloadTakingATokenLast(IMethodSymbol method, ITypeSymbol tokenType)
    {
        var definition = method.ReducedFrom ?? method.OriginalDefinition;
        return definition.ContainingType.GetMembers(definition.Name).OfType<IMethodSymbol>().Any(overload =>
            overload.Parameters.Length == definition.Parameters.Length + 1 &&
            overload.IsStatic == definition.IsStatic &&
            overload.TypeParameters.Length == definition.TypeParameters.Length &&
            SymbolEqualityComparer.Default.Equals(overload.Parameters[overload.Parameters.Length - 1].Type, tokenType) &&
            definition.Parameters.Select(parameter => parameter.Type.ToDisplayString())
                .SequenceEqual(overload.Parameters.Take(definition.Parameters.Length).Select(parameter => parameter.Type.ToDisplayString())));
    }
}
