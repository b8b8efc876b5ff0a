using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>
/// GR2005: an HTTP request with no bound anyone chose. An <c>HttpClient</c> request (<c>GetAsync</c>,
/// <c>SendAsync</c>, <c>GetFromJsonAsync</c>, ...) with no cancellation token, in a function that has no token to
/// forward, on a client whose <c>Timeout</c> is not set where it is made: only the 100-second default bounds it,
/// or nothing when the Timeout is infinite. The client is followed through the type's own syntax (a field or
/// property made in an initializer or constructor, a private helper's parameter) and the message names where it was
/// made. <c>WebClient</c> requests take no token and no timeout at all.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HttpClientCallWithoutBoundAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.HttpClientCallWithoutBound,
        title: "HTTP request without a chosen bound",
        messageFormat: "'{0}' {1}: {2}",
        RuleCategories.Timeouts,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An HttpClient request without a token can only end by HttpClient.Timeout, 100 seconds unless someone chose otherwise and never when it is infinite; a caller whose own budget is a few seconds keeps its thread and connection much longer. WebClient takes neither.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.HttpClientCallWithoutBound));

    private const string PassTokenOrSetTimeout = "pass a CancellationToken that CancelAfter bounds, or set HttpClient.Timeout";
    private const string PassTokenOrFiniteTimeout = "pass a CancellationToken that CancelAfter bounds, or give the client a finite Timeout";

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
        var httpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
        var webClient = compilation.GetTypeByMetadataName("System.Net.WebClient");
        var cancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        if ((httpClient is null && webClient is null) || cancellationToken is null || InfiniteTimeoutValues.Create(compilation) is not { } infinite)
        {
            return;
        }

        var types = new RequestTypes(httpClient, webClient, cancellationToken, infinite, TestCodeFilter.Create(compilation));
        // An operation action: the driver builds every body's operations for the pack's other rules anyway, so the
        // name test below is the whole cost of a call that is not a request. (A syntax action asking the semantic
        // model would be charged for binding the body first.)
        context.RegisterOperationAction(c => AnalyzeInvocation(c, types), OperationKind.Invocation);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, RequestTypes types)
    {
        // Every call of a build comes through here: a name test first keeps the rest for requests.
        var invocation = (IInvocationOperation)context.Operation;
        var name = invocation.TargetMethod.Name;
        var mayBeWebClient = types.WebClient is not null && IsWebClientRequestName(name);
        if ((!mayBeWebClient && !(types.HttpClient is not null && IsHttpClientRequestName(name)))
            || !(IsOn(invocation.TargetMethod, types.WebClient) || (types.HttpClient is not null && IsRequest(invocation.TargetMethod, types.HttpClient)))
            || invocation.SemanticModel is not { } semanticModel)
        {
            return;
        }

        var syntax = invocation.Syntax;
        var site = new Site(semanticModel, context.CancellationToken);
        var method = invocation.TargetMethod;
        if (mayBeWebClient && IsUnboundedWebClientRequest(invocation, types.WebClient!))
        {
            if (!types.TestCode.Skips(context))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Rule,
                    InvocationLocation.NameOf(invocation),
                    "WebClient." + method.Name,
                    "takes no CancellationToken and WebClient has no timeout of your choosing",
                    "use HttpClient with a CancellationToken that CancelAfter bounds, or a WebClient subclass whose GetWebRequest sets Timeout"));
            }

            return;
        }

        if (types.HttpClient is null
            || !IsRequest(method, types.HttpClient)
            || !CancellationArguments.PassesNoUsableToken(invocation, types.CancellationToken)
            || EnclosingFunction.HasCancellationTokenParameter(invocation, context.ContainingSymbol, types.CancellationToken)
            || !HasTokenOverload(method, types.CancellationToken)
            || types.TestCode.Skips(context))
        {
            return;
        }

        var client = ClientScan.ReferencedSymbol(BuilderChain.Receiver(invocation));
        var facts = client is null ? null : FactsFor(client, syntax, site, types);
        if (facts is { Timeout: ClientTimeout.Finite } or { HasTimeoutHandler: true })
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Rule,
            InvocationLocation.NameOf(invocation),
            "HttpClient." + method.Name,
            WhatBoundsItNow(facts),
            facts?.Timeout == ClientTimeout.Infinite ? PassTokenOrFiniteTimeout : PassTokenOrSetTimeout));
    }

    private static string WhatBoundsItNow(ClientFacts? facts) => facts switch
    {
        { Timeout: ClientTimeout.Infinite, MadeAt: { } madeAt } => "passes no CancellationToken and the client made in " + madeAt + " has an infinite Timeout (" + facts.InfiniteAt + "), so nothing bounds it",
        { Timeout: ClientTimeout.Infinite } => "passes no CancellationToken and this client's Timeout is set to infinite (" + facts.InfiniteAt + "), so nothing bounds it",
        { MadeAt: { } madeAt } => "passes no CancellationToken and the client made in " + madeAt + " sets no Timeout, so only HttpClient's 100-second default bounds it",
        _ => "passes no CancellationToken and this client's Timeout is not set in this type, so only HttpClient's 100-second default bounds it",
    };

    /// <summary>
    /// What the client's own syntax says: a local is read in its function; a field or property in its type (once per
    /// type); a private helper's parameter at the helper's call sites in the type (one level: a helper's helper is not
    /// followed), reporting the first unbounded client passed to it.
    /// </summary>
    private static ClientFacts? FactsFor(ISymbol client, SyntaxNode request, Site context, RequestTypes types, bool followHelpers = true)
    {
        var inFunction = FunctionSyntax.Around(request) is { } function
            ? ClientScan.Of(function, context.SemanticModel, types.HttpClient!, types.Infinite, context.CancellationToken).For(client)
            : null;
        if (client is ILocalSymbol || inFunction is { Timeout: not ClientTimeout.NotSet } or { HasTimeoutHandler: true })
        {
            return inFunction;
        }

        switch (client)
        {
            case IFieldSymbol or IPropertySymbol when request.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } type:
                return types.ScanOf(type, context).For(client);
            case IParameterSymbol { ContainingSymbol: IMethodSymbol { DeclaredAccessibility: Accessibility.Private } helper } parameter
                when followHelpers && request.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } type:
                return FactsFromCallers(helper, parameter, type, context, types);
            default:
                return null;
        }
    }

    private static ClientFacts? FactsFromCallers(IMethodSymbol helper, IParameterSymbol parameter, TypeDeclarationSyntax type, Site context, RequestTypes types)
    {
        ClientFacts? bounded = null;
        foreach (var node in type.DescendantNodes())
        {
            if (node is not InvocationExpressionSyntax call
                || InvokedName.Of(call) != helper.Name
                || context.SemanticModel.GetOperation(call, context.CancellationToken) is not IInvocationOperation callOperation
                || !SymbolEqualityComparer.Default.Equals(callOperation.TargetMethod.OriginalDefinition, helper.OriginalDefinition))
            {
                continue;
            }

            foreach (var argument in callOperation.Arguments)
            {
                if (SymbolEqualityComparer.Default.Equals(argument.Parameter?.OriginalDefinition, parameter.OriginalDefinition)
                    && ClientScan.ReferencedSymbol(Unwrap(argument.Value)) is { } passed
                    && FactsFor(passed, call, context, types, followHelpers: false) is { } facts)
                {
                    if (facts is { Timeout: ClientTimeout.Finite } or { HasTimeoutHandler: true })
                    {
                        bounded = facts;
                    }
                    else
                    {
                        return facts;
                    }
                }
            }
        }

        return bounded;
    }

    private static IOperation Unwrap(IOperation value)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }

    /// <summary>The symbol is asked for first: building the call's operation costs more and is kept for requests.</summary>
    private static bool IsOn(IMethodSymbol method, INamedTypeSymbol? type)
        => type is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, type);

    /// <summary>
    /// The requests of <c>HttpClient</c> and of System.Net.Http.Json's extensions. A name test, not "ends in Async":
    /// most calls of an async codebase end in Async, and asking the semantic model about each of them was this
    /// rule's whole cost. An extension of your own on <c>HttpClient</c> is judged where it calls one of these.
    /// </summary>
    private static bool IsHttpClientRequestName(string name) => name is
        "Send" or "SendAsync" or "GetAsync" or "PostAsync" or "PutAsync" or "PatchAsync" or "DeleteAsync"
        or "GetStringAsync" or "GetByteArrayAsync" or "GetStreamAsync"
        or "GetFromJsonAsync" or "GetFromJsonAsAsyncEnumerable" or "PostAsJsonAsync" or "PutAsJsonAsync" or "PatchAsJsonAsync" or "DeleteFromJsonAsync";

    private static bool IsWebClientRequestName(string name)
        => name.StartsWith("Download", StringComparison.Ordinal)
            || name.StartsWith("Upload", StringComparison.Ordinal)
            || name.StartsWith("OpenRead", StringComparison.Ordinal)
            || name.StartsWith("OpenWrite", StringComparison.Ordinal);

    /// <summary>
    /// A request method of WebClient (not the event-based <c>...Async</c> ones that return void and that
    /// <c>CancelAsync</c> stops), on a client whose type does not override <c>GetWebRequest</c>, where a subclass
    /// sets the request's Timeout.
    /// </summary>
    private static bool IsUnboundedWebClientRequest(IInvocationOperation invocation, INamedTypeSymbol webClient)
    {
        var method = invocation.TargetMethod;
        if (!SymbolEqualityComparer.Default.Equals(method.ContainingType, webClient)
            || (method.ReturnsVoid && method.Name.EndsWith("Async", StringComparison.Ordinal)))
        {
            return false;
        }

        for (var type = BuilderChain.Receiver(invocation)?.Type as INamedTypeSymbol; type is not null && !SymbolEqualityComparer.Default.Equals(type, webClient); type = type.BaseType)
        {
            if (!type.GetMembers("GetWebRequest").IsEmpty)
            {
                return false;
            }
        }

        return true;
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

    /// <summary>Where a request is judged: the semantic model of its file, for the type's own syntax.</summary>
    private readonly struct Site(SemanticModel semanticModel, System.Threading.CancellationToken cancellationToken)
    {
        public SemanticModel SemanticModel { get; } = semanticModel;

        public System.Threading.CancellationToken CancellationToken { get; } = cancellationToken;
    }

    /// <summary>The types a compilation resolves once, and each type's client scan, made the first time a request in it needs it.</summary>
    private sealed class RequestTypes(INamedTypeSymbol? httpClient, INamedTypeSymbol? webClient, INamedTypeSymbol cancellationToken, InfiniteTimeoutValues infinite, TestCodeFilter testCode)
    {
        private readonly ConcurrentDictionary<TypeDeclarationSyntax, ClientScan> scans = new();

        public INamedTypeSymbol? HttpClient { get; } = httpClient;

        public INamedTypeSymbol? WebClient { get; } = webClient;

        public INamedTypeSymbol CancellationToken { get; } = cancellationToken;

        public InfiniteTimeoutValues Infinite { get; } = infinite;

        public TestCodeFilter TestCode { get; } = testCode;

        public ClientScan ScanOf(TypeDeclarationSyntax type, Site context)
            => scans.GetOrAdd(type, declaration => ClientScan.Of(declaration, context.SemanticModel, HttpClient!, Infinite, context.CancellationToken));
    }
}
