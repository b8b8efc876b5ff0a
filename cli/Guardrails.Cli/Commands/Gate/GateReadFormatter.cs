using System;
using System.Globalization;
using Guardrails.Gate;

namespace Guardrails.Cli.Commands.Gate;

/// <summary>The words a read and a decision are reported with, shared by the plain and the terminal progress.</summary>
internal static class GateReadFormatter
{
    public static string KindWord(ReadKind kind) => kind switch
    {
        ReadKind.Good => "good",
        ReadKind.Bad => "bad",
        ReadKind.NoData => "no data",
        _ => "query failed",
    };

    public static string VerdictWord(GateVerdict verdict) => verdict switch
    {
        GateVerdict.Promote => "promote",
        GateVerdict.RollBack => "roll back",
        _ => "inconclusive",
    };

    public static string Traffic(GateRead read) => read.RequestsPerSecond is double rps
        ? string.Create(CultureInfo.InvariantCulture, $"{rps:0.###} req/s")
        : "traffic unknown";

    public static string Tally(GateAnalysis tally) => string.Create(
        CultureInfo.InvariantCulture,
        $"good {tally.Good}, bad {tally.Bad}, failed {tally.Errors}, inconclusive {tally.Inconclusive}");

    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
