using System;

namespace Guardrails.Gate;

/// <summary>
/// When the reads happen: the first after <see cref="WarmUp"/>, then one every <see cref="Interval"/>, all within
/// <see cref="Deadline"/> counted from the gate's start.
/// </summary>
public sealed record GateSchedule(TimeSpan Interval, TimeSpan Deadline, TimeSpan WarmUp = default);
