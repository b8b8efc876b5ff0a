using System.Linq;
using Guardrails.Analyzers.Options;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>
/// Keeps the GR2xxx rules quiet inside NUnit, xUnit and MSTest fixtures, which often wait on purpose (a
/// test's own timeout bounds them). Turned off with <c>guardrails.timeouts.skip_test_code = false</c>.
/// </summary>
internal sealed class TestCodeFilter
{
    public const string SkipTestCodeOption = "guardrails.timeouts.skip_test_code";

    private static readonly ImmutableArray<string> TestAttributeNames = ImmutableArray.Create(
        "NUnit.Framework.TestAttribute",
        "NUnit.Framework.TestCaseAttribute",
        "NUnit.Framework.TestCaseSourceAttribute",
        "NUnit.Framework.TheoryAttribute",
        "NUnit.Framework.SetUpAttribute",
        "NUnit.Framework.TearDownAttribute",
        "NUnit.Framework.OneTimeSetUpAttribute",
        "NUnit.Framework.OneTimeTearDownAttribute",
        "NUnit.Framework.TestFixtureAttribute",
        "Xunit.FactAttribute",
        "Microsoft.VisualStudio.TestTools.UnitTesting.TestClassAttribute",
        "Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute",
        "Microsoft.VisualStudio.TestTools.UnitTesting.TestInitializeAttribute",
        "Microsoft.VisualStudio.TestTools.UnitTesting.TestCleanupAttribute",
        "Microsoft.VisualStudio.TestTools.UnitTesting.ClassInitializeAttribute",
        "Microsoft.VisualStudio.TestTools.UnitTesting.AssemblyInitializeAttribute");

    private readonly ImmutableArray<INamedTypeSymbol> testAttributes;
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> fixtures = new(SymbolEqualityComparer.Default);

    private TestCodeFilter(ImmutableArray<INamedTypeSymbol> testAttributes) => this.testAttributes = testAttributes;

    public static TestCodeFilter Create(Compilation compilation)
    {
        var attributes = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in TestAttributeNames)
        {
            if (compilation.GetTypeByMetadataName(name) is { } attribute)
            {
                attributes.Add(attribute);
            }
        }

        return new TestCodeFilter(attributes.ToImmutable());
    }

    /// <summary>
    /// The MSBuild property Microsoft.NET.Test.Sdk sets on test projects; the package's props make it visible to
    /// analyzers, so helpers in a test project without test attributes count as test code too.
    /// </summary>
    public const string IsTestProjectProperty = "build_property.IsTestProject";

    /// <summary>True when the operation sits in test code and the options say to leave test code alone.</summary>
    public bool Skips(OperationAnalysisContext context)
        => Skips(context.Options, context.Operation.Syntax.SyntaxTree, context.ContainingSymbol);

    /// <summary>True when the syntax node sits in test code and the options say to leave test code alone.</summary>
    public bool Skips(SyntaxNodeAnalysisContext context)
        => Skips(context.Options, context.Node.SyntaxTree, context.ContainingSymbol);

    /// <summary>True when the node, found by a whole-file action, sits in test code and the options say to leave test code alone.</summary>
    public bool Skips(SemanticModelAnalysisContext context, SyntaxNode node)
        => Skips(context.Options, node.SyntaxTree, context.SemanticModel.GetEnclosingSymbol(node.SpanStart, context.CancellationToken));

    private bool Skips(AnalyzerOptions options, SyntaxTree tree, ISymbol? containingSymbol)
    {
        if (!IsTestProject(options) && (testAttributes.IsEmpty || containingSymbol is null || !IsInTestCode(containingSymbol)))
        {
            return false;
        }

        var value = options.GetGuardrailsOption(tree, SkipTestCodeOption);
        return value is null || !bool.TryParse(value, out var skip) || skip;
    }

    private static bool IsTestProject(AnalyzerOptions options)
        => options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(IsTestProjectProperty, out var value)
            && string.Equals(value, "true", System.StringComparison.OrdinalIgnoreCase);

    private bool IsInTestCode(ISymbol symbol)
    {
        if (HasTestAttribute(symbol))
        {
            return true;
        }

        for (var type = symbol as INamedTypeSymbol ?? symbol.ContainingType; type is not null; type = type.ContainingType)
        {
            if (fixtures.GetOrAdd(type, IsFixture))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsFixture(INamedTypeSymbol type)
    {
        if (HasTestAttribute(type))
        {
            return true;
        }

        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol && HasTestAttribute(member))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasTestAttribute(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            for (var type = attribute.AttributeClass; type is not null; type = type.BaseType)
            {
                if (testAttributes.Contains(type, SymbolEqualityComparer.Default))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
