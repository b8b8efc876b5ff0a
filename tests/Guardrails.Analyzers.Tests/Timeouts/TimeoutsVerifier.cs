using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Guardrails.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Guardrails.Analyzers.Tests.Timeouts;

/// <summary>
/// Runs a GR2xxx analyzer (and optionally its fix) like <see cref="AnalyzerVerifier{TAnalyzer}"/>, with more
/// to compile against: the real Grpc.Core.Api and NUnit assemblies, and small stand-ins for xUnit and
/// Microsoft.Extensions.Http.Resilience. Nothing is downloaded.
/// Sources use markup: <c>{|GR2001:WaitOne|}</c> marks where a diagnostic is expected.
/// </summary>
internal static class TimeoutsVerifier
{
    public static Task VerifyAnalyzerAsync<TAnalyzer>(string source, string? editorConfig = null, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => VerifyAnalyzerAsync<TAnalyzer>(source, editorConfig, globalConfig: null, expected);

    /// <param name="globalConfig">Global options, as MSBuild passes <c>build_property.*</c> values.</param>
    public static Task VerifyAnalyzerAsync<TAnalyzer>(string source, string? editorConfig, string? globalConfig, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        Configure(test, editorConfig);
        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig + "\n"));
        }

        return test.RunAsync(CancellationToken.None);
    }

    public static Task VerifyCodeFixAsync<TAnalyzer, TCodeFix>(string source, string fixedSource, string? editorConfig = null, int? codeActionIndex = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionIndex = codeActionIndex,
            // Warnings in the fixed code (unused variables, unreachable code) count as failures too.
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };
        // Markup in the fixed code marks diagnostics that stay because no fix applies to them.
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        Configure(test, editorConfig);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>
    /// Several documents, several diagnostics: the testing library applies the fix one diagnostic at a time and
    /// through Fix All in document, project and solution, and each result must equal the fixed sources and compile.
    /// </summary>
    public static Task VerifyFixAllAsync<TAnalyzer, TCodeFix>(string[] sources, string[] fixedSources)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };
        for (var index = 0; index < sources.Length; index++)
        {
            test.TestState.Sources.Add(("/0/Test" + index + ".cs", sources[index]));
            test.FixedState.Sources.Add(("/0/Test" + index + ".cs", fixedSources[index]));
        }

        test.FixedState.MarkupHandling = MarkupMode.Allow;
        Configure(test, editorConfig: null);
        return test.RunAsync(CancellationToken.None);
    }

    private const string ResilienceStandInProject = "Microsoft.Extensions.Http.Resilience";

    /// <summary>
    /// The real package needs .NET 10 reference assemblies and half of Microsoft.Extensions; the analyzer only
    /// asks which assembly declares the handler registration, so a stand-in with the real names is enough.
    /// </summary>
    private const string ResilienceStandIn = """
        namespace Microsoft.Extensions.DependencyInjection
        {
            public interface IHttpClientBuilder { }

            public interface IHttpStandardResiliencePipelineBuilder { }

            public static class HttpClientFactoryServiceCollectionExtensions
            {
                public static IHttpClientBuilder AddHttpClient(this object services, string name, System.Action<System.Net.Http.HttpClient> configureClient) => null!;
            }

            public static class ResilienceHttpClientBuilderExtensions
            {
                public static IHttpStandardResiliencePipelineBuilder AddStandardResilienceHandler(this IHttpClientBuilder builder) => null!;
            }
        }
        """;

    private const string XunitStandInProject = "xunit.core";

    private const string XunitStandIn = """
        namespace Xunit
        {
            [System.AttributeUsage(System.AttributeTargets.Method)]
            public class FactAttribute : System.Attribute { }
        }
        """;

    private static void Configure<TVerifier>(AnalyzerTest<TVerifier> test, string? editorConfig)
        where TVerifier : IVerifier, new()
    {
        test.ReferenceAssemblies = TestReferences.None;
        test.TestState.AdditionalReferences.AddRange(References);
        AddStandIn(test, ResilienceStandInProject, ResilienceStandIn);
        AddStandIn(test, XunitStandInProject, XunitStandIn);
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }
    }

    private static void AddStandIn<TVerifier>(AnalyzerTest<TVerifier> test, string assemblyName, string source)
        where TVerifier : IVerifier, new()
    {
        var project = test.TestState.AdditionalProjects[assemblyName];
        // Stand-ins are not what the test is about: their missing documentation is no finding.
        project.Sources.Add((assemblyName + ".cs", "#pragma warning disable CS1591\n" + source));
        project.AdditionalReferences.AddRange(TestReferences.Net80);
        test.TestState.AdditionalProjectReferences.Add(assemblyName);
    }

    private static readonly ImmutableArray<MetadataReference> References = ImmutableArray.CreateRange<MetadataReference>(
        [
            .. TestReferences.Net80,
            TestReferences.PollyCore,
            MetadataReference.CreateFromFile(typeof(Grpc.Core.ClientBase).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(NUnit.Framework.TestAttribute).Assembly.Location),
        ]);
}
