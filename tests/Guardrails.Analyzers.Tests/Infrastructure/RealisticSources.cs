using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Guardrails.Analyzers.Tests.Infrastructure;

/// <summary>
/// The realistic samples embedded from <c>Infrastructure/RealisticSources</c> (service code that mixes the shapes the
/// rules report with the look-alikes they must leave alone), and the one way the tests compile them.
/// </summary>
internal static class RealisticSources
{
    private const string ResourcePrefix = "RealisticSources/";
    private const string ResourceSuffix = ".cs.txt";

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.CSharp12);

    /// <summary>The samples' file names, such as <c>TimeoutsWorker.cs.txt</c>, in ordinal order.</summary>
    public static IEnumerable<string> Names() =>
        typeof(RealisticSources).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            .Select(name => name.Substring(ResourcePrefix.Length))
            .OrderBy(name => name, StringComparer.Ordinal);

    public static string Read(string name)
    {
        using var stream = typeof(RealisticSources).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"sample {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static SyntaxTree Parse(string name) => CSharpSyntaxTree.ParseText(Read(name), ParseOptions, path: name);

    /// <summary>A library of the given trees against .NET 8, with Polly.Core unless a test leaves it out.</summary>
    public static CSharpCompilation Compile(string assemblyName, IEnumerable<SyntaxTree> trees, bool referencePolly = true) =>
        CSharpCompilation.Create(
            assemblyName,
            trees,
            referencePolly ? TestReferences.Net80.Add(TestReferences.PollyCore) : TestReferences.Net80,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
}
