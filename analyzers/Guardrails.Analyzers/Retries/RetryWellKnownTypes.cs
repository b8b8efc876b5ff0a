using System;
using System.Threading;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Retries;

/// <summary>The framework types the retry rules recognise, resolved once per compilation.</summary>
internal sealed class RetryWellKnownTypes
{
    private RetryWellKnownTypes(Compilation compilation)
    {
        Thread = compilation.GetTypeByMetadataName("System.Threading.Thread");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        SpinWait = compilation.GetTypeByMetadataName("System.Threading.SpinWait");
        WaitHandle = compilation.GetTypeByMetadataName("System.Threading.WaitHandle");
        HttpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
        HttpResponseMessage = compilation.GetTypeByMetadataName("System.Net.Http.HttpResponseMessage");
        HttpStatusCode = compilation.GetTypeByMetadataName("System.Net.HttpStatusCode");
        HttpMessageInvoker = compilation.GetTypeByMetadataName("System.Net.Http.HttpMessageInvoker");
        HttpMessageHandler = compilation.GetTypeByMetadataName("System.Net.Http.HttpMessageHandler");
        DelegatingHandler = compilation.GetTypeByMetadataName("System.Net.Http.DelegatingHandler");
        DateTime = compilation.GetTypeByMetadataName("System.DateTime");
        DateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
        Stopwatch = compilation.GetTypeByMetadataName("System.Diagnostics.Stopwatch");
        Environment = compilation.GetTypeByMetadataName("System.Environment");
        CancellationTokenSource = compilation.GetTypeByMetadataName("System.Threading.CancellationTokenSource");
        Random = compilation.GetTypeByMetadataName("System.Random");
        Math = compilation.GetTypeByMetadataName("System.Math");
        Console = compilation.GetTypeByMetadataName("System.Console");
        OperationCanceledException = compilation.GetTypeByMetadataName("System.OperationCanceledException");
        FormatException = compilation.GetTypeByMetadataName("System.FormatException");
        OverflowException = compilation.GetTypeByMetadataName("System.OverflowException");
    }

    public INamedTypeSymbol? Thread { get; }
    public INamedTypeSymbol? Task { get; }
    public INamedTypeSymbol? SpinWait { get; }
    public INamedTypeSymbol? WaitHandle { get; }
    public INamedTypeSymbol? HttpClient { get; }
    public INamedTypeSymbol? HttpResponseMessage { get; }
    public INamedTypeSymbol? HttpStatusCode { get; }
    public INamedTypeSymbol? HttpMessageInvoker { get; }
    public INamedTypeSymbol? HttpMessageHandler { get; }
    public INamedTypeSymbol? DelegatingHandler { get; }
    public INamedTypeSymbol? DateTime { get; }
    public INamedTypeSymbol? DateTimeOffset { get; }
    public INamedTypeSymbol? Stopwatch { get; }
    public INamedTypeSymbol? Environment { get; }
    public INamedTypeSymbol? CancellationTokenSource { get; }
    public INamedTypeSymbol? Random { get; }
    public INamedTypeSymbol? Math { get; }
    public INamedTypeSymbol? Console { get; }
    public INamedTypeSymbol? OperationCanceledException { get; }
    public INamedTypeSymbol? FormatException { get; }
    public INamedTypeSymbol? OverflowException { get; }

    /// <summary>
    /// The types of <paramref name="compilation"/>, resolved once, the first time code passes an analyzer's syntax
    /// filter: a codebase with no retry shape never pays for the look-ups (the first look-up in a compilation binds
    /// every referenced assembly). The value is null when the compilation has no core library worth analysing.
    /// </summary>
    public static Lazy<RetryWellKnownTypes?> OnDemand(Compilation compilation) =>
        new(() => TryCreate(compilation), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The types of <paramref name="compilation"/> now; null when it has no core library worth analysing.</summary>
    public static RetryWellKnownTypes? TryCreate(Compilation compilation)
    {
        var types = new RetryWellKnownTypes(compilation);
        return types.Thread is null && types.Task is null ? null : types;
    }

    public bool IsDelayCall(IMethodSymbol method)
    {
        var type = method.ContainingType?.OriginalDefinition;
        if (type is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type, Thread))
        {
            return method.Name is "Sleep" or "SpinWait";
        }

        if (SymbolEqualityComparer.Default.Equals(type, Task))
        {
            return method.Name == "Delay";
        }

        if (SymbolEqualityComparer.Default.Equals(type, SpinWait))
        {
            return method.Name is "SpinUntil" or "SpinOnce";
        }

        if (IsOrDerivesFrom(type, WaitHandle))
        {
            // WaitOne(timeout) on an event nobody sets is the classic "sleep that can be cancelled".
            return method.Name == "WaitOne" && method.Parameters.Length > 0;
        }

        // A project's own pause helper: DelayAsync, SleepFor, BackoffAsync, WaitBeforeRetry... It waits, so it
        // returns nothing or a plain task; GetRetryDelay(attempt) returning a TimeSpan computes a wait, it does not wait.
        var waits = method.ReturnsVoid || (method.ReturnType is INamedTypeSymbol { IsGenericType: false, Name: "Task" or "ValueTask" });
        return waits && (method.Name.IndexOf("Delay", StringComparison.Ordinal) >= 0
            || method.Name.IndexOf("Sleep", StringComparison.Ordinal) >= 0
            || method.Name.IndexOf("Backoff", StringComparison.Ordinal) >= 0);
    }

    /// <summary>
    /// A request sent over HTTP: a method of HttpClient (or any HttpMessageInvoker), an extension method on
    /// HttpClient (<c>GetFromJsonAsync</c>), or <c>SendAsync</c> of a handler (<c>base.SendAsync</c> in a DelegatingHandler).
    /// </summary>
    public bool IsHttpCall(IMethodSymbol method)
    {
        if (method.ContainingType is not { } type)
        {
            return false;
        }

        if (IsOrDerivesFrom(type, HttpMessageInvoker))
        {
            return true;
        }

        if (method.IsExtensionMethod && method.Parameters.Length > 0 && IsOrDerivesFrom(method.Parameters[0].Type, HttpClient))
        {
            return true;
        }

        return method.Name is "SendAsync" or "Send" && IsOrDerivesFrom(type, HttpMessageHandler);
    }

    /// <summary>Whether a retry sends HTTP requests, and from where: that decides which library advice fits.</summary>
    public HttpInvolvement HttpInvolvementOf(IOperation region, ISymbol? containingSymbol)
    {
        var sendsHttp = OperationSearch.DescendantsInSameBody(region).Prepend(region)
            .OfType<IInvocationOperation>()
            .Any(invocation => IsHttpCall(invocation.TargetMethod));
        if (!sendsHttp)
        {
            return HttpInvolvement.None;
        }

        return containingSymbol?.ContainingType is { } type && IsOrDerivesFrom(type, DelegatingHandler)
            ? HttpInvolvement.DelegatingHandler
            : HttpInvolvement.HttpClient;
    }

    public bool IsRandom(ITypeSymbol? type) => type is not null && IsOrDerivesFrom(type, Random);

    public bool IsMathPow(IMethodSymbol method) =>
        method.Name == "Pow" && SymbolEqualityComparer.Default.Equals(method.ContainingType, Math);

    public bool IsConsoleRead(IMethodSymbol method) =>
        method.Name.StartsWith("Read", StringComparison.Ordinal) &&
        SymbolEqualityComparer.Default.Equals(method.ContainingType, Console);

    public static bool IsOrDerivesFrom(ITypeSymbol type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
