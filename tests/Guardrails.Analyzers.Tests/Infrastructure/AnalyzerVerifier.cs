using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Guardrails.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs one analyzer over C# source with diagnostic markup (<c>{|GR1001:code|}</c> or <c>[|code|]</c>) in the
/// <see cref="TestProject"/>. Compiler errors in the source fail the test, so samples must compile.
/// </summary>
internal static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAsync(source, editorConfig: null, globalConfig: null, expected);

    public static Task VerifyAsync(string source, string? editorConfig, params DiagnosticResult[] expected) =>
        VerifyAsync(source, editorConfig, globalConfig: null, expected);

    /// <param name="globalConfig">Global options, as MSBuild passes <c>build_property.*</c> values.</param>
    public static Task VerifyAsync(string source, string? editorConfig, string? globalConfig, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        TestProject.Configure(test, referencePolly: true, editorConfig, globalConfig);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

    private sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.CSharp12);
    }
}
