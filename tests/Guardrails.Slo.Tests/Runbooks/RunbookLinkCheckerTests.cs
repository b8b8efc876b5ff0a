using System.IO;
using System.Linq;
using Guardrails.Diagnostics;
using Guardrails.Slo.Runbooks;
using Guardrails.Testing;

namespace Guardrails.Slo.Tests.Runbooks;

public sealed class RunbookLinkCheckerTests
{
    private TemporaryFolder repository = null!;

    [SetUp]
    public void CreateRepository()
    {
        repository = TemporaryFolder.Create("guardrails-links-");
        Directory.CreateDirectory(Path.Combine(repository.Root, ".git"));
        Directory.CreateDirectory(Path.Combine(repository.Root, "slo"));
        repository.Write(Path.Combine("docs", "runbooks", "checkout.md"), "# Checkout\n\n## Roll back\n\nDo it.\n");
    }

    [TearDown]
    public void DeleteRepository() => repository.Dispose();

    [TestCase("docs/runbooks/checkout.md")]
    [TestCase("/docs/runbooks/checkout.md")]
    [TestCase("../docs/runbooks/checkout.md")]
    [TestCase("docs/runbooks/checkout.md#roll-back")]
    [TestCase("docs/runbooks/checkout.md?plain=1#roll-back")]
    [TestCase("docs/runbooks/check%6Fut.md")]
    [TestCase("https://wiki.example.com/runbooks/checkout#anything")]
    public void A_link_to_an_existing_runbook_and_heading_passes(string target)
    {
        Assert.That(Check(target), Is.Empty);
    }

    [Test]
    public void A_link_to_a_missing_runbook_is_reported_where_the_link_is_written()
    {
        var finding = Check("docs/runbooks/payments.md").Single();

        Assert.Multiple(() =>
        {
            Assert.That(finding.Rule, Is.EqualTo(RunbookRules.RunbookNotFound));
            Assert.That(finding.Location.Line, Is.EqualTo(7));
            Assert.That(finding.Message, Does.StartWith("SLO checkout-availability names the runbook 'docs/runbooks/payments.md', which does not exist"));
        });
    }

    [Test]
    public void A_link_to_a_missing_heading_is_reported_with_the_headings_that_exist()
    {
        var finding = Check("docs/runbooks/checkout.md#rollback").Single();

        Assert.That(finding.Rule, Is.EqualTo(RunbookRules.RunbookAnchorNotFound));
        Assert.That(finding.Message, Does.EndWith("which has no such heading (it has #checkout, #roll-back)"));
    }

    [TestCase("../../etc/passwd")]
    [TestCase("C:\\runbooks\\checkout.md")]
    [TestCase("file:///srv/runbooks/checkout.md")]
    [TestCase("#roll-back")]
    public void A_link_that_leaves_the_repository_is_reported(string target)
    {
        Assert.That(Check(target).Single().Rule, Is.EqualTo(RunbookRules.LinkNotRepositoryRelative));
    }

    private System.Collections.Generic.IReadOnlyList<Finding> Check(string target)
    {
        var reference = new RunbookReference(target, new SourceSpan(Path.Combine(repository.Root, "slo", "checkout.yaml"), 7, 5, 7, 30), "SLO checkout-availability");
        return new RunbookLinkChecker(repository.Root, new RunbookCatalog()).Check([reference]);
    }
}
