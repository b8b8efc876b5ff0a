using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Guardrails.Gate;
using Microsoft.Extensions.Time.Testing;

namespace Guardrails.Gate.Tests;

/// <summary>A probe that answers from a script of read kinds and can make each read take (fake) time.</summary>
internal sealed class ScriptedProbe : ICanaryProbe
{
    private readonly Queue<ReadKind> script;
    private readonly FakeTimeProvider time;

    public ScriptedProbe(FakeTimeProvider time, params ReadKind[] script)
    {
        this.time = time;
        this.script = new Queue<ReadKind>(script);
    }

    public List<DateTimeOffset> ReadTimes { get; } = [];

    /// <summary>How long each read takes on the fake clock.</summary>
    public TimeSpan ReadDuration { get; init; } = TimeSpan.Zero;

    public Task<ProbeReading> ReadAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        ReadTimes.Add(at);
        time.Advance(ReadDuration);
        cancellationToken.ThrowIfCancellationRequested();
        var kind = script.Count > 0 ? script.Dequeue() : ReadKind.Good;
        return Task.FromResult(new ProbeReading(kind, 10, [new SloMeasurement("availability", 0.0001, 0.1)], kind.ToString()));
    }
}
