using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>
/// Reads, from the syntax of one scope (a type's declaration in this file, or one function), where each
/// <c>HttpClient</c> local, field or property is made (a field or property initializer, an assignment in a
/// constructor or method) and what its <c>Timeout</c> is set to (in the object initializer or by assignment).
/// No data flow: any finite assignment anywhere in the scope counts as the client's bound.
/// </summary>
internal sealed class ClientScan
{
    private readonly SemanticModel semanticModel;
    private readonly INamedTypeSymbol httpClient;
    private readonly InfiniteTimeoutValues infinite;
    private readonly Dictionary<ISymbol, ClientFacts> clients = new(SymbolEqualityComparer.Default);

    private ClientScan(SemanticModel semanticModel, INamedTypeSymbol httpClient, InfiniteTimeoutValues infinite)
    {
        this.semanticModel = semanticModel;
        this.httpClient = httpClient;
        this.infinite = infinite;
    }

    public static ClientScan Of(SyntaxNode scope, SemanticModel semanticModel, INamedTypeSymbol httpClient, InfiniteTimeoutValues infinite, System.Threading.CancellationToken cancellationToken)
    {
        var scan = new ClientScan(semanticModel, httpClient, infinite);
        foreach (var node in scope.DescendantNodes())
        {
            switch (node)
            {
                case BaseObjectCreationExpressionSyntax creation:
                    scan.ReadCreation(creation, cancellationToken);
                    break;
                case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment when IsTimeoutTarget(assignment.Left):
                    scan.ReadTimeout(assignment, cancellationToken);
                    break;
            }
        }

        return scan;
    }

    public ClientFacts? For(ISymbol client) => clients.TryGetValue(client, out var facts) ? facts : null;

    private static bool IsTimeoutTarget(ExpressionSyntax left) => left switch
    {
        MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText == "Timeout",
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == "Timeout",
        _ => false,
    };

    private void ReadCreation(BaseObjectCreationExpressionSyntax creation, System.Threading.CancellationToken cancellationToken)
    {
        if (creation is ObjectCreationExpressionSyntax { Type: var type } && !TypeNames.LastOf(type).EndsWith("HttpClient", System.StringComparison.Ordinal))
        {
            return;
        }

        var (target, where) = TargetOf(creation, cancellationToken);
        if (target is null
            || semanticModel.GetTypeInfo(creation, cancellationToken).Type is not INamedTypeSymbol created
            || !DerivesFromHttpClient(created))
        {
            return;
        }

        var facts = FactsFor(target);
        facts.MadeAt ??= where;
        facts.HasTimeoutHandler |= creation.ArgumentList is { Arguments.Count: > 0 } arguments
            && SelfBoundingType.IsTimeoutHandler(arguments.Arguments[0].Expression);
    }

    private void ReadTimeout(AssignmentExpressionSyntax assignment, System.Threading.CancellationToken cancellationToken)
    {
        if (semanticModel.GetOperation(assignment, cancellationToken) is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: var property } target } operation
            || !DerivesFromHttpClient(property.ContainingType)
            || ClientOf(target, cancellationToken) is not { } client)
        {
            return;
        }

        var facts = FactsFor(client);
        if (infinite.IsInfiniteTimeSpan(operation.Value))
        {
            if (facts.Timeout == ClientTimeout.NotSet)
            {
                facts.Timeout = ClientTimeout.Infinite;
                facts.InfiniteAt = Describe(assignment, "line");
            }
        }
        else
        {
            facts.Timeout = ClientTimeout.Finite;
        }
    }

    private ClientFacts FactsFor(ISymbol client)
    {
        if (!clients.TryGetValue(client, out var facts))
        {
            facts = new ClientFacts();
            clients.Add(client, facts);
        }

        return facts;
    }

    /// <summary>The client a <c>Timeout</c> belongs to: the one an object initializer builds, or the one referenced.</summary>
    private ISymbol? ClientOf(IPropertyReferenceOperation timeout, System.Threading.CancellationToken cancellationToken)
    {
        if (timeout.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
        {
            return timeout.Syntax.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is { } creation
                ? TargetOf(creation, cancellationToken).Target
                : null;
        }

        return ReferencedSymbol(timeout.Instance);
    }

    /// <summary>The local, field or property a created client is stored in, and how a message names that place.</summary>
    private (ISymbol? Target, string? Where) TargetOf(BaseObjectCreationExpressionSyntax creation, System.Threading.CancellationToken cancellationToken)
    {
        SyntaxNode node = creation;
        while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            node = node.Parent;
        }

        switch (node.Parent)
        {
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                var declared = semanticModel.GetDeclaredSymbol(declarator, cancellationToken);
                return (declared, declared is IFieldSymbol ? Describe(declarator, "field '" + declarator.Identifier.ValueText + "'") : Describe(declarator, "line"));
            case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                return (semanticModel.GetDeclaredSymbol(property, cancellationToken), Describe(property, "property '" + property.Identifier.ValueText + "'"));
            case AssignmentExpressionSyntax assignment when assignment.Right == node:
                return (semanticModel.GetSymbolInfo(assignment.Left, cancellationToken).Symbol, Describe(assignment, MemberName(assignment)));
            default:
                return (null, null);
        }
    }

    private static string MemberName(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case ConstructorDeclarationSyntax:
                    return "the constructor";
                case MethodDeclarationSyntax method:
                    return "'" + method.Identifier.ValueText + "'";
                case PropertyDeclarationSyntax property:
                    return "property '" + property.Identifier.ValueText + "'";
            }
        }

        return "line";
    }

    /// <summary><c>field '_http' (line 12)</c>, or <c>line 12</c> alone.</summary>
    private static string Describe(SyntaxNode node, string what)
    {
        var line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
        return what == "line" ? "line " + line : what + " (line " + line + ")";
    }

    private bool DerivesFromHttpClient(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, httpClient))
            {
                return true;
            }
        }

        return false;
    }

    public static ISymbol? ReferencedSymbol(IOperation? operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation fieldReference => fieldReference.Field,
        IPropertyReferenceOperation property => property.Property,
        _ => null,
    };
}
