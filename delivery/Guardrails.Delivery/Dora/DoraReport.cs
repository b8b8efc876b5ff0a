using System;
using System.Collections.Generic;

namespace Guardrails.Delivery.Dora;

/// <summary>
/// The report over [From, To): the weeks it touches, the totals, and, with a baseline date, the totals
/// before it (<see cref="Baseline"/>, [From, BaselineUntil)) and from it on (<see cref="After"/>).
/// </summary>
public sealed record DoraReport(
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset? BaselineUntil,
    IReadOnlyList<DoraWeek> Weeks,
    DoraPeriodTotals Totals,
    DoraPeriodTotals? Baseline,
    DoraPeriodTotals? After);
