using System;
using System.Linq;
using Guardrails.Analyzers.CodeFixes.Retries;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Guardrails.Analyzers.Tests.Infrastructure;

/// <summary>
/// `dotnet format analyzers` and the IDE's "Fix all in document / project / solution" need every code fix to hand
/// out a Fix All provider for those three scopes; without one, dotnet format answers "Unable to fix". Found by
/// reflection, so a new code fix is held to it too. What each Fix All writes is tested beside each fix.
/// </summary>
[TestFixture]
public sealed class CodeFixFixAllScopeTests
{
    private static readonly FixAllScope[] TeamScopes = [FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution];

    private static CodeFixProvider[] AllCodeFixes() =>
    [
        .. typeof(RetryLoopToPollyCodeFixProvider).Assembly.GetTypes()
            .Where(type => typeof(CodeFixProvider).IsAssignableFrom(type) && !type.IsAbstract)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!),
    ];

    [Test]
    public void The_code_fixes_are_found()
    {
        // Guards the test below against passing on an empty list.
        var names = AllCodeFixes().Select(fix => fix.GetType().Name).ToArray();
        Assert.That(names, Does.Contain(nameof(RetryLoopToPollyCodeFixProvider)));
        Assert.That(names, Has.Length.GreaterThanOrEqualTo(5));
    }

    [TestCaseSource(nameof(AllCodeFixes))]
    public void Every_code_fix_supports_fix_all_in_document_project_and_solution(CodeFixProvider fix)
    {
        var fixAll = fix.GetFixAllProvider();
        Assert.That(fixAll, Is.Not.Null, $"{fix.GetType().Name} has no Fix All provider");
        Assert.That(fixAll!.GetSupportedFixAllScopes(), Is.SupersetOf(TeamScopes), fix.GetType().Name);
    }
}
