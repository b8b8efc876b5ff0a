using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>
/// GR2001: a blocking or awaited wait that passes neither a timeout nor a cancellation token, such as
/// <c>WaitHandle.WaitOne()</c>, <c>Task.Wait()</c>, <c>Thread.Join()</c>, <c>SemaphoreSlim.WaitAsync()</c> or
/// <c>ManualResetEventSlim.Wait()</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnboundedWaitAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.UnboundedWait,
        title: "Wait without a bound",
        messageFormat: "'{0}' can wait forever: {1}",
        RuleCategories.Timeouts,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A wait with neither a timeout nor a cancellation token turns a stuck dependency into a stuck thread or request. Pass a timeout and handle the timed-out case, or a CancellationToken that a CancelAfter bounds.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnboundedWait));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var compilation = context.Compilation;
        if (compilation.GetTypeByMetadataName("System.Threading.CancellationToken") is not { } cancellationToken)
        {
            return;
        }

        var waits = new Dictionary<INamedTypeSymbol, WaitKind>(SymbolEqualityComparer.Default);
        Add(waits, compilation, "System.Threading.WaitHandle", WaitKind.Handle);
        Add(waits, compilation, "System.Threading.Tasks.Task", WaitKind.Task);
        Add(waits, compilation, "System.Threading.Thread", WaitKind.Thread);
        Add(waits, compilation, "System.Diagnostics.Process", WaitKind.Process);
        Add(waits, compilation, "System.Threading.SemaphoreSlim", WaitKind.Semaphore);
        Add(waits, compilation, "System.Threading.ManualResetEventSlim", WaitKind.Event);
        Add(waits, compilation, "System.Threading.CountdownEvent", WaitKind.Event);
        Add(waits, compilation, "System.Collections.Concurrent.BlockingCollection`1", WaitKind.BlockingCollection);
        if (waits.Count == 0)
        {
            return;
        }

        var testCode = TestCodeFilter.Create(compilation);
        // An operation action: the driver builds every body's operations for the pack's other rules anyway, so the
        // name test below is the whole cost of a call that is not a wait.
        context.RegisterOperationAction(
            operationContext => AnalyzeInvocation(operationContext, waits, cancellationToken, testCode),
            OperationKind.Invocation);
    }

    private static void Add(Dictionary<INamedTypeSymbol, WaitKind> waits, Compilation compilation, string metadataName, WaitKind kind)
    {
        if (compilation.GetTypeByMetadataName(metadataName) is { } type)
        {
            waits[type] = kind;
        }
    }

    private static void AnalyzeInvocation(
        OperationAnalysisContext context,
        Dictionary<INamedTypeSymbol, WaitKind> waits,
        INamedTypeSymbol cancellationToken,
        TestCodeFilter testCode)
    {
        // Every call in a build comes through here: the name test keeps the type walk for the few waits.
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!IsWaitName(method.Name)
            || !IsWatchedWait(method, waits, out var kind)
            || TimeoutParameters.HasTimeoutParameter(method)
            || !CancellationArguments.PassesNoUsableToken(invocation, cancellationToken)
            || (kind == WaitKind.Process && method.Name == "WaitForExit" && invocation.Syntax is InvocationExpressionSyntax syntax && ProcessExit.IsKnownBefore(syntax))
            || IsReportedElsewhere(invocation, context.ContainingSymbol, method, kind, cancellationToken)
            || testCode.Skips(context))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Rule,
            InvocationLocation.NameOf(invocation),
            method.ContainingType.Name + "." + method.Name,
            WhatBoundsIt(method, kind)));
    }

    private static bool IsWaitName(string name)
        => name is "WaitOne" or "WaitAll" or "WaitAny" or "Wait" or "WaitAsync" or "Join" or "WaitForExit" or "WaitForExitAsync" or "Take";

    private static bool IsWatchedWait(IMethodSymbol method, Dictionary<INamedTypeSymbol, WaitKind> waits, out WaitKind kind)
    {
        kind = default;
        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            if (waits.TryGetValue(type.OriginalDefinition, out kind))
            {
                return IsWaitMethod(method.Name, kind);
            }
        }

        return false;
    }

    private static bool IsWaitMethod(string name, WaitKind kind) => kind switch
    {
        WaitKind.Handle => name is "WaitOne" or "WaitAll" or "WaitAny",
        WaitKind.Task => name is "Wait" or "WaitAll" or "WaitAny",
        WaitKind.Thread => name is "Join",
        WaitKind.Process => name is "WaitForExit" or "WaitForExitAsync",
        WaitKind.Semaphore => name is "Wait" or "WaitAsync",
        WaitKind.Event => name is "Wait",
        WaitKind.BlockingCollection => name is "Take",
        _ => false,
    };

    /// <summary>
    /// A token the caller could forward is CA2016/MA0040's finding; blocking on a task, or blocking where an
    /// async sibling exists, inside an async function is VSTHRD002/VSTHRD103/MA0042's.
    /// </summary>
    private static bool IsReportedElsewhere(IInvocationOperation invocation, ISymbol? containingSymbol, IMethodSymbol method, WaitKind kind, INamedTypeSymbol cancellationToken)
    {
        if (HasCancellationTokenOverload(method, cancellationToken)
            && EnclosingFunction.HasCancellationTokenParameter(invocation, containingSymbol, cancellationToken))
        {
            return true;
        }

        var isBlocking = !method.Name.EndsWith("Async", System.StringComparison.Ordinal);
        return isBlocking
            && (kind == WaitKind.Task || HasAsyncSibling(method))
            && EnclosingFunction.IsAsync(invocation, containingSymbol);
    }

    private static bool HasCancellationTokenOverload(IMethodSymbol method, INamedTypeSymbol cancellationToken)
    {
        foreach (var member in method.ContainingType.GetMembers(method.Name))
        {
            if (member is IMethodSymbol overload)
            {
                foreach (var parameter in overload.Parameters)
                {
                    if (SymbolEqualityComparer.Default.Equals(parameter.Type, cancellationToken))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool HasAsyncSibling(IMethodSymbol method)
        => !method.ContainingType.GetMembers(method.Name + "Async").IsEmpty;

    private static string WhatBoundsIt(IMethodSymbol method, WaitKind kind) => kind switch
    {
        WaitKind.BlockingCollection => "pass a CancellationToken that CancelAfter bounds, or use TryTake with a timeout",
        WaitKind.Process when method.Name == "WaitForExitAsync" => "pass a CancellationToken that CancelAfter bounds",
        WaitKind.Task or WaitKind.Semaphore or WaitKind.Event => "pass a timeout and handle the timed-out case, or a CancellationToken that CancelAfter bounds",
        _ => "pass a timeout and handle the timed-out case",
    };

    private enum WaitKind
    {
        Handle,
        Task,
        Thread,
        Process,
        Semaphore,
        Event,
        BlockingCollection,
    }
}
