using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Guardrails.Gate;
using Microsoft.Extensions.Time.Testing;

namespace Guardrails.Gate.Tests;

/// <summary>The read loop on a fake clock: when reads happen, when the gate stops, what the deadline does.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class CanaryGateTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly ReadKind[] GoodErrorGood = [ReadKind.Good, ReadKind.Error, ReadKind.Good];
    private readonly FakeTimeProvider time = new(Start);
    private readonly RecordingProgress progress = new();

    [Test]
    public async Task Reads_every_interval_from_the_start_and_promotes_after_the_planned_count()
    {
        var probe = new ScriptedProbe(time);

        var outcome = await RunAsync(probe, samples: 4, interval: TimeSpan.FromSeconds(30), deadline: TimeSpan.FromMinutes(5));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Decision.Verdict, Is.EqualTo(GateVerdict.Promote));
            Assert.That(probe.ReadTimes, Is.EqualTo(SecondsAfterStart(0, 30, 60, 90)));
            Assert.That(outcome.Reads.Select(read => read.Number), Is.EqualTo(Enumerable.Range(1, 4)));
            Assert.That(progress.Reads, Has.Count.EqualTo(4));
            Assert.That(progress.Decisions.Single(), Is.SameAs(outcome.Decision));
        });
    }

    // A canary started right after a failed one: no read may measure a window that began before this gate.
    [Test]
    public async Task The_first_read_waits_for_the_warm_up_then_reads_every_interval()
    {
        var probe = new ScriptedProbe(time);

        var outcome = await RunAsync(probe, samples: 3, interval: TimeSpan.FromSeconds(30), deadline: TimeSpan.FromMinutes(10), warmUp: TimeSpan.FromMinutes(5));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Decision.Verdict, Is.EqualTo(GateVerdict.Promote));
            Assert.That(probe.ReadTimes, Is.EqualTo(SecondsAfterStart(300, 330, 360)));
        });
    }

    [Test]
    public async Task The_deadline_counts_the_warm_up()
    {
        var probe = new ScriptedProbe(time);

        var outcome = await RunAsync(probe, samples: 3, interval: TimeSpan.FromSeconds(30), deadline: TimeSpan.FromMinutes(5).Add(TimeSpan.FromSeconds(45)), warmUp: TimeSpan.FromMinutes(5));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Decision.Verdict, Is.EqualTo(GateVerdict.RollBack));
            Assert.That(outcome.Decision.Reason, Does.Contain("deadline").And.Contain("2 read(s)"));
        });
    }

    [Test]
    public async Task Stops_reading_once_decided()
    {
        var probe = new ScriptedProbe(time, ReadKind.Good, ReadKind.Bad, ReadKind.Good);

        var outcome = await RunAsync(probe, samples: 10, interval: TimeSpan.FromSeconds(30), deadline: TimeSpan.FromMinutes(10));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Decision.Verdict, Is.EqualTo(GateVerdict.RollBack));
            Assert.That(probe.ReadTimes, Has.Count.EqualTo(2));
            Assert.That(time.GetUtcNow(), Is.EqualTo(Start.AddSeconds(30)), "no waiting after the decision");
        });
    }

    [Test]
    public async Task Slow_reads_do_not_stretch_the_schedule()
    {
        var probe = new ScriptedProbe(time) { ReadDuration = TimeSpan.FromSeconds(20) };

        await RunAsync(probe, samples: 3, interval: TimeSpan.FromSeconds(30), deadline: TimeSpan.FromMinutes(5));

        Assert.That(probe.ReadTimes, Is.EqualTo(SecondsAfterStart(0, 30, 60)));
    }

    [Test]
    public async Task A_read_slower_than_the_interval_is_followed_at_once_by_the_next()
    {
        var probe = new ScriptedProbe(time) { ReadDuration = TimeSpan.FromSeconds(45) };

        await RunAsync(probe, samples: 3, interval: TimeSpan.FromSeconds(30), deadline: TimeSpan.FromMinutes(5));

        Assert.That(probe.ReadTimes, Is.EqualTo(SecondsAfterStart(0, 45, 90)));
    }

    [Test]
    public async Task A_read_that_hangs_past_the_deadline_rolls_back()
    {
        var probe = new ScriptedProbe(time) { ReadDuration = TimeSpan.FromMinutes(10) };

        var outcome = await RunAsync(probe, samples: 3, interval: TimeSpan.FromSeconds(30), deadline: TimeSpan.FromMinutes(2));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Decision.Verdict, Is.EqualTo(GateVerdict.RollBack));
            Assert.That(outcome.Decision.Reason, Does.Contain("deadline"));
            Assert.That(outcome.Reads, Is.Empty, "the hung read never produced a value");
        });
    }

    [Test]
    public async Task A_schedule_longer_than_the_deadline_rolls_back_when_the_deadline_passes()
    {
        var probe = new ScriptedProbe(time);

        var outcome = await RunAsync(probe, samples: 10, interval: TimeSpan.FromMinutes(1), deadline: TimeSpan.FromSeconds(150));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Decision.Verdict, Is.EqualTo(GateVerdict.RollBack));
            Assert.That(outcome.Decision.Reason, Does.Contain("deadline").And.Contain("3 read(s)"));
            Assert.That(outcome.Reads, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task Cancellation_rolls_back()
    {
        using var cancellation = new CancellationTokenSource();
        var probe = new ScriptedProbe(time);
        var gate = new CanaryGate(
            probe,
            new GateSchedule(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10)),
            new AnalysisLimits(10, 0, 4, 0, NoDataPolicy.Fail),
            time,
            progress,
            (wait, cancellationToken) =>
            {
                cancellation.Cancel();
                cancellationToken.ThrowIfCancellationRequested();
                return Task.CompletedTask;
            });

        var outcome = await gate.RunAsync(cancellation.Token);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Decision.Verdict, Is.EqualTo(GateVerdict.RollBack));
            Assert.That(outcome.Decision.Reason, Does.Contain("cancelled"));
        });
    }

    [Test]
    public async Task The_outcome_keeps_every_read_with_its_time_and_kind()
    {
        var probe = new ScriptedProbe(time, GoodErrorGood);

        var outcome = await RunAsync(probe, samples: 3, interval: TimeSpan.FromSeconds(10), deadline: TimeSpan.FromMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Reads.Select(read => read.Kind), Is.EqualTo(GoodErrorGood));
            Assert.That(outcome.Reads[1].Timestamp, Is.EqualTo(Start.AddSeconds(10)));
            Assert.That(outcome.StartedAt, Is.EqualTo(Start));
            Assert.That(outcome.FinishedAt, Is.EqualTo(Start.AddSeconds(20)));
        });
    }

    private static DateTimeOffset[] SecondsAfterStart(params int[] seconds) => [.. seconds.Select(second => Start.AddSeconds(second))];

    private Task<GateOutcome> RunAsync(ScriptedProbe probe, int samples, TimeSpan interval, TimeSpan deadline, TimeSpan warmUp = default)
    {
        var gate = new CanaryGate(
            probe,
            new GateSchedule(interval, deadline, warmUp),
            new AnalysisLimits(samples, 0, 4, 0, NoDataPolicy.Fail),
            time,
            progress,
            (wait, cancellationToken) =>
            {
                time.Advance(wait);
                cancellationToken.ThrowIfCancellationRequested();
                return Task.CompletedTask;
            });
        return gate.RunAsync(CancellationToken.None);
    }
}
