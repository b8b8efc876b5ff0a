using System.Collections.Generic;

namespace Guardrails.Gate;

/// <summary>
/// What <c>guardrails gate</c> exits with, defined once: the CLI returns them, the pipeline templates branch
/// on them, docs/gate.md lists them.
/// </summary>
public static class GateExitCodes
{
    public const int Promote = 0;

    public const int RollBack = 1;

    /// <summary>The gate could not run as configured (options, SLO files, or Prometheus refusing the query).</summary>
    public const int ConfigurationError = 2;

    /// <summary>Too little evidence either way: the pipeline fails closed and a person decides.</summary>
    public const int Inconclusive = 3;

    /// <summary>Each exit code with the decision word the templates report it as.</summary>
    public static IReadOnlyList<(int Code, string Decision)> Decisions { get; } =
    [
        (Promote, "promote"),
        (RollBack, "rollback"),
        (ConfigurationError, "configuration-error"),
        (Inconclusive, "inconclusive"),
    ];
}
