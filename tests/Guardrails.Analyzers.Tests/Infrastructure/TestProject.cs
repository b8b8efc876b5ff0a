using Microsoft.CodeAnalysis.Testing;

namespace Guardrails.Analyzers.Tests.Infrastructure;

/// <summary>The one project every analyzer and code-fix test compiles: its references, stand-ins and options.</summary>
internal static class TestProject
{
    public static void Configure<TVerifier>(AnalyzerTest<TVerifier> test, bool referencePolly, string? editorConfig, string? globalConfig = null)
        where TVerifier : IVerifier, new()
    {
        test.ReferenceAssemblies = TestReferences.None;
        test.TestState.AdditionalReferences.AddRange(TestReferences.Common);
        if (referencePolly)
        {
            test.TestState.AdditionalReferences.Add(TestReferences.PollyCore);
        }

        StandInAssemblies.AddTo(test.TestState);
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig + "\n"));
        }

        if (globalConfig is not null)
        {
            // Global options, as MSBuild passes build_property.* values.
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig + "\n"));
        }
    }
}
