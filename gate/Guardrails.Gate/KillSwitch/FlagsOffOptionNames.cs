namespace Guardrails.Gate.KillSwitch;

/// <summary>
/// The long name of every option of <c>guardrails flags off</c>, defined once: the CLI's option attributes and
/// the kill-switch step of the pipeline templates both use these.
/// </summary>
public static class FlagsOffOptionNames
{
    public const string Provider = "--provider";
    public const string Flag = "--flag";
    public const string Project = "--project";
    public const string Environment = "--environment";
    public const string Url = "--url";
    public const string TokenEnv = "--token-env";
    public const string Timeout = "--timeout";
    public const string Record = "--record";
}
