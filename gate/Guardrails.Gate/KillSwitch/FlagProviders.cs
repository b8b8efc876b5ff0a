using System.Collections.Generic;

namespace Guardrails.Gate.KillSwitch;

/// <summary>The flag services <c>guardrails flags off</c> speaks to (its --provider values) and its defaults.</summary>
public static class FlagProviders
{
    public const string Unleash = "unleash";
    public const string LaunchDarkly = "launchdarkly";

    /// <summary>The project a flag is in when none is named: Unleash's default project is called so.</summary>
    public const string DefaultProject = "default";

    /// <summary>The bound on each request when --timeout is not given.</summary>
    public const string DefaultTimeout = "30s";

    public static IReadOnlyList<string> Names { get; } = [Unleash, LaunchDarkly];
}
