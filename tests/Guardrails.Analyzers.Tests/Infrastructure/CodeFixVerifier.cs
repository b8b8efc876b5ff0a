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
/// Runs an analyzer and its code fix in the <see cref="TestProject"/>. The testing library applies the fix one
/// diagnostic at a time and through Fix All in document, project and solution; each result must equal the
/// fixed source and compile with no compiler error or warning. Markup in the fixed source marks diagnostics
/// that stay because no fix applies to them.
/// </summary>
internal static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <param name="referencePolly">False to compile without Polly.Core: a fix that needs it must then not be offered.</param>
    /// <param name="editorConfig">Lines for an <c>.editorconfig</c> section covering every file, when the fix reads options.</param>
    /// <param name="codeActionIndex">Which of several offered fixes to apply (default: the first).</param>
    public static Task VerifyAsync(string source, string fixedSource, bool referencePolly = true, string? editorConfig = null, int? codeActionIndex = null)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource, CodeActionIndex = codeActionIndex };
        TestProject.Configure(test, referencePolly, editorConfig);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The diagnostic is reported but no fix is offered (the fixed state equals the source).</summary>
    public static Task VerifyNoFixAsync(string source, bool referencePolly = true) => VerifyAsync(source, source, referencePolly);

    /// <summary>Several documents, several diagnostics: one fix at a time and Fix All must both give <paramref name="fixedSources"/>.</summary>
    /// <param name="editorConfig">Lines for an <c>.editorconfig</c> section covering every file, when the fix reads options.</param>
    public static Task VerifyFixAllAsync(string[] sources, string[] fixedSources, string? editorConfig = null)
    {
        var test = new Test();
        for (var index = 0; index < sources.Length; index++)
        {
            test.TestState.Sources.Add(("/0/Test" + index + ".cs", sources[index]));
            test.FixedState.Sources.Add(("/0/Test" + index + ".cs", fixedSources[index]));
        }

        TestProject.Configure(test, referencePolly: true, editorConfig);
        return test.RunAsync(CancellationToken.None);
    }

    private sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            // Warnings in the fixed code (unused variables, unreachable code) count as failures too.
            CompilerDiagnostics = CompilerDiagnostics.Warnings;
            FixedState.MarkupHandling = MarkupMode.Allow;
        }

        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.CSharp12);
    }
}
