using System.ComponentModel;
using Guardrails.Gate.KillSwitch;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Commands.Flags;

/// <summary>The options of <c>guardrails flags off</c>; docs/flags.md documents each one.</summary>
internal sealed class FlagsOffSettings : CommandSettings
{
    [CommandOption(FlagsOffOptionNames.Provider + " <PROVIDER>")]
    [Description("unleash (its admin API) or launchdarkly (its REST API's semantic patch).")]
    public string? Provider { get; set; }

    [CommandOption(FlagsOffOptionNames.Flag + " <NAME>")]
    [Description("The flag to turn off (Unleash feature name, LaunchDarkly flag key); repeat for several.")]
    public string[] Flag { get; set; } = [];

    [CommandOption(FlagsOffOptionNames.Project + " <PROJECT>")]
    [Description("The flag's project (Unleash project id, LaunchDarkly project key). Default: default.")]
    [DefaultValue(FlagProviders.DefaultProject)]
    public string Project { get; set; } = FlagProviders.DefaultProject;

    [CommandOption(FlagsOffOptionNames.Environment + " <ENVIRONMENT>")]
    [Description("The environment the flag is turned off in (Unleash environment, LaunchDarkly environment key).")]
    public string? Environment { get; set; }

    [CommandOption(FlagsOffOptionNames.Url + " <URL>")]
    [Description("The service's base URL. Required for Unleash; default https://app.launchdarkly.com for LaunchDarkly.")]
    public string? Url { get; set; }

    [CommandOption(FlagsOffOptionNames.TokenEnv + " <VARIABLE>")]
    [Description("Environment variable holding the API token (Unleash admin token, LaunchDarkly access token with writer rights).")]
    public string? TokenEnv { get; set; }

    [CommandOption(FlagsOffOptionNames.Timeout + " <DURATION>")]
    [Description("Bound on each request.")]
    [DefaultValue(FlagProviders.DefaultTimeout)]
    public string Timeout { get; set; } = FlagProviders.DefaultTimeout;

    [CommandOption(FlagsOffOptionNames.Record + " <FILE>")]
    [Description("The canary's JSON deployment record; the flags turned off are added to it. Default: none.")]
    public string? Record { get; set; }
}
