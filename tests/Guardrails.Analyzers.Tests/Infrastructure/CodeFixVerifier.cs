using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Guardrails.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs an analyzer and its code fix. The fixed source is compiled too: any compiler error or warning in it
/// fails the test (the testing library compares the fixed state's compiler diagnostics, which we expect empty).
/// </summary>
internal static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <param name="referencePolly">False to compile without Polly.Core: the fix must then not be offered.</param>
    /// <param name="editorConfig">Lines for an <c>.editorconfig</c> section covering every file, when the fix reads options.</param>
    public static Task VerifyAsync(string source, string fixedSource, bool referencePolly = true, string? editorConfig = null)
    {
        var test = new Test(referencePolly) { TestCode = source, FixedCode = fixedSource };
        if (editorConfig is not null)
        {
            var config = ("/.editorconfig", "root = true\n\n[*]\n" + editorConfig + "\n");
            test.TestState.AnalyzerConfigFiles.Add(config);
            test.FixedState.AnalyzerConfigFiles.Add(config);
        }

        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The diagnostic is reported but no fix is offered (the fixed state equals the source).</summary>
    public static Task VerifyNoFixAsync(string source, bool referencePolly = true) => VerifyAsync(source, source, referencePolly);

    private sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test(bool referencePolly)
        {
            ReferenceAssemblies = TestReferences.None;
            TestState.AdditionalReferences.AddRange(TestReferences.Net80);
            FixedState.AdditionalReferences.AddRange(TestReferences.Net80);
            if (referencePolly)
            {
                TestState.AdditionalReferences.Add(TestReferences.PollyCore);
                FixedState.AdditionalReferences.Add(TestReferences.PollyCore);
            }

            // Warnings in the fixed code (unused variables, unreachable code) count as failures too.
            CompilerDiagnostics = CompilerDiagnostics.Warnings;
        }

        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.CSharp12);
    }
}
