using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>
/// GR2003: connects with neither a cancellation token nor a timeout. <c>Socket</c> and <c>TcpClient</c>: every
/// <c>Connect</c> overload (none takes a timeout), <c>BeginConnect</c>, <c>ConnectAsync</c> without a token, and the
/// <c>TcpClient(host, port)</c> constructor that connects; they wait as long as the operating system keeps trying.
/// <c>UdpClient</c>: the host-name <c>Connect</c> and constructor, which resolve the name first (the address
/// overloads only record the remote end and send nothing). Named pipes: <c>NamedPipeClientStream.Connect()</c> and
/// <c>NamedPipeServerStream.WaitForConnection()</c>, which wait forever for the other end. A task or
/// <c>IAsyncResult</c> waited on with a bound in the same function (<c>.Wait(timeout)</c>, <c>.WaitAsync(timeout)</c>,
/// <c>Task.WhenAny(connect, Task.Delay(timeout))</c>, <c>AsyncWaitHandle.WaitOne(timeout)</c>) is bounded, and so is a
/// <c>Connect</c> on a socket the same function made non-blocking (it returns at once).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnboundedConnectAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.UnboundedConnect,
        title: "Connect without a bound",
        messageFormat: "'{0}' {1}: {2}",
        RuleCategories.Timeouts,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An unreachable host can hold a socket connect for minutes, and a pipe whose other end never comes waits forever. ConnectAsync or WaitForConnectionAsync with a CancellationToken that CancelAfter cancels, or a connect timeout, bounds it.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnboundedConnect));

    private const string WaitsForTheOperatingSystem = "waits as long as the operating system keeps trying to connect";
    private const string UseConnectAsync = "connect with ConnectAsync and a CancellationToken that CancelAfter bounds";
    private const string PassToken = "pass a CancellationToken that CancelAfter bounds";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        if (ConnectingTypes.Create(context.Compilation) is not { } types)
        {
            return;
        }

        var testCode = TestCodeFilter.Create(context.Compilation);
        context.RegisterSyntaxNodeAction(c => AnalyzeInvocation(c, types, testCode), SyntaxKind.InvocationExpression);
        context.RegisterSyntaxNodeAction(c => AnalyzeConstruction(c, types, testCode), SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);
    }

    private static void AnalyzeInvocation(SyntaxNodeAnalysisContext context, ConnectingTypes types, TestCodeFilter testCode)
    {
        var syntax = (InvocationExpressionSyntax)context.Node;
        var name = InvokedName.Of(syntax);
        // The symbol is asked for before the operation, which costs more to build and is kept for the connects.
        if (name is not ("Connect" or "ConnectAsync" or "BeginConnect" or "WaitForConnection" or "WaitForConnectionAsync")
            || context.SemanticModel.GetSymbolInfo(syntax, context.CancellationToken).Symbol is not IMethodSymbol method
            || types.KindOf(method.ContainingType) is var kind && kind == ConnectingTypes.Kind.None
            || TimeoutParameters.HasTimeoutParameter(method)
            || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IInvocationOperation invocation)
        {
            return;
        }

        if (!CancellationArguments.PassesNoUsableToken(invocation, types.CancellationToken)
            || IsSocketAsyncEventArgsPattern(method)
            || (kind == ConnectingTypes.Kind.Udp && !TakesHostName(method))
            || BoundedTask.IsBounded(syntax)
            || (name == "BeginConnect" && HasCallback(invocation))
            || (name == "Connect" && kind == ConnectingTypes.Kind.Socket && NonBlockingSocket.IsConnectedOn(syntax))
            || IsReportedElsewhere(invocation, context.ContainingSymbol, method, types.CancellationToken)
            || testCode.Skips(context))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Rule,
            InvocationLocation.NameOf(invocation),
            method.ContainingType.Name + "." + method.Name,
            WhatItWaitsFor(kind),
            WhatBoundsIt(kind, method)));
    }

    private static void AnalyzeConstruction(SyntaxNodeAnalysisContext context, ConnectingTypes types, TestCodeFilter testCode)
    {
        var arguments = ((BaseObjectCreationExpressionSyntax)context.Node).ArgumentList;
        if (arguments is not { Arguments.Count: 2 }
            || (context.Node is ObjectCreationExpressionSyntax { Type: var type } && TypeNames.LastOf(type) is not ("TcpClient" or "UdpClient"))
            || context.SemanticModel.GetSymbolInfo(context.Node, context.CancellationToken).Symbol is not IMethodSymbol constructor
            || types.KindOf(constructor.ContainingType) is not (ConnectingTypes.Kind.Socket or ConnectingTypes.Kind.Udp)
            || constructor.Parameters[0].Type.SpecialType != SpecialType.System_String
            || testCode.Skips(context))
        {
            return;
        }

        var typeName = constructor.ContainingType.Name;
        context.ReportDiagnostic(Diagnostic.Create(
            Rule,
            context.Node.GetLocation(),
            "new " + typeName + "(host, port)",
            typeName == "UdpClient" ? "resolves the host name before it returns, with no bound of yours" : WaitsForTheOperatingSystem,
            typeName == "UdpClient"
                ? "resolve the name with Dns.GetHostAddressesAsync and a CancellationToken that CancelAfter bounds, then connect to the address"
                : "create the client unconnected and " + UseConnectAsync));
    }

    private static string WhatItWaitsFor(ConnectingTypes.Kind kind) => kind switch
    {
        ConnectingTypes.Kind.PipeServer => "waits forever for a client to connect",
        ConnectingTypes.Kind.PipeClient => "waits forever for the server to open the pipe",
        ConnectingTypes.Kind.Udp => "resolves the host name before it returns, with no bound of yours",
        _ => WaitsForTheOperatingSystem,
    };

    private static string WhatBoundsIt(ConnectingTypes.Kind kind, IMethodSymbol method) => kind switch
    {
        ConnectingTypes.Kind.PipeServer => "call WaitForConnectionAsync with a CancellationToken that CancelAfter bounds",
        ConnectingTypes.Kind.PipeClient => "pass a timeout, or a CancellationToken that CancelAfter bounds to ConnectAsync",
        ConnectingTypes.Kind.Udp => "resolve the name with Dns.GetHostAddressesAsync and a CancellationToken that CancelAfter bounds, then connect to the address",
        _ when method.Name == "ConnectAsync" => PassToken,
        _ when method.Name == "BeginConnect" => UseConnectAsync + ", or wait on the result's AsyncWaitHandle with a timeout",
        _ => UseConnectAsync,
    };

    /// <summary>
    /// <c>BeginConnect(host, port, callback, state)</c> returns at once and completes in the callback; whoever waits
    /// for that callback (often an event with a timeout) is the wait, and GR2001 judges it.
    /// </summary>
    private static bool HasCallback(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type.Name == "AsyncCallback")
            {
                return argument.Value.ConstantValue is not { HasValue: true, Value: null }
                    && !(argument.Value is IConversionOperation { Operand.ConstantValue: { HasValue: true, Value: null } });
            }
        }

        return false;
    }

    /// <summary>An address overload of <c>UdpClient.Connect</c> sends nothing: it only records the remote end.</summary>
    private static bool TakesHostName(IMethodSymbol method)
        => method.Parameters.Length > 0 && method.Parameters[0].Type.SpecialType == SpecialType.System_String;

    /// <summary><c>ConnectAsync(SocketAsyncEventArgs)</c> completes through the event arguments' own callback.</summary>
    private static bool IsSocketAsyncEventArgsPattern(IMethodSymbol method)
        => method.ReturnType.SpecialType == SpecialType.System_Boolean;

    /// <summary>A token to forward is CA2016/MA0040's finding; a blocking connect in an async function, MA0042's.</summary>
    private static bool IsReportedElsewhere(IInvocationOperation invocation, ISymbol? containingSymbol, IMethodSymbol method, INamedTypeSymbol cancellationToken)
        => method.Name.EndsWith("Async", System.StringComparison.Ordinal)
            ? EnclosingFunction.HasCancellationTokenParameter(invocation, containingSymbol, cancellationToken)
            : method.Name != "BeginConnect" && EnclosingFunction.IsAsync(invocation, containingSymbol);
}
