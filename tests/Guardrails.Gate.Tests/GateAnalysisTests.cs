using System;
using System.Linq;
using Guardrails.Gate;

namespace Guardrails.Gate.Tests;

/// <summary>
/// The decision table. Reads are written as letters: G good, B bad, E query error, N no data.
/// Each case gives the limits, the verdict, and the read that decides it.
/// </summary>
public sealed class GateAnalysisTests
{
    [TestCase("GGGGG", 5, 0, 4, 0, "Fail", "Promote", 5, TestName = "all good reads promote after the planned count")]
    [TestCase("G", 1, 0, 4, 0, "Fail", "Promote", 1, TestName = "a single planned good read promotes")]
    [TestCase("GGBGG", 5, 0, 4, 0, "Fail", "RollBack", 3, TestName = "failure limit 0 rolls back on the first bad read")]
    [TestCase("GBGGG", 5, 1, 4, 0, "Fail", "Promote", 5, TestName = "failure limit 1 tolerates one bad read")]
    [TestCase("GBGBG", 5, 1, 4, 0, "Fail", "RollBack", 4, TestName = "failure limit 1 rolls back on the second bad read")]
    [TestCase("BBBBB", 5, 5, 4, 0, "Fail", "RollBack", 5, TestName = "no good read at all rolls back even within the failure limit")]
    [TestCase("EEEEEG", 10, 0, 4, 0, "Fail", "RollBack", 5, TestName = "errors beyond the error limit roll back")]
    [TestCase("EGEGEGEGE", 10, 0, 4, 0, "Fail", "RollBack", 9, TestName = "errors count in total, not only consecutive ones")]
    [TestCase("EGEGG", 5, 0, 2, 0, "Fail", "Promote", 5, TestName = "errors within the limit do not block promotion")]
    [TestCase("EEEE", 4, 0, 4, 0, "Fail", "RollBack", 4, TestName = "only errors within the limit still roll back: nothing was measured")]
    [TestCase("EG", 2, 0, 0, 0, "Fail", "RollBack", 1, TestName = "error limit 0 rolls back on the first error")]
    [TestCase("EBG", 3, 0, 4, 0, "Fail", "RollBack", 2, TestName = "an error does not count as a bad read but a bad read after it still fails")]
    [TestCase("NGG", 3, 0, 4, 0, "Fail", "RollBack", 1, TestName = "no data counts as bad under the fail policy")]
    [TestCase("NGG", 3, 1, 4, 0, "Fail", "Promote", 3, TestName = "no data under the fail policy uses up the failure limit")]
    [TestCase("NBG", 3, 1, 4, 0, "Fail", "RollBack", 2, TestName = "no data and a bad read together exceed failure limit 1")]
    [TestCase("NNN", 3, 0, 4, 0, "Pass", "Promote", 3, TestName = "no data counts as good under the pass policy")]
    [TestCase("NBN", 3, 0, 4, 0, "Pass", "RollBack", 2, TestName = "the pass policy does not excuse a bad read")]
    [TestCase("GNG", 3, 0, 4, 0, "Inconclusive", "Inconclusive", 2, TestName = "no data ends inconclusive under the inconclusive policy")]
    [TestCase("NGN", 3, 0, 4, 1, "Inconclusive", "Inconclusive", 3, TestName = "the inconclusive limit tolerates that many reads without data")]
    [TestCase("NGG", 3, 0, 4, 1, "Inconclusive", "Promote", 3, TestName = "reads without data within the inconclusive limit still allow promotion")]
    [TestCase("NN", 2, 0, 4, 5, "Inconclusive", "RollBack", 2, TestName = "only reads without data within the inconclusive limit roll back")]
    [TestCase("NB", 2, 5, 4, 0, "Inconclusive", "Inconclusive", 1, TestName = "the first limit exceeded decides")]
    public void Decides_as_documented(string reads, int samples, int failureLimit, int errorLimit, int inconclusiveLimit, string policy, string verdict, int decidedAtRead)
    {
        var limits = new AnalysisLimits(samples, failureLimit, errorLimit, inconclusiveLimit, Enum.Parse<NoDataPolicy>(policy));
        var analysis = new GateAnalysis(limits);
        var decisions = reads.Select(letter => analysis.Record(Parse(letter))).ToList();

        var firstDecision = decisions.FindIndex(decision => decision is not null);
        Assert.Multiple(() =>
        {
            Assert.That(firstDecision + 1, Is.EqualTo(decidedAtRead), "the read that decided");
            Assert.That(analysis.Decision?.Verdict, Is.EqualTo(Enum.Parse<GateVerdict>(verdict)));
            Assert.That(analysis.Reads, Is.EqualTo(decidedAtRead), "reads after the decision are not counted");
        });
    }

    [Test]
    public void Reasons_name_the_limit_that_decided()
    {
        var analysis = new GateAnalysis(new AnalysisLimits(10, 1, 4, 0, NoDataPolicy.Fail));
        analysis.Record(ReadKind.Bad);
        var decision = analysis.Record(ReadKind.Bad);

        Assert.That(decision?.Reason, Does.Contain("--failure-limit 1").And.Contain("read 2"));
    }

    [Test]
    public void A_promotion_reason_counts_the_reads()
    {
        var analysis = new GateAnalysis(new AnalysisLimits(3, 1, 4, 0, NoDataPolicy.Fail));
        analysis.Record(ReadKind.Good);
        analysis.Record(ReadKind.Error);
        var decision = analysis.Record(ReadKind.Good);

        Assert.That(decision?.Reason, Does.StartWith("2 of 3 reads were good").And.Contain("1 failed"));
    }

    private static ReadKind Parse(char letter) => letter switch
    {
        'G' => ReadKind.Good,
        'B' => ReadKind.Bad,
        'E' => ReadKind.Error,
        _ => ReadKind.NoData,
    };
}
