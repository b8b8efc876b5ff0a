using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.Retries;

/// <summary>
/// The names a region (a loop) gives a computed value, by <c>x = ...</c> or <c>var x = ...</c>, in its own body:
/// only such a local can carry an action's result into a check (<see cref="ResultChecks"/> reads the values assigned
/// in the region). A flag set only to <c>true</c>/<c>false</c>, or set before the loop, carries none. Walked once, on
/// the first question, so a loop whose checks name no local never pays for it.
/// </summary>
internal sealed class ComputedLocals
{
    private readonly SyntaxNode region;
    private HashSet<string>? names;

    public ComputedLocals(SyntaxNode region) => this.region = region;

    public bool Contains(string name)
    {
        if (names is null)
        {
            names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var node in RetryCandidateSyntax.NodesInSameBody(region))
            {
                switch (node)
                {
                    case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: IdentifierNameSyntax target } assignment when IsComputed(assignment.Right):
                        names.Add(target.Identifier.ValueText);
                        break;
                    case VariableDeclaratorSyntax { Initializer.Value: var value } declarator when IsComputed(value):
                        names.Add(declarator.Identifier.ValueText);
                        break;
                }
            }
        }

        return names.Contains(name);
    }

    private static bool IsComputed(ExpressionSyntax value) => value is not LiteralExpressionSyntax;
}
