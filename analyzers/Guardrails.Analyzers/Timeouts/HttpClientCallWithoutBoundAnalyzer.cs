using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>
/// GR2005: an <c>HttpClient</c> request (<c>GetAsync</c>, <c>SendAsync</c>, <c>GetFromJsonAsync</c>, ...) with no
/// cancellation token, in a function that has no token to forward, on a client whose <c>Timeout</c> is not
/// set in the same member. Only <c>HttpClient</c>'s 100-second default then bounds it, a budget nobody chose.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HttpClientCallWithoutBoundAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.HttpClientCallWithoutBound,
        title: "HttpClient request without a chosen bound",
        messageFormat: "'{0}' passes no CancellationToken and this client's Timeout is not set here, so only HttpClient's 100-second default bounds it: pass a CancellationToken that CancelAfter bounds, or set HttpClient.Timeout",
        RuleCategories.Timeouts,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An HttpClient request without a token can only end by HttpClient.Timeout, 100 seconds unless someone chose otherwise; a caller whose own budget is a few seconds keeps its thread and connection much longer.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.HttpClientCallWithoutBound));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var httpClient = context.Compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
        var cancellationToken = context.Compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        if (httpClient is null || cancellationToken is null)
        {
            return;
        }

        var testCode = TestCodeFilter.Create(context.Compilation);
        context.RegisterOperationAction(c => AnalyzeInvocation(c, httpClient, cancellationToken, testCode), OperationKind.Invocation);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol httpClient, INamedTypeSymbol cancellationToken, TestCodeFilter testCode)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!IsRequest(method, httpClient)
            || !CancellationArguments.PassesNoUsableToken(invocation, cancellationToken)
            || EnclosingFunction.HasCancellationTokenParameter(invocation, context.ContainingSymbol, cancellationToken)
            || !HasTokenOverload(method, cancellationToken)
            || HasTimeoutSetInSameMember(invocation)
            || testCode.Skips(context))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, InvocationLocation.NameOf(invocation), "HttpClient." + method.Name));
    }

    /// <summary>A method of HttpClient (or its base HttpMessageInvoker), or an extension on HttpClient.</summary>
    private static bool IsRequest(IMethodSymbol method, INamedTypeSymbol httpClient)
    {
        var onHttpClient = method.IsExtensionMethod
            ? method.Parameters.Length > 0 && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, httpClient)
            : SymbolEqualityComparer.Default.Equals(method.ContainingType, httpClient)
                || SymbolEqualityComparer.Default.Equals(method.ContainingType, httpClient.BaseType);
        return onHttpClient
            && (method.Name.StartsWith("Send", StringComparison.Ordinal) || method.Name.EndsWith("Async", StringComparison.Ordinal));
    }

    private static bool HasTokenOverload(IMethodSymbol method, INamedTypeSymbol cancellationToken)
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

    /// <summary>
    /// True when the client is a local, parameter, field or property whose <c>Timeout</c> this member sets,
    /// by assignment or in the object initializer that created it.
    /// </summary>
    private static bool HasTimeoutSetInSameMember(IInvocationOperation invocation)
    {
        var client = ReferencedSymbol(BuilderChain.Receiver(invocation));
        if (client is null)
        {
            return false;
        }

        var root = (IOperation)invocation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        foreach (var descendant in root.Descendants())
        {
            if (descendant is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Timeout" } target }
                && SymbolEqualityComparer.Default.Equals(ClientOf(target), client))
            {
                return true;
            }
        }

        return false;
    }

    private static ISymbol? ClientOf(IPropertyReferenceOperation timeout)
        => timeout.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
            ? InitializedSymbol(timeout)
            : ReferencedSymbol(timeout.Instance);

    /// <summary>For <c>var client = new HttpClient { Timeout = ... }</c>: the variable the created client goes to.</summary>
    private static ISymbol? InitializedSymbol(IOperation initializerMember)
    {
        var current = initializerMember.Parent;
        while (current is not null and not IObjectCreationOperation)
        {
            current = current.Parent;
        }

        var parent = current?.Parent;
        while (parent is IConversionOperation { IsImplicit: true })
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation assignment => ReferencedSymbol(assignment.Target),
            _ => null,
        };
    }

    private static ISymbol? ReferencedSymbol(IOperation? operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation fieldReference => fieldReference.Field,
        IPropertyReferenceOperation property => property.Property,
        _ => null,
    };
}
