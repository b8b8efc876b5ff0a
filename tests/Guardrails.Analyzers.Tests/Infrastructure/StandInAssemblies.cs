using Microsoft.CodeAnalysis.Testing;

namespace Guardrails.Analyzers.Tests.Infrastructure;

/// <summary>
/// Small stand-ins, compiled as projects of their own with the real assembly and type names, for packages
/// whose real assemblies need more than the .NET 8 reference assemblies: Microsoft.Extensions.Http.Resilience
/// (the analyzers only ask which assembly declares the handler registration) and xUnit's <c>[Fact]</c>.
/// Nothing is downloaded.
/// </summary>
internal static class StandInAssemblies
{
    private const string Resilience = """
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

    private const string Xunit = """
        namespace Xunit
        {
            [System.AttributeUsage(System.AttributeTargets.Method)]
            public class FactAttribute : System.Attribute { }
        }
        """;

    public static void AddTo(SolutionState state)
    {
        Add(state, "Microsoft.Extensions.Http.Resilience", Resilience);
        Add(state, "xunit.core", Xunit);
    }

    private static void Add(SolutionState state, string assemblyName, string source)
    {
        var project = state.AdditionalProjects[assemblyName];
        // Stand-ins are not what the test is about: their missing documentation is no finding.
        project.Sources.Add((assemblyName + ".cs", "#pragma warning disable CS1591\n" + source));
        project.AdditionalReferences.AddRange(TestReferences.Net80);
        state.AdditionalProjectReferences.Add(assemblyName);
    }
}
