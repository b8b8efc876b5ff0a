using System.Linq;
using Guardrails.Analyzers.Options;
using Guardrails.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Guardrails.Analyzers.Tests.Options;

[TestFixture]
public sealed class SanctionedTypePatternsTests
{
    private const string Source = """
        namespace MyCompany.Retry.Internal { public sealed class Backoff { public sealed class Step { } } }
        namespace MyCompany.Http { public sealed class RetryingClient { } public sealed class OtherClient { } }
        namespace MyCompanyExtras { public sealed class Lookalike { } }
        """;

    private static INamedTypeSymbol Type(string metadataName)
    {
        var compilation = CSharpCompilation.Create("Types", [CSharpSyntaxTree.ParseText(Source)], TestReferences.Net80);
        return compilation.GetTypeByMetadataName(metadataName)!;
    }

    [TestCase("MyCompany.Retry.*", "MyCompany.Retry.Internal.Backoff", ExpectedResult = true)]
    [TestCase("MyCompany.Retry.*", "MyCompany.Retry.Internal.Backoff+Step", ExpectedResult = true)]
    [TestCase("MyCompany.*", "MyCompanyExtras.Lookalike", ExpectedResult = false)]
    [TestCase("MyCompany.Http.RetryingClient", "MyCompany.Http.RetryingClient", ExpectedResult = true)]
    [TestCase("MyCompany.Http.RetryingClient", "MyCompany.Http.OtherClient", ExpectedResult = false)]
    [TestCase("global::MyCompany.Http.RetryingClient", "MyCompany.Http.RetryingClient", ExpectedResult = true)]
    [TestCase("MyCompany.Http.OtherClient; MyCompany.Retry.*", "MyCompany.Retry.Internal.Backoff", ExpectedResult = true)]
    [TestCase("MyCompany.Http.OtherClient,MyCompany.Http.RetryingClient", "MyCompany.Http.RetryingClient", ExpectedResult = true)]
    [TestCase("", "MyCompany.Http.RetryingClient", ExpectedResult = false)]
    public bool An_option_value_covers_the_named_types_namespaces_and_nested_types(string optionValue, string metadataName) =>
        SanctionedTypePatterns.Parse(optionValue).Covers(Type(metadataName));

    [Test]
    public void The_same_option_value_is_parsed_once()
    {
        var first = SanctionedTypePatterns.Parse("MyCompany.Retry.*");
        var second = SanctionedTypePatterns.Parse("MyCompany.Retry.*");
        Assert.That(second, Is.SameAs(first));
        Assert.That(new[] { first, second }.All(patterns => !patterns.IsEmpty), Is.True);
    }
}
