using System;
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
        // Calls through operation actions: their operations are bound by the driver for every body anyway, while a
        // syntax action that asks the semantic model about a call given -1 (an index, a bound: common in most code)
        // pays for binding the whole body. The written arguments are tested first either way. Assignments through a
        // syntax action: their test (a member named ...Timeout) almost never passes, so they almost never bind.
        context.RegisterOperationAction(c => AnalyzeArguments(c, infinite, testCode), OperationKind.Invocation, OperationKind.ObjectCreation);
        context.RegisterSyntaxNodeAction(c => AnalyzeAssignment(c, infinite, properties, testCode), SyntaxKind.SimpleAssignmentExpression);
    }

    private static void AnalyzeArguments(OperationAnalysisContext context, InfiniteTimeoutValues infinite, TestCodeFilter testCode)
    {
        var argumentList = context.Operation.Syntax switch
        {
            InvocationExpressionSyntax invocation => invocation.ArgumentList,
            BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
            _ => null,
        };
        if (argumentList is null || !AnyLooksInfinite(argumentList))
        {
            return;
        }

        var arguments = context.Operation switch
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
                || NoTimeoutConfiguredBranch.Contains(argument.Syntax)
                || testCode.Skips(context))
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

    /// <summary>
    /// The written forms of "never": <c>-1</c>, and names such as <c>Timeout.Infinite</c>,
    /// <c>Timeout.InfiniteTimeSpan</c>, <c>TimeSpan.MaxValue</c> or a constant of one's own named for infinity.
    /// </summary>
    private static bool AnyLooksInfinite(ArgumentListSyntax arguments)
    {
        foreach (var argument in arguments.Arguments)
        {
            var name = argument.Expression switch
            {
                PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression, Operand: LiteralExpressionSyntax { Token.ValueText: "1" } } => "-1",
                MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                _ => string.Empty,
            };
            // Most arguments are short names; the substring search runs only on one long enough to hold the word.
            if (name == "-1" || name == "MaxValue" || (name.Length >= "Infinite".Length && name.IndexOf("Infinite", StringComparison.Ordinal) >= 0))
            {
                return true;
            }
        }

        return false;
    }

    private static void AnalyzeAssignment(SyntaxNodeAnalysisContext context, InfiniteTimeoutValues infinite, TimeoutProperties properties, TestCodeFilter testCode)
    {
        var syntax = (AssignmentExpressionSyntax)context.Node;
        var target = syntax.Left switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberBindingExpressionSyntax memberBinding => memberBinding.Name.Identifier.ValueText,
            _ => string.Empty,
        };
        if (!target.EndsWith("Timeout", StringComparison.Ordinal)
            || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not ISimpleAssignmentOperation assignment
            || assignment.Target is not IPropertyReferenceOperation { Property: var property }
            || !IsInfiniteFor(property, assignment.Value, infinite, properties)
            || (properties.IsHttpClientTimeout(property) && (ResilienceHandlerOwnsTimeouts(assignment, properties) || SelfBoundingType.BoundsRequests(syntax)))
            || NoTimeoutConfiguredBranch.Contains(syntax)
            || testCode.Skips(context))
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
