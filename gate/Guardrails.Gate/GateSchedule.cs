using System;

namespace Guardrails.Gate;

/// <summary>When the reads happen: one every <see cref="Interval"/>, the first at once, all within <see cref="Deadline"/>.</summary>
public sealed record GateSchedule(TimeSpan Interval, TimeSpan Deadline);
