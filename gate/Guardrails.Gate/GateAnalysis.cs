using System;
using System.Globalization;

namespace Guardrails.Gate;

/// <summary>
/// The decision rules, free of time and I/O: fed one read at a time, it says when the gate is decided.
/// Argo Rollouts' analysis semantics (fail when bad reads exceed the failure limit, inconclusive when
/// inconclusive reads exceed the inconclusive limit, succeed after the planned number of reads) with two
/// changes so it fails closed: query errors are counted in total rather than consecutively, and the gate
/// never promotes without at least one good read.
/// </summary>
public sealed class GateAnalysis
{
    private readonly AnalysisLimits limits;

    public GateAnalysis(AnalysisLimits limits)
    {
        this.limits = limits;
    }

    public int Reads { get; private set; }

    public int Good { get; private set; }

    public int Bad { get; private set; }

    public int Errors { get; private set; }

    public int Inconclusive { get; private set; }

    /// <summary>The first decision reached, if any; once decided, later reads change nothing.</summary>
    public GateDecision? Decision { get; private set; }

    /// <summary>Counts one read and returns the decision if this read settles the gate.</summary>
    public GateDecision? Record(ReadKind kind)
    {
        if (Decision is not null)
        {
            return Decision;
        }

        Reads++;
        Decision = kind switch
        {
            ReadKind.Good => CountGood(),
            ReadKind.Bad => CountBad("its burn rate was over the maximum"),
            ReadKind.Error => CountError(),
            _ => limits.OnNoData switch
            {
                NoDataPolicy.Pass => CountGood(),
                NoDataPolicy.Inconclusive => CountInconclusive(),
                _ => CountBad("it had no data and --on-no-data is fail"),
            },
        };
        Decision ??= Reads >= limits.Samples ? Complete() : null;
        return Decision;
    }

    private GateDecision? CountGood()
    {
        Good++;
        return null;
    }

    private GateDecision? CountBad(string why)
    {
        Bad++;
        return Bad > limits.FailureLimit
            ? new GateDecision(GateVerdict.RollBack, Format($"read {Reads} was bad ({why}): {Bad} bad read(s) exceed --failure-limit {limits.FailureLimit}"))
            : null;
    }

    private GateDecision? CountError()
    {
        Errors++;
        return Errors > limits.ErrorLimit
            ? new GateDecision(GateVerdict.RollBack, Format($"{Errors} failed queries exceed --error-limit {limits.ErrorLimit}; the canary's health is unknown"))
            : null;
    }

    private GateDecision? CountInconclusive()
    {
        Inconclusive++;
        return Inconclusive > limits.InconclusiveLimit
            ? new GateDecision(GateVerdict.Inconclusive, Format($"{Inconclusive} read(s) without data exceed --inconclusive-limit {limits.InconclusiveLimit}"))
            : null;
    }

    private GateDecision Complete() => Good == 0
        ? new GateDecision(GateVerdict.RollBack, Format($"none of the {Reads} reads showed a healthy canary ({Errors} failed, {Inconclusive} without data)"))
        : new GateDecision(GateVerdict.Promote, Format($"{Good} of {Reads} reads were good ({Bad} bad, {Errors} failed, {Inconclusive} inconclusive), within the limits"));

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
