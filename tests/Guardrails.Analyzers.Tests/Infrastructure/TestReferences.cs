using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Guardrails.Analyzers.Tests.Infrastructure;

/// <summary>
/// Offline references for analyzer tests: the .NET 8 reference assemblies from Basic.Reference.Assemblies
/// (never a NuGet download at test time), the real Grpc.Core.Api and NUnit assemblies, and Polly.Core's
/// metadata, which code-fix tests can leave out to check that a fix is then not offered.
/// </summary>
internal static class TestReferences
{
    /// <summary>No reference package: the testing library resolves nothing itself, so nothing is downloaded.</summary>
    public static ReferenceAssemblies None { get; } = new("net8.0");

    public static ImmutableArray<MetadataReference> Net80 { get; } = [.. Basic.Reference.Assemblies.Net80.References.All];

    public static MetadataReference PollyCore { get; } =
        MetadataReference.CreateFromFile(typeof(Polly.ResiliencePipeline).Assembly.Location);

    /// <summary>Everything but Polly: the framework, gRPC's client API and a test framework.</summary>
    public static ImmutableArray<MetadataReference> Common { get; } =
    [
        .. Net80,
        MetadataReference.CreateFromFile(typeof(Grpc.Core.ClientBase).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(NUnit.Framework.TestAttribute).Assembly.Location),
    ];
}
