using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>
/// GR2002: a timeout set to "never": <c>Timeout.Infinite</c>, <c>-1</c>, <c>Timeout.InfiniteTimeSpan</c> or
/// <c>TimeSpan.MaxValue</c> passed as a timeout argument or assigned to a <c>...Timeout</c> property;
/// <c>DbCommand.CommandTimeout = 0</c>; socket and stream read/write timeouts set to infinite.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InfiniteTimeoutAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.InfiniteTimeout,
        title: "Timeout set to infinite",
        messageFormat: "{0} turns the timeout off, so this can wait forever: {1}",
        RuleCategories.Timeouts,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An infinite timeout is a decision that no dependency will ever hang. Give the operation a finite timeout sized to the caller's budget, or bound it with a CancellationToken that CancelAfter cancels.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.InfiniteTimeout));

    private const string FiniteTimeout = "give it a finite timeout sized to the caller's budget";

    /// <summary>
    /// What the file search looks for: <c>-1</c> (also written <c>- 1</c>), a name containing <c>Infinite</c>,
    /// <c>MaxValue</c>, and a member ending in <c>Timeout</c> that is assigned.
    /// </summary>
    private static readonly ImmutableArray<string> InfiniteWords = ImmutableArray.Create("-1", "- 1", "Infinite", "MaxValue", "Timeout");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        if (InfiniteTimeoutValues.Create(context.Compilation) is not { } infinite)
        {
            return;
        }

        var properties = TimeoutProperties.Create(context.Compilation);
        var testCode = TestCodeFilter.Create(context.Compilation);
        // One search of each file's text for the words an infinite timeout is written with, rather than a callback
        // per call and per assignment: the driver's bookkeeping for those callbacks was most of this rule's cost.
        context.RegisterSemanticModelAction(c => AnalyzeFile(c, infinite, properties, testCode));
    }

    private static void AnalyzeFile(SemanticModelAnalysisContext context, InfiniteTimeoutValues infinite, TimeoutProperties properties, TestCodeFilter testCode)
    {
        HashSet<SyntaxNode>? calls = null;
        foreach (var token in TokenSearch.Containing(context.SemanticModel.SyntaxTree, InfiniteWords, context.CancellationToken))
        {
            if (AssignedTimeout(token) is { } assignment)
            {
                AnalyzeAssignment(context, assignment, infinite, properties, testCode);
            }
            else if (CallPassingInfinite(token) is { } call && (calls ??= []).Add(call))
            {
                AnalyzeArguments(context, call, infinite, testCode);
            }
        }
    }

    /// <summary>
    /// The call whose argument this token writes as "never": <c>-1</c>, and names such as <c>Timeout.Infinite</c>,
    /// <c>Timeout.InfiniteTimeSpan</c>, <c>TimeSpan.MaxValue</c> or a constant of one's own named for infinity.
    /// </summary>
    private static SyntaxNode? CallPassingInfinite(SyntaxToken token)
    {
        ExpressionSyntax? value = token.Parent switch
        {
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression, Operand: LiteralExpressionSyntax { Token.ValueText: "1" } } minusOne
                when token.IsKind(SyntaxKind.MinusToken) => minusOne,
            IdentifierNameSyntax name when token.ValueText == "MaxValue" || token.ValueText.IndexOf("Infinite", StringComparison.Ordinal) >= 0
                => name.Parent is MemberAccessExpressionSyntax memberAccess && memberAccess.Name == name ? memberAccess : name,
            _ => null,
        };
        return value?.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax } arguments }
            ? arguments.Parent
            : null;
    }

    /// <summary>An assignment to a member whose name ends in <c>Timeout</c>, named by this token.</summary>
    private static AssignmentExpressionSyntax? AssignedTimeout(SyntaxToken token)
    {
        if (token.Parent is not IdentifierNameSyntax name || !token.ValueText.EndsWith("Timeout", StringComparison.Ordinal))
        {
            return null;
        }

        ExpressionSyntax target = name.Parent switch
        {
            MemberAccessExpressionSyntax memberAccess when memberAccess.Name == name => memberAccess,
            MemberBindingExpressionSyntax memberBinding when memberBinding.Name == name => memberBinding,
            _ => name,
        };
        return target.Parent is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment && assignment.Left == target
            ? assignment
            : null;
    }

    private static void AnalyzeArguments(SemanticModelAnalysisContext context, SyntaxNode call, InfiniteTimeoutValues infinite, TestCodeFilter testCode)
    {
        // The symbol is asked for before the operation, which costs more to build: most calls given -1 or a
        // MaxValue take no timeout at all.
        if (context.SemanticModel.GetSymbolInfo(call, context.CancellationToken).Symbol is not IMethodSymbol method
            || !TimeoutParameters.HasTimeoutParameter(method))
        {
            return;
        }

        var arguments = context.SemanticModel.GetOperation(call, context.CancellationToken) switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };
        foreach (var argument in arguments)
        {
            // The value test is the cheap one and almost always false; the parameter's name is read only after it.
            if (argument.ArgumentKind != ArgumentKind.Explicit
                || !infinite.IsInfinite(argument.Value)
                || argument.Parameter is not { } parameter
                || !TimeoutParameters.IsTimeout(parameter)
                || testCode.Skips(context, ContainingMember.Of(context.SemanticModel, call, context.CancellationToken)))
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Rule,
                argument.Value.Syntax.GetLocation(),
                $"Passing {argument.Value.Syntax} as '{parameter.Name}'",
                FiniteTimeout));
        }
    }

    private static void AnalyzeAssignment(SemanticModelAnalysisContext context, AssignmentExpressionSyntax syntax, InfiniteTimeoutValues infinite, TimeoutProperties properties, TestCodeFilter testCode)
    {
        if (context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not ISimpleAssignmentOperation assignment
            || assignment.Target is not IPropertyReferenceOperation { Property: var property }
            || !IsInfiniteFor(property, assignment.Value, infinite, properties)
            || (properties.IsHttpClientTimeout(property) && (ResilienceHandlerOwnsTimeouts(assignment, properties) || SelfBoundingType.BoundsRequests(syntax)))
            || testCode.Skips(context, ContainingMember.Of(context.SemanticModel, syntax, context.CancellationToken)))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Rule,
            assignment.Value.Syntax.GetLocation(),
            $"Setting {property.ContainingType.Name}.{property.Name} to {assignment.Value.Syntax}",
            properties.IsHttpClientTimeout(property)
                ? FiniteTimeout + ", or let AddStandardResilienceHandler own the timeouts"
                : FiniteTimeout));
    }

    private static bool IsInfiniteFor(IPropertySymbol property, IOperation value, InfiniteTimeoutValues infinite, TimeoutProperties properties)
    {
        if (!property.Name.EndsWith("Timeout", StringComparison.Ordinal))
        {
            return false;
        }

        if (infinite.IsInfiniteTimeSpan(value))
        {
            return true;
        }

        return properties.MeaningOfZeroAndMinusOne(property) switch
        {
            InfiniteMarker.Zero => InfiniteTimeoutValues.IsConstant(value, 0),
            InfiniteMarker.MinusOne => InfiniteTimeoutValues.IsConstant(value, -1),
            InfiniteMarker.ZeroOrMinusOne => InfiniteTimeoutValues.IsConstant(value, 0) || InfiniteTimeoutValues.IsConstant(value, -1),
            _ => false,
        };
    }

    /// <summary>
    /// Microsoft.Extensions.Http.Resilience's standard handlers enforce their own total and attempt timeouts
    /// and document setting <c>HttpClient.Timeout</c> to infinite so the client's does not fire first.
    /// </summary>
    private static bool ResilienceHandlerOwnsTimeouts(IOperation assignment, TimeoutProperties properties)
    {
        if (!properties.ResilienceHandlersReferenced)
        {
            return false;
        }

        var root = assignment;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        foreach (var descendant in root.DescendantsAndSelf())
        {
            if (descendant is IInvocationOperation invocation && TimeoutProperties.IsResilienceHandlerRegistration(invocation.TargetMethod))
            {
                return true;
            }
        }

        return false;
    }
}
