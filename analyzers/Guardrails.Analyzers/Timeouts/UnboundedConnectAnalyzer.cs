using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>
/// GR2003: <c>Socket</c> and <c>TcpClient</c> connects with no cancellation token: the synchronous
/// <c>Connect</c> (which has no timeout at all), the <c>TcpClient(host, port)</c> constructor that connects, and
/// <c>ConnectAsync</c> without a token. They wait as long as the operating system keeps trying.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnboundedConnectAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.UnboundedConnect,
        title: "Network connect without a bound",
        messageFormat: "'{0}' waits as long as the operating system keeps trying to connect: {1}",
        RuleCategories.Timeouts,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An unreachable host can hold a connect for minutes. ConnectAsync with a CancellationToken that CancelAfter cancels is the only way to bound it.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnboundedConnect));

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
        var compilation = context.Compilation;
        var socket = compilation.GetTypeByMetadataName("System.Net.Sockets.Socket");
        var tcpClient = compilation.GetTypeByMetadataName("System.Net.Sockets.TcpClient");
        var cancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        if ((socket is null && tcpClient is null) || cancellationToken is null)
        {
            return;
        }

        var testCode = TestCodeFilter.Create(compilation);
        context.RegisterOperationAction(c => AnalyzeInvocation(c, socket, tcpClient, cancellationToken, testCode), OperationKind.Invocation);
        if (tcpClient is not null)
        {
            context.RegisterOperationAction(c => AnalyzeConstruction(c, tcpClient, testCode), OperationKind.ObjectCreation);
        }
    }

    private static void AnalyzeInvocation(
        OperationAnalysisContext context,
        INamedTypeSymbol? socket,
        INamedTypeSymbol? tcpClient,
        INamedTypeSymbol cancellationToken,
        TestCodeFilter testCode)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name is not ("Connect" or "ConnectAsync")
            || !(IsOrDerivesFrom(method.ContainingType, socket) || IsOrDerivesFrom(method.ContainingType, tcpClient))
            || !CancellationArguments.PassesNoUsableToken(invocation, cancellationToken)
            || IsSocketAsyncEventArgsPattern(method)
            || IsReportedElsewhere(invocation, context.ContainingSymbol, method, cancellationToken)
            || testCode.Skips(context))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Rule,
            InvocationLocation.NameOf(invocation),
            method.ContainingType.Name + "." + method.Name,
            method.Name == "Connect" ? UseConnectAsync : PassToken));
    }

    private static void AnalyzeConstruction(OperationAnalysisContext context, INamedTypeSymbol tcpClient, TestCodeFilter testCode)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Constructor is not { Parameters.Length: 2 } constructor
            || !SymbolEqualityComparer.Default.Equals(constructor.ContainingType, tcpClient)
            || constructor.Parameters[0].Type.SpecialType != SpecialType.System_String
            || testCode.Skips(context))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Rule,
            creation.Syntax.GetLocation(),
            "new TcpClient(host, port)",
            "create the client unconnected and " + UseConnectAsync));
    }

    /// <summary><c>ConnectAsync(SocketAsyncEventArgs)</c> completes through the event arguments' own callback.</summary>
    private static bool IsSocketAsyncEventArgsPattern(IMethodSymbol method)
        => method.ReturnType.SpecialType == SpecialType.System_Boolean;

    /// <summary>A token to forward is CA2016/MA0040's finding; a blocking connect in an async function, MA0042's.</summary>
    private static bool IsReportedElsewhere(IInvocationOperation invocation, ISymbol containingSymbol, IMethodSymbol method, INamedTypeSymbol cancellationToken)
        => method.Name == "Connect"
            ? EnclosingFunction.IsAsync(invocation, containingSymbol)
            : EnclosingFunction.HasCancellationTokenParameter(invocation, containingSymbol, cancellationToken);

    private static bool IsOrDerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol? expected)
    {
        for (var current = type; current is not null && expected is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, expected))
            {
                return true;
            }
        }

        return false;
    }
}
