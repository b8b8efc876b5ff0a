using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Guardrails.Analyzers.CodeFixes.Timeouts;

/// <summary>
/// The named timeout a fixed wait refers to: <c>private static readonly TimeSpan WaitTimeout = ...;</c> in the
/// enclosing type, added once and reused by later fixes, so the bound reads as a decision, not a magic number.
/// Where no field can be declared (top-level statements, an interface, a member of that name that is not a
/// <c>TimeSpan</c>) the value is written inline.
/// </summary>
internal sealed class WaitTimeoutField
{
    public const string Name = "WaitTimeout";

    private readonly TypeDeclarationSyntax? typeToExtend;
    private readonly MemberDeclarationSyntax? field;

    private WaitTimeoutField(ExpressionSyntax reference, TypeDeclarationSyntax? typeToExtend, MemberDeclarationSyntax? field)
    {
        Reference = reference;
        this.typeToExtend = typeToExtend;
        this.field = field;
    }

    /// <summary>What the fixed call passes: the field's name or the inline value.</summary>
    public ExpressionSyntax Reference { get; }

    public static WaitTimeoutField For(SyntaxNode call, SemanticModel semanticModel, System.TimeSpan timeout)
    {
        var inline = DefaultTimeout.Expression(timeout, semanticModel, call.SpanStart);
        if (call.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type
            || type is InterfaceDeclarationSyntax
            || semanticModel.GetDeclaredSymbol(type) is not INamedTypeSymbol typeSymbol)
        {
            return new WaitTimeoutField(inline, null, null);
        }

        var name = SyntaxFactory.IdentifierName(Name);
        switch (typeSymbol.GetMembers(Name).FirstOrDefault())
        {
            case null:
                var endOfLine = EndOfLineOf(type);
                var declaration = SyntaxFactory.ParseMemberDeclaration(
                        "private static readonly global::System.TimeSpan " + Name + " = " + inline + ";")!
                    .WithTrailingTrivia(endOfLine, endOfLine)
                    .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
                return new WaitTimeoutField(name, type, declaration);
            case IFieldSymbol { Type: var fieldType } when IsTimeSpan(fieldType):
            case IPropertySymbol { Type: var propertyType } when IsTimeSpan(propertyType):
                return new WaitTimeoutField(name, null, null);
            default:
                return new WaitTimeoutField(inline, null, null);
        }
    }

    /// <summary>Adds the field when it is new; call after the edits inside the type.</summary>
    public void DeclareIn(DocumentEditor editor)
    {
        if (typeToExtend is not null && field is not null)
        {
            editor.ReplaceNode(typeToExtend, (node, generator) => generator.InsertMembers(node, 0, field));
        }
    }

    /// <summary>The file's own line ending, so the new field's blank line matches its neighbours.</summary>
    private static SyntaxTrivia EndOfLineOf(SyntaxNode node)
    {
        foreach (var trivia in node.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return SyntaxFactory.ElasticCarriageReturnLineFeed;
    }

    private static bool IsTimeSpan(ITypeSymbol type)
        => type is { Name: nameof(System.TimeSpan), ContainingNamespace: { Name: nameof(System), ContainingNamespace.IsGlobalNamespace: true } };
}
