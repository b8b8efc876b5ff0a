using System;
using Guardrails.Testing;

namespace Guardrails.Slo.Tests.Prometheus;

public sealed class GoldenFileUpdateTests
{
    [TestCase(null, null, false)]
    [TestCase("1", null, true)]
    [TestCase("1", "false", true)]
    [TestCase("0", "true", false)]
    public void The_update_switch_is_off_unless_set_to_1(string? update, string? ci, bool expected)
    {
        Assert.That(GoldenFileUpdate.Decide(update, ci), Is.EqualTo(expected));
    }

    [TestCase("true")]
    [TestCase("TRUE")]
    [TestCase("1")]
    public void Ci_refuses_the_update_switch_so_a_golden_test_cannot_pass_by_rewriting_its_expectation(string ci)
    {
        Assert.That(() => GoldenFileUpdate.Decide("1", ci), Throws.InvalidOperationException.With.Message.Contains("refused when CI=true"));
    }
}
