using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Guardrails.Slo.Prometheus;

namespace Guardrails.Gate;

/// <summary>
/// Runs the analysis: after the warm-up (by default one window, so the first read measures only what the
/// canary served while the gate ran), a read every interval (on a fixed schedule from the start, so slow
/// queries do not stretch the gate), each fed to <see cref="GateAnalysis"/>, until it decides. The whole gate is bounded
/// by the deadline; reaching it, or being cancelled, rolls back, because an unmeasured canary is not a
/// healthy one. Time comes from a <see cref="TimeProvider"/> so tests never really wait.
/// </summary>
public sealed class CanaryGate
{
    private readonly ICanaryProbe probe;
    private readonly GateSchedule schedule;
    private readonly AnalysisLimits limits;
    private readonly TimeProvider time;
    private readonly IGateProgress progress;
    private readonly Func<TimeSpan, CancellationToken, Task> delay;

    public CanaryGate(ICanaryProbe probe, GateSchedule schedule, AnalysisLimits limits, TimeProvider time, IGateProgress progress)
        : this(probe, schedule, limits, time, progress, (wait, cancellationToken) => Task.Delay(wait, time, cancellationToken))
    {
    }

    /// <summary>With the wait between reads supplied by the caller: tests move a fake clock instead of sleeping.</summary>
    public CanaryGate(ICanaryProbe probe, GateSchedule schedule, AnalysisLimits limits, TimeProvider time, IGateProgress progress, Func<TimeSpan, CancellationToken, Task> delay)
    {
        this.probe = probe;
        this.schedule = schedule;
        this.limits = limits;
        this.time = time;
        this.progress = progress;
        this.delay = delay;
    }

    public async Task<GateOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var analysis = new GateAnalysis(limits);
        var reads = new List<GateRead>();
        using var deadline = new CancellationTokenSource(schedule.Deadline, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        GateDecision decision;
        try
        {
            decision = await ReadUntilDecidedAsync(startedAt, analysis, reads, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            decision = new GateDecision(GateVerdict.RollBack, Format($"the deadline of {PrometheusDuration.Format(schedule.Deadline)} passed after {analysis.Reads} read(s) without a decision"));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            decision = new GateDecision(GateVerdict.RollBack, Format($"the gate was cancelled after {analysis.Reads} read(s)"));
        }

        progress.Decided(decision);
        return new GateOutcome(decision, startedAt, time.GetUtcNow(), reads);
    }

    private async Task<GateDecision> ReadUntilDecidedAsync(DateTimeOffset startedAt, GateAnalysis analysis, List<GateRead> reads, CancellationToken cancellationToken)
    {
        for (var number = 1; ; number++)
        {
            var due = startedAt + schedule.WarmUp + (schedule.Interval * (number - 1));
            var wait = due - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await delay(wait, cancellationToken).ConfigureAwait(false);
            }

            var at = time.GetUtcNow();
            var reading = await probe.ReadAsync(at, cancellationToken).ConfigureAwait(false);
            var read = new GateRead(number, at, reading.Kind, reading.RequestsPerSecond, reading.Measurements, reading.Detail);
            reads.Add(read);
            var decision = analysis.Record(read.Kind);
            progress.ReadTaken(read, analysis);
            if (decision is not null)
            {
                return decision;
            }
        }
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
