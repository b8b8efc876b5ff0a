using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
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

    /// <summary>The words every infinite argument the rule reads is written with (see <see cref="InfiniteLookingArgument"/>).</summary>
    private static readonly string[] InfiniteArgumentWords = ["-1", "Infinite", "MaxValue"];

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
        // One action per file, not one per call and assignment: every finding is written with one of a few words
        // ("-1", "Infinite", "MaxValue", "Timeout"), so a search of the file's text finds the few places to look at,
        // and the syntax and semantic model are asked about those alone. An action per call cost more in the driver's
        // dispatch than the whole search (docs/performance.md).
        context.RegisterSemanticModelAction(c => AnalyzeFile(c, infinite, properties, testCode));
    }

    private static void AnalyzeFile(SemanticModelAnalysisContext context, InfiniteTimeoutValues infinite, TimeoutProperties properties, TestCodeFilter testCode)
    {
        var tree = context.SemanticModel.SyntaxTree;
        var text = tree.GetText(context.CancellationToken).ToString();
        foreach (var word in InfiniteArgumentWords)
        {
            foreach (var token in TokensWritten(tree, text, word, context.CancellationToken))
            {
                if (InfiniteLookingArgument(token) is { } argument)
                {
                    AnalyzeArgument(context, argument, infinite, testCode);
                }
            }
        }

        foreach (var token in TokensWritten(tree, text, "Timeout", context.CancellationToken))
        {
            if (AssignmentToATimeout(token) is { } assignment)
            {
                AnalyzeAssignment(context, assignment, infinite, properties, testCode);
            }
        }
    }

    /// <summary>
    /// The tokens whose text holds <paramref name="word"/>, each once (a word found in a comment yields the token the
    /// comment belongs to, which the callers' shape tests turn down). The tree is read only when the word occurs.
    /// </summary>
    private static IEnumerable<SyntaxToken> TokensWritten(SyntaxTree tree, string text, string word, CancellationToken cancellationToken)
    {
        SyntaxNode? root = null;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0;)
        {
            root ??= tree.GetRoot(cancellationToken);
            var token = root.FindToken(at);
            yield return token;
            at = text.IndexOf(word, Math.Max(at + word.Length, token.Span.End), StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The argument of a call or <c>new</c> that a token found by the text search is written as, when it looks
    /// infinite: <c>-1</c>, and names such as <c>Timeout.Infinite</c>, <c>Timeout.InfiniteTimeSpan</c>,
    /// <c>TimeSpan.MaxValue</c> or a constant of one's own named for infinity.
    /// </summary>
    private static ArgumentSyntax? InfiniteLookingArgument(SyntaxToken token)
    {
        ExpressionSyntax? written = token.Parent switch
        {
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression, Operand: LiteralExpressionSyntax { Token.ValueText: "1" } } minus
                when token.IsKind(SyntaxKind.MinusToken) => minus,
            IdentifierNameSyntax name when name.Identifier.ValueText is var identifier
                && (identifier == "MaxValue" || identifier.IndexOf("Infinite", StringComparison.Ordinal) >= 0)
                => name.Parent is MemberAccessExpressionSyntax memberAccess && memberAccess.Name == name ? memberAccess : name,
            _ => null,
        };
        return written?.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax } } argument
            && argument.Expression == written
                ? argument
                : null;
    }

    private static void AnalyzeArgument(SemanticModelAnalysisContext context, ArgumentSyntax syntax, InfiniteTimeoutValues infinite, TestCodeFilter testCode)
    {
        var arguments = context.SemanticModel.GetOperation(syntax.Parent!.Parent!, context.CancellationToken) switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };
        foreach (var argument in arguments)
        {
            // The value test is the cheap one and almost always false; the parameter's name is read only after it.
            if (argument.Syntax != syntax
                || argument.ArgumentKind != ArgumentKind.Explicit
                || !infinite.IsInfinite(argument.Value)
                || argument.Parameter is not { } parameter
                || !TimeoutParameters.IsTimeout(parameter)
                || NoTimeoutConfiguredBranch.Contains(syntax)
                || testCode.Skips(context, syntax))
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

    /// <summary>The assignment whose target a token found by the text search names, when that name ends in <c>Timeout</c>.</summary>
    private static AssignmentExpressionSyntax? AssignmentToATimeout(SyntaxToken token)
    {
        if (token.Parent is not IdentifierNameSyntax name || !name.Identifier.ValueText.EndsWith("Timeout", StringComparison.Ordinal))
        {
            return null;
        }

        SyntaxNode target = name.Parent switch
        {
            MemberAccessExpressionSyntax memberAccess when memberAccess.Name == name => memberAccess,
            MemberBindingExpressionSyntax memberBinding when memberBinding.Name == name => memberBinding,
            _ => name,
        };
        return target.Parent is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment && assignment.Left == target
            ? assignment
            : null;
    }

    private static void AnalyzeAssignment(SemanticModelAnalysisContext context, AssignmentExpressionSyntax syntax, InfiniteTimeoutValues infinite, TimeoutProperties properties, TestCodeFilter testCode)
    {
        if (context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not ISimpleAssignmentOperation assignment
            || assignment.Target is not IPropertyReferenceOperation { Property: var property }
            || !IsInfiniteFor(property, assignment.Value, infinite, properties)
            || (properties.IsHttpClientTimeout(property) && (ResilienceHandlerOwnsTimeouts(assignment, properties) || SelfBoundingType.BoundsRequests(syntax)))
            || NoTimeoutConfiguredBranch.Contains(syntax)
            || testCode.Skips(context, syntax))
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
