using System.Collections.Generic;
using System.Linq;
using Guardrails.Gate.KillSwitch;

namespace Guardrails.Pipelines.Model;

/// <summary>
/// The inputs of the rollback's kill switch, which turns feature flags off so a bad feature is dark even where
/// traffic cannot be moved. An empty <see cref="Flags"/> input means no kill switch. The API token is never an
/// input of the GitHub workflow (it is the KILL_SWITCH_TOKEN secret) and reaches the step only through env.
/// </summary>
public static class KillSwitchInputs
{
    /// <summary>The provider that runs the team's own command instead of <c>guardrails flags off</c>.</summary>
    public const string CommandProvider = "command";

    /// <summary>The variable the token is in when the kill switch runs (guardrails flags off --token-env names it).</summary>
    public const string TokenVariable = "GUARDRAILS_KILL_SWITCH_TOKEN";

    /// <summary>Whether a token was given (true or false, never the token): the settings check reads it before any deploy.</summary>
    public const string TokenGivenVariable = "GUARDRAILS_KILL_SWITCH_HAS_TOKEN";

    public static TemplateInput Flags { get; } = new(
        "kill-switch-flags", TemplateInputType.Text, "Feature flags the rollback turns off, separated by commas or spaces (empty: no kill switch).", string.Empty);

    public static TemplateInput Provider { get; } = new(
        "kill-switch-provider",
        TemplateInputType.Text,
        $"Where the kill switch turns the flags off: {string.Join(", ", FlagProviders.Names)} (guardrails flags off) or {CommandProvider} (kill-switch-command).",
        FlagProviders.Unleash,
        Choices: [.. FlagProviders.Names, CommandProvider]);

    public static TemplateInput Project { get; } = new(
        "kill-switch-project", TemplateInputType.Text, "Project of the flags (Unleash project id, LaunchDarkly project key).", FlagProviders.DefaultProject);

    public static TemplateInput Environment { get; } = new(
        "kill-switch-environment", TemplateInputType.Text, "Flag service environment the flags are turned off in (empty: the value of environment).", string.Empty);

    public static TemplateInput Url { get; } = new(
        "kill-switch-url", TemplateInputType.Text, "Base URL of the flag service's API; required for unleash (empty for launchdarkly: LaunchDarkly's own service).", string.Empty);

    public static TemplateInput Command { get; } = new(
        "kill-switch-command",
        TemplateInputType.Text,
        $"command provider: command that turns off the flags in GUARDRAILS_KILL_SWITCH_FLAGS (token in {TokenVariable}); must be safe to run twice.",
        string.Empty);

    /// <summary>Azure Pipelines has no declared secrets: the token arrives as a secret variable's macro and goes to env only.</summary>
    public static TemplateInput Token { get; } = new(
        "kill-switch-token",
        TemplateInputType.Text,
        "API token of the flag service, a secret variable macro such as $(KillSwitchToken); the kill switch reads it from env only.",
        string.Empty,
        CiSystem.AzurePipelines);

    public static IReadOnlyList<TemplateInput> All { get; } = [Flags, Provider, Project, Environment, Url, Command, Token];

    /// <summary>The inputs the kill-switch step reads in both CI systems (the token aside).</summary>
    public static IReadOnlyList<TemplateInput> Settings { get; } = [.. All.Where(input => input != Token)];
}
